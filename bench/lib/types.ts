import type { LatencySummary } from './histogram.js';

export type Transport = 'ws' | 'http';

/** One load step against one server variant. */
export interface StepResult {
  offered: number;
  achieved: number;
  sent: number;
  ok: number;
  errors: number;
  timedOut: number;
  dropped: number;
  latency: LatencySummary;
  good: boolean;
  firstError?: string;
  /** CPU-seconds per 1,000 successful turns, per process (steady step only). */
  cpuPer1k?: { server: number; loadgen: number; redis: number; postgres: number };
  /** Steady step only: cores busy in processes other than the four measured (interference). */
  otherCores?: number;
  /** Steady step only: cores the load generator used. */
  loadgenCores?: number;
  /** PostgreSQL checkpoints that began or ended during the step (absent when PostgreSQL could not be asked). */
  checkpoints?: number;
  /** The server's longest event-loop stall and its GC pauses during the step (absent when it could not be asked). */
  serverStalls?: { loopDelayMaxMs: number; gcPauseMaxMs: number; gcPauseTotalMs: number };
}

export interface LoadVariantResult {
  id: string;
  group: 'front' | 'hilo' | 'floor' | 'peer' | 'workload';
  title: string;
  transport: Transport;
  frontEnd: string;
  steps: StepResult[];
  /** Highest good offered rate; null when even the lowest step failed. */
  knee: StepResult | null;
  /** The step at 70 % of the knee. */
  steady: StepResult | null;
  error?: string;
}

export interface EngineFigures {
  turnsPerSecond: number;
  transitionsPerSecond: number;
  snapshotUs: number;
  snapshotBytes: number;
  restoreUs: number;
  heapPerActorBytes: number;
  heapActors: number;
}

export interface ActivationFigures {
  conversations: number;
  accesses: number;
  activations: number;
  hits: number;
  writeSeconds: number;
  total: LatencySummary;
  get: LatencySummary;
  restore: LatencySummary;
}

export interface MemoryFigures {
  idleConnections: number;
  rssPerConnectionBytes: number;
  heapPerConnectionBytes: number;
  transport: string;
}

export interface ProfileFigures {
  variant: string;
  rate: number;
  summary: import('./cpu-profile.js').ProfileSummary;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  redis: string;
  postgres: string;
  date: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchResults {
  mode: 'quick' | 'full';
  command: string;
  machine: MachineInfo;
  settings: Record<string, string>;
  load: LoadVariantResult[];
  engine: EngineFigures | { error: string } | null;
  activation: ActivationFigures | { error: string } | null;
  memory: MemoryFigures | { error: string } | null;
  profiles: ProfileFigures[];
  durationS: number;
}

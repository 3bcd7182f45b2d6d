import { HiloError } from '../errors.js';

export type TransportKind = 'auto' | 'uws' | 'node';

/** Every setting Hilo reads from the environment; `docs/configuration.md` documents each one. */
export interface HiloConfig {
  port: number;
  host: string;
  transport: TransportKind;
  tenantsDir: string;
  /** API key of the demo tenant; generated at start-up when unset. */
  demoApiKey: string | null;
  /** Extra API keys: `tenant:key` pairs. */
  apiKeys: { tenantId: string; key: string }[];
  logLevel: string;
  shardCount: number;
  maxActiveActors: number;
  idleTimeoutMs: number;
  turnTimeoutMs: number;
  maxBodyBytes: number;
  rateLimitPerIpPerMinute: number;
  rateLimitPerContactPerMinute: number;
  /** `off`, `server` (local bridge to the Stately inspector), `sky`, or a `ws://` URL of an inspector server. */
  inspect: string;
  inspectPort: number;
  /** Only conversations whose id contains this string are inspected (empty: all). */
  inspectConversation: string;
  /** `memory`: everything in process memory (forgotten on restart); `durable`: SQL + snapshot store. */
  storage: 'durable' | 'memory';
  /** `REDIS_URL`: snapshots in Redis; null: in memory (with the SQL snapshot copy surviving restarts). */
  redisUrl: string | null;
  /** Prefix of every Redis key (one deployment, or one test, per prefix). */
  redisPrefix: string;
  /** `DATABASE_URL`: a PostgreSQL server; null: embedded PGlite under `dataDir`/pglite. */
  databaseUrl: string | null;
  dataDir: string;
  /** A conversation without activity this long is closed by a durable timer; 0 = never. */
  conversationIdleCloseMs: number;
  /** How often due durable timers are looked for. */
  timerScanMs: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} must be an integer between ${min} and ${max}, got "${raw}".`);
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} must be one of ${allowed.join(', ')}, got "${raw}".`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} must be a URL (${protocols.join(' or ')}//…).`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  return raw;
}

/** Reads and validates the configuration; throws HILO_ERR_CONFIG_INVALID naming the variable. */
export function loadConfig(env: Env = process.env): HiloConfig {
  const apiKeys = (env.HILO_API_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf(':');
      if (i <= 0 || i === pair.length - 1) {
        throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_API_KEYS must be a comma-separated list of tenant:key pairs.');
      }
      return { tenantId: pair.slice(0, i), key: pair.slice(i + 1) };
    });
  const demoApiKey = env.HILO_DEMO_API_KEY && env.HILO_DEMO_API_KEY.length > 0 ? env.HILO_DEMO_API_KEY : null;
  if (demoApiKey !== null && demoApiKey.length < 16) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_DEMO_API_KEY must be at least 16 characters.');
  }
  const inspect = env.HILO_INSPECT && env.HILO_INSPECT !== '' ? env.HILO_INSPECT : 'off';
  if (!['off', 'server', 'sky'].includes(inspect) && !/^wss?:\/\//.test(inspect)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_INSPECT must be off, server, sky or a ws:// URL.');
  }
  const redisPrefix = env.HILO_REDIS_PREFIX && env.HILO_REDIS_PREFIX !== '' ? env.HILO_REDIS_PREFIX : 'hilo';
  if (/[{}\s*?[\]]/.test(redisPrefix)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_REDIS_PREFIX must not contain braces, spaces or glob characters.');
  }
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0',
    transport: oneOf(env, 'HILO_TRANSPORT', ['auto', 'uws', 'node'] as const, 'auto'),
    tenantsDir: env.HILO_TENANTS_DIR && env.HILO_TENANTS_DIR !== '' ? env.HILO_TENANTS_DIR : 'tenants',
    demoApiKey,
    apiKeys,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    shardCount: int(env, 'HILO_SHARDS', 256, 1, 65536),
    maxActiveActors: int(env, 'HILO_MAX_ACTIVE_ACTORS', 10_000, 1, 10_000_000),
    idleTimeoutMs: int(env, 'HILO_IDLE_TIMEOUT_MS', 10 * 60_000, 1_000, 7 * 24 * 3600_000),
    turnTimeoutMs: int(env, 'HILO_TURN_TIMEOUT_MS', 15_000, 100, 600_000),
    maxBodyBytes: int(env, 'HILO_MAX_BODY_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    rateLimitPerIpPerMinute: int(env, 'HILO_RATE_LIMIT_IP_PER_MINUTE', 600, 1, 1_000_000),
    rateLimitPerContactPerMinute: int(env, 'HILO_RATE_LIMIT_CONTACT_PER_MINUTE', 60, 1, 1_000_000),
    inspect,
    inspectPort: int(env, 'HILO_INSPECT_PORT', 8081, 1, 65535),
    inspectConversation: env.HILO_INSPECT_CONVERSATION ?? '',
    storage: oneOf(env, 'HILO_STORAGE', ['durable', 'memory'] as const, 'durable'),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: env.HILO_DATA_DIR && env.HILO_DATA_DIR !== '' ? env.HILO_DATA_DIR : './data',
    conversationIdleCloseMs: int(env, 'HILO_CONVERSATION_IDLE_CLOSE_MS', 24 * 3600_000, 0, 365 * 24 * 3600_000),
    timerScanMs: int(env, 'HILO_TIMER_SCAN_MS', 5_000, 10, 3600_000),
  };
}

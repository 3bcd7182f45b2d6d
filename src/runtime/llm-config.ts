import { readFileSync } from 'node:fs';
import type { ResponseFormatMode } from '../actors/brain/llm/llm-client.js';
import { HiloError } from '../kernel/errors.js';
import type { KeyPoolEntry } from './key-pool.js';

/** How Hilo reaches an OpenAI-compatible provider. `null` from `loadLlmConfig` means: rule brain only. */
export interface LlmConfig {
  /** One entry per provider account; never logged (the keys are inside). */
  entries: KeyPoolEntry[];
  /** One provider call. */
  timeoutMs: number;
  /** All attempts of one reading together: a turn never waits longer for the LLM. */
  deadlineMs: number;
  /** The turn timeout the budgets were derived from (`HILO_TURN_TIMEOUT_MS`). */
  turnTimeoutMs: number;
  /** How long a turn waits for the model to write its replies (`HILO_LLM_REPLIES=1`); 0 when off. */
  composeDeadlineMs: number;
  /** LLM failures in a row in one conversation before the conversation goes to a human. */
  maxConsecutiveFailures: number;
  /** `json_schema` (structured outputs) or `json_object` (JSON mode, for providers without the former). */
  responseFormat: ResponseFormatMode;
  /** Offer Hilo's tools to the model (function calling); off for providers or models without it. */
  tools: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export const LLM_DEFAULTS = {
  /** The longest one provider call may take, when the turn leaves room for it. */
  timeoutMs: 20_000,
  maxConsecutiveFailures: 3,
  maxConcurrentConversations: 100,
  /** The same default as `HILO_TURN_TIMEOUT_MS` in config.ts. */
  turnTimeoutMs: 15_000,
  /** The longest a turn waits for the model's rewritten replies. */
  composeMaxMs: 10_000,
} as const;

/**
 * What a turn keeps for itself after the LLM's budget: the rule brain's fallback reading, the
 * tools, rendering and the commit. A fifth of the turn, between 1 and 5 seconds.
 */
export function turnReserveMs(turnTimeoutMs: number): number {
  return Math.min(5_000, Math.max(1_000, Math.floor(turnTimeoutMs / 5)));
}

const LLM_VARIABLES = ['HILO_LLM_BASE_URL', 'HILO_LLM_MODEL', 'HILO_LLM_API_KEYS', 'HILO_LLM_POOL_FILE'] as const;
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Parses the LLM settings out of the environment `loadConfig` (config.ts) hands it — the one
 * place that reads `process.env`. No `HILO_LLM_BASE_URL`, `HILO_LLM_MODEL`,
 * `HILO_LLM_API_KEYS` or `HILO_LLM_POOL_FILE` → `null` (the offline rule brain, as before). Anything
 * malformed throws `HILO_ERR_CONFIG_INVALID` naming the variable (never its value: it may be a key).
 *
 * @example
 * loadLlmConfig({ HILO_LLM_BASE_URL: 'https://api.openai.com/v1', HILO_LLM_MODEL: 'gpt-4o-mini', HILO_LLM_API_KEYS: 'main=sk-…,backup=sk-…' })
 */
export function loadLlmConfig(env: Env, runtime: { turnTimeoutMs?: number } = {}): LlmConfig | null {
  if (LLM_VARIABLES.every((name) => blank(env[name]))) return null;
  const baseURL = blank(env.HILO_LLM_BASE_URL) ? undefined : url('HILO_LLM_BASE_URL', env.HILO_LLM_BASE_URL as string);
  const model = blank(env.HILO_LLM_MODEL) ? undefined : (env.HILO_LLM_MODEL as string).trim();
  const maxConversations = integer(env, 'HILO_LLM_MAX_CONVERSATIONS_PER_KEY', LLM_DEFAULTS.maxConcurrentConversations, 1, 1_000_000);

  let entries: KeyPoolEntry[];
  if (!blank(env.HILO_LLM_POOL_FILE)) {
    if (!blank(env.HILO_LLM_API_KEYS)) invalid('HILO_LLM_API_KEYS', 'set either HILO_LLM_API_KEYS or HILO_LLM_POOL_FILE, not both');
    entries = readPoolFile(env.HILO_LLM_POOL_FILE as string, { baseURL, model, maxConversations });
  } else {
    if (blank(env.HILO_LLM_API_KEYS)) invalid('HILO_LLM_API_KEYS', 'is required when another HILO_LLM_* variable is set (or use HILO_LLM_POOL_FILE)');
    if (baseURL === undefined) invalid('HILO_LLM_BASE_URL', 'is required with HILO_LLM_API_KEYS');
    if (model === undefined) invalid('HILO_LLM_MODEL', 'is required with HILO_LLM_API_KEYS');
    entries = parseApiKeys(env.HILO_LLM_API_KEYS as string).map(({ label, key }) => ({
      id: label,
      label,
      baseURL,
      apiKey: key,
      model,
      maxConcurrentConversations: maxConversations,
    }));
  }

  const budgets = llmBudgets(env, runtime.turnTimeoutMs);
  const maxConsecutiveFailures = integer(env, 'HILO_LLM_MAX_CONSECUTIVE_FAILURES', LLM_DEFAULTS.maxConsecutiveFailures, 1, 1_000);
  const rawFormat = blank(env.HILO_LLM_RESPONSE_FORMAT) ? 'json_schema' : (env.HILO_LLM_RESPONSE_FORMAT as string).trim();
  if (rawFormat !== 'json_schema' && rawFormat !== 'json_object') invalid('HILO_LLM_RESPONSE_FORMAT', `must be json_schema or json_object, got "${rawFormat}"`);
  const rawTools = blank(env.HILO_LLM_TOOLS) ? '1' : (env.HILO_LLM_TOOLS as string).trim();
  if (rawTools !== '1' && rawTools !== '0') invalid('HILO_LLM_TOOLS', `must be 1 or 0, got "${rawTools}"`);
  return { entries, ...budgets, maxConsecutiveFailures, responseFormat: rawFormat, tools: rawTools === '1' };
}

/**
 * The LLM's time budgets, derived from the turn timeout so a provider that hangs still ends in the
 * rule brain's answer within the turn (never a 504): the turn keeps `turnReserveMs` for the
 * fallback and the commit; the rest is the reading's deadline (and, with `HILO_LLM_REPLIES=1`, a
 * third of it, at most 10 s, for writing the replies); one call may take half the deadline, so a
 * timed-out call is retried once inside it, and never more than 20 s. Explicit settings that do not
 * fit are refused at start-up, naming the variables.
 */
function llmBudgets(env: Env, turnTimeout: number | undefined): Pick<LlmConfig, 'timeoutMs' | 'deadlineMs' | 'turnTimeoutMs' | 'composeDeadlineMs'> {
  const turnTimeoutMs = turnTimeout ?? integer(env, 'HILO_TURN_TIMEOUT_MS', LLM_DEFAULTS.turnTimeoutMs, 100, 600_000);
  const budget = turnTimeoutMs - turnReserveMs(turnTimeoutMs);
  const replies = (env.HILO_LLM_REPLIES ?? '').trim() === '1';
  const explicitTimeout = !blank(env.HILO_LLM_TIMEOUT_MS);
  const explicitDeadline = !blank(env.HILO_LLM_DEADLINE_MS);
  const room = `HILO_TURN_TIMEOUT_MS (${turnTimeoutMs} ms) keeps ${turnTimeoutMs - budget} ms for the rule-brain fallback and the commit, which leaves ${budget} ms for the LLM`;

  const composeDefault = replies ? Math.min(LLM_DEFAULTS.composeMaxMs, Math.floor(budget / 3)) : 0;
  const deadlineDefault = budget - composeDefault;
  const timeoutMs = integer(env, 'HILO_LLM_TIMEOUT_MS', Math.min(LLM_DEFAULTS.timeoutMs, Math.max(100, Math.floor((explicitDeadline ? Number(env.HILO_LLM_DEADLINE_MS) || deadlineDefault : deadlineDefault) / 2))), 100, 600_000);
  const deadlineMs = integer(env, 'HILO_LLM_DEADLINE_MS', Math.max(deadlineDefault, explicitTimeout ? timeoutMs : 0), 100, 3_600_000);
  if (deadlineMs < timeoutMs) invalid('HILO_LLM_DEADLINE_MS', `must be at least HILO_LLM_TIMEOUT_MS (${timeoutMs})`);
  if (explicitTimeout && timeoutMs > budget) invalid('HILO_LLM_TIMEOUT_MS', `(${timeoutMs} ms) does not fit in the turn: ${room}; lower it or raise HILO_TURN_TIMEOUT_MS`);
  if (deadlineMs > budget) invalid('HILO_LLM_DEADLINE_MS', `(${deadlineMs} ms) does not fit in the turn: ${room}; lower it or raise HILO_TURN_TIMEOUT_MS`);
  let composeDeadlineMs = 0;
  if (replies) {
    composeDeadlineMs = Math.min(LLM_DEFAULTS.composeMaxMs, timeoutMs, budget - deadlineMs);
    if (composeDeadlineMs < 500) invalid('HILO_LLM_REPLIES', `needs at least 500 ms of the turn to write replies, but HILO_LLM_DEADLINE_MS (${deadlineMs} ms) takes all of it: ${room}`);
  }
  return { timeoutMs, deadlineMs, turnTimeoutMs, composeDeadlineMs };
}

/** `label=key,label2=key2` → entries; labels unique, keys non-empty. */
function parseApiKeys(raw: string): { label: string; key: string }[] {
  const out: { label: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    const label = eq < 0 ? '' : item.slice(0, eq).trim();
    const key = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!LABEL.test(label) || key === '') invalid('HILO_LLM_API_KEYS', `entry ${out.length + 1} must be label=key (label: letters, digits, . _ -)`);
    if (seen.has(label)) invalid('HILO_LLM_API_KEYS', `label "${label}" appears twice`);
    seen.add(label);
    out.push({ label, key });
  }
  if (out.length === 0) invalid('HILO_LLM_API_KEYS', 'has no label=key entries');
  return out;
}

function readPoolFile(path: string, defaults: { baseURL: string | undefined; model: string | undefined; maxConversations: number }): KeyPoolEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_LLM_POOL_FILE: cannot read a JSON file at ${path}.`, { cause: err });
  }
  if (!Array.isArray(parsed) || parsed.length === 0) invalid('HILO_LLM_POOL_FILE', 'must hold a non-empty JSON array of pool entries');
  const seen = new Set<string>();
  return parsed.map((raw: unknown, i): KeyPoolEntry => {
    const where = `entry ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) invalid('HILO_LLM_POOL_FILE', `${where} must be an object`);
    const e = raw as Record<string, unknown>;
    const label = e.label;
    if (typeof label !== 'string' || !LABEL.test(label)) invalid('HILO_LLM_POOL_FILE', `${where}: label must be letters, digits, . _ - (at most 64)`);
    if (seen.has(label)) invalid('HILO_LLM_POOL_FILE', `label "${label}" appears twice`);
    seen.add(label);
    const key = e.key;
    if (typeof key !== 'string' || key.trim() === '') invalid('HILO_LLM_POOL_FILE', `${where} (${label}): key is required`);
    const baseURL = e.baseURL === undefined ? defaults.baseURL : typeof e.baseURL === 'string' ? url('HILO_LLM_POOL_FILE', e.baseURL, `${where} (${label}): baseURL`) : undefined;
    if (baseURL === undefined) invalid('HILO_LLM_POOL_FILE', `${where} (${label}): baseURL is required (or set HILO_LLM_BASE_URL)`);
    const model = e.model === undefined ? defaults.model : typeof e.model === 'string' && e.model.trim() !== '' ? e.model.trim() : undefined;
    if (model === undefined) invalid('HILO_LLM_POOL_FILE', `${where} (${label}): model is required (or set HILO_LLM_MODEL)`);
    const max = optionalCount(e.maxConcurrentConversations, `${where} (${label}): maxConcurrentConversations`) ?? defaults.maxConversations;
    const rpm = optionalCount(e.rpm, `${where} (${label}): rpm`);
    const tpm = optionalCount(e.tpm, `${where} (${label}): tpm`);
    return {
      id: label,
      label,
      baseURL,
      apiKey: key.trim(),
      model,
      maxConcurrentConversations: max,
      ...(rpm !== undefined ? { rpm } : {}),
      ...(tpm !== undefined ? { tpm } : {}),
    };
  });
}

function optionalCount(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) invalid('HILO_LLM_POOL_FILE', `${what} must be a positive integer`);
  return value;
}

function url(name: string, raw: string, what: string = name): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return invalid(name, `${what === name ? 'must' : `${what} must`} be an http(s) URL such as https://api.openai.com/v1`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') invalid(name, `${what === name ? 'must' : `${what} must`} be an http(s) URL`);
  return trimmed;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (blank(raw)) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) invalid(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  return n;
}

function blank(v: string | undefined): boolean {
  return v === undefined || v.trim() === '';
}

function invalid(name: string, problem: string): never {
  throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} ${problem}.`, { details: { variable: name } });
}

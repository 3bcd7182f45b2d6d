import { join } from 'node:path';
import { HiloError } from '../kernel/errors.js';
import { loadLlmConfig, type LlmConfig } from './llm-config.js';
import { loadLlmPrices, type ModelPrices } from './analytics/llm-prices.js';
import { isRedisClusterUrl, parseRedisClusterUrl } from '../persistence/redis/redis-connection.js';

export type TransportKind = 'auto' | 'uws' | 'node';

/**
 * Every setting Hilo reads from the environment; `docs/configuration.md` documents each one.
 * `loadConfig` is the one place that reads it: the rest of Hilo receives these values.
 */
export interface HiloConfig {
  port: number;
  host: string;
  transport: TransportKind;
  tenantsDir: string;
  /** API key of the demo tenant; generated at start-up when unset. */
  demoApiKey: string | null;
  /** Password of the demo tenants' console admin `demo`; generated (and kept in `dataDir`) when unset. */
  demoAgentPassword: string | null;
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
  /** `HILO_WS_MAX_SOCKETS_PER_IP`: open widget sockets per client IP (0: no cap). */
  wsMaxSocketsPerIp: number;
  /** `HILO_WS_HELLO_TIMEOUT_MS`: a widget socket that has not sent `hello` by then is closed (0: never). */
  wsHelloTimeoutMs: number;
  /** `off`, `server` (local bridge to the Stately inspector), `sky`, or a `ws://` URL of an inspector server. */
  inspect: string;
  inspectPort: number;
  /** Only conversations whose id contains this string are inspected (empty: all). */
  inspectConversation: string;
  /** Token the local inspector bridge requires (`HILO_INSPECT_TOKEN`); null: generated at start-up. */
  inspectToken: string | null;
  /** Bearer token `/metrics` and `/metrics.json` require (`HILO_METRICS_TOKEN`); null: open. */
  metricsToken: string | null;
  /** Operator key of the tenant admin API (`/api/admin/tenants/{t}`); null: those routes are off. */
  adminKey: string | null;
  /** Largest body of the tenant admin API (`HILO_ADMIN_MAX_BODY_BYTES`): a whole tenant, larger than a customer's request. */
  adminMaxBodyBytes: number;
  /** Server secret (`HILO_SECRET`) that signs widget resume tokens; null: kept in `dataDir`. */
  secret: string | null;
  /** `HILO_TRUST_PROXY=1`: the client address is the last `X-Forwarded-For` entry (one reverse proxy in front). */
  trustProxy: boolean;
  /** `HILO_TEAM_HOURS`: honour the tenants' `store.json` `teamHours` (after-hours handoffs); off = always within hours. */
  teamHours: boolean;
  /** `HILO_AUDIT_KEY` (≥ 32 characters): the audit chain is HMAC-SHA256 keyed with it; null: plain SHA-256. */
  auditKey: string | null;
  /** `memory`: everything in process memory (forgotten on restart); `durable`: SQL + snapshot store. */
  storage: 'durable' | 'memory';
  /** `REDIS_URL`: snapshots in Redis; null: in memory (with the SQL snapshot copy surviving restarts). */
  redisUrl: string | null;
  /** Prefix of every Redis key (one deployment, or one test, per prefix). */
  redisPrefix: string;
  /** `DATABASE_URL`: a PostgreSQL server; null: embedded PGlite under `dataDir`/pglite. */
  databaseUrl: string | null;
  dataDir: string;
  /** `HILO_PGLITE_INITDB_CACHE`: a folder for an empty-cluster tarball new PGlite folders start from; null: `initdb`. */
  pgliteInitdbCache: string | null;
  /** `HILO_MODEL_CACHE`: a folder of trained classifiers (default `dataDir`/models); null (`off`): train at every start. */
  modelCacheDir: string | null;
  /** A conversation without activity this long is closed by a durable timer; 0 = never. */
  conversationIdleCloseMs: number;
  /** How often due durable timers are looked for. */
  timerScanMs: number;
  /** Public base URL the providers call (`HILO_PUBLIC_URL`); Twilio signatures are checked against it. */
  publicUrl: string | null;
  channelMaxBodyBytes: number;
  whatsappGraphUrl: string;
  whatsappGraphVersion: string;
  whatsappPairIntervalMs: number;
  whatsappPairBurst: number;
  twilioApiUrl: string;
  telegramApiUrl: string;
  /** Channel credentials per tenant, keyed by `tenantEnvKey(tenantId)`; a channel is on when its secret is set. */
  channels: Record<string, TenantChannelsConfig>;
  /** How often the outbox worker looks for due rows (durable mode). */
  outboxPollMs: number;
  rocketChatWebhookUrl: string | null;
  rocketChatOutgoingToken: string | null;
  slackWebhookUrl: string | null;
  crmWebhookUrl: string | null;
  crmWebhookSecret: string | null;
  agentsTimeZone: string;
  /** The LLM brain (`HILO_LLM_*`, parsed by `llm-config.ts`); null: the offline rule brain. `hilo start` hands it to the brain factory, never `startHilo`. */
  llm: LlmConfig | null;
  /** USD per million tokens per model, for the analytics' LLM cost (`HILO_LLM_PRICES` over defaults). */
  llmPrices: ModelPrices;
}

/** One tenant's provider credentials (`HILO_<PROVIDER>_<SETTING>_<T>`, see docs/channels.md). */
export interface TenantChannelsConfig {
  whatsapp?: { appSecret: string; verifyToken: string; phoneNumberId: string; accessToken: string; template?: { name: string; language: string }; messagesPerSecond: number };
  twilio?: { accountSid: string; authToken: string; from: string; contentSid?: string };
  telegram?: { botToken: string; secretToken: string };
}

/** `ferreteria-norte` → `FERRETERIA_NORTE`: the `<T>` suffix of per-tenant variables. */
export function tenantEnvKey(tenantId: string): string {
  return tenantId.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

const CHANNEL_SECRET_PREFIXES = ['HILO_WHATSAPP_APP_SECRET_', 'HILO_TWILIO_AUTH_TOKEN_', 'HILO_TELEGRAM_BOT_TOKEN_'] as const;

function required(env: Env, name: string, because: string): string {
  const v = env[name];
  if (v === undefined || v === '') throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} is required when ${because} is set.`);
  return v;
}

function optional(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

/** Reads every tenant's channel credentials; a half-configured channel is a start-up error naming the variable. */
function loadChannels(env: Env): Record<string, TenantChannelsConfig> {
  const tenants = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    for (const prefix of CHANNEL_SECRET_PREFIXES) if (name.startsWith(prefix) && name.length > prefix.length) tenants.add(name.slice(prefix.length));
  }
  const out: Record<string, TenantChannelsConfig> = {};
  for (const t of tenants) {
    const c: TenantChannelsConfig = {};
    const waSecret = optional(env, `HILO_WHATSAPP_APP_SECRET_${t}`);
    if (waSecret !== undefined) {
      const because = `HILO_WHATSAPP_APP_SECRET_${t}`;
      const rawTemplate = optional(env, `HILO_WHATSAPP_TEMPLATE_${t}`);
      let template: { name: string; language: string } | undefined;
      if (rawTemplate !== undefined) {
        const m = /^([a-z0-9_]+):([A-Za-z_]{2,8})$/.exec(rawTemplate);
        if (!m) throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_WHATSAPP_TEMPLATE_${t} must be name:language (e.g. seguimiento_hilo:es).`);
        template = { name: m[1] as string, language: m[2] as string };
      }
      c.whatsapp = {
        appSecret: waSecret,
        verifyToken: required(env, `HILO_WHATSAPP_VERIFY_TOKEN_${t}`, because),
        phoneNumberId: required(env, `HILO_WHATSAPP_PHONE_NUMBER_ID_${t}`, because),
        accessToken: required(env, `HILO_WHATSAPP_ACCESS_TOKEN_${t}`, because),
        messagesPerSecond: int(env, `HILO_WHATSAPP_MPS_${t}`, 80, 1, 10_000),
        ...(template ? { template } : {}),
      };
    }
    const twToken = optional(env, `HILO_TWILIO_AUTH_TOKEN_${t}`);
    if (twToken !== undefined) {
      const because = `HILO_TWILIO_AUTH_TOKEN_${t}`;
      const from = required(env, `HILO_TWILIO_FROM_${t}`, because);
      if (!/^whatsapp:\+[1-9][0-9]{6,14}$/.test(from)) throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_TWILIO_FROM_${t} must be whatsapp:+E164 (e.g. whatsapp:+14155238886).`);
      const contentSid = optional(env, `HILO_TWILIO_CONTENT_SID_${t}`);
      c.twilio = { authToken: twToken, accountSid: required(env, `HILO_TWILIO_ACCOUNT_SID_${t}`, because), from, ...(contentSid ? { contentSid } : {}) };
    }
    const tgToken = optional(env, `HILO_TELEGRAM_BOT_TOKEN_${t}`);
    if (tgToken !== undefined) {
      const secretToken = required(env, `HILO_TELEGRAM_SECRET_TOKEN_${t}`, `HILO_TELEGRAM_BOT_TOKEN_${t}`);
      if (!/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_TELEGRAM_SECRET_TOKEN_${t} must be 1-256 characters of A-Z a-z 0-9 _ -.`);
      c.telegram = { botToken: tgToken, secretToken };
    }
    out[t] = c;
  }
  return out;
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

/** `REDIS_URL`: `redis://`/`rediss://` (one Redis) or `redis+cluster://host:port,host:port` (Redis Cluster seeds). */
/** `HILO_DATA_DIR`, default `./data`: the embedded database, generated secrets, the model cache. */
function dataDirOf(env: Env): string {
  return env.HILO_DATA_DIR && env.HILO_DATA_DIR !== '' ? env.HILO_DATA_DIR : './data';
}

function redisUrl(env: Env): string | null {
  const raw = env.REDIS_URL;
  if (raw !== undefined && isRedisClusterUrl(raw)) {
    parseRedisClusterUrl(raw); // throws HILO_ERR_CONFIG_INVALID naming the bad node
    return raw;
  }
  return url(env, 'REDIS_URL', ['redis:', 'rediss:']);
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

/** An optional secret setting: null when unset, refused when shorter than `min` characters. */
function minChars(env: Env, name: string, min: number): string | null {
  const value = env[name];
  if (value === undefined || value === '') return null;
  if (value.length < min) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${name} must be at least ${min} characters.`);
  return value;
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
  const secrets = {
    inspectToken: minChars(env, 'HILO_INSPECT_TOKEN', 16),
    metricsToken: minChars(env, 'HILO_METRICS_TOKEN', 16),
    adminKey: minChars(env, 'HILO_ADMIN_KEY', 24),
    adminMaxBodyBytes: int(env, 'HILO_ADMIN_MAX_BODY_BYTES', 8 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    secret: minChars(env, 'HILO_SECRET', 32),
    auditKey: minChars(env, 'HILO_AUDIT_KEY', 32),
  };
  const redisPrefix = env.HILO_REDIS_PREFIX && env.HILO_REDIS_PREFIX !== '' ? env.HILO_REDIS_PREFIX : 'hilo';
  const turnTimeoutMs = int(env, 'HILO_TURN_TIMEOUT_MS', 15_000, 100, 600_000);
  if (/[{}\s*?[\]]/.test(redisPrefix)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_REDIS_PREFIX must not contain braces, spaces or glob characters.');
  }
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0',
    transport: oneOf(env, 'HILO_TRANSPORT', ['auto', 'uws', 'node'] as const, 'auto'),
    tenantsDir: env.HILO_TENANTS_DIR && env.HILO_TENANTS_DIR !== '' ? env.HILO_TENANTS_DIR : 'tenants',
    demoApiKey,
    demoAgentPassword: minChars(env, 'HILO_DEMO_AGENT_PASSWORD', 8),
    apiKeys,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    shardCount: int(env, 'HILO_SHARDS', 256, 1, 65536),
    maxActiveActors: int(env, 'HILO_MAX_ACTIVE_ACTORS', 10_000, 1, 10_000_000),
    idleTimeoutMs: int(env, 'HILO_IDLE_TIMEOUT_MS', 10 * 60_000, 1_000, 7 * 24 * 3600_000),
    turnTimeoutMs,
    maxBodyBytes: int(env, 'HILO_MAX_BODY_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    rateLimitPerIpPerMinute: int(env, 'HILO_RATE_LIMIT_IP_PER_MINUTE', 600, 1, 1_000_000),
    rateLimitPerContactPerMinute: int(env, 'HILO_RATE_LIMIT_CONTACT_PER_MINUTE', 60, 1, 1_000_000),
    wsMaxSocketsPerIp: int(env, 'HILO_WS_MAX_SOCKETS_PER_IP', 256, 0, 1_000_000),
    wsHelloTimeoutMs: int(env, 'HILO_WS_HELLO_TIMEOUT_MS', 10_000, 0, 600_000),
    inspect,
    inspectPort: int(env, 'HILO_INSPECT_PORT', 8081, 1, 65535),
    inspectConversation: env.HILO_INSPECT_CONVERSATION ?? '',
    ...secrets,
    trustProxy: oneOf(env, 'HILO_TRUST_PROXY', ['0', '1'] as const, '0') === '1',
    teamHours: oneOf(env, 'HILO_TEAM_HOURS', ['on', 'off'] as const, 'on') === 'on',
    storage: oneOf(env, 'HILO_STORAGE', ['durable', 'memory'] as const, 'durable'),
    redisUrl: redisUrl(env),
    redisPrefix,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: dataDirOf(env),
    pgliteInitdbCache: env.HILO_PGLITE_INITDB_CACHE && env.HILO_PGLITE_INITDB_CACHE !== '' ? env.HILO_PGLITE_INITDB_CACHE : null,
    modelCacheDir: env.HILO_MODEL_CACHE === 'off' ? null : env.HILO_MODEL_CACHE && env.HILO_MODEL_CACHE !== '' ? env.HILO_MODEL_CACHE : join(dataDirOf(env), 'models'),
    conversationIdleCloseMs: int(env, 'HILO_CONVERSATION_IDLE_CLOSE_MS', 24 * 3600_000, 0, 365 * 24 * 3600_000),
    timerScanMs: int(env, 'HILO_TIMER_SCAN_MS', 5_000, 10, 3600_000),
    ...loadIntegrations(env),
    // The LLM's time budgets derive from the turn timeout (a hung provider ends in the rule brain's answer).
    llm: loadLlmConfig(env, { turnTimeoutMs }),
    llmPrices: loadLlmPrices(env),
  };
}

function loadIntegrations(env: Env): Pick<
  HiloConfig,
  | 'publicUrl' | 'channelMaxBodyBytes' | 'whatsappGraphUrl' | 'whatsappGraphVersion' | 'whatsappPairIntervalMs' | 'whatsappPairBurst' | 'twilioApiUrl'
  | 'telegramApiUrl' | 'channels' | 'outboxPollMs' | 'rocketChatWebhookUrl' | 'rocketChatOutgoingToken' | 'slackWebhookUrl' | 'crmWebhookUrl' | 'crmWebhookSecret' | 'agentsTimeZone'
> {
  const web = ['https:', 'http:'];
  const publicUrl = url(env, 'HILO_PUBLIC_URL', web);
  const channels = loadChannels(env);
  if (publicUrl === null && Object.values(channels).some((c) => c.twilio)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_PUBLIC_URL is required when a Twilio channel is configured (signatures cover the public URL).');
  }
  const crmWebhookUrl = url(env, 'HILO_CRM_WEBHOOK_URL', web);
  const crmWebhookSecret = optional(env, 'HILO_CRM_WEBHOOK_SECRET') ?? null;
  if ((crmWebhookUrl === null) !== (crmWebhookSecret === null)) {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_CRM_WEBHOOK_URL and HILO_CRM_WEBHOOK_SECRET must be set together.');
  }
  if (crmWebhookSecret !== null && crmWebhookSecret.length < 16) throw new HiloError('HILO_ERR_CONFIG_INVALID', 'HILO_CRM_WEBHOOK_SECRET must be at least 16 characters.');
  const agentsTimeZone = optional(env, 'HILO_AGENTS_TIME_ZONE') ?? 'America/Santo_Domingo';
  try {
    new Intl.DateTimeFormat('en', { timeZone: agentsTimeZone });
  } catch {
    throw new HiloError('HILO_ERR_CONFIG_INVALID', `HILO_AGENTS_TIME_ZONE must be an IANA time zone, got "${agentsTimeZone}".`);
  }
  return {
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
    channelMaxBodyBytes: int(env, 'HILO_CHANNEL_MAX_BODY_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024),
    whatsappGraphUrl: url(env, 'HILO_WHATSAPP_GRAPH_URL', web) ?? 'https://graph.facebook.com',
    whatsappGraphVersion: optional(env, 'HILO_WHATSAPP_GRAPH_VERSION') ?? 'v21.0',
    whatsappPairIntervalMs: int(env, 'HILO_WHATSAPP_PAIR_INTERVAL_MS', 6_000, 1, 3600_000),
    whatsappPairBurst: int(env, 'HILO_WHATSAPP_PAIR_BURST', 5, 1, 1_000),
    twilioApiUrl: url(env, 'HILO_TWILIO_API_URL', web) ?? 'https://api.twilio.com',
    telegramApiUrl: url(env, 'HILO_TELEGRAM_API_URL', web) ?? 'https://api.telegram.org',
    channels,
    outboxPollMs: int(env, 'HILO_OUTBOX_POLL_MS', 500, 10, 3600_000),
    rocketChatWebhookUrl: url(env, 'HILO_ROCKETCHAT_WEBHOOK_URL', web),
    rocketChatOutgoingToken: optional(env, 'HILO_ROCKETCHAT_OUTGOING_TOKEN') ?? null,
    slackWebhookUrl: url(env, 'HILO_SLACK_WEBHOOK_URL', web),
    crmWebhookUrl,
    crmWebhookSecret,
    agentsTimeZone,
  };
}

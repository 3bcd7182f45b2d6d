import { Cluster, Redis } from 'ioredis';
import { HiloError } from '../../kernel/errors.js';

/**
 * A connection to a single Redis or to a Redis Cluster. Hilo only sends commands whose keys share
 * one hash slot (see `keys.ts`, `cluster-keys.ts`), so both answer every call the same way; the
 * cluster client follows `MOVED`/`ASK` redirections and re-reads the slot map by itself.
 */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** `CLIENT SETNAME` on every connection (each cluster node gets its own connection of that name). */
  connectionName?: string;
  maxRetriesPerRequest?: number | null;
  lazyConnect?: boolean;
  connectTimeout?: number;
  /** false: give up at the first failed connection attempt (tests that must fail loudly). */
  reconnect?: boolean;
  /**
   * ioredis auto-pipelining: the commands issued in one event-loop iteration leave in one socket
   * write (one `write` syscall, one read on the server) instead of one write each. Order and
   * per-command replies and errors are unchanged; a command waits at most until the iteration ends.
   * Single-node connections only: a cluster client keeps sending each command on its own (its
   * auto-pipelining refuses commands at once while the slot map is unknown).
   */
  autoPipelining?: boolean;
}

const CLUSTER_PROTOCOLS = ['redis+cluster:', 'rediss+cluster:'];

/** True for `redis+cluster://` and `rediss+cluster://` URLs (docs/configuration.md, `REDIS_URL`). */
export function isRedisClusterUrl(url: string): boolean {
  return CLUSTER_PROTOCOLS.some((p) => url.toLowerCase().startsWith(`${p}//`));
}

export interface RedisClusterSeed {
  nodes: { host: string; port: number }[];
  username?: string;
  password?: string;
  tls: boolean;
}

/**
 * Reads `redis+cluster://[user:password@]host:port,host:port[/]` (`rediss+cluster://` for TLS).
 * The nodes are only seeds: the client learns every master from `CLUSTER SLOTS`.
 */
export function parseRedisClusterUrl(url: string): RedisClusterSeed {
  const match = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#]+)\/?$/i.exec(url);
  const bad = (why: string) => new HiloError('HILO_ERR_CONFIG_INVALID', `REDIS_URL (redis+cluster://host:port,host:port) ${why}.`);
  if (!match) throw bad('is malformed');
  const [, scheme, auth, hosts] = match as unknown as [string, string, string | undefined, string];
  const nodes = hosts.split(',').map((h) => {
    const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(h.trim());
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) throw bad(`has a node that is not host:port: ${JSON.stringify(h)}`);
    return { host: (m[1] as string).replace(/^\[|\]$/g, ''), port };
  });
  const seed: RedisClusterSeed = { nodes, tls: scheme.toLowerCase() === 'rediss' };
  if (auth !== undefined && auth !== '') {
    const colon = auth.indexOf(':');
    const user = decodeURIComponent(colon < 0 ? '' : auth.slice(0, colon));
    const password = decodeURIComponent(colon < 0 ? auth : auth.slice(colon + 1));
    if (user !== '') seed.username = user;
    if (password !== '') seed.password = password;
  }
  return seed;
}

/**
 * The one place Hilo opens a Redis connection: a `Cluster` client for `redis+cluster://` URLs,
 * a plain client for `redis://` and `rediss://`, with the same options either way. The caller
 * owns the client (listen to `error`, `quit()` it).
 *
 * @example
 * const redis = createRedisConnection(process.env.REDIS_URL!, { connectionName: 'hilo-cluster', lazyConnect: true });
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): RedisClient {
  const { reconnect = true, ...common } = options;
  const shared = {
    ...(common.connectionName !== undefined ? { connectionName: common.connectionName } : {}),
    ...(common.maxRetriesPerRequest !== undefined ? { maxRetriesPerRequest: common.maxRetriesPerRequest } : {}),
    ...(common.connectTimeout !== undefined ? { connectTimeout: common.connectTimeout } : {}),
  };
  const pipelining = common.autoPipelining === true ? { enableAutoPipelining: true } : {};
  if (!isRedisClusterUrl(url)) {
    return new Redis(url, { ...shared, ...pipelining, lazyConnect: common.lazyConnect ?? false, ...(reconnect ? {} : { retryStrategy: () => null }) });
  }
  const seed = parseRedisClusterUrl(url);
  return new Cluster(seed.nodes, {
    lazyConnect: common.lazyConnect ?? false,
    ...(reconnect ? {} : { clusterRetryStrategy: () => null }),
    redisOptions: {
      ...shared,
      ...(seed.username !== undefined ? { username: seed.username } : {}),
      ...(seed.password !== undefined ? { password: seed.password } : {}),
      ...(seed.tls ? { tls: {} } : {}),
    },
  });
}

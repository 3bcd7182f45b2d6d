/**
 * What the clustered runtime costs and how fast it recovers (docs/cluster.md), with real member
 * processes on PostgreSQL and Redis (the rule brain, the demo tenant):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *     npx tsx bench/micro/cluster-cost.ts [--messages 30] [--senders 8] [--scenarios single,cluster-1,cluster-3]
 *
 * 1. REST turn latency: one process without HILO_CLUSTER, a one-member cluster, and a
 *    three-member cluster with requests spread over the members (2 of 3 forwarded to the owner).
 * 2. Telegram webhook acknowledgement: one process (the 200 follows the committed turn) vs the
 *    three-member cluster (the 200 follows the durable append to the shard's stream).
 * 3. Failover: kill -9 of one of three members → every shard held again (lease 1.5 s), 3 times.
 *
 * Wall-clock on a shared machine: compare medians; the figures go to BENCHMARKS.md.
 */
import { createServer } from 'node:http';
import { connectRedis } from '../../test/integration/cluster/cluster-harness.js';
import { createMemberSet, freshDatabase, sendMessage } from '../../test/integration/cluster/member-processes.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MESSAGES = arg('messages', 30);
const SENDERS = arg('senders', 8);
const LEASE_MS = 1500;
const SHARDS = 64;
const TG_SECRET = 'bench-secret-token';
const TEXTS = ['hola', 'cuanto cuesta el cemento', 'tienen varilla de 3/8', 'gracias'];

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const fmt = (xs: number[]): string => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

/** A loopback Telegram Bot API that accepts every send (each shard's owner delivers its replies to it). */
const fakeTelegram = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result: { message_id: Math.floor(Math.random() * 1e9), date: 0, chat: { id: 1 } } }));
  });
});
await new Promise<void>((r) => fakeTelegram.listen(0, '127.0.0.1', r));
const tgPort = (fakeTelegram.address() as { port: number }).port;
const channelEnv = { HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: '123:bench', HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: TG_SECRET, HILO_TELEGRAM_API_URL: `http://127.0.0.1:${tgPort}`, HILO_PUBLIC_URL: 'http://127.0.0.1' };

async function restLoad(ports: number[], apiKey: string, tag: string): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, s) => {
      for (let i = 0; i < MESSAGES; i++) {
        const t0 = performance.now();
        const res = await sendMessage(() => ports[(s + i) % ports.length]!, apiKey, `${tag}-${s}`, `${tag}-${s}-${i}`, TEXTS[i % TEXTS.length]!, Date.now() + 30_000);
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times.slice(SENDERS); // the first message of each sender creates its conversation: left out
}

async function webhookLoad(ports: number[], tag: number): Promise<number[]> {
  const times: number[] = [];
  let update = tag * 1_000_000;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, s) => {
      for (let i = 0; i < MESSAGES; i++) {
        const id = ++update;
        const body = JSON.stringify({ update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: tag * 1000 + s, type: 'private' }, from: { id: tag * 1000 + s, is_bot: false }, text: TEXTS[i % TEXTS.length] } });
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${ports[(s + i) % ports.length]}/webhooks/telegram/ferreteria`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET }, body });
        await res.text();
        if (res.status !== 200) throw new Error(`webhook status ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  return times;
}

const admin = await connectRedis();
const results: string[] = [];
const only = process.argv.includes('--scenarios') ? process.argv[process.argv.indexOf('--scenarios') + 1]!.split(',') : null;
for (const scenario of ['single', 'cluster-1', 'cluster-3'] as const) {
  if (only && !only.includes(scenario)) continue;
  const database = await freshDatabase();
  const set = createMemberSet({ databaseUrl: database.url, leaseMs: LEASE_MS, shards: SHARDS, basePort: 23_000 + Math.floor(Math.random() * 2_000) * 2, env: { ...channelEnv, ...(scenario === 'single' ? { HILO_CLUSTER: '' } : {}) } });
  try {
    const n = scenario === 'cluster-3' ? 3 : 1;
    const members = [await set.start('m1', 0)];
    if (n === 3) members.push(...(await Promise.all([set.start('m2', 1), set.start('m3', 2)])));
    if (scenario !== 'single') {
      for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 50))) {
        const holders = await set.holders(admin);
        if (holders.every((h) => h !== null) && new Set(holders).size === n) break;
      }
    }
    const ports = members.map((m) => m.port);
    await restLoad(ports, set.apiKey, 'warm');
    const rest = await restLoad(ports, set.apiKey, 'rest');
    results.push(`REST turn, ${scenario}: ${fmt(rest)}`);
    if (scenario !== 'cluster-1') {
      const hooks = await webhookLoad(ports, scenario === 'single' ? 1 : 3);
      results.push(`Telegram webhook 200, ${scenario}: ${fmt(hooks)}`);
    }
    if (scenario === 'cluster-3') {
      const failovers: number[] = [];
      for (let round = 0; round < 3; round++) {
        const victim = members[1 + (round % 2)]!;
        const name = victim.name;
        const killedAt = Date.now();
        victim.child.kill('SIGKILL');
        await victim.exited;
        for (;;) {
          const holders = await set.holders(admin);
          if (holders.every((h) => h !== null && h !== name)) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        failovers.push(Date.now() - killedAt);
        if (round < 2) members[1 + (round % 2)] = await set.start(name, Number(name.slice(1)) - 1);
        for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 50))) {
          const holders = await set.holders(admin);
          if (holders.every((h) => h !== null) && new Set(holders).size === (round < 2 ? 3 : 2)) break;
        }
      }
      results.push(`failover after kill -9 (lease ${LEASE_MS} ms, ${SHARDS} shards): ${failovers.join(', ')} ms`);
    }
  } finally {
    await set.stopAll();
    await set.cleanRedis(admin);
    await database.dispose();
  }
  console.log(results.at(-1));
}
admin.disconnect();
fakeTelegram.close();
console.log(`\n${SENDERS} senders x ${MESSAGES} messages each, first message of each sender left out\n${results.join('\n')}`);

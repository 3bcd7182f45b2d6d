/**
 * The LangGraph.js peer behind the shared `node:http` front end, with MemorySaver or PostgresSaver
 * (its own schema, dropped on close). Child of bench/run.ts.
 */
import { join } from 'node:path';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import pg from 'pg';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { projectRoot } from '../../src/runtime/project-root.js';
import { serveIpc } from '../lib/ipc.js';
import { withBenchClassifier } from '../lib/model-cache.js';
import { createMemoryCheckpointer, createPeerFlow } from '../peer/langgraph-flow.js';
import { createKeyedQueue, startHttpFront } from './http-front.js';

const opts = JSON.parse(process.env.BENCH_SERVER_OPTS ?? '{}') as { apiKey: string; mode: 'memory' | 'postgres'; pgUrl: string; pgSchema: string };

const tenant = await loadTenant(join(projectRoot(), 'tenants', 'ferreteria'));
const brain = createRuleBrain({ tenant, ...withBenchClassifier(tenant) });
let saver: PostgresSaver | null = null;
if (opts.mode === 'postgres') {
  saver = PostgresSaver.fromConnString(opts.pgUrl, { schema: opts.pgSchema });
  await saver.setup();
}
const flow = createPeerFlow({ tenant, brain, checkpointer: saver ?? createMemoryCheckpointer() });
const queue = createKeyedQueue();
let received = 0;
const front = await startHttpFront({
  apiKey: opts.apiKey,
  handle: (tenantId, body) =>
    queue(`${tenantId}:${body.sender}`, async () => {
      const id = body.message_id ?? `rest:${++received}`;
      const out = await flow.turn(tenantId, body.sender, { id, text: body.text, receivedAt: new Date().toISOString() });
      return { conversation_id: body.sender, state: out.phase, replies: out.replies.map((text) => ({ text })) };
    }),
});

let closed = false;
serveIpc({ port: front.port, frontEnd: 'node:http (bench/servers/http-front.ts)', checkpointer: opts.mode === 'postgres' ? 'PostgresSaver' : 'MemorySaver' }, {}, async () => {
  if (closed) return;
  closed = true;
  await front.close();
  if (saver) {
    await saver.end();
    const pool = new pg.Pool({ connectionString: opts.pgUrl, max: 1 });
    await pool.query(`drop schema if exists ${opts.pgSchema} cascade`);
    await pool.end();
  }
});

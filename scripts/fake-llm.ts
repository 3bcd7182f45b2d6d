/**
 * `npm run fake-llm`: a fake OpenAI-compatible provider on loopback whose "model" reads each
 * tenant's customers with that tenant's rule brain and answers like a tool-using model (tool calls, then the
 * structured reading; streamed rewrites of the draft replies). Start Hilo against it to watch the
 * LLM paths (tools, guards, streaming) work without a key or a network.
 *
 * Environment: FAKE_LLM_PORT (default 11435), HILO_TENANTS_DIR (as Hilo reads it).
 * Logs one line per request (kind and round, tool names) and never the customer's text.
 */
import { isAbsolute, join } from 'node:path';
import { loadTenants } from '../src/persistence/tenant-loader.js';
import { loadConfig } from '../src/runtime/config.js';
import { projectRoot } from '../src/runtime/project-root.js';
import { createFakeToolModel, type FakeModelEvent } from '../test/fakes/fake-model.js';
import { startFakeOpenAi } from '../test/fakes/openai-server.js';

/** `DEMO_TENANT` of src/runtime/hilo.ts (not imported: that module loads the whole runtime). */
const DEMO_TENANT = 'ferreteria';
const HOST = '127.0.0.1';

const rawPort = process.env.FAKE_LLM_PORT ?? '11435';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`FAKE_LLM_PORT must be a port number (1–65535), got "${rawPort}"`);
  process.exit(1);
}

// The tenants folder is found the way Hilo finds it (HILO_TENANTS_DIR, relative to the project root).
const config = loadConfig(process.env);
const tenantsDir = isAbsolute(config.tenantsDir) ? config.tenantsDir : join(projectRoot(), config.tenantsDir);
const all = await loadTenants(tenantsDir);
const tenant = all.get(DEMO_TENANT);
if (tenant === undefined) {
  console.error(`fake-llm: no "${DEMO_TENANT}" tenant under ${tenantsDir}`);
  process.exit(1);
}

let seq = 0;
const describe = (e: FakeModelEvent): string => {
  switch (e.kind) {
    case 'understand':
      return `understand round ${e.round} → ${e.answer === 'tool_calls' ? `tool_calls ${e.tools.join(', ')}` : 'json'}`;
    case 'compose':
      return `compose → ${e.chars} chars streamed`;
    case 'rejected':
      return `rejected (400) → ${e.reason}`;
  }
};

// Every tenant's customers are read with that tenant's rule brain, in its labels (the studio's too).
const model = createFakeToolModel({
  tenant,
  tenants: [...all.values()],
  composeChunkDelayMs: 40,
  onRequest: (e) => console.log(`[fake-llm] #${++seq} ${describe(e)}`),
});
const fake = await startFakeOpenAi({ handler: model, host: HOST, port });

console.log(`Fake tool-using model for tenants ${[...all.keys()].map((t) => `"${t}"`).join(', ')} listening on ${fake.baseURL}`);
console.log('Start Hilo against it with:');
console.log('');
console.log(`  HILO_LLM_BASE_URL=${fake.baseURL} HILO_LLM_MODEL=fake-tool-model HILO_LLM_API_KEYS=local=fake HILO_LLM_REPLIES=1 npm start`);
console.log('');
console.log('Ctrl-C stops it.');

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  const { understand, toolRounds, compose, rejected } = model.stats;
  console.log(`[fake-llm] stopping: ${understand} understand (${toolRounds} with tool calls), ${compose} compose, ${rejected} rejected`);
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

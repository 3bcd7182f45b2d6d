#!/usr/bin/env node
/**
 * `hilo start` — run Hilo (embedded defaults unless configured; see docs/configuration.md).
 * `hilo machine-json [--tenant <id>] [file]` — write the conversation machine as JSON for the Stately editor
 *   (with `--tenant`, that tenant's workflows drawn inside the `workflow` state).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { createLogger } from '../kernel/logger.js';
import { startHilo, DEMO_TENANT } from './hilo.js';
import { isHiloError } from '../kernel/errors.js';
import { exportMachineJson } from '../machines/index.js';
import { loadTenantWorkflows } from './workflow-loader.js';
import { createBrainFactory } from './brain-factory.js';
import { systemClock } from '../kernel/clock.js';
import { DEMO_KEY_FILE } from './demo-key.js';
import { DEMO_AGENT_PASSWORD_FILE } from './console/index.js';
import { projectRoot } from './project-root.js';
import { createDemoBackend, type DemoBackend } from '../demo-backend/server.js';
import { loadSeed } from '../demo-backend/seed.js';
import { loadHardwareStore } from '../demo-backend/ferreteria.js';

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'start';
  if (command === 'machine-json') {
    const at = argv.indexOf('--tenant');
    const tenant = at >= 0 ? argv[at + 1] : undefined;
    if (at >= 0) argv = argv.filter((_, i) => i !== at && i !== at + 1);
    const workflows = tenant ? await loadTenantWorkflows(join(process.env.HILO_TENANTS_DIR ?? 'tenants', tenant)) : undefined;
    const json = JSON.stringify(exportMachineJson({ workflows: workflows ?? null }), null, 2) + '\n';
    // `npm run machine:json -- machine.json` writes the file: npm prints its own banner on stdout,
    // so redirecting `npm run` output would put that banner into the JSON (`npm run -s` avoids it).
    if (argv[1]) {
      writeFileSync(argv[1], json);
      process.stderr.write(`wrote ${argv[1]}\n`);
    } else process.stdout.write(json);
    return;
  }
  if (command !== 'start') {
    process.stderr.write(`Unknown command "${command}". Usage: hilo start | hilo machine-json [file]\n`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  // A failed promise nobody awaited is a bug, but it belongs to one request or one background job:
  // it is logged (error level) instead of ending the process and every conversation it serves.
  process.on('unhandledRejection', (reason) => logger.error({ component: 'process', err: reason }, 'unhandled promise rejection'));
  const demoBackend = await startDemoBackend(process.env, logger);
  // The LLM brain when HILO_LLM_* asks for it, else the rule brain (given here, not to startHilo, so
  // test servers never pick up a developer's LLM variables).
  const llm = config.llm;
  // HILO_LLM_REPLIES=1: the model also writes the replies (from the templates' facts, guarded); its
  // budget is the one the LLM settings kept for writing them.
  const createBrain = createBrainFactory(llm, { clock: systemClock, logger, replies: (llm?.composeDeadlineMs ?? 0) > 0 });
  const hilo = await startHilo({ config, logger, createBrain, ...(createBrain.composeReplies ? { composeReplies: createBrain.composeReplies } : {}) });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  // Printed on stdout, not logged: the key is a secret and logs are shipped elsewhere.
  process.stdout.write(
    `\n  Hilo is running: http://${shown}:${hilo.port}  (transport: ${hilo.transport}, brain: ${llm ? 'LLM with rule fallback' : 'rules'})\n` +
      (config.demoApiKey
        ? `  Demo tenant "${DEMO_TENANT}" API key: the one in HILO_DEMO_API_KEY\n`
        : `  Demo tenant "${DEMO_TENANT}" API key: ${hilo.demoApiKey}\n` +
          (config.storage === 'durable' ? `  (generated once and kept in ${join(config.dataDir, DEMO_KEY_FILE)}; set HILO_DEMO_API_KEY, ≥ 16 characters, to choose it)\n` : `  (generated for this run; set HILO_DEMO_API_KEY, ≥ 16 characters, to choose it)\n`)) +
      (hilo.tenants.has('estudio') ? `  Demo tenant "estudio" (a beauty studio; its demo backend: ${demoBackend ? `http://127.0.0.1:${process.env.HILO_DEMO_BACKEND_PORT ?? '4100'}` : 'not started'}): the same API key\n` : '') +
      `  Try: curl -s -X POST http://${shown}:${hilo.port}/api/tenants/${DEMO_TENANT}/messages -H "Authorization: Bearer ${config.demoApiKey ? '$HILO_DEMO_API_KEY' : hilo.demoApiKey}" -H "Content-Type: application/json" -d '{"sender":"me","text":"¿Tienen cemento gris?"}'\n` +
      (hilo.demoAgentPassword
        ? `  Agent console: http://${shown}:${hilo.port}/console  (tenant "${DEMO_TENANT}"${hilo.tenants.has('estudio') ? ' or "estudio"' : ''}, user "demo", password ${config.demoAgentPassword ? 'the one in HILO_DEMO_AGENT_PASSWORD' : `${hilo.demoAgentPassword}${config.storage === 'durable' ? `, kept in ${join(config.dataDir, DEMO_AGENT_PASSWORD_FILE)}` : ' (generated for this run)'}`})\n`
        : '') +
      (hilo.inspectorUrl ? `  Stately inspector: ${config.inspectToken ? hilo.inspectorUrl.replace(/token=[^&]*/, 'token=$HILO_INSPECT_TOKEN') : hilo.inspectorUrl}\n` : '') +
      '\n',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining turns');
    void demoBackend?.close();
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    hilo.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * The demo business backend (`src/demo-backend/`; Hilo reaches it only over HTTP, through the
 * tenant's connector) served beside the demo, so the `estudio` tenant's `backend` (tenant.json:
 * 127.0.0.1:4100) answers. It runs in this process, so it stops with it (a child process would
 * outlive a `kill -9`). `HILO_DEMO_BACKEND_PORT=off` skips it (run `npm run demo-backend` yourself,
 * or none); a taken port is logged and skipped.
 */
async function startDemoBackend(env: NodeJS.ProcessEnv, logger: ReturnType<typeof createLogger>): Promise<DemoBackend | null> {
  const setting = env.HILO_DEMO_BACKEND_PORT ?? '4100';
  if (setting === 'off') return null;
  const port = Number(setting);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    logger.warn({ setting }, 'HILO_DEMO_BACKEND_PORT is not a port or "off"; demo backend not started');
    return null;
  }
  const root = projectRoot();
  const backend = createDemoBackend({
    seed: await loadSeed(join(root, 'tenants', 'estudio', 'backend-seed.json')),
    store: await loadHardwareStore(join(root, 'tenants', 'ferreteria')),
    clock: systemClock,
    logger: logger.child({ component: 'demo-backend' }),
  });
  try {
    const url = await backend.listen(port, '127.0.0.1');
    logger.info({ url }, 'demo backend started beside the demo');
    return backend;
  } catch (err) {
    logger.warn({ port, code: (err as NodeJS.ErrnoException).code }, 'demo backend not started (is the port taken? HILO_DEMO_BACKEND_PORT=off skips it)');
    return null;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = isHiloError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`hilo: ${message}\n`);
  process.exit(1);
});

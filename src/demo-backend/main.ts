/**
 * `npm run demo-backend`: the demo business backend on its own (docs/connectors.md).
 * `PORT` (default 4100), `HOST` (default 127.0.0.1), `DEMO_BACKEND_TOKEN` / `DEMO_BACKEND_HMAC_SECRET`
 * (when set, every API call must carry that bearer token / that HMAC signature).
 */
import { fileURLToPath } from 'node:url';
import { systemClock } from '../kernel/clock.js';
import { createLogger } from '../kernel/logger.js';
import { loadHardwareStore } from './ferreteria.js';
import { loadSeed } from './seed.js';
import { createDemoBackend } from './server.js';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/dist\/$/, '');
const env = process.env;
const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
const port = Number(env.PORT ?? '4100');
const host = env.HOST ?? '127.0.0.1';

const backend = createDemoBackend({
  seed: await loadSeed(`${root}tenants/estudio/backend-seed.json`),
  store: await loadHardwareStore(`${root}tenants/ferreteria`),
  clock: systemClock,
  logger,
  ...(env.DEMO_BACKEND_TOKEN ? { token: env.DEMO_BACKEND_TOKEN } : {}),
  ...(env.DEMO_BACKEND_HMAC_SECRET ? { hmacSecret: env.DEMO_BACKEND_HMAC_SECRET } : {}),
});
const url = await backend.listen(Number.isInteger(port) && port >= 0 ? port : 4100, host);
logger.info({ url, auth: env.DEMO_BACKEND_TOKEN ? 'bearer' : env.DEMO_BACKEND_HMAC_SECRET ? 'hmac' : 'none' }, 'demo backend listening');
process.stdout.write(`Demo backend: ${url}  (studio: ${url}/estudio/services, hardware store: ${url}/ferreteria/stock)\n`);
const stop = (): void => void backend.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

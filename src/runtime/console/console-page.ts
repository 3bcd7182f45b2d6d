/**
 * The agent console's page: `GET /console` (the HTML), `/console/console.js` and
 * `/console/console.css`, built by `scripts/build-console.mjs` into `dist/console/`. Read once at
 * start and served from memory with an ETag (revalidated on every load, so a new build is picked up
 * at once), gzip when asked, and a strict Content-Security-Policy: no inline script or style, API
 * and socket calls to this origin only, never framed.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { acceptsGzip, etagMatches, type HttpResponse, type Route } from '../gateway/index.js';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' } as const;

interface Asset {
  path: string;
  file: string;
  type: string;
  extra: Record<string, string>;
}

const ASSETS: Asset[] = [
  { path: '/console', file: 'console.html', type: 'text/html; charset=utf-8', extra: { 'content-security-policy': CONSOLE_CSP, 'x-frame-options': 'DENY' } },
  { path: '/console/console.js', file: 'console.js', type: 'application/javascript; charset=utf-8', extra: {} },
  { path: '/console/console.css', file: 'console.css', type: 'text/css; charset=utf-8', extra: {} },
  // The admin dashboard (charts), loaded by the console only when an admin opens it.
  { path: '/console/dashboard.js', file: 'dashboard.js', type: 'application/javascript; charset=utf-8', extra: {} },
  { path: '/console/dashboard.css', file: 'dashboard.css', type: 'text/css; charset=utf-8', extra: {} },
];

/**
 * Routes for the console page from the built folder (`dist/console`). A missing build is logged
 * and its routes answer 404, like the demo page: the console API keeps working without it.
 *
 * @example
 * startGateway({ ..., extraRoutes: [...consoleApp.routes, ...(await loadConsolePage(join(root, 'dist', 'console'), logger))] });
 */
export async function loadConsolePage(dir: string, logger: Logger): Promise<Route[]> {
  const log = logger.child({ component: 'console-page' });
  const routes: Route[] = [];
  for (const asset of ASSETS) {
    let body: Buffer | null = null;
    try {
      body = await readFile(join(dir, asset.file));
    } catch {
      log.warn({ path: join(dir, asset.file) }, 'console page file not readable (run "npm run build"); its route answers 404');
    }
    const gzipped = body ? gzipSync(body, { level: 9 }) : null;
    const etag = body ? `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` : '';
    routes.push({
      method: 'GET',
      path: asset.path,
      handler: async (req): Promise<HttpResponse> => {
        if (body === null || gzipped === null) throw new HiloError('HILO_ERR_HTTP_NOT_FOUND');
        const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', vary: 'Accept-Encoding', ...SECURITY_HEADERS, ...asset.extra };
        if (etagMatches(req.headers['if-none-match'], etag)) return { status: 304, headers, body: '' };
        headers['content-type'] = asset.type;
        if (acceptsGzip(req.headers['accept-encoding'])) return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipped };
        return { status: 200, headers, body };
      },
    });
  }
  return routes;
}

import type { InspectionEvent } from 'xstate';
import type { ConversationKey } from '../persistence/ports/snapshot-store.js';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../kernel/logger.js';
import { startInspectorBridge } from './inspector-bridge.js';

export interface InspectorHandle {
  observer: (event: InspectionEvent) => void;
  select: (key: ConversationKey) => boolean;
  /** Where a developer looks at it (never with the token). */
  description: string;
  /** `server` mode: the page to open, token included (print it, never log it). */
  url?: string;
  close(): Promise<void>;
}

/**
 * Attaches live conversations to the Stately inspector when `HILO_INSPECT` asks for it:
 * - `server`: Hilo's bridge (`inspector-bridge.ts`) on `HOST`:`HILO_INSPECT_PORT`, behind a token
 *   (`HILO_INSPECT_TOKEN`, else generated); open `http://<host>:<port>/?token=<token>` in a browser
 *   (it embeds the Stately inspector UI, which needs internet);
 * - `ws://host:port`: send to an inspector bridge that is already running;
 * - `sky`: Stately Sky (needs internet; prints a URL).
 */
export async function createInspector(options: {
  mode: string;
  port: number;
  conversationFilter: string;
  logger: Logger;
  /** Address the `server` bridge binds to (`HOST`). Default loopback. */
  host?: string;
  /** Token the `server` bridge requires; null/undefined: a random one. */
  token?: string | null;
}): Promise<InspectorHandle | null> {
  if (options.mode === 'off') return null;
  const inspect = await import('@statelyai/inspect');
  let stopServer: (() => Promise<void>) | null = null;
  let url: string | undefined;
  let inspector: { inspect: { next?: (e: InspectionEvent) => void } | ((e: InspectionEvent) => void); stop?: () => void };
  let description: string;
  if (options.mode === 'server') {
    const host = options.host ?? '127.0.0.1';
    const token = options.token ?? randomBytes(18).toString('base64url');
    const bridge = await startInspectorBridge({ host, port: options.port, token });
    stopServer = () => bridge.close();
    const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    inspector = inspect.createWebSocketInspector({ url: `ws://${local}:${bridge.port}/?token=${encodeURIComponent(token)}` }) as never;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : local;
    description = `http://${shown}:${bridge.port}/ (token required)`;
    url = `http://${shown}:${bridge.port}/?token=${encodeURIComponent(token)}`;
  } else if (options.mode === 'sky') {
    inspector = inspect.createSkyInspector({ onerror: (err) => options.logger.warn({ err: err.message }, 'sky inspector error') }) as never;
    description = 'Stately Sky (see the URL printed by @statelyai/inspect)';
  } else {
    inspector = inspect.createWebSocketInspector({ url: options.mode }) as never;
    description = options.mode;
  }
  const target = inspector.inspect;
  const observer = (event: InspectionEvent) => {
    if (typeof target === 'function') target(event);
    else target.next?.(event);
  };
  options.logger.info({ inspector: description, filter: options.conversationFilter || '(all)' }, 'Stately inspector attached');
  return {
    observer,
    select: (key) => options.conversationFilter === '' || key.conversationId.includes(options.conversationFilter),
    description,
    ...(url !== undefined ? { url } : {}),
    async close() {
      inspector.stop?.();
      await stopServer?.();
    },
  };
}

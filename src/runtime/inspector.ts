import type { InspectionEvent } from 'xstate';
import type { ConversationKey } from '../persistence/snapshot-store.js';
import type { Logger } from './logger.js';

export interface InspectorHandle {
  observer: (event: InspectionEvent) => void;
  select: (key: ConversationKey) => boolean;
  /** Where a developer looks at it. */
  description: string;
  close(): Promise<void>;
}

/**
 * Attaches live conversations to the Stately inspector when `HILO_INSPECT` asks for it:
 * - `server`: a local bridge (`@statelyai/inspect/server`) on `HILO_INSPECT_PORT`; open
 *   `http://localhost:<port>` in a browser (it embeds the Stately inspector UI, which needs internet);
 * - `ws://host:port`: send to an inspector bridge that is already running;
 * - `sky`: Stately Sky (needs internet; prints a URL).
 */
export async function createInspector(options: { mode: string; port: number; conversationFilter: string; logger: Logger }): Promise<InspectorHandle | null> {
  if (options.mode === 'off') return null;
  const inspect = await import('@statelyai/inspect');
  let stopServer: (() => void) | null = null;
  let inspector: { inspect: { next?: (e: InspectionEvent) => void } | ((e: InspectionEvent) => void); stop?: () => void };
  let description: string;
  if (options.mode === 'server') {
    const server = await import('@statelyai/inspect/server');
    stopServer = server.createInspectorServer({ port: options.port, autoOpen: false }).stop;
    inspector = inspect.createWebSocketInspector({ url: `ws://127.0.0.1:${options.port}` }) as never;
    description = `http://localhost:${options.port}`;
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
    async close() {
      inspector.stop?.();
      stopServer?.();
    },
  };
}

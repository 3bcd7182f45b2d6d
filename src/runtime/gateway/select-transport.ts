/**
 * Picks the transport adapter at start-up. Apart from `transport.ts` so the shape the adapters
 * implement does not import the adapters back (they load lazily: the uWS binary may not exist).
 */
import type { Logger } from '../../kernel/logger.js';
import type { Transport, TransportKind } from './transport.js';

/**
 * Picks the transport. `auto` tries uWebSockets.js and falls back to `node:http` + `ws` when its
 * native binary cannot load (other Node versions or platforms), logging which one runs and why.
 */
export async function createTransport(kind: TransportKind, logger: Logger): Promise<Transport> {
  const log = logger.child({ component: 'transport' });
  if (kind === 'node') {
    const { createNodeTransport } = await import('./node-transport.js');
    log.info({ transport: 'node', reason: 'configured' }, 'using node:http + ws transport');
    return createNodeTransport({ logger: log });
  }
  try {
    const { createUwsTransport } = await import('./uws-transport.js');
    const transport = await createUwsTransport({ logger: log });
    log.info({ transport: 'uws', reason: kind === 'uws' ? 'configured' : 'auto' }, 'using uWebSockets.js transport');
    return transport;
  } catch (err) {
    if (kind === 'uws') throw err;
    const { createNodeTransport } = await import('./node-transport.js');
    log.warn(
      { transport: 'node', reason: 'uws_unavailable', err },
      'uWebSockets.js could not load; falling back to node:http + ws',
    );
    return createNodeTransport({ logger: log });
  }
}

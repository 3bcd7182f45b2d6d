import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createUwsTransport } from '../../../src/runtime/gateway/uws-transport.js';
import { runTransportContract } from '../../contract/transport.contract.js';

runTransportContract({ name: 'uWebSockets.js', create: () => createUwsTransport({ logger: createSilentLogger() }) });

import { createNodeTransport } from '../../../src/runtime/gateway/node-transport.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { runTransportContract } from '../../contract/transport.contract.js';

runTransportContract({ name: 'node:http + ws', create: async () => createNodeTransport({ logger: createSilentLogger() }) });

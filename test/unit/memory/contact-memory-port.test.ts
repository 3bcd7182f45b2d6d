import { randomUUID } from 'node:crypto';
import { createMemoryContactMemoryPort } from '../../../src/actors/memory/contact-memory-port.js';
import { runContactMemoryContract } from '../../contract/contact-memory.contract.js';

runContactMemoryContract({
  name: 'in memory',
  create: async () => ({ port: createMemoryContactMemoryPort(), newThread: async () => `c_${randomUUID().replace(/-/g, '')}`, destroy: async () => undefined }),
});

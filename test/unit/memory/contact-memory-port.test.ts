import { randomUUID } from 'node:crypto';
import { createMemoryContactMemoryPort } from '../../../src/persistence/memory/memory-contact-memory.js';
import { runContactMemoryContract } from '../../contract/contact-memory.contract.js';

runContactMemoryContract({
  name: 'in memory',
  create: async () => ({ port: createMemoryContactMemoryPort(), newThread: async () => `c_${randomUUID().replace(/-/g, '')}`, destroy: async () => undefined }),
});

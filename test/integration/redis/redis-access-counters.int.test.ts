import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { createRedisAccessCounters } from '../../../src/persistence/redis/redis-access-counters.js';
import { runAccessCountersContract } from '../../contract/access-counters.contract.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `hilo-test-ac-${randomUUID().slice(0, 8)}`;
const opened: { close(): Promise<void> }[] = [];

afterAll(async () => {
  for (const c of opened) await c.close();
});

runAccessCountersContract('redis', async () => {
  const counters = createRedisAccessCounters({ url: REDIS_URL, prefix });
  opened.push(counters);
  return {
    counters,
    // Redis expires keys by its own clock: let real time pass.
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    reopen: async () => {
      const again = createRedisAccessCounters({ url: REDIS_URL, prefix });
      opened.push(again);
      return again;
    },
  };
}, { durable: true });

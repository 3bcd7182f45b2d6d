import { describe, expect, it } from 'vitest';
import { createConsoleAuth } from '../../../src/actors/console/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryAccessCounters } from '../../../src/persistence/ports/access-counters.js';
import { createMemoryAgentStores } from '../../../src/persistence/memory/memory-agent-accounts.js';

/**
 * The demo admin `demo` is made at start-up. Cluster members starting together on one database
 * all find it missing and all create it: only one create wins, and the others must not fail.
 */
describe('demo agent at start-up', () => {
  it('should let members that start together all succeed, with one account that logs in', async () => {
    const clock = createManualClock();
    const { accounts, sessions } = createMemoryAgentStores({ clock });
    const audit = { append: async () => undefined };
    const member = () => createConsoleAuth({ accounts, sessions, counters: createMemoryAccessCounters({ clock }), audit, clock, logger: createSilentLogger(), hasTenant: (t) => t === 'ferreteria', scrypt: { N: 1024, r: 8, p: 1 } });
    const members = [member(), member(), member()];
    await Promise.all(members.map((m) => m.ensureDemoAgent('ferreteria', 'demo-password-1')));
    expect((await accounts.list('ferreteria')).filter((a) => a.username === 'demo')).toHaveLength(1);
    const result = await members[2]!.login({ tenant: 'ferreteria', username: 'demo', password: 'demo-password-1', ip: '127.0.0.1' });
    expect(result.agent.username).toBe('demo');
  });
});

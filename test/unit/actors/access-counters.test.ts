import { createMemoryAccessCounters } from '../../../src/persistence/ports/access-counters.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { runAccessCountersContract } from '../../contract/access-counters.contract.js';

runAccessCountersContract('memory', async () => {
  const clock = createManualClock();
  return { counters: createMemoryAccessCounters({ clock }), advance: async (ms) => clock.advance(ms) };
});

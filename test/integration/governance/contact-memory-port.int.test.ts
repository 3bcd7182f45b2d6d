import { createSqlContactMemoryPort } from '../../../src/persistence/sql/sql-contact-memory.js';
import { createContactRepository } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { runContactMemoryContract } from '../../contract/contact-memory.contract.js';
import { postgresBackend } from '../sql/sql-backends.js';

let visitors = 0;
runContactMemoryContract({
  name: 'PostgreSQL',
  create: async () => {
    const opened = await postgresBackend.open();
    const clock = createManualClock();
    const contacts = createContactRepository({ db: opened.db, clock });
    return {
      port: createSqlContactMemoryPort({ db: opened.db, clock, logger: createSilentLogger() }),
      async newThread(tenantId) {
        const uuid = await contacts.resolveContact(tenantId, 'web', `visitor-${++visitors}`);
        return `c_${uuid.replace(/-/g, '')}`;
      },
      destroy: () => opened.dispose(),
    };
  },
});

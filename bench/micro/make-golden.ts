/**
 * Writes `test/fixtures/brain-golden.jsonl` from the CURRENT code. Run once, before optimising:
 *   npx tsx bench/micro/make-golden.ts
 * Re-running after a change would bless whatever the change does; the equivalence test exists to
 * catch exactly that, so only regenerate on purpose (a deliberate behaviour change).
 */
import { writeFileSync } from 'node:fs';
import { GOLDEN_PATH, goldenRecords, loadDemoTenant } from './golden.js';

const tenant = await loadDemoTenant();
const lines: string[] = [];
// Confidences to 1e-9 (the test compares them to 1e-6).
for await (const record of goldenRecords(tenant, 9)) lines.push(JSON.stringify(record));
writeFileSync(GOLDEN_PATH, `${lines.join('\n')}\n`);
process.stdout.write(`${lines.length} records → ${GOLDEN_PATH}\n`);

import { join } from 'node:path';
import { loadTenant } from './src/persistence/tenant-loader.js';
import { createRuleBrain } from './src/actors/brain/rule/rule-brain.js';
const tenant = await loadTenant(join('/work/wt/studio35/tenants', process.argv[2]!));
const brain = createRuleBrain({ tenant });
for (const text of process.argv.slice(3)) {
  const u = await brain.understand({ text, lang: 'es', expecting: { kind: 'none' } } as any);
  console.log(text, '→', JSON.stringify({ intent: u.nlu.intent, lang: u.lang, ranking: (u.nlu as any).ranking?.slice(0,3), entities: u.nlu.entities }).slice(0, 600));
}

import { createEvalHosts } from './test/eval/lib/eval-host.ts';
import { loadDemo } from './test/helpers/memory-host.ts';
const { tenant, brain } = await loadDemo();
const next = createEvalHosts({ tenant, brain });
const args = process.argv.slice(2);
const channel = args[0] === '-w' ? (args.shift(), 'whatsapp') : 'rest';
const host = next();
for (const text of args) {
  const turn = await host.handleMessage({ tenantId: 'ferreteria', channel, senderId: 's1', text });
  console.log('> ' + text);
  for (const r of turn.replies) console.log('  < ' + JSON.stringify({ ...r, text: undefined }).slice(0, 400) + '\n    ' + r.text.replace(/\n/g, '\n    '));
}
await host.close();

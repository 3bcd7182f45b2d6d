import { createEvalHosts } from './test/eval/lib/eval-host.ts';
import { loadDemo } from './test/helpers/memory-host.ts';
const { tenant, brain } = await loadDemo();
const host = createEvalHosts({ tenant, brain })();
for (const text of process.argv[2]!.split('|')) {
  const turn: any = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 's1', text });
  console.log('> ' + text, '\n  ', JSON.stringify(turn.state?.context?.lead?.draft ?? turn.context?.lead?.draft ?? Object.keys(turn)));
}
await host.close();

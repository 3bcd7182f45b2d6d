import { createEvalHosts } from './test/eval/lib/eval-host.ts';
import { loadDemo } from './test/helpers/memory-host.ts';
const { tenant, brain } = await loadDemo();
const next = createEvalHosts({ tenant, brain });
const args = process.argv.slice(2);
const host = next();
for (const text of args) {
  const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 's1', text });
  const ctx: any = host.contextOf('ferreteria', turn.conversationId ?? (turn as any).conversation?.id);
  console.log('> ' + text, Object.keys(turn));
  if (ctx) console.log(JSON.stringify({ exp: ctx.expecting, routed: ctx.routedIntent, u: ctx.understanding?.nlu?.intent, prods: ctx.understanding?.products, focus: ctx.productFocus && Object.keys(ctx.productFocus) }));
  for (const r of turn.replies) console.log('    ' + r.text.replace(/\n/g, '\n    '));
}

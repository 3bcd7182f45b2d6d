// Prints every turn of scripted conversations in full: what the customer says, what each turn
// expects, what the bot answers. For reading a failing or backlog conversation, not for measuring.
//   npx tsx scripts/conv.ts FILE.conv [LINE ...]   (LINE: the line of a conversation's === title)
import { readFileSync } from 'node:fs';
import { createEvalHosts } from '../test/eval/lib/eval-host.js';
import { parseConv } from '../test/eval/lib/conv-format.js';
import { loadDemo } from '../test/helpers/memory-host.js';

const [file, ...lines] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/conv.ts FILE.conv [LINE ...]');
  process.exit(2);
}
const conversations = parseConv(readFileSync(file, 'utf8'), file);
const { tenant, brain } = await loadDemo();
const nextHost = createEvalHosts({ tenant, brain });
for (const c of conversations.filter((c) => lines.length === 0 || lines.includes(String(c.line)))) {
  const host = nextHost();
  const sender = `conv-${c.line}-${Math.random().toString(36).slice(2)}`;
  console.log(`========= ${c.line} ${c.title}`);
  for (const t of c.turns) {
    const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: c.channel, senderId: sender, text: t.text });
    console.log(`> ${t.text}`);
    for (const e of t.expect) console.log(`    ?? ${JSON.stringify(e)}`);
    for (const r of turn.replies) console.log(`  < ${r.text.replace(/\n/g, '\n    ')}`);
  }
  await host.close();
}

// Prints every turn of scripted conversations in full: what the customer says, what each turn
// expects, what the bot answers. For reading a failing or backlog conversation, not for measuring.
//   npx tsx scripts/conv.ts FILE.conv [LINE ...]   (LINE: the line of a conversation's === title)
import { readFileSync } from 'node:fs';
import { createBackendTenantHosts, type BackendTenantHosts } from '../test/eval/lib/backend-tenant-hosts.js';
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
const others = new Map<string, BackendTenantHosts>();
for (const c of conversations.filter((c) => lines.length === 0 || lines.includes(String(c.line)))) {
  // `@tenant` conversations run on that tenant against its demo backend (test/eval/lib/backend-tenant-hosts.ts).
  let other = c.tenant !== undefined && c.tenant !== 'ferreteria' ? others.get(c.tenant) : undefined;
  if (c.tenant !== undefined && c.tenant !== 'ferreteria' && !other) others.set(c.tenant, (other = await createBackendTenantHosts(process.cwd(), c.tenant)));
  const host = other ? await other.next(c.at) : nextHost(c.at);
  // A WhatsApp sender is a phone number, as the channel gives it (the studio prefills it).
  const sender = c.channel === 'whatsapp' ? `1809555${String(c.line % 10_000).padStart(4, '0')}` : `conv-${c.line}-${Math.random().toString(36).slice(2)}`;
  console.log(`========= ${c.line} ${c.title}`);
  for (const t of c.turns) {
    const turn = await host.handleMessage({ tenantId: other?.tenantId ?? 'ferreteria', channel: c.channel, senderId: sender, text: t.text });
    console.log(`> ${t.text}`);
    for (const e of t.expect) console.log(`    ?? ${JSON.stringify(e)}`);
    for (const r of turn.replies) console.log(`  < ${r.text.replace(/\n/g, '\n    ')}${r.options?.length ? ` [${r.options.map((o) => o.label).join(' | ')}]` : ''}`);
  }
  await host.close();
}
for (const other of others.values()) await other.close();

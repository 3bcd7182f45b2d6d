// Local tryout: npx tsx talk.mts "msg1|msg2" "another conversation"
import { loadDemo, createMemoryHost, sayTo, replyText } from './test/helpers/memory-host.ts';
const { tenant, brain } = await loadDemo();
let n = 0;
for (const convo of process.argv.slice(2)) {
  const { host } = createMemoryHost({ tenant, brain });
  const sender = `+1809555${String(1000 + n++)}`;
  console.log('=====');
  for (const text of convo.split('|')) {
    const turn = await sayTo(host, sender, text);
    console.log('> ' + text);
    console.log(replyText(turn).split('\n').map((l) => '< ' + l).join('\n'));
  }
}
process.exit(0);

// Widget socket frames the earlier sweeps did not send (harden18): 1 MB text and binary frames
// after hello, invalid UTF-8 in a text frame, and rapid reconnects of one session (the same
// visitorId and resumeToken) that each send a message. Prints what came back, how each socket
// ended, and whether the server still answers an ordinary question afterwards.
import { open, vid, sleep, waitFor, hello, say, summary } from './ws-lib.mjs';
const end = (c) => (c.closed ? ` | closed ${c.closed.code} ${c.closed.reason}` : ' | open');
async function attack(name, fn) {
  let line;
  const t0 = performance.now();
  try { line = await fn(); } catch (e) { line = `THROW ${e.message}`; }
  console.log(`${name.padEnd(44)} ${(performance.now() - t0).toFixed(0).padStart(5)}ms ${line}`);
}
await attack('1 MB text frame after hello', async () => { const c = await open(); await hello(c, vid()); c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'big', text: 'a'.repeat(1_000_000) })); await sleep(500); return summary(c) + end(c); });
await attack('1 MB binary frame after hello', async () => { const c = await open(); await hello(c, vid()); c.ws.send(Buffer.alloc(1_000_000, 0x61)); await sleep(500); return summary(c) + end(c); });
await attack('invalid UTF-8 in a text frame', async () => { const c = await open(); await hello(c, vid()); c.ws.send(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), { binary: false }); await sleep(300); return summary(c) + end(c); });
await attack('text 2,001 chars (over the limit)', async () => { const c = await open(); await hello(c, vid()); const r = await say(c, 'a'.repeat(2001)); c.ws.close(); return r ? (r.type === 'error' ? `error:${r.code}` : r.type) : 'no answer'; });
await attack('30 rapid reconnects of one session', async () => {
  const v = vid();
  const first = await open();
  const w = await hello(first, v);
  const token = w?.resumeToken;
  first.ws.close();
  const socks = await Promise.all(Array.from({ length: 30 }, () => open()));
  const welcomes = await Promise.all(socks.map((c) => hello(c, v, { resumeToken: token, lastSeq: 0 })));
  const acks = await Promise.all(socks.map((c, i) => say(c, `¿tienen cemento gris? ${i}`, `burst-${i}`)));
  await sleep(2_000);
  const kinds = {};
  for (const r of [...welcomes, ...acks]) { const k = r ? (r.type === 'error' ? `error:${r.code}` : r.type) : 'none'; kinds[k] = (kinds[k] ?? 0) + 1; }
  const replies = socks.reduce((n, c) => n + c.frames.filter((f) => f.type === 'message' && f.message.author === 'bot').length, 0);
  for (const c of socks) c.ws.close();
  return `${JSON.stringify(kinds)} bot lines seen across sockets: ${replies}`;
});
await attack('after all that: an ordinary question', async () => { const c = await open(); await hello(c, vid()); await say(c, '¿Tienen cemento gris?'); const m = await waitFor(c, (f) => f.type === 'message' && f.message.author === 'bot', 8000); c.ws.close(); return m ? `answered: ${m.message.text.slice(0, 50)}` : 'NO ANSWER'; });
process.exit(0);

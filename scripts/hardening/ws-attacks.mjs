// Widget WebSocket attacks against a running Hilo; prints what came back and how the socket ended.
import { open, vid, sleep, waitFor, hello, say, summary, WS } from './ws-lib.mjs';
// `expected`: a substring the line must contain (a known answer since harden10/11); the line says UNEXPECTED otherwise.
async function attack(name, fn, expected) {
  let line;
  try { line = await fn(); } catch (e) { line = `THROW ${e.message}`; }
  console.log(`${name.padEnd(40)} ${line}${expected === undefined ? '' : line.includes(expected) ? '  [as expected]' : `  [UNEXPECTED: wanted ${expected}]`}`);
}
const ORIGIN = new URL(WS).origin.replace(/^http/, 'ws');
const end = (c) => (c.closed ? ` | closed ${c.closed.code} ${c.closed.reason}` : ' | open');
await attack('invalid JSON before hello', async () => { const c = await open(); c.ws.send('{nope'); await sleep(300); return summary(c) + end(c); });
await attack('message before hello', async () => { const c = await open(); c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'a', text: 'hola' })); await sleep(300); return summary(c) + end(c); });
await attack('hello wrong types', async () => { const c = await open(); c.ws.send(JSON.stringify({ type: 'hello', v: '1', tenant: 5, visitorId: [] })); await sleep(300); return summary(c) + end(c); });
await attack('hello v=2', async () => { const c = await open(); c.ws.send(JSON.stringify({ type: 'hello', v: 2, tenant: 'ferreteria', visitorId: vid() })); await sleep(300); return summary(c) + end(c); });
await attack('hello other tenant than URL', async () => { const c = await open(); c.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'estudio', visitorId: vid() })); await sleep(300); return summary(c) + end(c); }, 'error:HILO_ERR_TENANT_NOT_FOUND');
// Since harden10 the widget socket must name its tenant in the URL: refused at hello, closed 4400, nothing opened.
await attack('no tenant in URL', async () => { const c = await open(`${ORIGIN}/ws`); await sleep(300); if (!c.closed) await hello(c, vid()); await sleep(200); return summary(c) + end(c) + (c.error ?? ''); }, 'error:HILO_ERR_WS_TENANT_REQUIRED | closed 4400');
await attack('empty tenant in URL', async () => { const c = await open(`${ORIGIN}/ws?tenant=`); await hello(c, vid()); await sleep(200); return summary(c) + end(c); }, 'error:HILO_ERR_WS_TENANT_REQUIRED | closed 4400');
await attack('unknown tenant in URL and hello', async () => { const c = await open(`${ORIGIN}/ws?tenant=nadie`); c.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'nadie', visitorId: vid() })); await sleep(300); return summary(c) + end(c); }, 'error:HILO_ERR_TENANT_NOT_FOUND');
await attack('tenant twice in URL', async () => { const c = await open(`${ORIGIN}/ws?tenant=estudio&tenant=ferreteria`); await hello(c, vid()); await sleep(200); return summary(c) + end(c); });
await attack('hello unknown fields + __proto__', async () => { const c = await open(); c.ws.send(`{"type":"hello","v":1,"tenant":"ferreteria","visitorId":"${vid()}","__proto__":{"x":1},"admin":true}`); await sleep(300); return summary(c) + end(c); });
await attack('weak visitor id', async () => { const c = await open(); await hello(c, 'aaaaaaaaaaaaaaaaaaaaaaaa'); await sleep(200); return summary(c) + end(c); });
await attack('double hello', async () => { const c = await open(); await hello(c, vid()); await hello(c, vid()); await sleep(300); return summary(c) + end(c); });
await attack('lastSeq negative/huge', async () => { const c = await open(); await hello(c, vid(), { lastSeq: -5 }); const d = await open(); await hello(d, vid(), { lastSeq: 1e300 }); await sleep(200); return summary(c) + end(c) + ' // ' + summary(d) + end(d); });
await attack('binary frame after hello', async () => { const c = await open(); await hello(c, vid()); c.ws.send(Buffer.from(JSON.stringify({ type: 'ping' }))); await sleep(300); return summary(c) + end(c); });
await attack('binary invalid utf8', async () => { const c = await open(); await hello(c, vid()); c.ws.send(Buffer.from([0xff, 0xfe, 0x00])); await sleep(300); return summary(c) + end(c); });
await attack('unknown frame type', async () => { const c = await open(); await hello(c, vid()); c.ws.send(JSON.stringify({ type: 'admin', x: 1 })); c.ws.send(JSON.stringify({ type: 'ping' })); await sleep(300); return summary(c) + end(c); });
await attack('message wrong types', async () => { const c = await open(); await hello(c, vid()); c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 5, text: ['a'] })); await sleep(300); return summary(c) + end(c); });
await attack('message unknown field', async () => { const c = await open(); await hello(c, vid()); const r = await (async () => { c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'u1', text: 'hola', author: 'agent' })); await sleep(600); })(); return summary(c) + end(c); });
await attack('10k-char message', async () => { const c = await open(); await hello(c, vid()); await say(c, 'a'.repeat(10000)); return summary(c) + end(c); });
await attack('2000 chars + 10k spaces (15KB)', async () => { const c = await open(); await hello(c, vid()); await say(c, 'hola ' + 'x'.repeat(1990) + ' '.repeat(10000)); return summary(c) + end(c); });
await attack('17 KiB frame', async () => { const c = await open(); await hello(c, vid()); c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'big', text: 'é'.repeat(9000) })); await sleep(500); return summary(c) + end(c); });
await attack('300 KiB frame', async () => { const c = await open(); await hello(c, vid()); c.ws.send('x'.repeat(300 * 1024)); await sleep(800); return summary(c) + end(c); });
await attack('NUL + surrogate + RTL + ZW', async () => { const c = await open(); await hello(c, vid()); c.ws.send('{"type":"message","clientMessageId":"z1","text":"\\u0000\\ud800\\u202e\\u200btienen cemento\\u200d gris?"}'); await waitFor(c, (f) => f.type === 'ack'); return summary(c) + ' ack.text=' + JSON.stringify(c.frames.find((f) => f.type === 'ack')?.text) + end(c); });
await attack('only invisible chars', async () => { const c = await open(); await hello(c, vid()); c.ws.send('{"type":"message","clientMessageId":"z2","text":"\\u0000\\u202e\\u200b\\ufeff\\u2060"}'); await sleep(600); return summary(c) + end(c); });
await attack('11 invalid frames', async () => { const c = await open(); await hello(c, vid()); for (let i = 0; i < 11; i++) c.ws.send('nope' + i); await sleep(500); return `${c.frames.filter((f) => f.type === 'error').length} errors` + end(c); });
await attack('clientMessageId 65 chars', async () => { const c = await open(); await hello(c, vid()); c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'x'.repeat(65), text: 'hola' })); await sleep(400); return summary(c) + end(c); });
await attack('resend same clientMessageId diff text', async () => { const c = await open(); await hello(c, vid()); await say(c, '¿Tienen cemento gris?', 'dup1'); const n = c.frames.length; await say(c, 'quiero hablar con una persona', 'dup1'); await sleep(300); return summary({ frames: c.frames.slice(n) }) + end(c); }, 'error:HILO_ERR_IDEMPOTENCY_CONFLICT');
await attack('close mid-turn, then resume', async () => {
  const v = vid(); const c = await open(); const w = await hello(c, v); const tok = w.resumeToken;
  c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'mid1', text: '¿Cuánto cuestan 10 sacos de cemento y 20 varillas de 3/8?' })); c.ws.terminate();
  await sleep(1500); const d = await open(); const w2 = await hello(d, v, { resumeToken: tok, lastSeq: 0 });
  return `history=${w2.history?.length} ${w2.history?.map((m) => m.author).join(',')}` + end(d);
});
await attack('resume stolen visitor id (no token)', async () => {
  const v = vid(); const c = await open(); await hello(c, v); await say(c, 'hola soy Ana, mi correo es ana@x.com');
  const d = await open(); await hello(d, v, { lastSeq: 0 }); await sleep(200); return summary(d) + end(d);
});
await attack('resume with other visitor token', async () => {
  const v1 = vid(), v2 = vid(); const a = await open(); await hello(a, v1); await say(a, 'hola');
  const b = await open(); const wb = await hello(b, v2); await say(b, 'hola');
  const d = await open(); await hello(d, v1, { resumeToken: wb.resumeToken }); await sleep(200); return summary(d) + end(d);
});
await attack('resume token of other tenant', async () => {
  const v = vid(); const a = await open(`${ORIGIN}/ws?tenant=estudio`); a.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'estudio', visitorId: v })); const w = await waitFor(a, (f) => f.type === 'welcome');
  const d = await open(); const r = await hello(d, v, { resumeToken: w.resumeToken }); await sleep(200); return summary(d) + end(d);
});
await attack('flood 100 messages', async () => {
  const c = await open(); await hello(c, vid()); for (let i = 0; i < 100; i++) c.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'f' + i, text: 'hola ' + i }));
  await sleep(6000); const errs = c.frames.filter((f) => f.type === 'error'); const acks = c.frames.filter((f) => f.type === 'ack');
  return `acks=${acks.length} errors=${errs.length} codes=${[...new Set(errs.map((e) => e.code))]}` + end(c);
});
await attack('reconnect storm 80 hellos', async () => {
  const res = {}; const cs = [];
  for (let i = 0; i < 80; i++) { const c = await open(); cs.push(c); const r = await hello(c, vid()); const k = r ? (r.type === 'error' ? r.code : r.type) : 'none'; res[k] = (res[k] ?? 0) + 1; }
  await sleep(300); const closes = {}; for (const c of cs) { const k = c.closed?.code ?? 'open'; closes[k] = (closes[k] ?? 0) + 1; c.ws.close(); }
  return JSON.stringify(res) + ' closes ' + JSON.stringify(closes);
});
process.exit(0);

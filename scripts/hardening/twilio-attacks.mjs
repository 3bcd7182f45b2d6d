// Twilio WhatsApp webhook attacks: signatures (URL variants), replays, statuses, media, JSON bodies.
import { createHmac } from 'node:crypto';
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const PUBLIC = process.env.PUBLIC_URL ?? BASE;
const TOKEN = 'tw-auth-token-123';
const path = '/webhooks/twilio/ferreteria';
const sig = (url, params) => { let d = url; for (const k of Object.keys(params).sort()) d += k + params[k]; return createHmac('sha1', TOKEN).update(d).digest('base64'); };
let n = Date.now();
const from = 'whatsapp:+1809555' + String(Math.floor(Math.random() * 9000 + 1000));
async function post(name, params, { signature, ct = 'application/x-www-form-urlencoded', q = '', raw } = {}) {
  const body = raw ?? new URLSearchParams(params).toString();
  const h = { 'content-type': ct };
  if (signature !== null) h['x-twilio-signature'] = signature ?? sig(PUBLIC + path + q, params);
  const r = await fetch(BASE + path + q, { method: 'POST', headers: h, body });
  const t = await r.text();
  let code = t.slice(0, 120); try { const j = JSON.parse(t); code = j.error ? j.error.code + (j.error.details ? ' ' + JSON.stringify(j.error.details).slice(0, 140) : '') : t.slice(0, 100); } catch {}
  console.log(`${name.padEnd(34)} ${r.status} ${r.headers.get('content-type')} ${code}`);
}
const m = (o) => ({ MessageSid: 'SM' + String(n++).padStart(32, '0'), AccountSid: 'AC00000000000000000000000000000000', From: from, To: 'whatsapp:+14155238886', NumMedia: '0', ProfileName: 'Ana', ...o });
await post('no signature', m({ Body: 'hola' }), { signature: null });
await post('bad signature', m({ Body: 'hola' }), { signature: 'AAAA' });
const p1 = m({ Body: 'hola' });
await post('signed for other URL', p1, { signature: sig('http://evil.example' + path, p1) });
await post('text', m({ Body: '¿Tienen cemento gris?' }));
const rp = m({ Body: 'y varilla de 3/8?' });
await post('replay #1', rp); await post('replay #2', rp);
await post('replay other body same sid', { ...rp, Body: 'quiero hablar con una persona' });
await post('query string ?a=1', m({ Body: 'hola' }), { q: '?a=1&b=%7E' });
await post('image+caption', m({ Body: 'tienen esto?', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x/Media/ME1', MediaContentType0: 'image/jpeg' }));
await post('voice note', m({ Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/x/Media/ME2', MediaContentType0: 'audio/ogg' }));
await post('NumMedia 11', m({ Body: '', NumMedia: '11' }));
await post('NumMedia abc', m({ Body: 'x', NumMedia: 'abc' }));
await post('location', m({ Body: '', Latitude: '18.4', Longitude: '-68.9', Address: 'Calle 1' }));
await post('location lat 200', m({ Body: '', Latitude: '200', Longitude: '-68.9' }));
await post('button', m({ Body: 'Sí', ButtonText: 'Sí', ButtonPayload: 'yes' }));
for (const st of ['sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled', 'partially_delivered', 'receiving', 'bogus'])
  await post('status ' + st, { MessageSid: 'SM' + String(n++).padStart(32, '0'), AccountSid: 'AC00000000000000000000000000000000', MessageStatus: st, To: from, ...(st === 'failed' ? { ErrorCode: '63016' } : {}) });
await post('missing From', (({ From, ...o }) => o)(m({ Body: 'hola' })));
await post('From not whatsapp', m({ Body: 'hola', From: '+18095550000' }));
await post('Body NUL', m({ Body: 'ce\u0000mento' }));
await post('Body 5000', m({ Body: 'cemento '.repeat(700) }));
await post('dup params', null, { raw: 'Body=a&Body=b&MessageSid=SMx&AccountSid=AC00000000000000000000000000000000&From=' + encodeURIComponent(from), signature: sig(PUBLIC + path, { Body: 'ab', MessageSid: 'SMx', AccountSid: 'AC00000000000000000000000000000000', From: from }) });
await post('json body', {}, { ct: 'application/json', raw: '{"Body":"hola"}', signature: 'x' });
await post('text/plain', m({ Body: 'hola' }), { ct: 'text/plain' });
await post('bad percent', null, { raw: 'Body=%E0%A4%A&From=x', signature: 'x' });

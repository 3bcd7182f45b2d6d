// Telegram webhook, REST agent-messages, multi-tab widget, and the live check of the media fixes.
import { createHmac } from 'node:crypto';
import { open, vid, sleep, waitFor, hello, say } from './ws-lib.mjs';
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const H = { authorization: 'Bearer demo-key-1234567890', 'content-type': 'application/json' };
const show = async (name, r) => { const t = await r.text(); let c = t.slice(0, 120); try { const j = JSON.parse(t); c = j.error ? j.error.code : t.slice(0, 120); } catch {} console.log(`${name.padEnd(40)} ${r.status} ${c}`); return t; };
// Telegram
const tg = (body, secret = 'tg-secret') => fetch(`${BASE}/webhooks/telegram/ferreteria`, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
let u = 1000;
const tmsg = (o) => ({ update_id: u++, message: { message_id: u, date: Math.floor(Date.now() / 1000), chat: { id: 5551234, type: 'private' }, from: { id: 5551234, is_bot: false, first_name: 'Ana', language_code: 'es' }, ...o } });
await show('tg no secret', await tg(tmsg({ text: 'hola' }), null));
await show('tg wrong secret', await tg(tmsg({ text: 'hola' }), 'nope'));
await show('tg text', await tg(tmsg({ text: '¿Tienen cemento gris?' })));
const rep = tmsg({ text: 'y varilla de 3/8?' });
await show('tg replay 1', await tg(rep)); await show('tg replay 2', await tg(rep));
await show('tg edited_message', await tg({ update_id: u++, edited_message: tmsg({ text: 'editado' }).message }));
await show('tg callback_query', await tg({ update_id: u++, callback_query: { id: '1', from: { id: 5551234, is_bot: false, first_name: 'Ana' }, data: 'x' } }));
await show('tg group chat', await tg(tmsg({ text: 'hola', chat: { id: -100123, type: 'group' } })));
await show('tg from bot', await tg(tmsg({ text: 'hola', from: { id: 99, is_bot: true, first_name: 'B' } })));
await show('tg venue', await tg(tmsg({ venue: { location: { latitude: 18.4, longitude: -68.9 }, title: 'Hospital Gonzalvo', address: 'Av. Santa Rosa' } })));
await show('tg photo + caption esto', await tg(tmsg({ photo: [{ file_id: 'F1', file_unique_id: 'u1', width: 90, height: 90 }], caption: 'tienen esto?' })));
await show('tg poll', await tg(tmsg({ poll: { id: 'p', question: 'q', options: [] } })));
await show('tg no message at all', await tg({ update_id: u++ }));
await show('tg chat id string', await tg(tmsg({ text: 'hola', chat: { id: 'abc', type: 'private' } })));
// REST agent messages
const first = await (await fetch(`${BASE}/api/tenants/ferreteria/messages`, { method: 'POST', headers: H, body: JSON.stringify({ sender: 'agent-test-' + Date.now(), text: 'quiero hablar con una persona' }) })).json();
const conv = first.conversation_id;
await show('agent msg ok', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', text: 'Hola, soy María' }) }));
await show('agent msg empty text', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', text: '\u200b' }) }));
await show('agent name 10k', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'M'.repeat(10000), text: 'x' }) }));
await show('agent name html', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: '<img src=x onerror=alert(1)>', text: '<b>hi</b>' }) }));
await show('agent msg on estudio path', await fetch(`${BASE}/api/tenants/estudio/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', text: 'x' }) }));
await show('resolve twice #1', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/resolve`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', outcome: 'resuelto' }) }));
await show('resolve twice #2', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/resolve`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', outcome: 'resuelto' }) }));
await show('agent msg after resolve', await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}/agent-messages`, { method: 'POST', headers: H, body: JSON.stringify({ agent: 'María', text: 'sigo aquí' }) }));
// Widget: two tabs, concurrent sends, same clientMessageId from both
const v = vid(); const a = await open(); const wa = await hello(a, v); const b = await open(); await hello(b, v, { resumeToken: wa.resumeToken });
a.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'tab-1', text: '¿Tienen cemento gris?' }));
b.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'tab-1', text: '¿Tienen cemento gris?' }));
b.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'tab-2', text: 'y varilla de 3/8?' }));
await sleep(2500);
const seqs = (c) => c.frames.filter((f) => f.type === 'message').map((f) => `${f.message.seq}${f.message.author[0]}`).join(' ');
console.log('two tabs: A sees', seqs(a), '| B sees', seqs(b), '| acks A', a.frames.filter((f) => f.type === 'ack').map((f) => f.clientMessageId + ':' + f.seq).join(','), 'acks B', b.frames.filter((f) => f.type === 'ack').map((f) => f.clientMessageId + ':' + f.seq).join(','));
a.ws.close(); b.ws.close();
process.exit(0);

// WhatsApp Cloud webhook attacks: signatures, replays, message types, batches, missing fields.
import { createHmac } from 'node:crypto';
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const SECRET = 'wa-app-secret-123';
const U = `${BASE}/webhooks/whatsapp/ferreteria`;
const sign = (b) => 'sha256=' + createHmac('sha256', SECRET).update(b).digest('hex');
let n = Date.now();
const from = process.env.FROM ?? '18095550' + String(Math.floor(Math.random() * 900 + 100));
const env = (messages, extra = {}) => ({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '18095550000', phone_number_id: '1234567890' }, contacts: [{ wa_id: from, profile: { name: 'Ana Pérez' } }], messages, ...extra } }] }] });
const msg = (o) => ({ from, id: 'wamid.' + n++, timestamp: String(Math.floor(Date.now() / 1000)), ...o });
async function post(name, body, { sig, ct = 'application/json', raw } = {}) {
  const b = raw ?? (typeof body === 'string' ? body : JSON.stringify(body));
  const h = { 'content-type': ct };
  if (sig !== null) h['x-hub-signature-256'] = sig ?? sign(b);
  const r = await fetch(U, { method: 'POST', headers: h, body: b });
  const t = await r.text();
  let code = t.slice(0, 140); try { const j = JSON.parse(t); code = j.error ? j.error.code + (j.error.details ? ' ' + JSON.stringify(j.error.details).slice(0, 160) : '') : t.slice(0, 100); } catch {}
  console.log(`${name.padEnd(36)} ${r.status} ${code}`);
}
await post('no signature', env([msg({ type: 'text', text: { body: 'hola' } })]), { sig: null });
await post('bad signature', env([msg({ type: 'text', text: { body: 'hola' } })]), { sig: 'sha256=' + '0'.repeat(64) });
await post('signature no prefix', env([msg({ type: 'text', text: { body: 'hola' } })]), { sig: 'deadbeef' });
await post('signature uppercase hex', env([msg({ type: 'text', text: { body: 'hola' } })]), { sig: undefined });
const b1 = JSON.stringify(env([msg({ type: 'text', text: { body: 'hola' } })]));
await post('sig of other body', b1 + ' ', { sig: sign(b1) });
await post('text/plain signed', b1, { ct: 'text/plain' });
await post('invalid json signed', '{"object":', {});
await post('text', env([msg({ type: 'text', text: { body: '¿Tienen cemento gris?' } })]));
const replay = msg({ type: 'text', text: { body: 'y varilla de 3/8?' } });
await post('replay #1', env([replay]));
await post('replay #2 same id', env([replay]));
await post('replay same id other text', env([{ ...replay, text: { body: 'quiero hablar con una persona' } }]));
await post('image + caption', env([msg({ type: 'image', image: { id: 'MEDIA1', mime_type: 'image/jpeg', caption: 'tienen esto?' } })]));
await post('image no caption', env([msg({ type: 'image', image: { id: 'MEDIA2', mime_type: 'image/jpeg' } })]));
await post('voice note', env([msg({ type: 'audio', audio: { id: 'MEDIA3', mime_type: 'audio/ogg', voice: true } })]));
await post('location', env([msg({ type: 'location', location: { latitude: 18.42, longitude: -68.97, name: 'Mi casa', address: 'Calle 1' } })]));
await post('location strings', env([msg({ type: 'location', location: { latitude: '18.4', longitude: '-68' } })]));
await post('reaction', env([msg({ type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } })]));
await post('sticker', env([msg({ type: 'sticker', sticker: { id: 'S1', mime_type: 'image/webp', animated: false } })]));
await post('unsupported type', env([msg({ type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }] })]));
await post('system message', env([msg({ type: 'system', system: { body: 'changed number', new_wa_id: '1809' } })]));
await post('order', env([msg({ type: 'order', order: { catalog_id: '1', product_items: [] } })]));
await post('interactive button_reply', env([msg({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'hilo-opt:Cemento gris', title: 'Cemento gris' } } })]));
await post('interactive list_reply', env([msg({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'x', title: 'Opción', description: 'd' } } })]));
await post('interactive nfm_reply', env([msg({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } })]));
await post('button (template)', env([msg({ type: 'button', button: { text: 'Sí', payload: 'yes' } })]));
await post('contacts', env([msg({ type: 'contacts', contacts: [{ name: { formatted_name: 'Juan' }, phones: [{ phone: '+1 809 555 0101' }] }] })]));
await post('status delivered', env([], { statuses: [{ id: 'wamid.fake1', status: 'delivered', timestamp: '1700000000', recipient_id: from }] }));
await post('status failed', env([], { statuses: [{ id: 'wamid.fake2', status: 'failed', timestamp: '1700000000', recipient_id: from, errors: [{ code: 131026, title: 'undeliverable' }] }] }));
await post('status unknown value', env([], { statuses: [{ id: 'wamid.fake3', status: 'deleted', timestamp: '1700000000' }] }));
await post('batched 2 entries 3 msgs', { object: 'whatsapp_business_account', entry: [env([msg({ type: 'text', text: { body: 'hola' } }), msg({ type: 'text', text: { body: 'tienen brocas?' } })]).entry[0], env([msg({ type: 'text', text: { body: 'gracias' } })]).entry[0]] });
await post('batch: 1 good 1 broken', env([msg({ type: 'text', text: { body: 'hola' } }), msg({ type: 'text', text: {} })]));
await post('missing from', env([{ id: 'wamid.' + n++, timestamp: '1700000000', type: 'text', text: { body: 'hola' } }]));
await post('missing entry', { object: 'whatsapp_business_account' });
await post('entry not array', { object: 'whatsapp_business_account', entry: {} });
await post('wrong object', { object: 'page', entry: [] });
await post('other phone number id', { ...env([msg({ type: 'text', text: { body: 'hola' } })]), entry: [{ changes: [{ field: 'messages', value: { metadata: { phone_number_id: '999' }, messages: [msg({ type: 'text', text: { body: 'hola' } })] } }] }] });
await post('other field', { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'account_update', value: { x: 1 } }] }] });
await post('text 10k', env([msg({ type: 'text', text: { body: 'cemento '.repeat(1300) } })]));
await post('text NUL/surrogate', '{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1234567890"},"messages":[{"from":"' + from + '","id":"wamid.nul' + n++ + '","timestamp":"1700000000","type":"text","text":{"body":"ce\\u0000mento \\ud800 gris"}}]}}]}]}');
await post('text empty', env([msg({ type: 'text', text: { body: '' } })]));
await post('timestamp in ms', env([msg({ type: 'text', text: { body: 'hola' }, timestamp: String(Date.now()) })]));
await post('timestamp far future', env([msg({ type: 'text', text: { body: 'hola' }, timestamp: '999999999999' })]));
await post('from with +', env([msg({ type: 'text', text: { body: 'hola' }, from: '+18095550101' })]));
await post('1.1 MB body', env([msg({ type: 'text', text: { body: 'x'.repeat(1_100_000) } })]));
// verification GET
for (const [name, q] of [['verify ok', 'hub.mode=subscribe&hub.verify_token=verify-tok&hub.challenge=12345'], ['verify bad token', 'hub.mode=subscribe&hub.verify_token=no&hub.challenge=1'], ['verify xss challenge', 'hub.mode=subscribe&hub.verify_token=verify-tok&hub.challenge=%3Cscript%3E']]) {
  const r = await fetch(`${U}?${q}`); console.log(`${name.padEnd(36)} ${r.status} ${r.headers.get('content-type')} ${(await r.text()).slice(0, 80)}`);
}
await post('unknown tenant', env([]), {});

// harden11: attacks the earlier scripts did not try — nesting, key floods, lone surrogates and
// controls in every agent/console text field, signed WhatsApp batches redelivered out of order,
// a resolve raced from the API and the console. Prints status and error code per attack.
import { createHmac } from 'node:crypto';
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const KEY = process.env.KEY ?? 'demo-key-1234567890';
const WA_SECRET = process.env.WA_SECRET ?? 'wa-app-secret-123';
const T = `${BASE}/api/tenants/ferreteria`;
const H = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
async function go(name, url, init) {
  try {
    const r = await fetch(url, init);
    const t = await r.text();
    let j = null; try { j = JSON.parse(t); } catch {}
    const what = j?.error ? `${j.error.code}${j.error.details ? ' ' + JSON.stringify(j.error.details).slice(0, 100) : ''}` : j ? JSON.stringify(j).slice(0, 140) : t.slice(0, 80);
    console.log(`${name.padEnd(46)} ${r.status} ${what}`);
    return { status: r.status, json: j };
  } catch (e) { console.log(`${name.padEnd(46)} THROW ${e.cause?.code ?? e.message}`); return { status: 0, json: null }; }
}
const post = (name, path, body, headers = H) => go(name, `${T}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

// Nesting and key floods inside the 64 KiB body limit.
await post('30k-deep nested array', '/messages', '['.repeat(30000) + ']'.repeat(30000));
await post('nested object in text field', '/messages', '{"sender":"n1","text":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}');
await post('5k keys object', '/messages', '{' + Array.from({ length: 5000 }, (_, i) => `"k${i}":1`).join(',') + ',"sender":"keys","text":"hola"}');
await post('text with every C0 control', '/messages', { sender: 'c0', text: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '¿tienen cemento?' });
await post('text only lone surrogates', '/messages', '{"sender":"sur2","text":"\\ud800\\udfff\\ud800"}');
await post('sender lone surrogate', '/messages', '{"sender":"a\\ud800b","text":"hola"}');
await post('message_id lone surrogate', '/messages', '{"sender":"mids","text":"hola","message_id":"x\\udc00"}');

// A handoff, then the agent fields with hostile text.
let r = await post('handoff: ask for a person', '/messages', { sender: 'edge-agent', text: 'quiero hablar con una persona' });
const conv = r.json?.conversation_id;
for (const t of ['Ana Pérez', '8095550123', 'sí']) { if (r.json?.state?.value === 'handoff.withHuman') break; r = await post('handoff: ' + t, '/messages', { sender: 'edge-agent', text: t }); }
await post('agent text lone surrogate + NUL', `/conversations/${conv}/agent-messages`, '{"agent":"Ana","text":"hola\\u0000 \\ud800 ya te atiendo"}');
await post('agent name only controls', `/conversations/${conv}/agent-messages`, '{"agent":"\\u0000\\u0007\\u202e","text":"hola"}');
await post('agent text only invisible', `/conversations/${conv}/agent-messages`, '{"agent":"Ana","text":"\\u200b\\u2060\\ufeff"}');
await post('resolve outcome lone surrogate', `/conversations/${conv}/resolve`, '{"agent":"Ana","outcome":"\\udfff"}');
// Two resolves at once: one false, one true.
const both = await Promise.all([post('resolve race A', `/conversations/${conv}/resolve`, { agent: 'Ana', outcome: 'listo' }), post('resolve race B', `/conversations/${conv}/resolve`, { agent: 'Luis', outcome: 'otro' })]);
console.log(`${'  → already_resolved'.padEnd(46)} ${both.map((b) => b.json?.already_resolved).join(' / ')}`);

// WhatsApp: a signed batch delivered, then redelivered in reverse order, then one message of it alone.
const sign = (raw) => 'sha256=' + createHmac('sha256', WA_SECRET).update(raw).digest('hex');
const waMsg = (id, text, ts) => ({ from: '18095550777', id, timestamp: String(ts), type: 'text', text: { body: text } });
const waBody = (messages) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'waba', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '18095550000', phone_number_id: '1234567890' }, contacts: [{ profile: { name: 'Edge' }, wa_id: '18095550777' }], messages } }] }] });
const now = Math.floor(Date.now() / 1000);
const batch = [waMsg('wamid.edge1', 'hola', now), waMsg('wamid.edge2', '¿tienen cemento gris?', now + 1), waMsg('wamid.edge3', 'y varilla de 3/8?', now + 2)];
const wa = (name, raw) => go(name, `${BASE}/webhooks/whatsapp/ferreteria`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
await wa('WA batch of 3', waBody(batch));
await wa('WA same batch reversed', waBody([...batch].reverse()));
await wa('WA middle one alone again', waBody([batch[1]]));
await wa('WA text with NUL + lone surrogate', waBody([waMsg('wamid.edge4', 'ce\u0000mento \ud800 gris', now + 3)]));
await wa('WA 3k-deep nesting (signed)', '{"object":"whatsapp_business_account","entry":' + '['.repeat(3000) + ']'.repeat(3000) + '}');
process.exit(0);

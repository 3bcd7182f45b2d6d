// REST API attacks against a running Hilo (BASE, KEY): prints status + error code per attack.
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const KEY = process.env.KEY ?? 'demo-key-1234567890';
const url = `${BASE}/api/tenants/ferreteria/messages`;
async function go(name, init, u = url) {
  try {
    const r = await fetch(u, init);
    const t = await r.text();
    let code = '';
    try { const j = JSON.parse(t); code = j.error?.code ?? (j.messages ? `msgs=${j.messages.length} dup=${j.duplicate} ${JSON.stringify(j.messages.map(m=>m.text.slice(0,60)))}` : t.slice(0, 120)); } catch { code = t.slice(0, 120); }
    console.log(`${name.padEnd(44)} ${r.status} ${code}`);
    return { status: r.status, text: t };
  } catch (e) { console.log(`${name.padEnd(44)} THROW ${e.cause?.code ?? e.message}`); }
}
const H = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const body = (o) => JSON.stringify(o);
await go('no auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body({ sender: 'a', text: 'hola' }) });
await go('bad auth', { method: 'POST', headers: { ...H, authorization: 'Bearer nope' }, body: body({ sender: 'a', text: 'hola' }) });
await go('Basic auth', { method: 'POST', headers: { ...H, authorization: 'Basic ' + btoa('x:y') }, body: body({ sender: 'a', text: 'hola' }) });
await go('bearer lowercase', { method: 'POST', headers: { ...H, authorization: `bearer ${KEY}` }, body: body({ sender: 'a', text: 'hola' }) });
await go('bearer double space', { method: 'POST', headers: { ...H, authorization: `Bearer  ${KEY}` }, body: body({ sender: 'a', text: 'hola' }) });
await go('key of other tenant path', { method: 'POST', headers: H, body: body({ sender: 'a', text: 'hola' }) }, `${BASE}/api/tenants/nope/messages`);
await go('tenant path traversal', { method: 'POST', headers: H, body: body({ sender: 'a', text: 'hola' }) }, `${BASE}/api/tenants/..%2Fferreteria/messages`);
await go('text/plain', { method: 'POST', headers: { ...H, 'content-type': 'text/plain' }, body: body({ sender: 'a', text: 'hola' }) });
await go('no content-type', { method: 'POST', headers: { authorization: H.authorization }, body: body({ sender: 'a', text: 'hola' }) });
await go('json; charset=latin1', { method: 'POST', headers: { ...H, 'content-type': 'application/json; charset=iso-8859-1' }, body: body({ sender: 'a', text: 'hola' }) });
await go('application/json-patch+json', { method: 'POST', headers: { ...H, 'content-type': 'application/json-patch+json' }, body: body({ sender: 'a', text: 'hola' }) });
await go('invalid json', { method: 'POST', headers: H, body: '{"sender":' });
await go('json array', { method: 'POST', headers: H, body: '[]' });
await go('json null', { method: 'POST', headers: H, body: 'null' });
await go('empty body', { method: 'POST', headers: H, body: '' });
await go('BOM + json', { method: 'POST', headers: H, body: '\ufeff' + body({ sender: 'bom', text: 'hola' }) });
await go('invalid utf8', { method: 'POST', headers: H, body: Buffer.from([0x7b, 0x22, 0x73, 0xff, 0xfe, 0x7d]) });
await go('text number', { method: 'POST', headers: H, body: body({ sender: 'a', text: 5 }) });
await go('sender object', { method: 'POST', headers: H, body: body({ sender: { x: 1 }, text: 'hola' }) });
await go('unknown field', { method: 'POST', headers: H, body: body({ sender: 'unk', text: 'hola', admin: true }) });
await go('__proto__ field', { method: 'POST', headers: H, body: '{"sender":"proto","text":"hola","__proto__":{"polluted":1}}' });
await go('text 10k', { method: 'POST', headers: H, body: body({ sender: 'big', text: 'a'.repeat(10000) }) });
await go('text 2000 + spaces', { method: 'POST', headers: H, body: body({ sender: 'big2', text: ' '.repeat(5000) + 'hola' }) });
await go('text only whitespace', { method: 'POST', headers: H, body: body({ sender: 'ws', text: '   \n\t ' }) });
await go('text only zero-width', { method: 'POST', headers: H, body: body({ sender: 'zw', text: '\u200b\u200c\u200d\ufeff' }) });
await go('text NUL', { method: 'POST', headers: H, body: body({ sender: 'nul', text: 'ho\u0000la cemento' }) });
await go('text lone surrogate', { method: 'POST', headers: H, body: '{"sender":"sur","text":"cemento \\ud800 gris"}' });
await go('text RTL override', { method: 'POST', headers: H, body: body({ sender: 'rtl', text: '\u202eotnemec\u202c tienen cemento?' }) });
await go('text arabic', { method: 'POST', headers: H, body: body({ sender: 'ar', text: 'مرحبا هل لديكم اسمنت' }) });
await go('text emoji only', { method: 'POST', headers: H, body: body({ sender: 'emo', text: '👍🏽' }) });
await go('text combining flood', { method: 'POST', headers: H, body: body({ sender: 'zalgo', text: 'c' + '\u0301'.repeat(1900) }) });
await go('sender 10k', { method: 'POST', headers: H, body: body({ sender: 's'.repeat(10000), text: 'hola' }) });
await go('sender unicode', { method: 'POST', headers: H, body: body({ sender: 'ана\u0000', text: 'hola' }) });
await go('sender empty', { method: 'POST', headers: H, body: body({ sender: '', text: 'hola' }) });
await go('body 70KB', { method: 'POST', headers: H, body: body({ sender: 'a', text: 'x'.repeat(70000) }) });
await go('body 5MB', { method: 'POST', headers: H, body: body({ sender: 'a', text: 'x'.repeat(5_000_000) }) });
await go('message_id long', { method: 'POST', headers: H, body: body({ sender: 'mid', text: 'hola', message_id: 'm'.repeat(5000) }) });
await go('message_id number', { method: 'POST', headers: H, body: body({ sender: 'mid', text: 'hola', message_id: 7 }) });
// Idempotency replay with a different body
await go('idem first', { method: 'POST', headers: H, body: body({ sender: 'idem', text: '¿Tienen cemento gris?', message_id: 'idem-1' }) });
await go('idem replay same', { method: 'POST', headers: H, body: body({ sender: 'idem', text: '¿Tienen cemento gris?', message_id: 'idem-1' }) });
await go('idem replay other text', { method: 'POST', headers: H, body: body({ sender: 'idem', text: 'quiero hablar con una persona', message_id: 'idem-1' }) });
await go('idem replay other sender', { method: 'POST', headers: H, body: body({ sender: 'idem-other', text: 'hola', message_id: 'idem-1' }) });
await go('Idempotency-Key header 1', { method: 'POST', headers: { ...H, 'idempotency-key': 'hk-1' }, body: body({ sender: 'hk', text: 'hola' }) });
await go('Idempotency-Key header replay diff', { method: 'POST', headers: { ...H, 'idempotency-key': 'hk-1' }, body: body({ sender: 'hk', text: 'adios' }) });
// methods
await go('GET messages', { method: 'GET', headers: H });
await go('PUT messages', { method: 'PUT', headers: H, body: '{}' });
await go('nlu parse 10k', { method: 'POST', headers: H, body: body({ text: 'cemento '.repeat(1500) }) }, `${BASE}/api/tenants/ferreteria/nlu/parse`);
await go('conv get bad id', { method: 'GET', headers: H }, `${BASE}/api/tenants/ferreteria/conversations/%00%ff`);
await go('conv other tenant', { method: 'GET', headers: H }, `${BASE}/api/tenants/estudio/conversations?state=handoff`);
await go('health', { method: 'GET' }, `${BASE}/health`);

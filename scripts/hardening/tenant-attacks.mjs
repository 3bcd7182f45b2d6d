// harden12: cross-tenant reads (console and REST), the tenant admin API, static assets, metrics,
// a 5 MB body and a 300 KiB widget frame. Start Hilo with HILO_ADMIN_KEY=admin-key-abcdefghijklmnop
// (start.sh passes the environment on) so the admin lines have a key to compare with.
import { WebSocket } from 'ws';
const B = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const KEY = 'demo-key-1234567890';
const j = async (r) => { const t = await r.text(); try { const o = JSON.parse(t); return o.error ? o.error.code : t.slice(0, 90); } catch { return t.slice(0, 90); } };
async function go(name, path, init = {}) { const r = await fetch(B + path, init); console.log(name.padEnd(50), r.status, await j(r)); return r; }
// a conversation on estudio and one on ferreteria
let r = await fetch(`${B}/api/tenants/estudio/messages`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'x-est-1', text: 'hola, cuanto cuesta un corte?' }) });
const est = await r.json(); console.log('estudio conv', r.status, est.conversation_id ?? est.conversationId ?? JSON.stringify(est).slice(0, 100));
const estId = est.conversation_id ?? est.conversationId;
r = await fetch(`${B}/api/tenants/ferreteria/messages`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'x-fer-1', text: 'quiero hablar con una persona' }) });
const fer = await r.json(); const ferId = fer.conversation_id ?? fer.conversationId;
r = await fetch(`${B}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'ferreteria', username: 'demo', password: 'agentpass123' }) });
const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]; const csrf = (await r.json()).csrfToken;
const H = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
await go('console: estudio conv via ferreteria path', `/console/api/tenants/ferreteria/conversations/${estId}`, { headers: H });
await go('console: estudio conv via estudio path', `/console/api/tenants/estudio/conversations/${estId}`, { headers: H });
await go('console: take estudio conv via ferreteria path', `/console/api/tenants/ferreteria/conversations/${estId}/take`, { method: 'POST', headers: H });
await go('console: note on estudio conv', `/console/api/tenants/ferreteria/conversations/${estId}/notes`, { method: 'POST', headers: H, body: JSON.stringify({ text: 'x' }) });
await go('console: reply to estudio conv', `/console/api/tenants/ferreteria/conversations/${estId}/messages`, { method: 'POST', headers: H, body: JSON.stringify({ text: 'x' }) });
await go('console: own conv', `/console/api/tenants/ferreteria/conversations/${ferId}`, { headers: H });
await go('console: own conv, encoded id', `/console/api/tenants/ferreteria/conversations/${encodeURIComponent(ferId)}%2F..`, { headers: H });
await go('console: TENANT upper case', `/console/api/tenants/FERRETERIA/inbox`, { headers: H });
await go('rest: estudio conv via ferreteria path', `/api/tenants/ferreteria/conversations/${estId}`, { headers: { authorization: `Bearer ${KEY}` } });
await go('rest: cookie only, ferreteria conv', `/api/tenants/ferreteria/conversations/${ferId}`, { headers: { cookie } });
await go('rest: contacts export other tenant id', `/api/tenants/ferreteria/contacts/x-est-1/export`, { headers: { authorization: `Bearer ${KEY}` } });
// admin API
const A = { authorization: 'Bearer admin-key-abcdefghijklmnop' };
await go('admin: no key', `/api/admin/tenants/ferreteria`);
await go('admin: tenant key', `/api/admin/tenants/ferreteria`, { headers: { authorization: `Bearer ${KEY}` } });
await go('admin: console cookie', `/api/admin/tenants/ferreteria`, { headers: { cookie } });
await go('admin: key prefix', `/api/admin/tenants/ferreteria`, { headers: { authorization: 'Bearer admin-key-abcdefghijklmno' } });
await go('admin: ok get', `/api/admin/tenants/ferreteria`, { headers: A });
await go('admin: tenant traversal', `/api/admin/tenants/..%2F..%2Fetc`, { headers: A });
await go('admin: tenant dots', `/api/admin/tenants/..`, { headers: A });
await go('admin: new tenant name traversal PUT', `/api/admin/tenants/..%2Fx`, { method: 'PUT', headers: { ...A, 'content-type': 'application/json' }, body: '{}' });
await go('admin: PUT invalid body', `/api/admin/tenants/zz-test-h12`, { method: 'PUT', headers: { ...A, 'content-type': 'application/json' }, body: '{"settings":1}' });
await go('admin: PATCH unknown tenant', `/api/admin/tenants/nope-h12`, { method: 'PATCH', headers: { ...A, 'content-type': 'application/json' }, body: '{}' });
await go('admin: DELETE', `/api/admin/tenants/ferreteria`, { method: 'DELETE', headers: A });
// static assets are a fixed list: no path reaches the file system
for (const p of ['/console/..%2f..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/widget/..%2f..%2fpackage.json', '/console/console.js.map', '/console/index.html']) await go(`static: ${p}`, p);
// metrics: route templates and known tenants as labels only (no ids, no phone numbers)
const metrics = await (await fetch(`${B}/metrics`)).text();
console.log('metrics: raw ids or phones in labels'.padEnd(50), /c_[0-9a-f]{8}|\+?1?809\d{7}|x-est-1/.test(metrics) ? 'FOUND [UNEXPECTED]' : 'none [as expected]');
// a 5 MB body: the client reads the 413 (harden11 met EPIPE)
try {
  const r = await fetch(`${B}/api/tenants/ferreteria/messages`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ sender: 'a', text: 'x'.repeat(5_000_000) }) });
  console.log('rest: 5 MB body'.padEnd(50), r.status, await j(r), r.status === 413 ? '[as expected]' : '[UNEXPECTED]');
} catch (e) { console.log('rest: 5 MB body'.padEnd(50), 'THROW', e.cause?.code ?? e.message, '[UNEXPECTED]'); }
// a 300 KiB widget frame: over uWS's hard limit, closed 1006 with no frame (logged; docs/protocol.md)
await new Promise((resolve) => {
  const ws = new WebSocket(`${B.replace(/^http/, 'ws')}/ws?tenant=ferreteria`);
  ws.on('open', () => ws.send('x'.repeat(300 * 1024)));
  ws.on('error', () => undefined);
  ws.on('close', (code) => { console.log('ws: 300 KiB frame'.padEnd(50), 'close', code, '(1006 on uWS, 1009 on node: documented)'); resolve(); });
});

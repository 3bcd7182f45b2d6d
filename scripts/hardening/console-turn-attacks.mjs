// Console turn actions (take, reply, notes, resolve, transfer) and analytics ranges (harden18).
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const KEY = 'demo-key-1234567890';
async function call(name, method, path, { body, cookie, csrf, headers = {} } = {}) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  if (cookie) h.cookie = cookie;
  if (csrf) h['x-csrf-token'] = csrf;
  const t0 = performance.now();
  const r = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const t = await r.text();
  let code = t.slice(0, 120); try { const j = JSON.parse(t); code = j.error ? `${j.error.code} ${JSON.stringify(j.error.details ?? '').slice(0, 80)}` : t.slice(0, 120); } catch {}
  if (name) console.log(`${name.padEnd(50)} ${r.status} ${(performance.now() - t0).toFixed(0).padStart(4)}ms ${code}`);
  return { r, t };
}
const login = async (u, p) => { const { r, t } = await call('', 'POST', '/console/api/login', { body: { tenant: 'ferreteria', username: u, password: p } }); return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: JSON.parse(t).csrfToken }; };
const admin = await login('demo', 'agentpass123');
await call('create agent pepe', 'POST', '/console/api/tenants/ferreteria/agents', { ...admin, body: { username: 'pepe', displayName: 'Pepe', role: 'agent', password: 'password1234' } });
const pepe = await login('pepe', 'password1234');
// A conversation in handoff.
const m = JSON.parse((await call('customer asks for a person', 'POST', '/api/tenants/ferreteria/messages', { headers: { authorization: `Bearer ${KEY}` }, body: { sender: 'h18-' + Date.now(), text: 'quiero hablar con una persona' } })).t);
const C = `/console/api/tenants/ferreteria/conversations/${m.conversation_id}`;
await call('take: body is an array', 'POST', `${C}/take`, { ...admin, body: [] });
await call('take: unknown id', 'POST', `/console/api/tenants/ferreteria/conversations/c_${'z'.repeat(30)}/take`, { ...admin, body: {} });
await call('take: 5 KB id', 'POST', `/console/api/tenants/ferreteria/conversations/${'a'.repeat(5000)}/take`, { ...admin, body: {} });
await call('take ok (admin)', 'POST', `${C}/take`, { ...admin, body: {} });
await call('take again (replay, same agent)', 'POST', `${C}/take`, { ...admin, body: {} });
await call('pepe takes what admin holds', 'POST', `${C}/take`, { ...pepe, body: {} });
await call('pepe replies to what admin holds', 'POST', `${C}/messages`, { ...pepe, body: { text: 'hola, soy Pepe' } });
await call('pepe notes on what admin holds', 'POST', `${C}/notes`, { ...pepe, body: { text: 'nota de pepe' } });
await call('pepe resolves what admin holds', 'POST', `${C}/resolve`, { ...pepe, body: { outcome: 'resuelto' } });
await call('reply: missing text', 'POST', `${C}/messages`, { ...admin, body: {} });
await call('reply: text is a number', 'POST', `${C}/messages`, { ...admin, body: { text: 12 } });
await call('reply: empty / blank text', 'POST', `${C}/messages`, { ...admin, body: { text: '   ' } });
await call('reply: invisible only', 'POST', `${C}/messages`, { ...admin, body: { text: '\u200b\u200b\u2066' } });
await call('reply: 5,000 chars', 'POST', `${C}/messages`, { ...admin, body: { text: 'x'.repeat(5000) } });
await call('reply: 1 MB body', 'POST', `${C}/messages`, { ...admin, body: { text: 'x'.repeat(1_000_000) } });
await call('reply: extra fields', 'POST', `${C}/messages`, { ...admin, body: { text: 'hola', agent: 'Otro', author: 'bot' } });
await call('reply: invalid json', 'POST', `${C}/messages`, { ...admin, body: '{"text":' });
await call('reply: lone surrogate', 'POST', `${C}/messages`, { ...admin, body: '{"text":"hola \\ud800"}' });
await call('reply ok', 'POST', `${C}/messages`, { ...admin, body: { text: 'Hola, soy María' } });
await call('reply ok replayed (same text)', 'POST', `${C}/messages`, { ...admin, body: { text: 'Hola, soy María' } });
await call('note: missing text', 'POST', `${C}/notes`, { ...admin, body: {} });
await call('note: 100 KB', 'POST', `${C}/notes`, { ...admin, body: { text: 'n'.repeat(100_000) } });
await call('note ok', 'POST', `${C}/notes`, { ...admin, body: { text: 'cliente frecuente' } });
await call('resolve: bad outcome', 'POST', `${C}/resolve`, { ...admin, body: { outcome: 'x'.repeat(500) } });
await call('resolve: outcome is object', 'POST', `${C}/resolve`, { ...admin, body: { outcome: { a: 1 } } });
await call('resolve ok', 'POST', `${C}/resolve`, { ...admin, body: { outcome: 'resuelto' } });
await call('resolve again (replay)', 'POST', `${C}/resolve`, { ...admin, body: { outcome: 'resuelto' } });
await call('reply after resolve', 'POST', `${C}/messages`, { ...admin, body: { text: 'sigo aquí' } });
await call('transfer to unknown agent', 'POST', `${C}/transfer`, { ...admin, body: { agentId: 'nope' } });
await call('assign agentId wrong type', 'POST', `${C}/assign`, { ...admin, body: { agentId: 5 } });
const A = '/console/api/tenants/ferreteria/analytics';
for (const [n, q] of [['summary no range', ''], ['from after to', '?from=2026-12-07&to=2026-01-01'], ['bad date', '?from=2026-02-30&to=2026-03-01'], ['not a date', '?from=ayer&to=hoy'], ['huge range', '?from=1900-01-01&to=2999-12-31'], ['year 0', '?from=0000-01-01&to=0000-01-02'], ['from only', '?from=2026-12-01'], ['iso time', '?from=2026-12-01T00:00:00Z&to=2026-12-07'], ['repeated from', '?from=2026-12-01&from=2026-11-01&to=2026-12-07'], ['10k query', '?from=' + '1'.repeat(10000)]])
  await call(`analytics summary: ${n}`, 'GET', `${A}/summary${q}`, admin);
await call('analytics daily huge range', 'GET', `${A}/daily?from=2025-12-08&to=2026-12-07`, admin);
await call('analytics unmet limit 1e9', 'GET', `${A}/unmet?limit=1000000000`, admin);
await call('analytics faq-candidates', 'GET', `${A}/faq-candidates?from=2026-12-01&to=2026-12-07`, admin);

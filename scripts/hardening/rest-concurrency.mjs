// N concurrent turns on one REST conversation (and the same message_id racing): every message recorded once, seq gap-free.
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const KEY = process.env.KEY ?? 'demo-key-1234567890';
const H = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const sender = 'conc-' + Date.now();
const texts = ['¿Tienen cemento gris?', 'y varilla de 3/8?', 'cuanto cuesta el tubo pvc de media', 'a que hora abren el domingo', 'hola', 'gracias', 'tienen brocas?', 'y si compro 50?', 'ok', 'donde estan ubicados'];
const t0 = Date.now();
const rs = await Promise.all(texts.map((text, i) => fetch(`${BASE}/api/tenants/ferreteria/messages`, { method: 'POST', headers: H, body: JSON.stringify({ sender, text, message_id: `c-${i}` }) }).then(async (r) => ({ s: r.status, j: await r.json() }))));
console.log('concurrent distinct:', rs.map((r) => r.s + (r.j.error ? ':' + r.j.error.code : '')).join(' '), Date.now() - t0, 'ms');
const same = await Promise.all([0, 1, 2, 3, 4].map(() => fetch(`${BASE}/api/tenants/ferreteria/messages`, { method: 'POST', headers: H, body: JSON.stringify({ sender, text: 'quiero 3 sacos', message_id: 'same-1' }) }).then(async (r) => ({ s: r.status, j: await r.json() }))));
console.log('concurrent same id:', same.map((r) => r.s + ' dup=' + r.j.duplicate + (r.j.error ? ':' + r.j.error.code : '')).join(' | '));
const conv = rs[0].j.conversation_id;
const c = await (await fetch(`${BASE}/api/tenants/ferreteria/conversations/${conv}`, { headers: H })).json();
const tr = c.transcript ?? c.messages ?? [];
const seqs = tr.map((m) => m.seq);
const cust = tr.filter((m) => m.author === 'customer').map((m) => m.text);
console.log('transcript lines', tr.length, 'gap-free', seqs.every((s, i) => s === i + 1), 'customer lines', cust.length, 'distinct', new Set(cust).size);
console.log('quiero 3 sacos recorded', cust.filter((t) => t === 'quiero 3 sacos').length, 'times');

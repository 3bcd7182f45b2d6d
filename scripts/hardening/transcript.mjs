// Prints a conversation's transcript (id or newest): seq, author, kind, text (first 110 chars).
const BASE = process.env.BASE ?? `http://127.0.0.1:${process.env.PORT ?? 8190}`;
const H = { authorization: 'Bearer demo-key-1234567890' };
let id = process.argv[2];
if (!id) id = (await (await fetch(`${BASE}/api/tenants/ferreteria/conversations?limit=1`, { headers: H })).json()).conversations[0].conversation_id;
const c = await (await fetch(`${BASE}/api/tenants/ferreteria/conversations/${id}`, { headers: H })).json();
console.log(id, JSON.stringify(c.state?.value ?? c.state));
for (const m of c.transcript ?? c.messages) console.log(String(m.seq).padStart(3), m.author.padEnd(8), (m.media ? JSON.stringify(m.media).slice(0, 80) + ' ' : '') + JSON.stringify(m.text).slice(0, 130));

// The studio's booking endpoints on the demo business backend (harden18): start it with
// PORT=4100 node dist/src/demo-backend/main.js (BACKEND overrides the URL).
const B = process.env.BACKEND ?? 'http://127.0.0.1:4100';
async function call(name, method, path, body, headers = {}) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const t0 = performance.now();
  let r, t;
  try { r = await fetch(B + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) }); t = await r.text(); }
  catch (e) { console.log(`${name.padEnd(52)} ERR ${e.cause?.code ?? e.message}`); return {}; }
  console.log(`${name.padEnd(52)} ${r.status} ${(performance.now() - t0).toFixed(0).padStart(4)}ms ${t.slice(0, 140)}`);
  return { r, t };
}
const services = JSON.parse((await call('services', 'GET', '/estudio/services')).t).items;
const sid = services[0].id;
await call('slots bad month 2026-13-45', 'GET', `/estudio/slots?service=${sid}&date=2026-13-45`);
await call('slots date 0000-00-00', 'GET', `/estudio/slots?service=${sid}&date=0000-00-00`);
await call('slots 9999-12-31', 'GET', `/estudio/slots?service=${sid}&date=9999-12-31`);
await call('slots 1900-01-01 (past)', 'GET', `/estudio/slots?service=${sid}&date=1900-01-01`);
await call('slots unknown service', 'GET', `/estudio/slots?service=nope&date=2026-12-10`);
await call('slots service twice', 'GET', `/estudio/slots?service=${sid}&service=x&date=2026-12-10`);
await call('slots missing date', 'GET', `/estudio/slots?service=${sid}`);
const slots = JSON.parse((await call('slots ok', 'GET', `/estudio/slots?service=${sid}&date=2026-12-10`)).t).items ?? [];
const slot = slots[0]?.slotId ?? 'none';
await call('booking wrong types', 'POST', '/estudio/bookings', { serviceId: 1, slotId: [], customer: 'x' });
await call('booking missing customer', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slot });
await call('booking extra field', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slot, customer: { phone: '+18095550188' }, price: 0 });
await call('booking 70 KB body', 'POST', '/estudio/bookings', JSON.stringify({ serviceId: sid, slotId: slot, customer: { phone: '+18095550188', name: 'x'.repeat(70_000) } }));
await call('booking invalid json', 'POST', '/estudio/bookings', '{"serviceId":');
await call('booking invalid utf8', 'POST', '/estudio/bookings', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
await call('booking slot of another service', 'POST', '/estudio/bookings', { serviceId: services[1]?.id ?? sid, slotId: slot, customer: { phone: '+18095550188' } });
const k = 'k-' + Math.random();
const first = await call('booking with key', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slot, customer: { phone: '+18095550188', name: 'Ana' } }, { 'idempotency-key': k });
await call('same key, same body (replay)', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slot, customer: { phone: '+18095550188', name: 'Ana' } }, { 'idempotency-key': k });
await call('same key, OTHER body', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slots[1]?.slotId ?? slot, customer: { phone: '+18095550199', name: 'Eve' } }, { 'idempotency-key': k });
await call('same slot again, no key (double booking?)', 'POST', '/estudio/bookings', { serviceId: sid, slotId: slot, customer: { phone: '+18095550177' } });
const bid = first.t ? JSON.parse(first.t).id ?? JSON.parse(first.t).booking?.id : 'x';
await call('get booking', 'GET', `/estudio/bookings/${bid}`);
await call('get booking unknown', 'GET', `/estudio/bookings/BV-nope`);
await call('get booking 10k id', 'GET', `/estudio/bookings/${'a'.repeat(10000)}`);
await call('reschedule to same slot', 'POST', `/estudio/bookings/${bid}/reschedule`, { slotId: slot });
await call('reschedule to unknown slot', 'POST', `/estudio/bookings/${bid}/reschedule`, { slotId: 'nope' });
await call('reschedule bad body', 'POST', `/estudio/bookings/${bid}/reschedule`, { slotId: 5 });
await call('cancel', 'POST', `/estudio/bookings/${bid}/cancel`);
await call('cancel again (replay)', 'POST', `/estudio/bookings/${bid}/cancel`);
await call('reschedule cancelled', 'POST', `/estudio/bookings/${bid}/reschedule`, { slotId: slots[2]?.slotId ?? slot });
await call('bookings of bad phone', 'GET', `/estudio/bookings?customer=abc`);
await call('customer PATCH empty', 'PATCH', `/estudio/customers/+18095550188`, {});
await call('customer PATCH bad email', 'PATCH', `/estudio/customers/+18095550188`, { email: 'nope' });
await call('customer unknown', 'GET', `/estudio/customers/+18095550000`);
await call('payment for unknown booking', 'POST', `/estudio/payments`, { bookingId: 'BV-nope' });
await call('payment for cancelled booking', 'POST', `/estudio/payments`, { bookingId: bid });
await call('payment both shapes', 'POST', `/estudio/payments`, { bookingId: bid, packageId: 'p', customerPhone: '+18095550188' });

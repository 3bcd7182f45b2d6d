// Fake Graph / Twilio / Telegram API on loopback: logs each request's path and body, answers success.
import http from 'node:http';
let n = 0;
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    n++;
    console.log(JSON.stringify({ at: new Date().toISOString(), method: req.method, url: req.url, body: body.slice(0, 600) }));
    res.setHeader('content-type', 'application/json');
    if (req.url.includes('/Messages')) return res.end(JSON.stringify({ sid: 'SM' + String(n).padStart(32, '0'), status: 'queued' }));
    if (req.url.includes('/bot')) return res.end(JSON.stringify({ ok: true, result: { message_id: n } }));
    res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: 'x', wa_id: 'x' }], messages: [{ id: 'wamid.fake' + n }] }));
  });
}).listen(Number(process.env.FAKE_PORT ?? 8191), '127.0.0.1', () => console.log(`fake provider on ${process.env.FAKE_PORT ?? 8191}`));

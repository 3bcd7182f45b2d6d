// harden13: N raw widget sockets on PORT (default 8190), each sends all but the last byte of a masked text frame of L bytes and holds; prints the server RSS (SPID: its pid) and how many were refused. Measures what uWS buffers per socket before any callback (docs/protocol.md "Limits").
import net from 'node:net'; import { readFileSync } from 'node:fs';
const [N, L, PORT, PID] = [Number(process.env.N ?? 100), Number(process.env.L ?? 262144), Number(process.env.PORT ?? 8190), process.env.SPID];
const rss = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${PID}/status`, 'utf8'))[1]) / 1024);
console.log('rss before', rss(), 'MB');
const socks = [];
function header(len) {
  let h; if (len < 126) h = Buffer.from([0x81, 0x80 | len]); else if (len < 65536) { h = Buffer.alloc(4); h[0] = 0x81; h[1] = 0x80 | 126; h.writeUInt16BE(len, 2); } else { h = Buffer.alloc(10); h[0] = 0x81; h[1] = 0x80 | 127; h.writeBigUInt64BE(BigInt(len), 2); }
  return Buffer.concat([h, Buffer.from([1, 2, 3, 4])]);
}
let closed = 0, codes = {};
await Promise.all(Array.from({ length: N }, (_, i) => new Promise((res) => {
  const s = net.connect(PORT, '127.0.0.1', () => s.write(`GET /ws?tenant=ferreteria HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`));
  let up = false; let buf = Buffer.alloc(0);
  s.on('data', (d) => { if (!up) { up = true; s.write(header(L)); const chunk = Buffer.alloc(64 * 1024, 0x61); let left = L - 1; const pump = () => { while (left > 0) { const n = Math.min(left, chunk.length); left -= n; if (!s.write(chunk.subarray(0, n))) return s.once('drain', pump); } res(); }; pump(); } else { buf = Buffer.concat([buf, d]); } });
  s.on('close', () => { closed++; if (buf.length) { codes[buf.subarray(0, 40).toString('latin1')] = (codes[buf.subarray(0,40).toString('latin1')] ?? 0) + 1; } res(); });
  s.on('error', () => {});
  socks.push(s);
})));
await new Promise((r) => setTimeout(r, 1500));
console.log(`N=${N} L=${L}: rss after`, rss(), 'MB; closed', closed, JSON.stringify(codes));
for (const s of socks) s.destroy();
await new Promise((r) => setTimeout(r, 1500));
console.log('rss after close', rss(), 'MB');

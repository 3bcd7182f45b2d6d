// Small WebSocket client helpers for the attacks (ws package).
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
export const WS = process.env.WSURL ?? `ws://127.0.0.1:${process.env.PORT ?? 8190}/ws?tenant=ferreteria`;
export const vid = () => randomBytes(16).toString('base64url');
export function open(url = WS, opts = {}) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts);
    const c = { ws, frames: [], closed: null, raw: [] };
    ws.on('message', (d, isBinary) => { c.raw.push(d); try { c.frames.push(JSON.parse(d.toString())); } catch { c.frames.push({ unparsable: d.toString().slice(0, 80) }); } });
    ws.on('close', (code, reason) => { c.closed = { code, reason: reason.toString() }; resolve(c); });
    ws.on('error', (e) => { c.error = e.message; });
    ws.on('open', () => resolve(c));
  });
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function waitFor(c, pred, ms = 5000) {
  const t = Date.now();
  while (Date.now() - t < ms) { const f = c.frames.find(pred); if (f) return f; if (c.closed) return null; await sleep(20); }
  return null;
}
export async function hello(c, visitorId, extra = {}) {
  c.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: 'ferreteria', visitorId, ...extra }));
  return waitFor(c, (f) => f.type === 'welcome' || f.type === 'error');
}
export async function say(c, text, id = 'm' + Math.random().toString(36).slice(2)) {
  const before = c.frames.length;
  c.ws.send(JSON.stringify({ type: 'message', clientMessageId: id, text }));
  return waitFor(c, (f) => (f.type === 'ack' && f.clientMessageId === id) || (f.type === 'error' && c.frames.indexOf(f) >= before), 8000);
}
export const summary = (c) => c.frames.map((f) => f.type === 'error' ? `error:${f.code}` : f.type === 'message' ? `msg(${f.message.author}:${f.message.text.slice(0, 30).replace(/\n/g, ' ')})` : f.type).join(', ');

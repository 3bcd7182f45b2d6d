import { connect } from 'node:net';

/** An HTTP answer read off a raw socket: its status (0 when none came), head, body, and whether the server closed the connection. */
export interface RawAnswer {
  status: number;
  head: string;
  body: string;
  closed: boolean;
}

/**
 * One request written as is on a raw socket — so a header can repeat, a path can be malformed, a
 * head can be huge, which no HTTP client lets a test send — and the answer read until the server
 * closes, its body is whole (by Content-Length; a 101 is its head alone), or `waitMs` passed.
 * Used by the gateway's hardening tests (harden21 head limits, harden23 request edges, harden24
 * repeated signatures).
 */
export function rawRequest(port: number, request: string, waitMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = got.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: split === -1 ? text : text.slice(0, split), body: split === -1 ? '' : text.slice(split + 4), closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (d: Buffer) => {
      got = Buffer.concat([got, d]);
      const text = got.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) return;
      const head = text.slice(0, split);
      const length = /\r\ncontent-length: (\d+)/i.exec(head)?.[1];
      // A whole answer: done after a moment (a close that follows it is still seen), without waiting for the close.
      if (/^HTTP\/1\.1 101/.test(head) || (length !== undefined && got.length >= split + 4 + Number(length))) setTimeout(finish, 50);
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => undefined);
    socket.write(request);
  });
}

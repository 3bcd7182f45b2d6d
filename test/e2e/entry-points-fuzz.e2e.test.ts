import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDurableEnvironment, startDeployment, type DurableDeployment, type DurableEnvironment } from '../integration/durable/durable-harness.js';
import { createRng, hostileRequest, weirdText, type HostileRequest, type Rng } from '../helpers/fuzz-input.js';

const TENANT = 'ferreteria';
const PASSWORD = 'fuzz-console-pass-77';
const NORMAL = '¿Tienen cemento gris?';
const NORMAL_ANSWER = /RD\$/;
/** Iterations per entry point: enough to hit every mutation several times, bounded for time. */
const BATCH = 14;

/**
 * Every HTTP and WebSocket entry point of the gateway (REST messages, NLU parse, agent messages,
 * resolve, conversation reads, the console API and its socket, the widget socket) fed seeded
 * hostile input through real sockets on an embedded deployment (PGlite: what PostgreSQL refuses
 * is refused here too). After each batch: the server is alive, every bad request got a 4xx (never
 * a 5xx, never a hang), the same conversation still answers a normal message, and so does another.
 */
describe('entry points under seeded hostile input (REST, console, widget)', { timeout: 60_000 }, () => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let apiKey: string;
  const base = () => `http://127.0.0.1:${deployment.hilo.port}`;

  beforeAll(async () => {
    environment = await createDurableEnvironment('pglite+memory');
    apiKey = `test_${randomBytes(16).toString('hex')}`;
    deployment = await startDeployment(environment, {
      HILO_DEMO_API_KEY: apiKey,
      HILO_DEMO_AGENT_PASSWORD: PASSWORD,
      HILO_RATE_LIMIT_IP_PER_MINUTE: '1000000',
      HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '100000',
    });
  });

  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  /** One request as bytes; a hang is a failure (5 s), not a stuck test. */
  async function send(method: string, path: string, req: HostileRequest | null, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const all: Record<string, string> = { ...headers, ...(req?.headers ?? {}) };
    if (req?.contentType) all['content-type'] = req.contentType;
    const res = await fetch(`${base()}${path}`, { method, headers: all, ...(req ? { body: new Uint8Array(req.body) } : {}), signal: AbortSignal.timeout(5_000) });
    return { status: res.status, text: await res.text() };
  }

  /** The status rule: refused requests get a 4xx with an error code; weird-but-valid ones a 2xx or a 4xx; never a 5xx. */
  function expectAnswered(req: HostileRequest, res: { status: number; text: string }, where: string): void {
    const context = `${where} / ${req.label}: ${res.status} ${res.text.slice(0, 200)}`;
    expect(res.status, context).toBeLessThan(500);
    if (req.mustRefuse) {
      expect(res.status, context).toBeGreaterThanOrEqual(400);
      // uWS answers an oversized header block itself (431, HTML); everything else is Hilo's JSON error.
      if (res.status !== 431) expect(JSON.parse(res.text).error.code, context).toMatch(/^HILO_ERR_/);
    }
  }

  const bearer = () => ({ authorization: `Bearer ${apiKey}` });
  const rest = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/api/tenants/${TENANT}/messages`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { conversation_id: string; messages: { author: string; text: string }[]; state: { value: string } };
  };
  const botText = (body: { messages: { author: string; text: string }[] }) => body.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');

  /**
   * Hands a conversation the bot gave to a human (weird text it did not understand is a fair
   * reason) back to the bot: the handoff must carry a ticket, nothing is lost.
   */
  async function resolveIfHandedOff(conversationId: string): Promise<void> {
    const view = (await (await fetch(`${base()}/api/tenants/${TENANT}/conversations/${conversationId}`, { headers: bearer() })).json()) as { state: { value: string; context: { ticket?: { number?: string } | null } } };
    if (!view.state.value.startsWith('handoff')) return;
    expect(view.state.context.ticket?.number, JSON.stringify(view.state).slice(0, 300)).toMatch(/^T-\d{6}$/);
    const done = await fetch(`${base()}/api/tenants/${TENANT}/conversations/${conversationId}/resolve`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify({ agent: 'María', outcome: 'resuelto' }) });
    expect(done.status).toBe(200);
  }

  /** The server is alive, the conversation of `sender` answers a normal question, and so does a new one. */
  async function expectHealthy(sender: string): Promise<void> {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    let same = await rest(sender, NORMAL);
    if (botText(same) === '' || !NORMAL_ANSWER.test(botText(same))) {
      await resolveIfHandedOff(same.conversation_id);
      // After a resolve the bot may ask for a rating first: answer it, then ask again.
      await rest(sender, '5');
      same = await rest(sender, NORMAL);
    }
    expect(botText(same), JSON.stringify(same).slice(0, 600)).toMatch(NORMAL_ANSWER);
    expect(botText(await rest(`bystander-${randomBytes(4).toString('hex')}`, NORMAL))).toMatch(NORMAL_ANSWER);
  }

  it('REST messages and NLU parse: hostile bodies are refused or answered, and the same conversation still answers', async () => {
    const rng = createRng(0x5eed01);
    const sender = `fuzz-rest-${randomBytes(4).toString('hex')}`;
    await rest(sender, 'hola');
    for (let i = 0; i < BATCH * 2; i++) {
      const req = hostileRequest(rng, { sender, text: NORMAL, message_id: `fuzz-${i}` }, { textFields: ['text', 'message_id', 'sender'] });
      expectAnswered(req, await send('POST', `/api/tenants/${TENANT}/messages`, req, bearer()), `messages #${i}`);
      const parse = hostileRequest(rng, { text: NORMAL }, { textFields: ['text'] });
      expectAnswered(parse, await send('POST', `/api/tenants/${TENANT}/nlu/parse`, parse, bearer()), `nlu/parse #${i}`);
    }
    await expectHealthy(sender);
  });

  it('REST reads: hostile path ids and query parameters are answered 4xx, never 500', async () => {
    const rng = createRng(0x5eed02);
    const sender = `fuzz-read-${randomBytes(4).toString('hex')}`;
    const { conversation_id: id } = await rest(sender, 'hola');
    const segments = ['%00', `${id}%00`, '%ED%A0%80', '%C2%85', '%E2%80%AE', '..%2F..%2F', `${id}%20`, 'x'.repeat(3000), '%F0%9F%98%80', '%25', '1e400'];
    for (let i = 0; i < BATCH; i++) {
      const seg = rng.pick(segments);
      const paths = [
        `/api/tenants/${TENANT}/conversations/${seg}`,
        `/api/tenants/${seg}/messages`,
        `/api/tenants/${TENANT}/contacts/${seg}/export`,
        `/api/tenants/${TENANT}/conversations?${rng.pick(['state', 'limit', 'cursor'])}=${seg}`,
        `/widget-config?tenant=${seg}`,
      ];
      for (const path of paths) {
        const res = await send('GET', path, null, bearer());
        expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    await expectHealthy(sender);
  });

  /** A console session of the demo admin. */
  async function consoleLogin(): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${base()}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: TENANT, username: 'demo', password: PASSWORD }) });
    expect(res.status).toBe(200);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  it('agent side (REST agent messages and resolve, console login, notes, replies, resolve): hostile input, then the bot answers the customer again', async () => {
    const rng = createRng(0x5eed03);
    const sender = `fuzz-agent-${randomBytes(4).toString('hex')}`;
    const handed = await rest(sender, 'quiero hablar con una persona');
    expect(handed.state.value).toMatch(/^handoff/);
    const id = handed.conversation_id;
    const session = await consoleLogin();
    const consoleHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    expect((await send('POST', `/console/api/tenants/${TENANT}/conversations/${id}/take`, { label: 'take', body: Buffer.from('{}'), contentType: 'application/json', headers: {}, mustRefuse: false }, consoleHeaders)).status).toBe(200);
    for (let i = 0; i < BATCH; i++) {
      const calls: [string, HostileRequest, Record<string, string>][] = [
        [`/api/tenants/${TENANT}/conversations/${id}/agent-messages`, hostileRequest(rng, { agent: 'María', text: 'Hola, le ayudo' }, { textFields: ['agent', 'text'] }), bearer()],
        ['/console/api/login', hostileRequest(rng, { tenant: TENANT, username: 'demo', password: 'wrong-password-1' }, { textFields: ['tenant', 'username', 'password'] }), {}],
        [`/console/api/tenants/${TENANT}/conversations/${id}/notes`, hostileRequest(rng, { text: 'nota interna' }, { textFields: ['text'] }), consoleHeaders],
        [`/console/api/tenants/${TENANT}/conversations/${id}/messages`, hostileRequest(rng, { text: 'Hola, soy Demo' }, { textFields: ['text'] }), consoleHeaders],
      ];
      // Logins and new agents hash passwords (slow on purpose): every third round only.
      if (i % 3 === 0) calls.push([`/console/api/tenants/${TENANT}/agents`, hostileRequest(rng, { username: `fz${i}`, displayName: 'Fuzz', role: 'agent', password: 'fuzz-password-1' }, { textFields: ['username', 'displayName', 'password'] }), consoleHeaders]);
      else calls.splice(1, 1);
      for (const [path, req, headers] of calls) expectAnswered(req, await send('POST', path, req, headers), `${path} #${i}`);
      // A wrong password never locks the demo account: failed logins are spread over usernames.
      deployment.clock.advance(16 * 60_000);
    }
    // Resolve with hostile outcomes: refused or done; then a plain resolve (if still needed) hands back to the bot.
    for (let i = 0; i < 6; i++) {
      const req = hostileRequest(rng, { outcome: 'resuelto' }, { textFields: ['outcome'] });
      expectAnswered(req, await send('POST', `/console/api/tenants/${TENANT}/conversations/${id}/resolve`, req, consoleHeaders), `console resolve #${i}`);
      const viaRest = hostileRequest(rng, { agent: 'María', outcome: 'resuelto' }, { textFields: ['agent', 'outcome'] });
      expectAnswered(viaRest, await send('POST', `/api/tenants/${TENANT}/conversations/${id}/resolve`, viaRest, bearer()), `REST resolve #${i}`);
    }
    await resolveIfHandedOff(id);
    await expectHealthy(sender);
    const transcript = (await (await fetch(`${base()}/api/tenants/${TENANT}/conversations/${id}`, { headers: bearer() })).json()) as { transcript: { text: string }[] };
    expect(transcript.transcript.some((l) => /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(l.text))).toBe(false);
  });

  /** A WebSocket that records frames; `until` waits (bounded) for one that matches. */
  async function openSocket(url: string, headers: Record<string, string> = {}) {
    const ws = new WebSocket(url, { headers });
    const frames: Record<string, unknown>[] = [];
    let closed: number | null = null;
    ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.on('close', (code) => (closed = code));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const until = async (pred: (f: Record<string, unknown>) => boolean, what: string, from = 0) => {
      const deadline = Date.now() + 10_000;
      while (!frames.slice(from).some(pred)) {
        if (Date.now() > deadline || closed !== null) throw new Error(`no ${what}; closed ${closed}; last ${JSON.stringify(frames.slice(-4)).slice(0, 400)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return frames.slice(from).find(pred)!;
    };
    return { ws, frames, until, closed: () => closed };
  }

  /** A widget frame: weird text, a weird client id, or a malformed frame; each gets an ack or an error frame. */
  function widgetFrame(rng: Rng, i: number): { raw: string | Buffer; id: string | null } {
    const id = `f${i}`;
    switch (rng.int(10)) {
      case 0:
        return { raw: JSON.stringify({ type: 'message', clientMessageId: weirdText(rng).slice(0, 64) || 'x', text: 'hola' }), id: null };
      case 1:
        return { raw: `{"type":"message","clientMessageId":"${id}","text":${'['.repeat(500)}${']'.repeat(500)}}`, id };
      case 2:
        return { raw: `{"type":"message","clientMessageId":"${id}","text":1e400}`, id };
      case 3:
        return { raw: rng.pick(['[]', 'null', '1e400', '"message"', '{"type":["message"]}', '{"type":"__proto__"}', '{"type":"message","text":"a"']), id: null };
      default: {
        const text = weirdText(rng);
        return { raw: JSON.stringify({ type: 'message', clientMessageId: id, text: text.length > 3000 ? text.slice(0, 3000) : text }), id };
      }
    }
  }

  it('widget socket: hostile frames get an ack or an error frame, the socket stays open, and the same visitor is answered', async () => {
    const rng = createRng(0x5eed04);
    const visitorId = randomBytes(16).toString('hex');
    const socket = await openSocket(`ws://127.0.0.1:${deployment.hilo.port}/ws?tenant=${TENANT}`);
    socket.ws.send(JSON.stringify({ type: 'hello', v: 1, tenant: TENANT, visitorId, lang: 'es' }));
    await socket.until((f) => f.type === 'welcome', 'welcome');
    let invalid = 0;
    for (let i = 0; i < BATCH * 2; i++) {
      const { raw, id } = widgetFrame(rng, i);
      const from = socket.frames.length;
      socket.ws.send(raw);
      const answer = await socket.until((f) => f.type === 'error' || (f.type === 'ack' && f.clientMessageId === id), `ack or error for frame ${i}`, from);
      if (answer.type === 'error') {
        expect(String(answer.code), JSON.stringify(answer)).toMatch(/^HILO_ERR_WS_INVALID_FRAME$/);
        // Ten invalid frames close a socket (docs/protocol.md); a well-behaved message in between resets nothing, so pace them.
        if (++invalid % 8 === 0) {
          const before = socket.frames.length;
          socket.ws.send(JSON.stringify({ type: 'message', clientMessageId: `ok${i}`, text: 'gracias' }));
          await socket.until((f) => f.type === 'ack' && f.clientMessageId === `ok${i}`, 'ack of a normal message', before);
        }
      }
      expect(socket.closed(), `closed after frame ${i}`).toBeNull();
      if (invalid >= 9) break;
    }
    const welcome = socket.frames.find((f) => f.type === 'welcome')!;
    await resolveIfHandedOff(String(welcome.conversationId));
    socket.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'rating', text: '5' }));
    await socket.until((f) => f.type === 'ack' && f.clientMessageId === 'rating', 'ack of the rating');
    const before = socket.frames.length;
    socket.ws.send(JSON.stringify({ type: 'message', clientMessageId: 'normal', text: NORMAL }));
    await socket.until((f) => f.type === 'message' && (f.message as { author: string }).author === 'bot' && NORMAL_ANSWER.test((f.message as { text: string }).text), 'the normal answer', before);
    socket.ws.close();
    await expectHealthy(`fuzz-after-widget-${randomBytes(4).toString('hex')}`);
  });

  it('console socket: hostile watch frames are answered with error frames and the socket keeps serving', async () => {
    const rng = createRng(0x5eed05);
    const session = await consoleLogin();
    const socket = await openSocket(`ws://127.0.0.1:${deployment.hilo.port}/console/ws`, { cookie: session.cookie, origin: base() });
    for (let i = 0; i < BATCH; i++) {
      const from = socket.frames.length;
      const frame = rng.pick([
        () => JSON.stringify({ type: 'watch', conversationId: weirdText(rng).slice(0, 500) }),
        () => JSON.stringify({ type: 'unwatch', conversationId: weirdText(rng).slice(0, 500) }),
        () => rng.pick(['[]', 'x', '{"type":"watch"}', '{"type":"watch","conversationId":1e400}', `{"type":"watch","conversationId":${'['.repeat(300)}${']'.repeat(300)}}`]),
      ])();
      socket.ws.send(frame);
      socket.ws.send('{"type":"ping"}');
      await socket.until((f) => f.type === 'pong', `pong after ${frame.slice(0, 60)}`, from);
      expect(socket.closed()).toBeNull();
    }
    expect(socket.frames.filter((f) => f.type === 'error').every((f) => /^HILO_ERR_(WS_INVALID_FRAME|CONVERSATION_NOT_FOUND)$/.test(String(f.code)))).toBe(true);
    socket.ws.close();
  });

  it('should have failed and quarantined no turn', () => {
    expect(deployment.hilo.host.stats.turnFailures).toBe(0);
    expect(deployment.hilo.host.stats.turnsQuarantined).toBe(0);
  });
});

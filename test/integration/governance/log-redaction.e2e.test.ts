import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { createLogger } from '../../../src/kernel/logger.js';

/** Every log line the runtime writes, kept in memory. */
function createBufferDestination(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter((l) => l.trim().length > 0) };
}

describe('log redaction over whole turns', () => {
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const destination = createBufferDestination();
  let hilo: Hilo;

  const name = 'Yokasta Barinas';
  const email = 'yokasta.b7@correo-prueba.do';
  const phone = '+18095557312';
  const phoneLocal = '809-555-7312';
  const company = 'Constructora Barinas Hermanos';
  const texts = [
    'Hola, quiero cotizar 40 fundas de cemento para una obra',
    `Me llamo ${name}`,
    `Mi correo es ${email} y mi teléfono ${phoneLocal}`,
    `La empresa es ${company}`,
    'Es urgente, necesito hablar con una persona por favor',
  ];

  beforeAll(async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_TRANSPORT: 'node',
      HILO_DEMO_API_KEY: apiKey,
      HILO_STORAGE: 'memory',
      // Wall-clock test: the team hours (after-hours handoff notice) must not depend on the time of day.
      HILO_TEAM_HOURS: 'off',
      HILO_RATE_LIMIT_IP_PER_MINUTE: '100000',
      HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '10000',
    });
    // Debug level: the most the runtime ever logs.
    hilo = await startHilo({ config, logger: createLogger({ level: 'debug', destination: destination.stream }) });
  });

  afterAll(async () => {
    await hilo?.close();
  });

  it('should log the turns without any message text, name, email or phone number', async () => {
    const base = `http://127.0.0.1:${hilo.port}`;
    const replies: string[] = [];
    for (const [i, text] of texts.entries()) {
      const res = await fetch(`${base}/api/tenants/ferreteria/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        // A WhatsApp-style sender: the phone number is the channel identity.
        body: JSON.stringify({ sender: phone, text, message_id: `redaction-${i}` }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { messages: { text: string }[] };
      replies.push(...body.messages.map((m) => m.text));
    }
    await hilo.close();

    const lines = destination.lines();
    // The runtime did log the turns (otherwise this test proves nothing).
    expect(lines.length).toBeGreaterThan(texts.length);
    expect(lines.some((l) => l.includes('"tenant":"ferreteria"'))).toBe(true);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const all = lines.join('\n');
    const secrets = [
      ...texts,
      name,
      'Yokasta',
      email,
      phone,
      phone.slice(1),
      phoneLocal,
      '8095557312',
      company,
      apiKey,
      // Replies echo what the customer said (names, products); they are message texts too.
      ...replies.filter((r) => r.length > 12),
    ];
    for (const secret of secrets) expect(all, `a log line contains "${secret}"`).not.toContain(secret);
  });

  it('should censor personal fields that reach a log call by mistake', () => {
    const sink = createBufferDestination();
    const log = createLogger({ level: 'info', destination: sink.stream }).child({ component: 'test' });
    log.info({ text: texts[0], email, phone, name, lead: { email, phone, name }, message: { text: texts[1] } }, 'oops');
    const line = sink.lines().join('\n');
    expect(line).toContain('[redacted]');
    for (const secret of [texts[0]!, texts[1]!, email, phone, name]) expect(line).not.toContain(secret);
  });
});

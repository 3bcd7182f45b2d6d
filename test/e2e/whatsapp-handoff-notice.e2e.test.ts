import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/kernel/clock.js';
import { createLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { startFakeRocketChat, type FakeRocketChat } from '../fakes/rocketchat.js';
import { metaJson, metaSignature, startFakeGraph, waMessage, type FakeGraph } from '../fakes/whatsapp-graph.js';

const TENANT = 'ferreteria';
const APP_SECRET = 'notice-app-secret-77a1';
const PHONE_NUMBER_ID = '106540352242922';
const ACCESS_TOKEN = 'notice-access-token';

/**
 * The agents' notice of a WhatsApp ticket opened by the conversation's very first message, through
 * the real signed webhook and runtime (all-in-memory mode). The ticket opens inside that turn,
 * before the message is in the transcript: the notice used to say channel "web", and the pending
 * reminder after the customer's next message (channel "whatsapp") was logged as a second
 * "handoff requested" for the same ticket.
 */
describe('handoff notice of a WhatsApp ticket', () => {
  let graph: FakeGraph;
  let rocket: FakeRocketChat;
  const started: Hilo[] = [];
  let wamids = 0;

  beforeAll(async () => {
    graph = await startFakeGraph({ accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    rocket = await startFakeRocketChat();
  });

  afterAll(async () => {
    for (const hilo of started) await hilo.close();
    await graph?.close();
    await rocket?.close();
  });

  async function start(env: Record<string, string> = {}) {
    const clock = createManualClock();
    const lines: Array<Record<string, unknown>> = [];
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_TEAM_HOURS: 'off',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_WHATSAPP_GRAPH_URL: graph.baseUrl,
      HILO_WHATSAPP_APP_SECRET_FERRETERIA: APP_SECRET,
      HILO_WHATSAPP_VERIFY_TOKEN_FERRETERIA: 'notice-verify',
      HILO_WHATSAPP_PHONE_NUMBER_ID_FERRETERIA: PHONE_NUMBER_ID,
      HILO_WHATSAPP_ACCESS_TOKEN_FERRETERIA: ACCESS_TOKEN,
      HILO_WHATSAPP_PAIR_BURST: '1000',
      ...env,
    });
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const hilo = await startHilo({ config, clock, logger: createLogger({ level: 'info', destination }) });
    started.push(hilo);
    const customerSays = async (from: string, text: string): Promise<void> => {
      const raw = metaJson(waMessage({ id: `wamid.notice.${process.pid}.${++wamids}`, type: 'text', text: { body: text }, timestamp: String(Math.floor(clock.now() / 1000)) }, { from, name: 'Ana' }));
      const res = await fetch(`http://127.0.0.1:${hilo.port}/webhooks/whatsapp/${TENANT}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) }, body: new Uint8Array(raw) });
      expect(res.status).toBe(200);
      await hilo.drainOutbox();
    };
    /** The notifier's handoff lines (no agent chat configured: the log is the notification). */
    const notices = () => lines.filter((l) => l.component === 'handoff-notifier' && typeof l.priority === 'string');
    return { hilo, customerSays, notices };
  }

  it('should log one handoff request with channel whatsapp, and the later reminder as waiting, not as a second request', async () => {
    const { customerSays, notices } = await start();
    await customerSays('18095550177', 'quiero hablar con una persona');
    expect(notices()).toEqual([expect.objectContaining({ priority: 'new', channel: 'whatsapp', msg: 'handoff requested; no agent chat configured' })]);
    await customerSays('18095550177', 'hola? sigo esperando');
    const ticket = notices()[0]!.ticketNumber;
    expect(notices().filter((l) => l.msg === 'handoff requested; no agent chat configured')).toHaveLength(1);
    expect(notices().map((l) => [l.ticketNumber, l.priority, l.channel])).toEqual([
      [ticket, 'new', 'whatsapp'],
      [ticket, 'pending', 'whatsapp'],
    ]);
  });

  it('should show the agents Canal whatsapp in the Rocket.Chat announcement', async () => {
    const { customerSays } = await start({ HILO_ROCKETCHAT_WEBHOOK_URL: rocket.webhookUrl, HILO_ROCKETCHAT_OUTGOING_TOKEN: 'notice-outgoing-token' });
    await customerSays('18095550188', 'necesito hablar con alguien del personal');
    const fields = rocket.messages.flatMap((m) => ((m.attachments as Array<{ fields?: Array<{ title: string; value: string }> }> | undefined) ?? []).flatMap((a) => a.fields ?? []));
    expect(fields.filter((f) => f.title === 'Canal').map((f) => f.value)).toEqual(['whatsapp']);
  });
});

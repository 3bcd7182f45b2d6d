import { afterEach, describe, expect, it } from 'vitest';
import { createLoggingHandoffNotifier, createRocketChatNotifier, PRIORITY_COLORS, type HandoffNotification, type HandoffPriority } from '../../../src/channels/rocketchat/index.js';
import { isHiloError } from '../../../src/kernel/errors.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { startFakeRocketChat, type FakeRocketChat, type RocketChatReply } from '../../fakes/rocketchat.js';

type Attachment = { title?: string; title_link?: string; text?: string; color?: string; fields?: Array<{ title: string; value: string; short?: boolean }> };

const at = Date.UTC(2026, 10, 22, 16, 5, 0); // 12:05 in Santo Domingo (UTC-4)

function notification(priority: HandoffPriority = 'new'): HandoffNotification {
  return {
    ticketNumber: 'T-000123',
    priority,
    customer: { displayName: 'Ana Pérez', channel: 'whatsapp' },
    summary: 'La clienta reporta que su factura llegó duplicada y pide un reembolso.',
    lastMessages: [
      { author: 'Cliente', text: 'Hola, me cobraron dos veces', at },
      { author: 'Hilo', text: '¿Me das tu número de cuenta?', at: at + 60_000 },
      { author: 'Cliente', text: 'Quiero hablar con una persona @all', at: at + 120_000 },
    ],
    conversationUrl: 'https://hilo.example.com/inspect/c-1',
  };
}

describe('createRocketChatNotifier', () => {
  let chat: FakeRocketChat | undefined;
  afterEach(async () => {
    await chat?.close();
    chat = undefined;
  });

  const setup = async (script: RocketChatReply[] = []) => {
    chat = await startFakeRocketChat({ script });
    const delays: number[] = [];
    const notifier = createRocketChatNotifier({
      webhookUrl: chat.webhookUrl,
      clock: createManualClock(),
      logger: createSilentLogger(),
      random: () => 0.75,
      retry: { maxAttempts: 3 },
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    return { notifier, chat, delays };
  };

  it('should post the handoff with title, ticket number, summary, fields and last messages', async () => {
    const { notifier, chat } = await setup();
    await notifier.notifyHandoff(notification('new'));
    expect(chat.messages).toHaveLength(1);
    const msg = chat.messages[0]!;
    expect(msg.text).toContain('#T-000123');
    const [main, history] = msg.attachments as Attachment[];
    expect(main!.title).toBe('Ticket T-000123 · Ana Pérez');
    expect(main!.title_link).toBe('https://hilo.example.com/inspect/c-1');
    expect(main!.text).toBe(notification().summary);
    expect(main!.fields).toEqual([
      { title: 'Ticket', value: 'T-000123', short: true },
      { title: 'Prioridad', value: 'Nuevo', short: true },
      { title: 'Cliente', value: 'Ana Pérez', short: true },
      { title: 'Canal', value: 'whatsapp', short: true },
    ]);
    expect(history!.title).toBe('Últimos mensajes');
    expect(history!.text!.split('\n')).toEqual([
      '*12:05 Cliente:* Hola, me cobraron dos veces',
      '*12:06 Hilo:* ¿Me das tu número de cuenta?',
      '*12:07 Cliente:* Quiero hablar con una persona @\u200ball',
    ]);
  });

  it.each([
    ['new', '#2de0a5', 'Nuevo'],
    ['pending', '#ffd21f', 'Pendiente'],
    ['urgent', '#f5455c', 'Urgente'],
  ] as const)('should colour a %s handoff %s', async (priority, color, label) => {
    const { notifier, chat } = await setup();
    await notifier.notifyHandoff(notification(priority));
    const attachments = chat.messages[0]!.attachments as Attachment[];
    expect(attachments.map((a) => a.color)).toEqual([color, color]);
    expect(PRIORITY_COLORS[priority]).toBe(color);
    expect(attachments[0]!.fields!.find((f) => f.title === 'Prioridad')!.value).toBe(label);
  });

  it('should keep only the last messages and omit the link when there is none', async () => {
    const { notifier, chat } = await setup();
    const many = Array.from({ length: 15 }, (_, i) => ({ author: 'Cliente', text: `mensaje ${i}`, at }));
    const { conversationUrl: _drop, ...rest } = notification();
    await notifier.notifyHandoff({ ...rest, lastMessages: many });
    const [main, history] = chat.messages[0]!.attachments as Attachment[];
    expect(main!.title_link).toBeUndefined();
    const lines = history!.text!.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toContain('mensaje 5');
    expect(lines[9]).toContain('mensaje 14');
  });

  it('should relay a customer message with the ticket number the agents answer with', async () => {
    const { notifier, chat } = await setup();
    await notifier.notifyRelay('T-000123', '¿Ya revisaron mi caso?');
    expect(chat.messages).toEqual([{ alias: 'Hilo', text: '*#T-000123* · Cliente: ¿Ya revisaron mi caso?' }]);
  });

  it('should retry 5xx and a dropped connection with backoff, then deliver once', async () => {
    const { notifier, chat, delays } = await setup([{ status: 503 }, { kind: 'drop' }]);
    await notifier.notifyHandoff(notification('urgent'));
    expect(chat.requests.map((r) => r.status)).toEqual([503, 0, 200]);
    expect(chat.messages).toHaveLength(1);
    expect(delays).toEqual([375, 750]);
  });

  it('should give up after the last attempt with HILO_ERR_HANDOFF_NOTIFY_FAILED', async () => {
    const { notifier, chat } = await setup([{ status: 500 }, { status: 502 }, { status: 503 }]);
    const err = await notifier.notifyRelay('T-000123', 'hola').catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_FAILED')).toBe(true);
    expect(chat.requests).toHaveLength(3);
  });

  it('should not retry a 400 and report Rocket.Chat’s error', async () => {
    const { notifier, chat } = await setup([{ status: 400, error: 'error-invalid-message' }]);
    const err = await notifier.notifyHandoff(notification()).catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_REJECTED')).toBe(true);
    expect((err as { details: unknown }).details).toEqual({ provider: 'rocketchat', httpStatus: 400, error: 'error-invalid-message' });
    expect(chat.requests).toHaveLength(1);
  });

  it('should be rejected by an unknown integration (wrong webhook URL) without retrying', async () => {
    chat = await startFakeRocketChat();
    const notifier = createRocketChatNotifier({ webhookUrl: chat.webhookUrl.replace(/\/[^/]+$/, '/wrong'), clock: createManualClock(), logger: createSilentLogger(), sleep: async () => {} });
    const err = await notifier.notifyRelay('T-1', 'x').catch((e: unknown) => e);
    expect(isHiloError(err, 'HILO_ERR_HANDOFF_NOTIFY_REJECTED')).toBe(true);
    expect(chat.requests.map((r) => r.status)).toEqual([404]);
  });
});

describe('createLoggingHandoffNotifier', () => {
  it('should log the handoff without message text', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
    const notifier = createLoggingHandoffNotifier({ logger });
    await notifier.notifyHandoff(notification('urgent'));
    await notifier.notifyRelay('T-000123', 'mi secreto 809-555-0100');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toContain('T-000123');
    expect(lines.join('')).not.toContain('809-555-0100');
    expect(lines.join('')).not.toContain('cobraron');
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { openStorage, startHilo, type Hilo, type HiloStorage } from '../../../src/runtime/hilo.js';
import { startFakeTelegramApi, telegramTextUpdate, type FakeTelegramApi } from '../../fakes/telegram-bot-api.js';

const TENANT = 'ferreteria';
const BOT_TOKEN = '123456:ABC-resolve';
const SECRET_TOKEN = 'telegram_secret-resolve';

/** A provider message costs one contact lookup: the webhook resolves the sender and the turn reuses it. */
describe('provider webhook sender resolution', () => {
  const clock = createManualClock();
  let hilo: Hilo;
  let telegram: FakeTelegramApi;
  let storage: HiloStorage;
  const resolved: string[] = [];

  beforeAll(async () => {
    telegram = await startFakeTelegramApi({ botToken: BOT_TOKEN });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_CONVERSATION_IDLE_CLOSE_MS: '0',
      HILO_TELEGRAM_API_URL: telegram.baseUrl,
      HILO_TELEGRAM_BOT_TOKEN_FERRETERIA: BOT_TOKEN,
      HILO_TELEGRAM_SECRET_TOKEN_FERRETERIA: SECRET_TOKEN,
    });
    const opened = await openStorage(config, { clock, logger: createSilentLogger() });
    const contacts = opened.contacts;
    storage = {
      ...opened,
      contacts: {
        ...contacts,
        resolve: (tenantId, channel, externalId) => {
          resolved.push(`${channel}:${externalId}`);
          return contacts.resolve(tenantId, channel, externalId);
        },
      },
    };
    hilo = await startHilo({ config, clock, storage, logger: createSilentLogger() });
  }, 30_000);

  afterAll(async () => {
    await hilo?.close();
    await storage?.close();
    await telegram?.close();
  });

  it('should look the sender up once per message and still answer on the channel', async () => {
    const res = await fetch(`http://127.0.0.1:${hilo.port}/webhooks/telegram/${TENANT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET_TOKEN },
      body: JSON.stringify(telegramTextUpdate(6001, '¿Tienen cemento gris?', 777000222)),
    });
    expect(res.status).toBe(200);
    expect(resolved).toEqual(['telegram:777000222']);
    await hilo.drainOutbox();
    const replies = telegram.requests.filter((r) => r.method === 'sendMessage' && r.status === 200 && String(r.body?.chat_id) === '777000222');
    expect(replies.length).toBeGreaterThan(0);
  });
});

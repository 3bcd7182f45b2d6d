/**
 * Cost of validating one REST message body and parsing one WhatsApp Cloud webhook (text message),
 * the two validations on the hot path, per call (mean over many warm iterations):
 *   npx tsx bench/micro/validation-cost.ts
 * A figure to read and write down (BENCHMARKS.md), not a test assertion (shared, noisy machines).
 */
import { parseWhatsAppWebhook } from '../../src/channels/whatsapp-cloud/webhook.js';
import { MESSAGE_BODY, validateBody } from '../../src/runtime/gateway/validate.js';
import { metaJson, waMessage } from '../../test/fakes/whatsapp-graph.js';

const ITERATIONS = 200_000;

function perCall(label: string, run: () => unknown): void {
  for (let i = 0; i < 20_000; i++) run();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) run();
    rounds.push(Number(process.hrtime.bigint() - started) / ITERATIONS);
  }
  rounds.sort((a, b) => a - b);
  process.stdout.write(`${label}: median of 5 rounds ${(rounds[2]! / 1000).toFixed(3)} µs per call (best ${(rounds[0]! / 1000).toFixed(3)} µs)\n`);
}

const body = { sender: 'visitor-8f3a2c', text: '¿Cuánto cuestan 10 sacos de cemento y 20 varillas de 3/8?', message_id: 'm-000123' };
perCall('REST message body (validateBody)', () => validateBody(body, MESSAGE_BODY));

const raw = metaJson(waMessage({ type: 'text', text: { body: '¿Tienen cemento gris? Necesito 10 fundas para mañana' } }));
perCall('WhatsApp text webhook (JSON.parse + parseWhatsAppWebhook)', () => parseWhatsAppWebhook(raw, { tenantId: 'ferreteria', phoneNumberId: '106540352242922' }));

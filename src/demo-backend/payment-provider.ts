import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';

/**
 * The payment-provider port of the demo backend: it turns an amount into a hosted payment page the
 * customer opens in the browser. Card numbers are typed on the provider's page, never in the chat
 * and never through the business backend or Hilo.
 */
export interface PaymentProvider {
  readonly name: string;
  createLink(input: { reference: string; amount: number; currency: string; description: string }): Promise<PaymentLink>;
}

export interface PaymentLink {
  /** The provider's id of the checkout. */
  providerRef: string;
  url: string;
  expiresAt: string;
}

/** Links stay valid a day, as most hosted checkouts do. */
const LINK_TTL_MS = 24 * 60 * 60_000;

/**
 * A provider that makes no outside call: links point at the demo backend's own `/pay/<ref>` page,
 * where the demo (or a test) completes or fails the payment.
 */
export function createFakePaymentProvider(options: { publicUrl: () => string; clock: Clock }): PaymentProvider {
  return {
    name: 'fake',
    async createLink() {
      const providerRef = `fk_${randomBytes(12).toString('base64url')}`;
      return { providerRef, url: `${options.publicUrl()}/pay/${providerRef}`, expiresAt: new Date(options.clock.now() + LINK_TTL_MS).toISOString() };
    },
  };
}

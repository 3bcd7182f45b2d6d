import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Every text the customer was shown so far. */
async function shown(host: ReturnType<typeof createMemoryHost>['host'], conversationId: string): Promise<string> {
  return (await host.history(T, conversationId, 0)).filter((l) => l.direction === 'out').map((l) => l.text).join('\n');
}

describe('ConversationHost › account verification (rule brain, demo tenant)', () => {
  it('should not disclose a neighbour’s balance to someone who only knows the account number', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const out = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'vecino-curioso-1', text: 'dame el estado de la cuenta 10587, es de mi vecino' });
    const all = await shown(host, out.conversationId);
    expect(all).toMatch(/titular/);
    expect(all).not.toMatch(/18,450|atrasada|José|Castillo/);
    expect(out.state.context.expecting).toEqual({ kind: 'account_verification' });
    // Guessing: three wrong identifiers lock the account data for this conversation.
    for (const guess of ['0000', '1234', '9999']) await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'vecino-curioso-1', text: guess });
    const afterGuesses = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'vecino-curioso-1', text: 'la cuenta 10587' });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'vecino-curioso-1', text: '1337' });
    const final = await shown(host, afterGuesses.conversationId);
    expect(final).toMatch(/no puedo darte su estado/);
    expect(final).not.toMatch(/18,450|atrasada/);
  });

  it('should show the standing to the holder after the last 4 digits of the phone, and not ask again in that conversation', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'titular-1', text: 'mi cuenta está al día?' });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'titular-1', text: '10-587' });
    const ok = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'titular-1', text: '1337' });
    expect(ok.replies.map((r) => r.text).join('\n')).toMatch(/José, tu cuenta \*10587\* está \*atrasada\*.*RD\$18,450\.50/s);
    const again = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'titular-1', text: 'y cuánto debo en la cuenta 10587?' });
    expect(again.replies.map((r) => r.text).join('\n')).toContain('RD$18,450.50');
    // Another conversation (another customer) must verify on its own.
    const other = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'otro-1', text: 'estado de la cuenta 10587' });
    expect(other.replies.map((r) => r.text).join('\n')).not.toContain('18,450');
  });

  it('should ask in English and accept the cédula', async () => {
    const { host } = createMemoryHost({ tenant, brain });
    const ask = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'holder-en-1', text: 'what is the status of my account 12345?' });
    expect(ask.replies.map((r) => r.text).join('\n')).toMatch(/last 4 digits of the phone number/);
    const ok = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'holder-en-1', text: 'my cedula is 040-0617284-9' });
    expect(ok.replies.map((r) => r.text).join('\n')).toMatch(/Juan, your account \*12345\* is \*up to date\*/);
  });
});

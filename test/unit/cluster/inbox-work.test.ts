import { describe, expect, it } from 'vitest';
import { InboxWork } from '../../../src/runtime/cluster/inbox-work.js';

describe('shard inbox work (what one member appends for the shard owner)', () => {
  const message = { tenantId: 'ferreteria', channel: 'whatsapp', senderId: '18095551234', messageId: 'wamid.1', text: 'hola' };

  it("should carry the provider's display name to the owner, so its console names the customer", () => {
    const parsed = InboxWork.parse(JSON.parse(JSON.stringify({ k: 'msg', tenantId: 'ferreteria', conversationId: 'c1', message: { ...message, profileName: 'Ana Marte', langHint: 'es' } })));
    expect(parsed.k === 'msg' && parsed.message.profileName).toBe('Ana Marte');
    expect(parsed.k === 'msg' && parsed.message.langHint).toBe('es');
  });

  it('should refuse an entry whose display name is not text or far too long', () => {
    expect(() => InboxWork.parse({ k: 'msg', tenantId: 'ferreteria', conversationId: 'c1', message: { ...message, profileName: 7 } })).toThrow();
    expect(() => InboxWork.parse({ k: 'msg', tenantId: 'ferreteria', conversationId: 'c1', message: { ...message, profileName: 'x'.repeat(201) } })).toThrow();
  });
});

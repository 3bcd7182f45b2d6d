import { describe, expect, it } from 'vitest';
import { createConsoleService, createInboxFeed, type ConsoleActor, type ConsoleHost } from '../../../src/actors/console/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryAgentNotes } from '../../../src/persistence/memory/memory-agent-notes.js';
import { createMemoryConversationAssignments } from '../../../src/persistence/memory/memory-conversation-assignments.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';

const T = 'ferreteria';

/** The console shows a channel handle as the customer's phone only where it is one (WhatsApp), never a REST sender id or a Telegram chat id. */
function service(channel: string, handle: string, profileName: string | null = null) {
  const clock = createManualClock();
  const logger = createSilentLogger();
  const host: ConsoleHost = {
    hasTenant: (t) => t === T,
    getConversation: async (tenantId, conversationId) => ({
      tenantId,
      conversationId,
      state: { value: 'triage.idle', tags: [], context: {}, machineVersion: 1, seq: 1 } as never,
      transcript: [{ seq: 1, messageId: 'm1', direction: 'in', author: 'customer', channel, text: 'hola', at: '2026-12-03T15:00:00.000Z' }],
    }),
    history: async () => [],
    takeOver: async () => {
      throw new Error('not expected');
    },
    handleAgentMessage: async () => {
      throw new Error('not expected');
    },
    resolveHandoff: async () => {
      throw new Error('not expected');
    },
    subscribe: () => () => undefined,
    contactHandleOf: () => handle,
    profileNameOf: () => profileName,
  };
  return createConsoleService({
    host,
    directory: { list: async () => ({ items: [], nextCursor: null }) } as never,
    tickets: createMemoryTicketStore({ clock }),
    assignments: createMemoryConversationAssignments(),
    notes: createMemoryAgentNotes(),
    audit: { append: async () => undefined },
    feed: createInboxFeed(logger),
    clock,
    logger,
    cannedReplies: () => [],
    slaSeconds: () => 300,
    kick: () => undefined,
    agentName: async () => null,
    tenantIds: [T],
  });
}

const admin = { tenantId: T, agentId: 'a1', displayName: 'Demo', role: 'admin', auditActor: 'agent:a1', csrfToken: null, sessionHash: null, agent: null } as unknown as ConsoleActor;

describe("the customer's phone in the console", () => {
  it('should show a WhatsApp number as the phone, and mask it in the inbox', async () => {
    const s = service('whatsapp', '18095551337', 'Ana Marte');
    const detail = (await s.conversation(admin, 'c1')) as { customer: { phone: string | null; profileName: string | null } };
    expect(detail.customer).toMatchObject({ phone: '+18095551337', profileName: 'Ana Marte' });
    expect((await s.inboxItem(T, 'c1'))?.customer).toEqual({ name: null, profileName: 'Ana Marte', phoneMasked: '•••• 1337' });
  });

  it('should not show a REST sender id or a Telegram chat id as a phone', async () => {
    for (const [channel, handle] of [['rest', 'en-1'], ['rest', '5550001111'], ['telegram', '555000111']] as const) {
      const s = service(channel, handle);
      expect(((await s.conversation(admin, 'c1')) as { customer: { phone: string | null } }).customer.phone).toBeNull();
      expect((await s.inboxItem(T, 'c1'))?.customer.phoneMasked).toBeNull();
    }
  });
});

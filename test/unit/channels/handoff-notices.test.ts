import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryOutbox } from '../../../src/persistence/memory/memory-outbox.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import type { ConversationKey } from '../../../src/persistence/ports/snapshot-store.js';
import type { TicketStore } from '../../../src/persistence/ports/records.js';
import type { NewTranscriptEntry, TranscriptStore } from '../../../src/persistence/ports/transcript-store.js';
import { createHandoffNotices } from '../../../src/runtime/channels/handoff-notices.js';
import { createOutboundDestinations } from '../../../src/runtime/channels/destinations.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { createOutboxQueue } from '../../../src/runtime/outbox/index.js';

/** The stores, counting the reads the notices make (delegating to the real in-memory stores). */
function world() {
  const clock = createManualClock(Date.parse('2026-12-03T12:00:00.000Z'));
  const logger = createSilentLogger();
  const reads = { transcript: 0, tickets: 0 };
  const baseTranscripts = createMemoryTranscriptStore();
  const baseTickets = createMemoryTicketStore({ clock });
  const transcripts: TranscriptStore = {
    append: (key, entries) => baseTranscripts.append(key, entries),
    list: (key, options) => {
      reads.transcript++;
      return baseTranscripts.list(key, options);
    },
    hasInbound: (key, id) => baseTranscripts.hasInbound(key, id),
    close: () => baseTranscripts.close(),
  };
  const tickets: TicketStore = {
    open: (input) => baseTickets.open(input),
    close: (...args) => baseTickets.close(...args),
    list: (tenantId) => {
      reads.tickets++;
      return baseTickets.list(tenantId);
    },
  };
  const outbox = createMemoryOutbox({ clock });
  const queue = createOutboxQueue({ outbox });
  const destinations = createOutboundDestinations({ config: loadConfig({ PORT: '0', HILO_STORAGE: 'memory' }), clock, logger });
  const notices = () => createHandoffNotices({ destinations, queue, transcripts, tickets, contactHandleOf: () => '+18095550100', clock, logger });
  const key: ConversationKey = { tenantId: `t-${randomUUID()}`, conversationId: `c-${randomUUID()}` };
  const line = (author: 'customer' | 'bot' | 'agent', text: string, at: string): NewTranscriptEntry => ({
    messageId: `m-${randomUUID()}`,
    direction: author === 'customer' ? 'in' : 'out',
    author,
    channel: 'whatsapp',
    text,
    at,
  });
  const pendingRows = () => outbox.rows().filter((r) => r.kind === 'handoff.notify' && r.idempotencyKey.startsWith('handoff:pending:'));
  const relayRows = () => outbox.rows().filter((r) => r.kind === 'handoff.relay');
  return { clock, reads, transcripts, tickets, notices, key, line, pendingRows, relayRows };
}

type World = ReturnType<typeof world>;

/** `onRelay` queues in the background: waits until its relay row is stored and the announcement after it ran. */
async function relay(w: World, notices: ReturnType<World['notices']>, ticketNumber: string, text: string): Promise<void> {
  const before = w.relayRows().length;
  notices.onRelay(w.key, { ticketNumber, messageId: `m-${randomUUID()}`, text });
  await expect.poll(() => w.relayRows().length).toBe(before + 1);
  // Everything behind the relay row is in-memory promises: a few turns of the event loop finish it.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function openTicket(w: World): Promise<string> {
  await w.transcripts.append(w.key, [w.line('customer', 'quiero hablar con una persona', '2026-12-03T11:59:00.000Z'), w.line('bot', 'Te paso con un agente.', '2026-12-03T11:59:01.000Z')]);
  const ticket = await w.tickets.open({ tenantId: w.key.tenantId, conversationId: w.key.conversationId, kind: 'handoff', reason: 'customer_request', summary: 'pide un agente', idempotencyKey: randomUUID() });
  return ticket.number;
}

describe('handoff notices › pending notice on a relayed message', () => {
  it('should announce an unanswered handoff once, with the last lines, and read nothing on later relays', async () => {
    const w = world();
    const notices = w.notices();
    const number = await openTicket(w);
    await w.transcripts.append(w.key, [w.line('customer', '¿hay alguien?', '2026-12-03T12:01:00.000Z')]);
    await relay(w, notices, number, '¿hay alguien?');
    expect(w.pendingRows()).toHaveLength(1);
    expect(w.pendingRows()[0]?.payload).toMatchObject({
      ticketNumber: number,
      priority: 'pending',
      customer: { displayName: '+18095550100', channel: 'whatsapp' },
      lastMessages: [{ author: 'Cliente' }, { author: 'Hilo' }, { author: 'Cliente', text: '¿hay alguien?' }],
    });
    // One transcript read (the customer's channel comes from the same lines), one ticket lookup.
    expect(w.reads).toEqual({ transcript: 1, tickets: 1 });
    await relay(w, notices, number, '¿hola?');
    await relay(w, notices, number, '¿me atienden?');
    expect(w.pendingRows()).toHaveLength(1);
    expect(w.reads).toEqual({ transcript: 1, tickets: 1 });
  });

  it('should not announce a handoff an agent answered, and stop reading once that is known', async () => {
    const w = world();
    const notices = w.notices();
    const number = await openTicket(w);
    await w.transcripts.append(w.key, [w.line('agent', 'Hola, soy Ana.', '2026-12-03T12:00:30.000Z')]);
    await relay(w, notices, number, 'gracias Ana');
    await relay(w, notices, number, 'otra cosa');
    expect(w.pendingRows()).toHaveLength(0);
    expect(w.reads).toEqual({ transcript: 1, tickets: 1 });
  });

  it('should count only agent lines written since the ticket opened', async () => {
    const w = world();
    const notices = w.notices();
    await w.transcripts.append(w.key, [w.line('agent', 'una respuesta de un caso anterior', '2026-12-03T10:00:00.000Z')]);
    const number = await openTicket(w);
    await relay(w, notices, number, '¿hay alguien?');
    expect(w.pendingRows()).toHaveLength(1);
  });

  it('should not announce a closed ticket, nor read again for it', async () => {
    const w = world();
    const notices = w.notices();
    const number = await openTicket(w);
    const ticket = (await w.tickets.list(w.key.tenantId))[0];
    await w.tickets.close(w.key.tenantId, ticket?.ticketId ?? '', 'Ana', 'resuelto');
    const reads = { ...w.reads };
    await relay(w, notices, number, 'una cosa más');
    await relay(w, notices, number, 'y otra');
    expect(w.pendingRows()).toHaveLength(0);
    expect(w.reads).toEqual({ transcript: reads.transcript, tickets: reads.tickets + 1 });
  });

  it('should decide again from the stores after a restart, and the outbox keeps the notice single', async () => {
    const w = world();
    const number = await openTicket(w);
    await relay(w, w.notices(), number, '¿hay alguien?');
    const restarted = w.notices();
    await relay(w, restarted, number, '¿hola?');
    expect(w.reads).toEqual({ transcript: 2, tickets: 2 });
    expect(w.pendingRows()).toHaveLength(1);
    await relay(w, restarted, number, '¿me atienden?');
    expect(w.reads).toEqual({ transcript: 2, tickets: 2 });
  });

  it('should announce a later ticket of the same conversation on its own', async () => {
    const w = world();
    const notices = w.notices();
    const first = await openTicket(w);
    await relay(w, notices, first, '¿hay alguien?');
    const ticket = (await w.tickets.list(w.key.tenantId))[0];
    await w.tickets.close(w.key.tenantId, ticket?.ticketId ?? '', 'Ana', 'resuelto');
    const second = await openTicket(w);
    expect(second).not.toBe(first);
    await relay(w, notices, second, 'otra vez yo');
    expect(w.pendingRows().map((r) => (r.payload as { ticketNumber: string }).ticketNumber)).toEqual([first, second]);
  });
});

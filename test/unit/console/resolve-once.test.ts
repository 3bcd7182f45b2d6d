import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { createConsoleService, createInboxFeed, type ConsoleActor } from '../../../src/actors/console/index.js';
import { resolveOutcome } from '../../../src/actors/handoff-resolution.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryAgentNotes } from '../../../src/persistence/memory/memory-agent-notes.js';
import { createMemoryConversationAssignments } from '../../../src/persistence/memory/memory-conversation-assignments.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

const T = 'ferreteria';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const actor = (agentId: string, displayName: string, role: 'agent' | 'admin'): ConsoleActor => ({ tenantId: T, agentId, displayName, role, auditActor: `agent:${agentId}`, csrfToken: 'x', sessionHash: 'h', agent: null });
const ana = actor('a-ana', 'Ana', 'agent');
const luis = actor('a-luis', 'Luis', 'agent');
const jefa = actor('a-jefa', 'Jefa', 'admin');

/**
 * The console's resolve on a real host (machine, rule brain, memory stores): it says, as the REST
 * resolve does, whether it resolved or found the handoff resolved already, and of two resolves at
 * the same instant exactly one resolves.
 */
async function setUp() {
  const made = createMemoryHost({ tenant, brain });
  const events: { type: string; actor: string }[] = [];
  const service = createConsoleService({
    host: made.host,
    directory: { list: async () => ({ items: [], nextCursor: null }) } as never,
    tickets: made.tickets,
    assignments: createMemoryConversationAssignments(),
    notes: createMemoryAgentNotes(),
    audit: { append: async (_t: string, type: string, by: string) => void events.push({ type, actor: by }) },
    feed: createInboxFeed(createSilentLogger()),
    clock: made.clock,
    logger: createSilentLogger(),
    cannedReplies: () => [],
    slaSeconds: () => 300,
    kick: () => undefined,
    agentName: async () => null,
    tenantIds: [T],
  });
  const handedOff = async (sender: string): Promise<string> => {
    let result = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: sender, text: 'quiero hablar con una persona' });
    for (const text of ['Ana Pérez', '8095550123', 'sí']) {
      if (result.state.value === 'handoff.withHuman') break;
      result = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: sender, text });
    }
    expect(result.state.value).toBe('handoff.withHuman');
    return result.conversationId;
  };
  return { made, service, events, handedOff };
}

describe('console resolve', () => {
  it('should answer already_resolved: false, then true with the standing resolution to a second click or another agent, changing nothing', async () => {
    const { made, service, events, handedOff } = await setUp();
    const c = await handedOff('console-res-1');
    await service.take(ana, c);
    const first = await service.resolve(ana, c, 'entregado');
    expect(first).toMatchObject({ already_resolved: false, resolution: { agent: 'Ana', outcome: 'entregado' } });
    expect(first.state).not.toMatch(/^handoff/);
    const lines = (await made.host.history(T, c, 0)).length;
    // Ana holds it no more, Luis never did: neither is told to take it first; both learn it is done.
    for (const who of [ana, luis]) {
      expect(await service.resolve(who, c, 'otra cosa')).toMatchObject({ already_resolved: true, resolution: { agent: 'Ana', outcome: 'entregado' } });
    }
    expect((await made.host.history(T, c, 0)).length).toBe(lines);
    expect(events.filter((e) => e.type === 'agent.resolved')).toEqual([{ type: 'agent.resolved', actor: ana.auditActor }]);
  });

  it('should resolve once when two resolves arrive at the same instant: one false, one true naming the first', async () => {
    const { made, service, events, handedOff } = await setUp();
    const c = await handedOff('console-res-2');
    await service.take(ana, c);
    // Both read the conversation (still in the handoff) before either resolve runs.
    const read = made.host.getConversation.bind(made.host);
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((r) => (release = r));
    made.host.getConversation = async (t, id) => {
      const view = await read(t, id);
      if (++arrived === 2) release();
      await bothRead;
      return view;
    };
    const both = await Promise.all([service.resolve(ana, c, 'primero'), service.resolve(jefa, c, 'segundo')]);
    expect(both.map((r) => r.already_resolved).sort()).toEqual([false, true]);
    const winner = both.find((r) => !r.already_resolved)!;
    expect(both.find((r) => r.already_resolved)!.resolution).toEqual(winner.resolution);
    expect(events.filter((e) => e.type === 'agent.resolved')).toHaveLength(1);
    // One closing message for the customer, not two.
    const bot = (await made.host.history(T, c, 0)).filter((l) => l.direction === 'out' && l.author === 'bot');
    expect(new Set(bot.map((l) => l.text)).size).toBe(bot.length);
  });

  it('should resolve a handoff nobody answered only when the admin says so (unanswered: true), as the page asks first', async () => {
    const { made, service, events, handedOff } = await setUp();
    const c = await handedOff('console-res-unanswered');
    await expect(service.resolve(jefa, c, 'duplicado')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_RESOLVE_UNANSWERED', status: 409, details: { ticketNumber: expect.stringMatching(/^T-/) } });
    expect((await made.host.getConversation(T, c))?.state?.value).toBe('handoff.withHuman');
    expect(events.filter((e) => e.type === 'agent.resolved')).toHaveLength(0);
    expect(await service.resolve(jefa, c, 'duplicado', true)).toMatchObject({ already_resolved: false, resolution: { agent: 'Jefa', outcome: 'duplicado' } });
  });

  it('should refuse with 409 HILO_ERR_CONVERSATION_NOT_IN_HANDOFF a conversation never handed off', async () => {
    const { made, service } = await setUp();
    const opened = await made.host.handleMessage({ tenantId: T, channel: 'rest', senderId: 'console-res-3', text: '¿tienen cemento?' });
    await expect(service.resolve(jefa, opened.conversationId, 'nada')).rejects.toMatchObject({ code: 'HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', status: 409, details: { state: opened.state.value } });
  });
});

describe('resolveOutcome', () => {
  const state = (value: string, context: Record<string, unknown>) => ({ value, tags: [], context, machineVersion: 1, seq: 9 });
  const earlier = { lastHandoff: { agentName: 'Ana', outcome: 'entregado' } };

  it('should refuse a resolve the machine ignored in a handoff still being filed, even with an earlier handoff resolved', () => {
    const result = { conversationId: 'c', duplicate: false, inbound: null, replies: [], state: state('handoff.creatingTicket', earlier), stateBefore: 'handoff.creatingTicket' };
    expect(() => resolveOutcome(result, { agent: 'Luis', outcome: 'x' })).toThrow(expect.objectContaining({ code: 'HILO_ERR_CONVERSATION_NOT_IN_HANDOFF', details: { state: 'handoff.creatingTicket' } }));
  });

  it('should judge by the state the turn started from, not by an earlier read of the caller', () => {
    // The caller read "handoff.withHuman" before another resolve ran: its own turn started resolved.
    const result = { conversationId: 'c', duplicate: false, inbound: null, replies: [], state: state('triage.idle', earlier), stateBefore: 'triage.idle' };
    expect(resolveOutcome(result, { agent: 'Luis', outcome: 'x' }, 'handoff.withHuman')).toEqual({ already_resolved: true, resolution: { agent: 'Ana', outcome: 'entregado' } });
  });
});

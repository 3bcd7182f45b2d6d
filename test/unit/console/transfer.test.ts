import { describe, expect, it } from 'vitest';
import { createConsoleAuth, createConsoleService, createInboxFeed, type ConsoleActor, type ConsoleHost } from '../../../src/actors/console/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createMemoryAccessCounters } from '../../../src/persistence/ports/access-counters.js';
import { createMemoryAgentStores } from '../../../src/persistence/memory/memory-agent-accounts.js';
import { createMemoryAgentNotes } from '../../../src/persistence/memory/memory-agent-notes.js';
import { createMemoryConversationAssignments } from '../../../src/persistence/memory/memory-conversation-assignments.js';
import { createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';

const T = 'ferreteria';
const C = 'conv-transfer-1';

/**
 * Transfer by agents on the real console service and auth (memory stores): the holder hands a
 * conversation to another agent of the tenant, others cannot, admins can move any; every
 * transfer is audited; the targets list shows ids and display names only.
 */
async function setUp() {
  const clock = createManualClock();
  const logger = createSilentLogger();
  const { accounts, sessions } = createMemoryAgentStores({ clock });
  const events: Array<{ tenant: string; type: string; actor: string; payload: Record<string, unknown> }> = [];
  const audit = { append: async (tenant: string, type: string, actor: string, payload: Record<string, unknown>) => void events.push({ tenant, type, actor, payload }) };
  const auth = createConsoleAuth({ accounts, sessions, counters: createMemoryAccessCounters({ clock }), audit, clock, logger, hasTenant: (t) => t === T, scrypt: { N: 1024, r: 8, p: 1 } });
  // The conversation rests with a human already (a handoff): the host is not asked to take it over.
  const host: ConsoleHost = {
    hasTenant: (t) => t === T,
    getConversation: async (tenantId, conversationId) => (tenantId === T && conversationId === C ? { tenantId, conversationId, state: { value: 'handoff.withHuman', context: {} } as never, transcript: [] } : null),
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
    contactHandleOf: () => null,
  };
  const service = createConsoleService({
    host,
    directory: { list: async () => ({ items: [], nextCursor: null }) } as never,
    tickets: createMemoryTicketStore({ clock }),
    assignments: createMemoryConversationAssignments(),
    notes: createMemoryAgentNotes(),
    audit,
    feed: createInboxFeed(logger),
    clock,
    logger,
    cannedReplies: () => [],
    slaSeconds: () => 300,
    kick: () => undefined,
    agentName: async (t, id) => (await auth.getAgent(t, id))?.displayName ?? null,
    tenantIds: [T],
  });
  const admin = await auth.createAgent(apiActor(), { username: 'jefa', displayName: 'Jefa', role: 'admin', password: 'jefa-password-1' });
  const bea = await auth.createAgent(apiActor(), { username: 'bea', displayName: 'Bea', role: 'agent', password: 'bea-password-12' });
  const luis = await auth.createAgent(apiActor(), { username: 'luis', displayName: 'Luis', role: 'agent', password: 'luis-password-1' });
  const actorOf = (a: { id: string; displayName: string; role: 'agent' | 'admin' }): ConsoleActor => ({ tenantId: T, agentId: a.id, displayName: a.displayName, role: a.role, auditActor: `agent:${a.id.slice(0, 6)}`, csrfToken: 'x', sessionHash: 'h', agent: null });
  return { auth, service, events, admin: actorOf(admin), bea: actorOf(bea), luis: actorOf(luis) };
}

function apiActor(): ConsoleActor {
  return { tenantId: T, agentId: 'api-key:test', displayName: 'API', role: 'admin', auditActor: 'api-key:test', csrfToken: null, sessionHash: null, agent: null };
}

describe('console: transfer by agents', () => {
  it('should list every agent of the tenant as a target, with id and display name only', async () => {
    const { auth, bea } = await setUp();
    const targets = await auth.transferTargets(T);
    expect(targets.map((t) => t.displayName)).toEqual(['Bea', 'Jefa', 'Luis']);
    for (const target of targets) expect(Object.keys(target).sort()).toEqual(['displayName', 'id']);
    expect(targets.find((t) => t.displayName === 'Bea')?.id).toBe(bea.agentId);
    expect(await auth.transferTargets('other-tenant')).toEqual([]);
  });

  it('should let the holding agent transfer to another agent, audit it, and then refuse her a second move', async () => {
    const { service, events, bea, luis } = await setUp();
    await service.take(bea, C);
    expect(await service.assign(bea, C, luis.agentId, 'transfer')).toEqual({ assignee: { id: luis.agentId, displayName: 'Luis' } });
    const audited = events.filter((e) => e.type === 'agent.transferred');
    expect(audited).toEqual([{ tenant: T, type: 'agent.transferred', actor: bea.auditActor, payload: { conversationId: C, from: `agent:${bea.agentId.slice(0, 8)}`, to: `agent:${luis.agentId.slice(0, 8)}` } }]);
    // Bea no longer holds it: she cannot move it again, Luis can hand it back.
    await expect(service.assign(bea, C, bea.agentId, 'transfer')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_NOT_ASSIGNEE' });
    expect(await service.assign(luis, C, bea.agentId, 'transfer')).toEqual({ assignee: { id: bea.agentId, displayName: 'Bea' } });
  });

  it('should refuse an agent who does not hold the conversation, and an unknown target', async () => {
    const { service, bea, luis } = await setUp();
    await expect(service.assign(bea, C, luis.agentId, 'transfer')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_NOT_ASSIGNEE' });
    await service.take(luis, C);
    await expect(service.assign(bea, C, bea.agentId, 'transfer')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_NOT_ASSIGNEE' });
    await expect(service.assign(luis, C, 'no-such-agent', 'transfer')).rejects.toMatchObject({ code: 'HILO_ERR_CONSOLE_AGENT_NOT_FOUND' });
  });

  it('should let an admin transfer a conversation someone else holds', async () => {
    const { service, events, admin, bea, luis } = await setUp();
    await service.take(bea, C);
    expect(await service.assign(admin, C, luis.agentId, 'transfer')).toEqual({ assignee: { id: luis.agentId, displayName: 'Luis' } });
    expect(events.filter((e) => e.type === 'agent.transferred').map((e) => e.actor)).toEqual([admin.auditActor]);
  });
});

import { describe, it, expect } from 'vitest';
import { buildLeadPayload } from '../../../src/actors/lead-payload.js';
import { leadChannelOf } from '../../../src/actors/lead-channel.js';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createLocalShardRouter } from '../../../src/runtime/shard-router.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import { loadDemo } from '../../helpers/memory-host.js';

describe('the channel in the CRM lead payload', () => {
  const draft = { name: { value: 'Mark Evans', sourceMessageId: 'm1' }, email: { value: 'mark@bluereef.com', sourceMessageId: 'm1' } };

  it.each([
    ['whatsapp', 'whatsapp'],
    ['twilio-whatsapp', 'whatsapp'],
    ['whatsapp-cloud', 'whatsapp'],
    ['web', 'web'],
    ['widget', 'web'],
    ['telegram', 'telegram'],
    ['rest', 'api'],
  ])('should name the host channel "%s" as "%s"', (host, kind) => {
    expect(leadChannelOf(host)).toBe(kind);
    expect(buildLeadPayload('L-1', draft, null, { channel: host }).channel).toBe(kind);
  });

  it('should leave the key out when the channel is not known, giving exactly the old payload', () => {
    for (const channel of [undefined, '', 'carrier-pigeon']) {
      const payload = buildLeadPayload('L-2', draft, null, channel === undefined ? {} : { channel });
      expect(Object.keys(payload).sort()).toEqual(['business_context', 'contact_info', 'lead_id', 'problem_statement', 'provenance', 'urgency_level']);
    }
  });

  it('should carry the channel the host knows when a lead is pushed at the end of a conversation', async () => {
    const { tenant, brain } = await loadDemo();
    const clock = createManualClock();
    const logger = createSilentLogger();
    const transcripts = createMemoryTranscriptStore();
    const pushed: LeadPayload[] = [];
    let host: ConversationHost | null = null;
    const runtime = createTenantRuntime({
      data: tenant,
      brain,
      tickets: createMemoryTicketStore({ clock }),
      leads: createMemoryLeadStore({ clock }),
      crm: { pushLead: async (_tenantId, payload) => void pushed.push(payload) },
      transcripts,
      clock,
      logger,
      contextOf: (t, c) => host?.contextOf(t, c) ?? null,
      contactChannelOf: (t, c) => host?.contactChannelOf(t, c) ?? null,
    });
    host = new ConversationHost({
      contacts: createMemoryContactDirectory(),
      journal: createTranscriptTurnJournal(transcripts),
      tenants: new Map([[tenant.settings.id, runtime]]),
      snapshots: createMemorySnapshotStore({ clock }),
      transcripts,
      router: createLocalShardRouter({ shardCount: 2 }),
      clock,
      logger,
    });
    for (const text of ["Hi, I'm Mark Evans from Blue Reef Construction, we need 300 bags of cement and rebar for next week, mark@bluereef.com", 'yes']) {
      await host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: '+18095550199', text });
    }
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.channel).toBe('whatsapp');
  });
});

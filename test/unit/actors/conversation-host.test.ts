import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import type { TranscriptStore } from '../../../src/persistence/ports/transcript-store.js';
import { createMemoryTranscriptStore } from '../../../src/persistence/memory/memory-transcript-store.js';
import { MAX_KNOWN_INBOUND_IDS } from '../../../src/actors/inbound-ids.js';
import { MACHINE_VERSION } from '../../../src/machines/conversation.contract.js';

let tenant: TenantData;
let ruleBrain: Brain;

beforeAll(async () => {
  ({ tenant, brain: ruleBrain } = await loadDemo());
});

/** A real host (real machine, rule brain, tools, in-memory stores) on a manual clock. */
function createHost(options: { maxActiveActors?: number; idleTimeoutMs?: number; turnTimeoutMs?: number; brain?: Brain; snapshots?: SnapshotStore; transcripts?: TranscriptStore } = {}) {
  const { brain, snapshots, transcripts, ...limits } = options;
  return createMemoryHost({
    tenant,
    brain: brain ?? ruleBrain,
    ...(snapshots ? { snapshots } : {}),
    ...(transcripts ? { transcripts } : {}),
    host: limits,
  });
}

/** A memory transcript store that records the host's de-duplication reads. */
function countingTranscripts(): { transcripts: TranscriptStore; lookups: string[] } {
  const store = createMemoryTranscriptStore();
  const lookups: string[] = [];
  const transcripts: TranscriptStore = {
    ...store,
    hasInbound: (key, id) => (lookups.push(`hasInbound ${id}`), store.hasInbound(key, id)),
    list: (key, options) => (lookups.push(options?.limit !== undefined ? `list ≤${options.limit}` : options?.afterSeq ? `list after` : 'list'), store.list(key, options)),
  };
  return { transcripts, lookups };
}

const say = (host: ConversationHost, sender: string, text: string, messageId?: string) =>
  host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: sender, text, ...(messageId ? { messageId } : {}) });

describe('ConversationHost', () => {
  it('should persist a snapshot after every turn with a growing seq', async () => {
    const { host, snapshots } = createHost();
    const a = await say(host, 's1', 'hola');
    const first = await snapshots.get({ tenantId: 'ferreteria', conversationId: a.conversationId });
    await say(host, 's1', '¿tienen cemento?');
    const second = await snapshots.get({ tenantId: 'ferreteria', conversationId: a.conversationId });
    expect(first?.seq).toBe(1);
    expect(second?.seq).toBe(2);
    expect(second?.machineVersion).toBe(MACHINE_VERSION);
    expect(JSON.parse(JSON.stringify(second?.snapshot))).toEqual(second?.snapshot);
  });

  it('should passivate idle actors and continue the conversation from the snapshot', async () => {
    const { host, clock } = createHost({ idleTimeoutMs: 60_000 });
    const t = await say(host, 's2', 'Somos una empresa y queremos comprar al por mayor');
    expect(t.state.value).toMatch(/^workflow\.form/);
    expect(host.isActive('ferreteria', t.conversationId)).toBe(true);
    clock.advance(61_000);
    expect(host.passivateIdle()).toBe(1);
    expect(host.isActive('ferreteria', t.conversationId)).toBe(false);
    const next = await say(host, 's2', 'Me llamo Rosa Peña');
    expect(next.state.value).toMatch(/^workflow\.form/);
    expect((next.state.context.lead as { draft: { name?: { value: string } } }).draft.name?.value).toBe('Rosa Peña');
    expect(host.stats.activations).toBe(2);
  });

  it('should keep at most the configured number of actors in memory (LRU)', async () => {
    const { host } = createHost({ maxActiveActors: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await say(host, `lru-${i}`, 'hola')).conversationId);
    expect(host.stats.active).toBe(3);
    expect(ids.slice(3).every((id) => host.isActive('ferreteria', id))).toBe(true);
    expect(ids.slice(0, 3).some((id) => host.isActive('ferreteria', id))).toBe(false);
    // An evicted conversation still continues from its snapshot.
    const again = await say(host, 'lru-0', 'gracias');
    expect(again.conversationId).toBe(ids[0]);
    expect(again.state.context.turn).toBe(2);
  });

  it('should run one turn at a time per conversation and keep the transcript in order', async () => {
    const { host, transcripts } = createHost();
    const texts = ['hola', '¿tienen cemento?', '¿y varilla de 3/8?', 'gracias', '¿a qué hora abren?'];
    const results = await Promise.all(texts.map((text, i) => say(host, 'burst', text, `m${i}`)));
    const id = results[0]!.conversationId;
    const lines = await transcripts.list({ tenantId: 'ferreteria', conversationId: id });
    const inbound = lines.filter((l) => l.direction === 'in').map((l) => l.text);
    expect(inbound).toEqual(texts);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    // Every inbound is followed by its own replies before the next inbound.
    expect(lines[0]!.direction).toBe('in');
    expect(results.map((r) => r.state.context.turn)).toEqual([1, 2, 3, 4, 5]);
  });

  it('should not let a failing conversation hurt another one', async () => {
    const failing: Brain = {
      kind: 'rules',
      parse: (text) => ruleBrain.parse(text),
      understand: async (input) => {
        if (input.text.includes('explota')) throw new Error('brain exploded');
        return ruleBrain.understand(input);
      },
    };
    const { host } = createHost({ brain: failing });
    const bad = await say(host, 'bad', 'esto explota');
    // The brain failing is a state, not a crash: the conversation is handed to a human.
    expect(bad.state.value).toMatch(/^handoff/);
    const good = await say(host, 'good', '¿tienen cemento?');
    expect(good.replies.some((r) => /RD\$/.test(r.text))).toBe(true);
  });

  it('should fail a turn that does not finish in time, with a coded error, and recover on the next', async () => {
    let hang = true;
    const slow: Brain = {
      kind: 'rules',
      parse: (text) => ruleBrain.parse(text),
      understand: (input) => (hang ? new Promise(() => {}) : ruleBrain.understand(input)),
    };
    const { host } = createHost({ brain: slow, turnTimeoutMs: 200 });
    await say(host, 'slow', 'hola').then(
      () => expect.unreachable(),
      (err) => expect(err).toMatchObject({ code: 'HILO_ERR_TURN_TIMEOUT' }),
    );
    hang = false;
    const next = await say(host, 'slow', '¿tienen cemento?');
    expect(next.replies.length).toBeGreaterThan(0);
  });

  it('should return the original replies for a retried message id and run nothing twice', async () => {
    const { host } = createHost();
    const a = await say(host, 'retry', '¿tienen pintura blanca?', 'wamid.1');
    const b = await say(host, 'retry', '¿tienen pintura blanca?', 'wamid.1');
    expect(b.duplicate).toBe(true);
    expect(b.replies.map((r) => r.messageId)).toEqual(a.replies.map((r) => r.messageId));
    expect(b.state.context.turn).toBe(1);
  });

  it('should look for an earlier copy of a message only when the message came with its own id', async () => {
    const { transcripts, lookups } = countingTranscripts();
    const { host } = createHost({ transcripts });
    await say(host, 'ids', 'hola'); // the host makes the id: new by construction
    expect(lookups).toEqual([]);
    await say(host, 'ids', '¿tienen cemento?', 'wamid.7');
    expect(lookups).toEqual(['list ≤129']); // the live conversation learns its ids once
    expect((await say(host, 'ids', '¿tienen cemento?', 'wamid.7')).duplicate).toBe(true);
    expect(lookups).toEqual(['list ≤129', 'hasInbound wamid.7', 'list', 'list after']); // a known id: the store decides, then the replay
  });

  it('should know a live conversation\'s new messages without asking the store each turn, and find retries after a restart', async () => {
    const { transcripts, lookups } = countingTranscripts();
    const { host, clock } = createHost({ transcripts, idleTimeoutMs: 1_000 });
    for (let i = 1; i <= 4; i++) await say(host, 'live', i % 2 ? 'hola' : '¿tienen cemento?', `m${i}`);
    expect(lookups).toEqual(['list ≤129']);
    expect((await say(host, 'live', 'hola', 'm3')).duplicate).toBe(true);
    clock.advance(2_000);
    expect(host.passivateIdle()).toBe(1);
    lookups.length = 0;
    // Activated again: the ids are read again, so a retry of a message from before is still found.
    const retry = await say(host, 'live', 'hola', 'm1');
    expect(retry.duplicate).toBe(true);
    expect(lookups).toEqual(['list ≤129', 'hasInbound m1', 'list', 'list after']);
    lookups.length = 0;
    expect((await say(host, 'live', 'gracias', 'm5')).duplicate).toBe(false);
    expect(lookups).toEqual([]);
  });

  it('should ask the store every turn when a conversation has more customer messages than it keeps', async () => {
    const { transcripts, lookups } = countingTranscripts();
    const { host } = createHost({ transcripts });
    for (let i = 0; i <= MAX_KNOWN_INBOUND_IDS; i++) await say(host, 'long', 'hola', `n${i}`);
    lookups.length = 0;
    await say(host, 'long', 'hola', 'n-next');
    expect(lookups).toEqual(['hasInbound n-next']);
    expect((await say(host, 'long', 'hola', 'n3')).duplicate).toBe(true);
  });

  it('should restart cleanly, keeping the transcript, when the snapshot comes from an unknown machine version', async () => {
    const { host, snapshots, transcripts, clock } = createHost({ idleTimeoutMs: 1_000 });
    const t = await say(host, 'old', 'Somos una empresa y queremos comprar al por mayor');
    const key = { tenantId: 'ferreteria', conversationId: t.conversationId };
    clock.advance(2_000);
    host.passivateIdle();
    const env = (await snapshots.get(key))!;
    // A snapshot written by a machine version this build has no migration for.
    await snapshots.put(key, { ...env, machineVersion: 99, seq: env.seq + 1, snapshot: { value: 'gone', context: { garbage: true } } });
    const before = (await transcripts.list(key)).length;
    const next = await say(host, 'old', '¿tienen cemento?');
    expect(host.stats.restartsFromIncompatibleSnapshot).toBe(1);
    expect(next.replies.some((r) => /RD\$/.test(r.text))).toBe(true);
    expect(next.state.value).toBe('triage.idle');
    expect((await transcripts.list(key)).length).toBeGreaterThan(before);
    expect((await snapshots.get(key))?.machineVersion).toBe(MACHINE_VERSION);
  });

  it('should send an agent reply on the channel the customer last wrote from, even after a restart', async () => {
    const { host, snapshots, transcripts } = createHost();
    const t = await host.handleMessage({ tenantId: 'ferreteria', channel: 'whatsapp', senderId: '18095550199', text: 'quiero hablar con una persona' });
    expect(t.state.value).toBe('handoff.withHuman');
    await host.close();
    // A new process: nothing in memory about this conversation's channel.
    const { host: restarted } = createHost({ snapshots, transcripts });
    const agent = await restarted.handleAgentMessage('ferreteria', t.conversationId, 'María', 'Hola, soy María.');
    expect(agent.replies).toEqual([expect.objectContaining({ author: 'agent', channel: 'whatsapp', text: 'Hola, soy María.' })]);
  });

  it('should refuse new turns once closed', async () => {
    const { host } = createHost();
    await host.close();
    await expect(say(host, 'late', 'hola')).rejects.toMatchObject({ code: 'HILO_ERR_SHUTTING_DOWN' });
  });
});

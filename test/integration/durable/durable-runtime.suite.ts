import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TurnResult } from '../../../src/actors/conversation-service.js';
import type { SnapshotEnvelope } from '../../../src/persistence/ports/snapshot-store.js';
import type { HiloStorage } from '../../../src/runtime/hilo.js';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from './durable-harness.js';
import { MACHINE_VERSION } from '../../../src/machines/conversation.contract.js';

const TENANT = 'ferreteria';

const say = (d: DurableDeployment, sender: string, text: string, messageId?: string): Promise<TurnResult> =>
  d.hilo.host.handleMessage({ tenantId: TENANT, channel: 'rest', senderId: sender, text, ...(messageId ? { messageId } : {}) });

const transcriptOf = (d: DurableDeployment, conversationId: string) => d.hilo.host.history(TENANT, conversationId, 0);

/**
 * The durable runtime's behaviour on one storage mode; each mode's test file calls it, so the
 * two modes run in parallel.
 */
export function runDurableRuntimeSuite(mode: DurableMode): void {
  // PGlite creates its cluster on first open and every restart reopens it: roomier timeouts.
  describe(`durable runtime on ${mode}`, { timeout: 60_000 }, () => {
    let environment: DurableEnvironment;
    let deployment: DurableDeployment | undefined;

    beforeAll(async () => {
      environment = await createDurableEnvironment(mode);
    });
    afterEach(async () => {
      await deployment?.close();
      deployment = undefined;
    });
    afterAll(async () => {
      await environment?.destroy();
    });

    it('should continue a lead where it was after a restart of the runtime and its stores', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('restart');
      const first = await say(deployment, sender, 'Hola, somos una constructora y queremos comprar materiales al por mayor');
      expect(first.state.value).toMatch(/^workflow\.form/);
      await deployment.restart();
      expect(deployment.hilo.host.isActive(TENANT, first.conversationId)).toBe(false);
      // The stored state is visible before the conversation is activated again.
      const view = await deployment.hilo.host.getConversation(TENANT, first.conversationId);
      expect(view?.state?.value).toMatch(/^workflow\.form/);
      expect(view?.transcript.length).toBeGreaterThan(1);
      const next = await say(deployment, sender, 'Me llamo Carolina Méndez');
      expect(next.conversationId).toBe(first.conversationId);
      expect(next.state.value).toMatch(/^workflow\.form/);
      expect(next.state.context.turn).toBe(2);
      expect((next.state.context.lead as { draft: { name?: { value: string } } }).draft.name?.value).toMatch(/Carolina/);
      const lines = await transcriptOf(deployment, first.conversationId);
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      expect(lines.filter((l) => l.direction === 'in').map((l) => l.text)).toEqual([
        'Hola, somos una constructora y queremos comprar materiales al por mayor',
        'Me llamo Carolina Méndez',
      ]);
    });

    it('should activate a passivated conversation from the snapshot store', async () => {
      deployment = await startDeployment(environment, { HILO_IDLE_TIMEOUT_MS: '60000' });
      const sender = newSender('passivate');
      const first = await say(deployment, sender, 'quiero saber si mi cuenta está al día');
      expect(first.state.context.expecting).toEqual({ kind: 'account_id' });
      deployment.clock.advance(61_000);
      expect(deployment.hilo.host.passivateIdle()).toBe(1);
      const activations = deployment.hilo.host.stats.activations;
      const next = await say(deployment, sender, 'gracias');
      expect(deployment.hilo.host.stats.activations).toBe(activations + 1);
      expect(next.state.context.turn).toBe(2);
    });

    it('should activate a conversation this process has never seen', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('unseen');
      const first = await say(deployment, sender, 'Somos una empresa y queremos comprar al por mayor');
      // A second runtime on the same stores: it never hosted this conversation.
      const hiloA = deployment.hilo;
      await deployment.restart({ keepStorage: true });
      expect(hiloA).not.toBe(deployment.hilo);
      const next = await say(deployment, sender, 'Me llamo Rosa Peña');
      expect(next.conversationId).toBe(first.conversationId);
      expect(next.state.context.turn).toBe(2);
      expect(deployment.hilo.host.stats.activations).toBe(1);
    });

    it('should not run a retried message again after a restart', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('dedupe');
      const a = await say(deployment, sender, '¿Tienen pintura blanca?', 'wamid.durable-1');
      await deployment.restart();
      const b = await say(deployment, sender, '¿Tienen pintura blanca?', 'wamid.durable-1');
      expect(b.duplicate).toBe(true);
      expect(b.replies.map((r) => r.messageId)).toEqual(a.replies.map((r) => r.messageId));
      expect(b.state.context.turn).toBe(1);
      const lines = await transcriptOf(deployment, a.conversationId);
      expect(lines.filter((l) => l.messageId === 'wamid.durable-1')).toHaveLength(1);
    });

    it('should complete a turn whose journal write failed, exactly once, on the next activation', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('complete');
      const before = await say(deployment, sender, 'hola');
      let failures = 0;
      const failingJournal = (storage: HiloStorage): HiloStorage => ({
        ...storage,
        journal: {
          ...storage.journal,
          dueIdleCloses: (now, limit) => storage.journal.dueIdleCloses(now, limit),
          lastCommitted: (key) => storage.journal.lastCommitted(key),
          commit: async () => {
            failures++;
            throw new Error('injected: the process died between the snapshot and the SQL write');
          },
        },
      });
      await deployment.restart({ keepStorage: true, wrap: failingJournal });
      await expect(say(deployment, sender, '¿tienen cemento gris?', 'wamid.crash-1')).rejects.toMatchObject({ code: 'HILO_ERR_TURN_FAILED' });
      expect(failures).toBe(1);
      expect((await transcriptOf(deployment, before.conversationId)).some((l) => l.messageId === 'wamid.crash-1')).toBe(false);

      // Memory snapshots die with the process; here the runtime restarts on the same store objects.
      await deployment.restart({ keepStorage: mode === 'pglite+memory' });
      const retried = await say(deployment, sender, '¿tienen cemento gris?', 'wamid.crash-1');
      expect(deployment.hilo.host.stats.turnsCompletedOnActivation).toBe(1);
      // Its sender got an error, never these replies: the retry's answer is a normal one (harden15:
      // was `duplicate: true`, which a client may drop as already seen); the next retry is the duplicate.
      expect(retried.duplicate).toBe(false);
      expect(retried.replies.length).toBeGreaterThan(0);
      expect(retried.replies.some((r) => /RD\$/.test(r.text))).toBe(true);
      expect(retried.state.context.turn).toBe(2);
      const lines = await transcriptOf(deployment, before.conversationId);
      expect(lines.filter((l) => l.messageId === 'wamid.crash-1')).toHaveLength(1);
      for (const r of retried.replies) expect(lines.filter((l) => l.messageId === r.messageId)).toHaveLength(1);
      expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
      const again = await say(deployment, sender, '¿tienen cemento gris?', 'wamid.crash-1');
      expect(again.duplicate).toBe(true);
      expect(again.replies.map((r) => r.messageId)).toEqual(retried.replies.map((r) => r.messageId));
    });

    it('should redo a turn whose snapshot write failed, recording it once', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('redo');
      let fail = true;
      const failingSnapshots = (storage: HiloStorage): HiloStorage => ({
        ...storage,
        snapshots: {
          get: (key) => storage.snapshots.get(key),
          delete: (key) => storage.snapshots.delete(key),
          close: () => storage.snapshots.close(),
          put: async (key, envelope, options) => {
            if (fail) {
              fail = false;
              throw new Error('injected: the process died before the snapshot write');
            }
            return storage.snapshots.put(key, envelope, options);
          },
        },
      });
      await deployment.restart({ keepStorage: true, wrap: failingSnapshots });
      // A store that fails is HILO_ERR_TURN_FAILED (not a bug), with the store's own error as its cause.
      await expect(say(deployment, sender, '¿tienen varilla de 3/8?', 'wamid.redo-1')).rejects.toMatchObject({ code: 'HILO_ERR_TURN_FAILED', cause: expect.objectContaining({ message: expect.stringMatching(/injected/) }) });
      const retried = await say(deployment, sender, '¿tienen varilla de 3/8?', 'wamid.redo-1');
      expect(retried.duplicate).toBe(false);
      expect(retried.state.context.turn).toBe(1);
      const lines = await transcriptOf(deployment, retried.conversationId);
      expect(lines.filter((l) => l.direction === 'in')).toHaveLength(1);
    });

    it('should restart an incompatible machine version cleanly and keep the history', async () => {
      deployment = await startDeployment(environment);
      const sender = newSender('version');
      const first = await say(deployment, sender, 'Somos una empresa y queremos comprar al por mayor');
      const key = { tenantId: TENANT, conversationId: first.conversationId };
      await deployment.restart({ keepStorage: true });
      // Hand-written: what a machine version 0 build would have stored.
      const old: SnapshotEnvelope = {
        v: 1,
        machineVersion: 0,
        epoch: 0,
        seq: 2,
        savedAt: '2026-11-22T12:00:00.000Z',
        snapshot: { status: 'active', value: { lead: 'asking' }, context: { slots: ['legacy'] }, children: {} },
      };
      expect(await deployment.storage.snapshots.put(key, old)).toEqual({ ok: true });
      const next = await say(deployment, sender, '¿tienen cemento gris?');
      expect(deployment.hilo.host.stats.restartsFromIncompatibleSnapshot).toBe(1);
      expect(next.state.value).toBe('triage.idle');
      expect(next.replies.some((r) => /RD\$/.test(r.text))).toBe(true);
      expect(next.state.machineVersion).toBe(MACHINE_VERSION);
      const lines = await transcriptOf(deployment, first.conversationId);
      expect(lines[0]!.text).toBe('Somos una empresa y queremos comprar al por mayor');
      expect(lines.filter((l) => l.direction === 'in')).toHaveLength(2);
      // The next activation does not restart again: the new snapshot is of this version.
      await deployment.restart();
      await say(deployment, sender, 'gracias');
      expect(deployment.hilo.host.stats.restartsFromIncompatibleSnapshot).toBe(0);
    });

    it('should close an idle conversation by a durable timer that survives a restart', async () => {
      deployment = await startDeployment(environment, { HILO_CONVERSATION_IDLE_CLOSE_MS: '60000' });
      const sender = newSender('idle');
      const first = await say(deployment, sender, '¿tienen cemento gris?');
      deployment.clock.advance(30_000);
      await say(deployment, sender, '¿y varilla de 3/8?');
      deployment.clock.advance(40_000);
      // The first turn's due time has passed, but the second turn re-armed the timer.
      expect(await deployment.hilo.fireTimers()).toBe(0);
      await deployment.restart();
      deployment.clock.advance(30_000);
      expect(await deployment.hilo.fireTimers()).toBe(1);
      const view = await deployment.hilo.host.getConversation(TENANT, first.conversationId);
      expect(view?.state?.value).toBe('closed');
      expect(await deployment.hilo.fireTimers()).toBe(0);
      // A closed conversation reopens on the next message.
      const back = await say(deployment, sender, '¿tienen pintura blanca?');
      expect(back.state.value).not.toBe('closed');
    });

    it('should send one follow-up to a customer who left a lead half done, then close on the next silence', async () => {
      deployment = await startDeployment(environment, { HILO_CONVERSATION_IDLE_CLOSE_MS: '60000' });
      const sender = newSender('remind');
      const first = await say(deployment, sender, 'Somos una empresa y queremos comprar al por mayor');
      await say(deployment, sender, 'Me llamo Rosa Peña');
      deployment.clock.advance(61_000);
      await deployment.restart();
      expect(await deployment.hilo.fireTimers()).toBe(1);
      const reminded = await deployment.hilo.host.getConversation(TENANT, first.conversationId);
      expect(reminded?.state?.value).toBe('workflow.form.collecting.waiting');
      const lastTwo = reminded!.transcript.slice(-2).map((l) => l.text);
      expect(lastTwo[0]).toMatch(/a medias/);
      expect(lastTwo[1]).toMatch(/correo/);
      expect(deployment.hilo.host.stats.reminders).toBe(1);
      // No customer answer: the next silence closes the conversation instead of reminding again.
      deployment.clock.advance(61_000);
      expect(await deployment.hilo.fireTimers()).toBe(1);
      const closed = await deployment.hilo.host.getConversation(TENANT, first.conversationId);
      expect(closed?.state?.value).toBe('closed');
      expect(closed!.transcript.filter((l) => /a medias/.test(l.text))).toHaveLength(1);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationKey, SnapshotStore } from '../../../src/persistence/ports/snapshot-store.js';
import type { HiloStorage } from '../../../src/runtime/hilo.js';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

/**
 * harden17's backlog: a turn of a contact that is being erased. The erasure evicts the live actor
 * (after its running turn), drops its snapshots, then deletes its SQL rows. Raced here on the real
 * stores with a gate inside the snapshot store: (a) a turn already running when the erasure starts,
 * (b) a message that arrives between the snapshot drop and the SQL delete. After the erasure,
 * nothing of the erased conversation may be left: no snapshot (Redis or memory), no SQL copy of it,
 * no transcript line.
 */
interface Gate {
  conversationId: string;
  reached: Promise<void>;
  release(): void;
}
function gate(conversationId: string): Gate & { arrive(): void; open: Promise<void> } {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((r) => (arrive = r));
  const open = new Promise<void>((r) => (release = r));
  return { conversationId, reached, release, arrive, open };
}

function gatedSnapshots(inner: SnapshotStore, gates: { put?: ReturnType<typeof gate>; delete?: ReturnType<typeof gate> }): SnapshotStore {
  return {
    get: (key) => inner.get(key),
    async put(key, envelope, options) {
      const g = gates.put;
      if (g && g.conversationId === key.conversationId) {
        gates.put = undefined;
        g.arrive();
        await g.open;
      }
      return inner.put(key, envelope, options);
    },
    async delete(key) {
      await inner.delete(key);
      const g = gates.delete;
      if (g && g.conversationId === key.conversationId) {
        gates.delete = undefined;
        g.arrive();
        await g.open;
      }
    },
    close: () => inner.close(),
  };
}

describe.each<DurableMode>(['postgres+redis', 'pglite+memory'])('a turn racing its contact\'s erasure (%s)', (mode) => {
  let environment: DurableEnvironment;
  let deployment: DurableDeployment;
  let inner: HiloStorage;
  const gates: { put?: ReturnType<typeof gate>; delete?: ReturnType<typeof gate> } = {};
  beforeAll(async () => {
    environment = await createDurableEnvironment(mode);
    deployment = await startDeployment(environment);
    await deployment.restart({ keepStorage: true, wrap: (storage) => ((inner = storage), { ...storage, snapshots: gatedSnapshots(storage.snapshots, gates) }) });
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
    await environment?.destroy();
  });

  const base = () => `http://127.0.0.1:${deployment.hilo.port}/api/tenants/ferreteria`;
  const auth = () => ({ authorization: `Bearer ${deployment.hilo.demoApiKey}` });
  const post = async (sender: string, text: string) => {
    const res = await fetch(`${base()}/messages`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ sender, text }) });
    return { status: res.status, body: (await res.json()) as { conversation_id?: string; replies?: Array<{ text: string }>; error?: { code: string } } };
  };
  const erase = (conversationId: string) => fetch(`${base()}/contacts/${conversationId}`, { method: 'DELETE', headers: auth() }).then(async (r) => ({ status: r.status, body: await r.text() }));

  /** Everything the stores still hold of a conversation. */
  const leftOf = async (key: ConversationKey) => ({
    snapshot: (await inner.snapshots.get(key)) !== null,
    journalCopy: (await inner.journal.lastCommitted(key)).envelope !== null,
    lines: (await inner.transcripts.list(key)).map((l) => l.text),
  });

  /** A lead half given: a name and an email in the conversation's context and transcript. */
  async function started(label: string): Promise<{ sender: string; key: ConversationKey }> {
    const sender = newSender(label);
    const first = await post(sender, 'Somos una constructora y queremos comprar materiales al por mayor');
    expect(first.status).toBe(200);
    await post(sender, 'Me llamo Wilfredo Canario');
    await post(sender, 'wilfredo.canarioxq@example.do');
    const key = { tenantId: 'ferreteria', conversationId: first.body.conversation_id! };
    expect((await leftOf(key)).snapshot).toBe(true);
    return { sender, key };
  }

  it('should leave nothing of a turn that was running when the erasure started', async () => {
    const { sender, key } = await started('erase-running');
    const g = gate(key.conversationId);
    gates.put = g;
    const turn = post(sender, 'la empresa es Constructora Canario SRL');
    await g.reached; // the turn has run its machine and is about to commit
    const erasure = erase(key.conversationId);
    // The erasure waits for the running turn (it evicts after it): not done while the turn is held.
    const early = await Promise.race([erasure.then(() => 'erased'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(early).toBe('waiting');
    g.release();
    const [answered, erased] = await Promise.all([turn, erasure]);
    expect(erased.status).toBe(200);
    // The running turn answers its sender; what it wrote is erased with the rest.
    expect(answered.status).toBe(200);
    expect(await leftOf(key)).toEqual({ snapshot: false, journalCopy: false, lines: [] });
  }, 60_000);

  it('should leave nothing of the erased conversation when a message arrives in the middle of the erasure', async () => {
    const { sender, key } = await started('erase-midway');
    const g = gate(key.conversationId);
    gates.delete = g;
    const erasure = erase(key.conversationId);
    await g.reached; // snapshots dropped; the SQL rows not yet
    const turn = post(sender, 'la empresa es Constructora Canario SRL');
    // The turn either waits for the erasure or runs now; give it the time to run.
    await Promise.race([turn, new Promise((r) => setTimeout(r, 1_500))]);
    g.release();
    const [answered, erased] = await Promise.all([turn, erasure]);
    expect(erased.status).toBe(200);
    // Before: answered 200 in the erased conversation, whose snapshot (the name, the email) was put back after the drop.
    expect(answered.status).toBe(409);
    expect(answered.body.error?.code).toBe('HILO_ERR_CONVERSATION_ERASED');
    const left = await leftOf(key);
    expect(left.snapshot || left.journalCopy || left.lines.length > 0 ? left : 'nothing').toBe('nothing');
    // Sent again, the message starts a conversation of its own, with nothing of the erased one.
    const again = await post(sender, 'la empresa es Constructora Canario SRL');
    expect(again.status).toBe(200);
    expect(again.body.conversation_id).not.toBe(key.conversationId);
    expect((again.body.replies ?? []).map((r) => r.text).join('\n')).not.toMatch(/Wilfredo|canarioxq/i);
    expect(await leftOf(key)).toEqual({ snapshot: false, journalCopy: false, lines: [] });
  }, 60_000);
});

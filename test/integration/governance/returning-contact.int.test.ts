import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TurnResult } from '../../../src/actors/conversation-service.js';
import { toContactRef } from '../../../src/persistence/sql/index.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { loadConfig } from '../../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../../src/runtime/hilo.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createDurableEnvironment, newSender, startDeployment, type DurableDeployment, type DurableEnvironment, type DurableMode } from '../durable/durable-harness.js';

const TENANT = 'ferreteria';
const IDLE_CLOSE_MS = 60_000;

interface Runtime {
  hilo: Hilo;
  clock: ReturnType<typeof createManualClock>;
  /** Durable modes: restart the runtime and reopen its stores (memory mode keeps running). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const say = async (rt: Runtime, sender: string, text: string): Promise<TurnResult> =>
  rt.hilo.host.handleMessage({ tenantId: TENANT, channel: 'rest', senderId: sender, text });
const texts = (r: TurnResult): string => r.replies.map((l) => l.text).join('\n');
const draftOf = (r: TurnResult) => (r.state.context as { lead: { draft: Record<string, { value: string | null; sourceMessageId: string }> } }).lead.draft;

/** A whole lead through the rule brain, confirmed with "sí". */
async function confirmLead(rt: Runtime, sender: string, who = { name: 'Carolina Méndez', email: 'carolina@mendez.do' }): Promise<TurnResult> {
  await say(rt, sender, 'Somos una constructora y queremos comprar materiales al por mayor');
  await say(rt, sender, `Me llamo ${who.name}`);
  await say(rt, sender, who.email);
  await say(rt, sender, 'trabajo en Constructora Méndez');
  await say(rt, sender, 'ventas');
  await say(rt, sender, 'Necesitamos 200 bloques y cemento para una casa');
  const summary = await say(rt, sender, 'alta');
  expect(summary.state.value).toBe('workflow.form.confirming');
  return say(rt, sender, 'sí');
}

async function closeByIdleTimer(rt: Runtime): Promise<void> {
  rt.clock.advance(IDLE_CLOSE_MS + 1_000);
  expect(await rt.hilo.fireTimers()).toBeGreaterThanOrEqual(1);
}

type Mode = DurableMode | 'memory';

describe.each<Mode>(['postgres+redis', 'pglite+memory', 'memory'])('returning contacts on %s', (mode) => {
  let environment: DurableEnvironment | null = null;
  let runtime: Runtime | null = null;

  beforeAll(async () => {
    if (mode !== 'memory') environment = await createDurableEnvironment(mode);
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = null;
  });
  afterAll(async () => {
    await environment?.destroy();
  });

  async function start(): Promise<Runtime> {
    if (environment) {
      const deployment: DurableDeployment = await startDeployment(environment, { HILO_CONVERSATION_IDLE_CLOSE_MS: String(IDLE_CLOSE_MS) });
      return {
        get hilo() {
          return deployment.hilo;
        },
        clock: deployment.clock,
        restart: async () => {
          await deployment.restart();
        },
        close: () => deployment.close(),
      };
    }
    const clock = createManualClock();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_STORAGE: 'memory',
      HILO_DEMO_API_KEY: `test_${randomBytes(16).toString('hex')}`,
      HILO_CONVERSATION_IDLE_CLOSE_MS: String(IDLE_CLOSE_MS),
    });
    const hilo = await startHilo({ config, clock, logger: createSilentLogger() });
    return { hilo, clock, restart: async () => undefined, close: () => hilo.close() };
  }

  it('should greet a returning contact by name with the open lead, and pre-fill the next lead from the confirmed data', { timeout: 60_000 }, async () => {
    runtime = await start();
    const sender = newSender('returning');
    const done = await confirmLead(runtime, sender);
    expect(texts(done)).toMatch(/L-\d{6}/);
    const leadId = /L-\d{6}/.exec(texts(done))![0];

    // The confirmed contact fields are the profile now.
    const recalled = await runtime.hilo.storage.memory!.recall(TENANT, done.conversationId);
    expect(recalled).toMatchObject({ name: 'Carolina Méndez', email: 'carolina@mendez.do', company: 'Constructora Méndez', openLead: leadId });

    await closeByIdleTimer(runtime);
    await runtime.restart();

    const back = await say(runtime, sender, 'hola');
    expect(back.conversationId).toBe(done.conversationId);
    expect(texts(back)).toMatch(/Hola de nuevo, Carolina/);
    expect(texts(back)).toContain(leadId);
    expect(texts(back).match(/Carolina/g)).toHaveLength(1);

    const again = await say(runtime, sender, 'quiero cotizar otro proyecto');
    expect(texts(again)).toMatch(/área/);
    expect(texts(again)).not.toMatch(/nombre completo/);
    expect(draftOf(again).name?.value).toBe('Carolina Méndez');
    expect(draftOf(again).email?.value).toBe('carolina@mendez.do');
    await say(runtime, sender, 'soporte');
    await say(runtime, sender, 'El techo que nos instalaron tiene filtraciones');
    const summary = await say(runtime, sender, 'media');
    expect(summary.state.value).toBe('workflow.form.confirming');
    expect(texts(summary)).toContain('Carolina Méndez');
    expect(texts(summary)).toContain('carolina@mendez.do');
    expect(texts(summary)).toContain('Constructora Méndez');
  });

  it('should remember nothing from a lead that was never confirmed', { timeout: 60_000 }, async () => {
    runtime = await start();
    const sender = newSender('unconfirmed');
    await say(runtime, sender, 'quiero cotizar materiales para una obra');
    const named = await say(runtime, sender, 'Me llamo Julio Peña');
    expect(await runtime.hilo.storage.memory!.recall(TENANT, named.conversationId)).toBeNull();
    await closeByIdleTimer(runtime);
    // Reopened: no welcome back from the profile; the paused lead resumes where it was.
    const back = await say(runtime, sender, 'quiero cotizar materiales para una obra');
    expect(texts(back)).not.toMatch(/Hola de nuevo/);
    expect(texts(back)).toMatch(/correo/);
    expect(await runtime.hilo.storage.memory!.recall(TENANT, named.conversationId)).toBeNull();
  });

  if (mode !== 'memory') {
    it('should forget the profile when the contact is erased', { timeout: 60_000 }, async () => {
      runtime = await start();
      const sender = newSender('erased');
      const done = await confirmLead(runtime, sender, { name: 'Rosa Almonte', email: 'rosa@almonte.do' });
      const contactUuid = toContactRef(done.conversationId).contactUuid!;
      const res = await fetch(`http://127.0.0.1:${runtime.hilo.port}/api/tenants/${TENANT}/contacts/${contactUuid}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${runtime.hilo.demoApiKey}` },
      });
      expect(res.status).toBe(200);
      expect(await runtime.hilo.storage.memory!.recall(TENANT, done.conversationId)).toBeNull();
      // The same channel identity is a stranger now: no name, no lead.
      const back = await say(runtime, sender, 'hola');
      expect(back.conversationId).not.toBe(done.conversationId);
      expect(texts(back)).not.toMatch(/Rosa|L-\d{6}/);
      const rows = await runtime.hilo.storage.db!.em().execute<{ n: number }[]>(
        `select count(*)::int as n from contacts where tenant_id = ? and (display_name = ? or email = ?)`,
        [TENANT, 'Rosa Almonte', 'rosa@almonte.do'],
      );
      expect(rows[0]!.n).toBe(0);
    });
  }
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyActorRef, InspectionEvent } from 'xstate';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { persistedSnapshotOf } from '../../../src/actors/persisted-snapshot.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Conversations through most of the machine: answers, a quote, a lead form, an account check, a handoff with its ticket actor running, a close and reopen. */
const SCRIPTS: string[][] = [
  ['hola', 'tienen cemento?', 'el más barato', 'dame 10', 'cuanto seria todo?', 'sí', 'gracias', 'adiós', 'hola de nuevo'],
  ['quiero cotizar', 'cemento gris', 'y varilla de 3/8?', 'a que hora abren el sábado?', 'donde están ubicados?', 'hay ofertas?'],
  ['hi, I want to talk to sales about a big order for a hotel', 'John Miller', 'john@example.com', 'Hotel Caribe', 'construction materials', 'we need 500 bags of cement and rebar for a new wing', 'this month', 'yes'],
  ['quiero saber el balance de mi cuenta', '12345', 'no me acuerdo', 'quiero hablar con una persona', 'hola?'],
  ['pintura', 'azul', 'de galón', 'el cemento que me vendieron vino dañado, pésimo servicio'],
];

describe('persistedSnapshotOf', () => {
  it("should give exactly XState's getPersistedSnapshot (same JSON text) at every step of every conversation", async () => {
    let compared = 0;
    let withChildren = 0;
    const compare = (actor: AnyActorRef) => {
      const ours = JSON.stringify(persistedSnapshotOf(actor));
      const xstate = JSON.stringify(actor.getPersistedSnapshot());
      expect(ours).toBe(xstate);
      compared++;
      if (Object.keys((actor.getSnapshot() as { children: object }).children).length > 0) withChildren++;
    };
    const observer = (event: InspectionEvent) => {
      const actor = event.actorRef as AnyActorRef;
      if (event.type === '@xstate.snapshot' && actor.id.startsWith('conversation:')) compare(actor);
    };
    const { host } = createMemoryHost({ tenant, brain, host: { inspect: { observer, select: () => true } } });
    for (const [n, script] of SCRIPTS.entries()) for (const text of script) await sayTo(host, `persisted-${n}`, text);
    expect(compared).toBeGreaterThan(40);
    // The ticket and lead effects run as child actors: XState's own path is taken and compared too.
    expect(withChildren).toBeGreaterThan(0);
  });

  it('should keep the context object itself (no copy), as XState does for a context without actor references', async () => {
    let seen = 0;
    const observer = (event: InspectionEvent) => {
      const actor = event.actorRef as AnyActorRef;
      if (event.type !== '@xstate.snapshot' || !actor.id.startsWith('conversation:')) return;
      const persisted = persistedSnapshotOf(actor) as unknown as { context: unknown };
      expect(persisted.context).toBe((actor.getSnapshot() as { context: unknown }).context);
      seen++;
    };
    const { host } = createMemoryHost({ tenant, brain, host: { inspect: { observer, select: () => true } } });
    await sayTo(host, 'same-context', 'tienen cemento?');
    expect(seen).toBeGreaterThan(0);
  });
});

/**
 * Shared by the studio workflow tests: the estudio tenant's workflows as checked at load, a reading
 * as the estudio brain gives it, and a conversation actor driven one message at a time on a fixed
 * clock (Thursday 3 December 2026, 11:00 in Santo Domingo).
 */
import { readFileSync } from 'node:fs';
import { waitFor, type Actor } from 'xstate';
import type { Understanding } from '../../../src/domain/understanding.js';
import { AWAITING_INPUT, type ConversationEmitted } from '../../../src/machines/conversation.contract.js';
import type { conversationMachine } from '../../../src/machines/conversation.machine.js';
import { applyOptions, checkWorkflowSet, nextStep, type WorkflowRun, type WorkflowSet } from '../../../src/machines/workflow/index.js';
import { stateString } from '../machine/machine-harness.js';

export const TZ = 'America/Santo_Domingo';
/** Thursday 3 December 2026, 11:00 in Santo Domingo. */
export const NOW = Date.parse('2026-12-03T15:00:00Z');

/** `tenants/estudio/workflows.json`, checked as the tenant loader checks it. */
export function estudioWorkflows(): WorkflowSet {
  const checked = checkWorkflowSet(JSON.parse(readFileSync(new URL('../../../tenants/estudio/workflows.json', import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.value;
}

/** A reading as the estudio brain gives it: the tenant's label, over a built-in behaviour (none: not understood). */
export function studioReading(label: string | null, extra: Partial<Understanding> = {}): Understanding {
  const intent = label ? { name: 'store_hours_location' as const, confidence: 0.9, label } : { name: 'out_of_scope' as const, confidence: 0.2 };
  const lang = extra.lang ?? 'es';
  return { nlu: { intent, ranking: [intent], entities: [], lang }, lang, affirmation: null, leadFields: {}, products: [], critical: false, priority: 3, ...extra };
}

/** Sends one message at a time to a started conversation actor: what it said (texts or template keys), its state and context. */
export function sayingTo(actor: Actor<typeof conversationMachine>, firstSeq = 0) {
  let seq = firstSeq;
  return async (text: string) => {
    const said: string[] = [];
    const sub = actor.on('reply', (e: ConversationEmitted) => {
      if (e.type === 'reply') said.push('text' in e.reply ? e.reply.text : e.reply.template);
    });
    seq += 1;
    actor.send({ type: 'user.message', messageId: `m${seq}`, text, channel: 'web', receivedAt: `2026-12-03T15:00:${String(seq).padStart(2, '0')}.000Z` });
    const snapshot = await waitFor(actor, (s) => s.hasTag(AWAITING_INPUT), { timeout: 5_000 });
    sub.unsubscribe();
    return { said, state: stateString(snapshot.value), context: snapshot.context };
  };
}

/** A backend's answer to a load step (the path and query the runner asks). */
export type StudioBackend = (path: string, query: Record<string, string> | undefined) => unknown;

/**
 * The run with every option list it asks for loaded from `backend`, as the machine would before
 * asking: the run where it waits for the customer, and what the loads said.
 */
export function settleRun(run: WorkflowRun, backend: StudioBackend, lang: 'es' | 'en' = 'es'): { run: WorkflowRun; said: string[] } {
  const said: string[] = [];
  for (let step = nextStep(run); step.kind === 'load'; step = nextStep(run)) {
    const out = applyOptions(run, step.slot, step.request, backend(step.request.path, step.request.query), lang);
    run = out.run;
    said.push(...out.replies.map((r) => r.text));
  }
  return { run, said };
}

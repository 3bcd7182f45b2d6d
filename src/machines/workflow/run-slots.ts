import { keepUnchanged } from './run-moves.js';
import { narrowOptions, timesInPart } from './option-narrowing.js';
import type { OptionItem, WorkflowRun } from './run-types.js';
import type { WorkflowSlot } from './workflow-spec.js';

/** Setting, clearing and narrowing one slot of a run: the runner's small mutations of a run copy it owns. */

export function slotOf(run: WorkflowRun, name: string): WorkflowSlot {
  const slot = run.spec.slots.find((s) => s.name === name);
  if (!slot) throw new Error(`workflow ${run.spec.id}: no slot "${name}"`);
  return slot;
}

export function setSlot(run: WorkflowRun, name: string, item: OptionItem): void {
  if (run.narrowed?.[name]) {
    run.narrowed = { ...run.narrowed };
    delete run.narrowed[name];
  }
  run.values[name] = item.value;
  run.labels[name] = item.label;
  for (const [k, v] of Object.entries(item.keep ?? {})) run.values[k] = v;
  if (Object.values(run.spec.unchanged ?? {}).some((k) => item.keep?.[k] !== undefined)) keepUnchanged(run);
}

/** Clears a slot, its kept values and its check (loaded options stay: they are keyed by their request). */
export function clearSlot(run: WorkflowRun, name: string): void {
  delete run.values[name];
  delete run.labels[name];
  for (const k of Object.keys(slotOf(run, name).options?.keep ?? {})) delete run.values[k];
  run.checked = run.checked.filter((s) => s !== name);
}

/** Words that pick no option alone but point at a few (a category, several names): those are shown. */
export function narrow(run: WorkflowRun, slot: WorkflowSlot, words: string, items: readonly OptionItem[]): void {
  const few = narrowOptions(words, items, slot.options?.groups);
  if (few && few.length === 1) setSlot(run, slot.name, items.find((i) => i.value === few[0])!);
  else if (few) run.narrowed = { ...run.narrowed, [slot.name]: few };
}

/** The part of the day asked for, over the free times: the first or last one is taken, a part's times are shown. */
export function preferTimes(run: WorkflowRun, slotName: string, items: readonly OptionItem[]): void {
  const part = run.prefer?.[slotName];
  const narrowed = { ...run.narrowed };
  delete narrowed[slotName];
  run.narrowed = narrowed;
  if (!part || items.length === 0) return;
  if (part === 'earliest' || part === 'latest') {
    setSlot(run, slotName, part === 'earliest' ? items[0]! : items[items.length - 1]!);
    return;
  }
  const few = timesInPart(items.map((i) => i.value), part);
  if (few.length > 0) run.narrowed = { ...narrowed, [slotName]: few };
}


import type { AnyActorRef, Snapshot } from 'xstate';

/** The parts of a machine snapshot that `getPersistedSnapshot` keeps (XState v5). */
interface MachineSnapshotParts {
  status: string;
  output?: unknown;
  error?: unknown;
  value: unknown;
  historyValue?: Record<string, readonly { id: string }[]> | null;
  context: unknown;
  children: Record<string, unknown>;
}

/**
 * The persisted snapshot of a conversation actor, written once per turn: the same object
 * `actor.getPersistedSnapshot()` returns, without its walk of the whole context looking for actor
 * references. A conversation's context is plain data (the machine spawns nothing into it and keeps
 * no references to actors there), so that walk finds none and returns the context unchanged; it
 * cost ~5 % of an in-memory turn. An actor with children (an effect running) takes XState's own
 * path. `test/unit/actors/persisted-snapshot.test.ts` compares both on every turn of scripted
 * conversations, so an XState upgrade that changes the shape fails there.
 *
 * @example
 * const envelope = { ...rest, snapshot: persistedSnapshotOf(entry.actor) };
 */
export function persistedSnapshotOf(actor: AnyActorRef): Snapshot<unknown> {
  const snapshot = actor.getSnapshot() as MachineSnapshotParts;
  for (const _ in snapshot.children) return actor.getPersistedSnapshot() as Snapshot<unknown>;
  // Key order as XState writes it (status, output, error, value, historyValue, context, children),
  // so the JSON text is the same byte for byte.
  return {
    status: snapshot.status,
    output: snapshot.output,
    error: snapshot.error,
    value: snapshot.value,
    historyValue: serializeHistoryValue(snapshot.historyValue),
    context: snapshot.context,
    children: {},
  } as unknown as Snapshot<unknown>;
}

/** XState's own serialisation of history: the state nodes a history state remembers, by id. */
function serializeHistoryValue(historyValue: MachineSnapshotParts['historyValue']): Record<string, { id: string }[]> {
  const result: Record<string, { id: string }[]> = {};
  if (typeof historyValue !== 'object' || historyValue === null) return result;
  for (const key in historyValue) {
    const value = historyValue[key];
    if (Array.isArray(value)) result[key] = value.map((item: { id: string }) => ({ id: item.id }));
  }
  return result;
}

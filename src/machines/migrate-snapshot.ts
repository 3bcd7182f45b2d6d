import { MACHINE_VERSION } from './conversation.contract.js';

/**
 * Brings a persisted snapshot written by machine version `fromVersion` up to `MACHINE_VERSION`,
 * or returns `null` when it cannot: the host then restarts the conversation cleanly (the
 * transcript and records are kept; only the machine state starts over).
 *
 * Version 1 is the first, so there is nothing to migrate yet. Each future version that changes
 * the persisted shape bumps `MACHINE_VERSION` and adds exactly one step here, `n → n + 1`,
 * applied in order from `fromVersion`; a version without a step restarts cleanly.
 *
 * @example
 * const snapshot = migrateSnapshot(envelope.snapshot, envelope.machineVersion);
 * const actor = snapshot ? createActor(machine, { snapshot }) : createActor(machine, { input });
 */
export function migrateSnapshot(snapshot: unknown, fromVersion: number): unknown | null {
  if (fromVersion === MACHINE_VERSION) return snapshot;
  return null;
}

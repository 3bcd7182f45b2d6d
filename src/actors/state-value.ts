import { MACHINE_VERSION } from '../machines/conversation.contract.js';
import type { SnapshotEnvelope } from '../persistence/ports/snapshot-store.js';
import type { ConversationStateView } from './conversation-service.js';

/** The top-level state of a machine state value: `{ qualifying: 'collecting' }` → `"qualifying"`. */
export function topLevelState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value)[0] ?? '';
  return '';
}

/** `{ qualifying: 'collecting' }` → `"qualifying.collecting"`. */
export function flattenState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const inner = flattenState(v);
        return inner ? `${k}.${inner}` : k;
      })
      .join(',');
  }
  return '';
}

/** What a state view needs of a running actor's snapshot. */
interface LiveSnapshot {
  value: unknown;
  tags: Set<string>;
  context: unknown;
}

/** The state view of a conversation in memory, at the seq of its last persisted turn (`value`: `flattenState(snapshot.value)` when the caller has it already). */
export function liveStateView(snapshot: LiveSnapshot, seq: number, value: string = flattenState(snapshot.value)): ConversationStateView {
  return {
    value,
    tags: [...snapshot.tags].sort(),
    context: snapshot.context as Record<string, unknown>,
    machineVersion: MACHINE_VERSION,
    seq,
  };
}

/** The state view of a conversation not in memory, from a stored envelope (no tags: they need the machine); none: an empty view at seq 0. */
export function storedStateView(env: SnapshotEnvelope | null): ConversationStateView {
  const snap = env?.snapshot as { value?: unknown; context?: Record<string, unknown> } | undefined;
  return { value: flattenState(snap?.value), tags: [], context: snap?.context ?? {}, machineVersion: env?.machineVersion ?? MACHINE_VERSION, seq: env?.seq ?? 0 };
}

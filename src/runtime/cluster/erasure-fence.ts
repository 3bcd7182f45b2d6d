import { HiloError } from '../../kernel/errors.js';
import type { ErasureTombstones } from '../../persistence/ports/erasure-tombstones.js';
import type { TurnJournal } from '../../persistence/ports/turn-journal.js';

/**
 * The cluster's journal, refusing a turn of an erased conversation (harden19). The erasure writes
 * the Redis tombstone before it drops anything and asks the shard's owner to evict the
 * conversation after its running turn, so a turn that commits here normally finishes before the
 * erasure deletes the SQL rows. This check covers the owner that never heard the eviction (its
 * answer timed out, a paused member): its commit would write the transcript lines and the snapshot
 * copy back after the delete. One `EXISTS` per turn; the snapshot put checks the same tombstone
 * atomically in its script (`put-snapshot-2.lua`), so this commit can only follow a put that
 * itself ran before the tombstone.
 */
export function createErasureFencedJournal<J extends TurnJournal>(inner: J, tombstones: ErasureTombstones): J {
  return {
    ...inner,
    async commit(key, turn, envelope) {
      if (await tombstones.isErased(key)) throw new HiloError('HILO_ERR_CONVERSATION_ERASED');
      return inner.commit(key, turn, envelope);
    },
  };
}

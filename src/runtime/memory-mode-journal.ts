import type { Clock } from '../kernel/clock.js';
import type { MemoryConversationDirectory } from '../persistence/ports/conversation-directory.js';
import type { TurnJournal } from '../persistence/ports/turn-journal.js';
import type { OutboxQueue } from './outbox/index.js';

/** Channels whose replies reach the customer through the transcript (and live listeners), not the outbox. */
const TRANSCRIPT_CHANNELS = new Set(['web', 'rest']);

/**
 * The all-in-memory mode's journal: the base journal commits the turn, then the conversation list
 * notes it and replies for provider channels are queued through the typed outbox. The SQL journal
 * writes those rows inside the turn's statement; here a crash between commit and enqueue loses
 * them (documented in docs/channels.md).
 */
export function withMemoryModeOutbox(base: TurnJournal, deps: { queue: OutboxQueue; directory: MemoryConversationDirectory; clock: Clock }): TurnJournal {
  const { queue, directory, clock } = deps;
  return {
    async commit(key, turn, envelope) {
      const stored = await base.commit(key, turn, envelope);
      const at = turn.entries[turn.entries.length - 1]?.at ?? new Date(clock.now()).toISOString();
      directory.noteTurn(key, { phase: turn.phase, at, lastSeq: stored.reduce((m, r) => Math.max(m, r.seq), 0) });
      for (const r of stored) {
        if (r.direction !== 'out' || TRANSCRIPT_CHANNELS.has(r.channel)) continue;
        await queue.enqueue({
          kind: 'reply',
          tenantId: key.tenantId,
          conversationId: key.conversationId,
          payload: { messageId: r.messageId, seq: r.seq, channel: r.channel, text: r.text, ...(r.options ? { options: r.options } : {}), ...(turn.recipient && turn.recipient.channel === r.channel ? { recipient: turn.recipient.to } : {}) },
        });
      }
      return stored;
    },
    lastCommitted: (key) => base.lastCommitted(key),
  };
}

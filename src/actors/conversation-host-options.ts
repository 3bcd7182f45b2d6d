import type { InspectionEvent } from 'xstate';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { MediaReference } from '../domain/media.js';
import type { ConversationEmitted } from '../machines/conversation.contract.js';
import type { ContactDirectory } from '../persistence/ports/records.js';
import type { ConversationKey, SnapshotStore } from '../persistence/ports/snapshot-store.js';
import type { UnansweredTurns } from '../persistence/ports/unanswered-turns.js';
import type { TranscriptStore } from '../persistence/ports/transcript-store.js';
import type { TurnJournal } from '../persistence/ports/turn-journal.js';
import type { ComposeReplies } from './brain/llm/compose-replies.js';
import type { IdentityLinkOptions } from './identity/identity-linker.js';
import type { PhoneProof } from './identity/phone-proof.js';
import type { ContactMemoryPort } from './memory/contact-memory-port.js';
import type { TenantRuntime } from './tenant-runtime.js';
import type { ConversationUpdate } from './conversation-service.js';
import type { HostObserver } from './host-observer.js';

/**
 * What the host asks of the shard router (`src/runtime/shard-router.ts` implements it): the
 * conversation's shard, and this member's fencing epoch on it (null: another member owns it).
 */
export interface HostShardRouter {
  shardOf(tenantId: string, conversationId: string): number;
  ownership(shard: number): { epoch: number } | null;
}

export interface ConversationHostOptions {
  tenants: Map<string, TenantRuntime>;
  snapshots: SnapshotStore;
  transcripts: TranscriptStore;
  /**
   * Where turns are committed (step 2): `createSqlTurnJournal(db)`, or in memory
   * `createTranscriptTurnJournal(transcripts)` (src/persistence/memory/memory-turn-journal.ts).
   */
  journal: TurnJournal;
  /** A conversation idle this long gets a durable idle-close timer; undefined = no timer. */
  idleCloseMs?: number;
  contacts: ContactDirectory;
  router: HostShardRouter;
  clock: Clock;
  logger: Logger;
  /** Most actors kept in memory; the least recently used idle ones are passivated beyond it. */
  maxActiveActors?: number;
  /** An actor idle this long is passivated. */
  idleTimeoutMs?: number;
  /** A turn that has not reached `awaitingInput` by then fails with HILO_ERR_TURN_TIMEOUT. */
  turnTimeoutMs?: number;
  /** A customer turn still running after this long tells listeners the bot is typing (`typing-indicator.ts`; default 250, 0 = every turn at once). */
  typingDelayMs?: number;
  /** Snapshot TTL in the store (per tenant policy later); undefined = keep. */
  snapshotTtlSeconds?: number;
  /** Attaches an inspector (e.g. the Stately inspector) to the actors it selects. */
  inspect?: { observer: (event: InspectionEvent) => void; select: (key: ConversationKey) => boolean };
  /**
   * Cross-channel identity: when a customer gives a phone or email of another contact's thread, a
   * one-time code goes to that thread's channel; typed back here, it links this channel identity
   * to that thread. Without it (or without the directory's identity methods) nothing is linked.
   */
  identity?: IdentityLinkOptions;
  /** Booking phones proven by a WhatsApp code (`identity/phone-proof.ts`): a code typed back is checked (and masked) before the turn. */
  phoneProof?: PhoneProof;
  /**
   * Rewrites a customer turn's template replies as one answer (the LLM, `HILO_LLM_REPLIES=1`).
   * Called after rendering and before the commit; its deltas go to subscribers as `delta` updates
   * and only the text it resolves with is recorded. `null` keeps the template replies. Never
   * called for agent lines or while the conversation is in a handoff.
   */
  composeReplies?: ComposeReplies;
  /**
   * Long-term contact memory: a conversation started without a snapshot begins from what the
   * contact confirmed before (greeted by name, lead fields pre-filled), and a confirmed lead fills
   * the contact profile. Without it nothing is remembered between conversations.
   */
  memory?: ContactMemoryPort;
  /**
   * Called for every emitted `handoff.relay` (the agents' side), with the message's media
   * references, after the commit and before the turn is answered: a promise is awaited, so the
   * relay is queued by the time the channel acknowledges the message. A rejection is logged; the
   * turn stays committed.
   */
  onRelay?: (key: ConversationKey, relay: Extract<ConversationEmitted, { type: 'handoff.relay' }> & { media?: MediaReference[]; channel?: string }) => void | Promise<void>;
  /**
   * Called after each committed turn with the state it ended in (`handoff.waitingAgent`, `closed`,
   * ...) and whether an agent wrote in it (an agent message, from any side).
   */
  onTurnCommitted?: (key: ConversationKey, state: string, byAgent: boolean) => void;
  /**
   * Every live update published to this host's subscribers, also handed here (the clustered
   * runtime forwards them to the members holding the conversation's sockets). Absent: nothing.
   */
  onUpdate?: (key: ConversationKey, update: ConversationUpdate) => void;
  /** Metrics hook: each customer message's duration and outcome, each activation's duration. */
  observer?: HostObserver;
  /**
   * Where "this failed turn's replies were never answered" is marked (`UnansweredTurns`): Redis in
   * a durable deployment, so the first retry on any member answers them as new. Default: memory.
   */
  unansweredTurns?: UnansweredTurns;
}

export interface HostStats {
  active: number;
  activations: number;
  passivations: number;
  turns: number;
  turnFailures: number;
  restartsFromIncompatibleSnapshot: number;
  /** Turns whose journal write was completed on activation (after a crash or a failed write). */
  turnsCompletedOnActivation: number;
  /** Turns the journal refused for good (data it rejects): set aside so they never poison their conversation. */
  turnsQuarantined: number;
  idleCloses: number;
  /** Follow-up reminders sent by the idle timer to customers who left something unfinished. */
  reminders: number;
}


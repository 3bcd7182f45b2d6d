import type { NluResult } from '../../domain/nlu.js';
import type { Understanding, UnderstandInput } from '../../domain/understanding.js';

/**
 * The part of Hilo that reads customer messages. Two implementations: the offline rule brain
 * (default, deterministic) and the LLM brain.
 */
export interface Brain {
  readonly kind: 'rules' | 'llm';
  /** Reads one customer message in the context of what the conversation expects. */
  understand(input: UnderstandInput): Promise<Understanding>;
  /**
   * The same reading as `understand`, given at once, for a brain that needs no I/O (the rule
   * brain). With it the conversation machine reads a message in the step that received it instead
   * of invoking the `understand` actor (`provideReader`): one actor and one event fewer per turn.
   * A wrapper of a brain (metrics, analytics) must wrap this too, or leave it out; the rule brain's
   * is not enumerable, so `{ ...brain, understand }` leaves it out and its `understand` is asked.
   */
  readNow?(input: UnderstandInput): Understanding;
  /** Context-free NLU, for `POST /api/tenants/{t}/nlu/parse`. Synchronous and cheap. */
  parse(text: string): NluResult;
}

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
  /** Context-free NLU, for `POST /api/tenants/{t}/nlu/parse`. Synchronous and cheap. */
  parse(text: string): NluResult;
}

import type { Understanding } from '../../domain/understanding.js';
import { deepFreeze } from '../../kernel/freeze.js';
import type { ProductActorInput, ProductActorOutput, ProductFocus } from '../../machines/conversation.contract.js';

/** Answers kept per reading: enough for one reading asked with a few different foci. */
const PER_READING = 8;

/**
 * The catalog's answers already given, per reading object and the rest of the tool's input. The
 * product tool over the tenant's own catalog is a pure function of its input and the day (`dayOf`:
 * the offers it says end on a date; no other clock, no I/O),
 * and the rule brain hands out one frozen reading object per distinct (text, language,
 * expectation), which the machine keeps as `context.understanding`; so "¿tienen cemento?" asked by
 * the next customer, with the same product in focus or none, is answered from here. The reading
 * object is the key (a `WeakMap`: a reading the brain's cache dropped takes its answers with it;
 * an LLM's reading, new every time, never hits); inside, the language, intent, text, product in
 * focus (without the turn it was answered in, which the tool does not read) and estimate.
 * Answers are deeply frozen and handed out without a copy: the machine never changes its effects'
 * outputs in place.
 *
 * @example
 * const answer = cacheProductAnswers((input) => answerProduct(data, index, input, { text: input.text }));
 */
export function cacheProductAnswers(answer: (input: ProductActorInput) => ProductActorOutput, dayOf?: () => string): (input: ProductActorInput) => ProductActorOutput {
  const byReading = new WeakMap<Understanding, Map<string, ProductActorOutput>>();
  return (input) => {
    // The store's offers said with an answer end on a date: an answer is kept for its day only.
    const key = dayOf ? `${dayOf()}\u0000${inputKey(input)}` : inputKey(input);
    let answers = byReading.get(input.understanding);
    const known = answers?.get(key);
    if (known !== undefined) return known;
    const fresh = deepFreeze(answer(input));
    if (answers === undefined) byReading.set(input.understanding, (answers = new Map()));
    else if (answers.size >= PER_READING) answers.delete(answers.keys().next().value!);
    answers.set(key, fresh);
    return fresh;
  };
}

function inputKey(input: ProductActorInput): string {
  return `${input.lang}\u0000${input.intent}\u0000${input.text ?? '\u0001'}\u0000${input.focus ? focusKey(input.focus) : ''}\u0000${input.estimate ? JSON.stringify(input.estimate) : ''}\u0000${input.delivery ? `${input.delivery.place}\u0001${input.delivery.fee}\u0001${input.delivery.freeFrom ?? ''}` : ''}\u0000${input.placeSaid ?? ''}\u0000${input.quoteSent ?? ''}`;
}

function focusKey(focus: ProductFocus): string {
  const { turn: _turn, ...rest } = focus;
  return JSON.stringify(rest);
}

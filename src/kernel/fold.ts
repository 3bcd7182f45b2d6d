/**
 * Lower case with the accents dropped ("¿Cuánto CUESTA?" → "¿cuanto cuesta?"): every text rule's
 * first step, one definition for the brain, the machine's readers and the tools, so a word reads
 * the same everywhere. Combining marks of any script are dropped after canonical decomposition;
 * nothing else changes (punctuation, spaces and length otherwise as written).
 *
 * Cheap on the hot path: ASCII text (most chat messages) is only lower-cased, and the last text
 * folded is remembered, because one message is folded by a dozen readers in a turn.
 *
 * @example
 * foldAccents('Pintura Acrílica'); // 'pintura acrilica'
 */
export function foldAccents(text: string): string {
  if (text === lastText) return lastFold;
  const folded = ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
  lastText = text;
  lastFold = folded;
  return folded;
}

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
let lastText = '';
let lastFold = '';

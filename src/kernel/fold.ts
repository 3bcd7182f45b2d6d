import { rememberRecent } from './recent-texts.js';

/**
 * Lower case with the accents dropped ("¿Cuánto CUESTA?" → "¿cuanto cuesta?"): every text rule's
 * first step, one definition for the brain, the machine's readers and the tools, so a word reads
 * the same everywhere. Combining marks of any script are dropped after canonical decomposition;
 * nothing else changes (punctuation, spaces and length otherwise as written).
 *
 * Cheap on the hot path: ASCII text (most chat messages) is only lower-cased, and the last few
 * texts folded are remembered, because one message is folded by a dozen readers in a turn, in
 * between the catalog's names and the reply's lines (a one-text memo lost the message to them).
 *
 * @example
 * foldAccents('Pintura Acrílica'); // 'pintura acrilica'
 */
export function foldAccents(text: string): string {
  return foldRecent(text);
}

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;
const foldRecent = rememberRecent((text: string): string => (ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase()));

/** One weighted rule of the injection detector. */
import type { InjectionCategory } from '../injection-detector.js';

export interface Rule {
  signal: string;
  category: InjectionCategory;
  weight: number;
  /** Runs on a reading of the text (lower case, no accents, de-obfuscated). */
  test: (reading: string, original: string) => boolean;
  /** Counts only on a de-obfuscated reading (spaced, reversed, leet, ROT13…): the phrase is ordinary in plain text, telling when hidden. */
  hiddenOnly?: boolean;
}

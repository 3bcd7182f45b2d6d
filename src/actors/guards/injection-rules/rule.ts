/** One weighted rule of the injection detector. */
import type { InjectionCategory } from '../injection-detector.js';

export interface Rule {
  signal: string;
  category: InjectionCategory;
  weight: number;
  /** Runs on a reading of the text (lower case, no accents, de-obfuscated). */
  test: (reading: string, original: string) => boolean;
}

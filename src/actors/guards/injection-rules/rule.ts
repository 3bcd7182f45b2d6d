/** One weighted rule of the injection detector. */
/** The family of the strongest signal: what kind of attack it looks like (logged and audited). */
export type InjectionCategory =
  | 'override'
  | 'reveal'
  | 'roleplay'
  | 'fake_authority'
  | 'data_exfiltration'
  | 'price_tampering'
  | 'tool_forgery'
  | 'delimiter'
  | 'encoded'
  /** Only the n-gram scorer fired: it reads like the corpus's attacks, no pattern names it. */
  | 'other';

export interface Rule {
  signal: string;
  category: InjectionCategory;
  weight: number;
  /** Runs on a reading of the text (lower case, no accents, de-obfuscated). */
  test: (reading: string, original: string) => boolean;
  /** Counts only on a de-obfuscated reading (spaced, reversed, leet, ROT13…): the phrase is ordinary in plain text, telling when hidden. */
  hiddenOnly?: boolean;
}

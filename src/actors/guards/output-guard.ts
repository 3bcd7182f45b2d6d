import { randomBytes } from 'node:crypto';
import type { Lang } from '../../domain/nlu.js';

/**
 * The output guard: the last check on a brain's reply before it reaches a customer. It blocks
 * system-prompt leaks (the canary secret, long verbatim overlaps with the prompt) and other
 * customers' personal data, and fits the reply to the channel (WhatsApp: at most two short
 * paragraphs, `*bold*`; SMS: short, no markup; web: bounded length).
 */
export type OutputChannel = 'web' | 'whatsapp' | 'sms' | 'telegram';

export interface OtherCustomersData {
  emails?: readonly string[];
  phones?: readonly string[];
  accountNumbers?: readonly string[];
}

export interface OutputGuardOptions {
  systemPrompt: string;
  /** A random secret planted in the system prompt; it must never appear in a reply. */
  canary: string;
  channel: OutputChannel;
  /** Data of contacts other than the one in this conversation (e.g. found by tools) that must not leak. */
  otherCustomersData?: OtherCustomersData;
  /** Language of the safe reply used when the output is blocked. */
  lang?: Lang;
  /** Consecutive words shared with the system prompt that count as a leak (default 8). */
  overlapWords?: number;
}

export type OutputViolationKind = 'canary' | 'prompt_overlap' | 'other_customer_data' | 'format' | 'length';

export interface OutputGuardResult {
  action: 'allow' | 'rewrite' | 'block';
  /** What may be sent: the reply, its channel-fitted rewrite, or a safe reply when blocked. */
  text: string;
  violations: { kind: OutputViolationKind; detail: string }[];
}

export const SAFE_REPLY: Record<Lang, string> = {
  es: 'Disculpa, con eso no te puedo ayudar por aquí. ¿Te ayudo con algún producto, un precio o tu cuenta?',
  en: "Sorry, I can't help with that here. Can I help you with a product, a price or your account?",
};

const LIMITS: Record<OutputChannel, { maxChars: number; maxParagraphs: number; paragraphChars: number }> = {
  whatsapp: { maxChars: 700, maxParagraphs: 2, paragraphChars: 350 },
  sms: { maxChars: 320, maxParagraphs: 1, paragraphChars: 320 },
  telegram: { maxChars: 1_500, maxParagraphs: 4, paragraphChars: 600 },
  web: { maxChars: 1_200, maxParagraphs: 4, paragraphChars: 600 },
};

/**
 * @example
 * const checked = guardOutput(reply, { systemPrompt, canary, channel: 'whatsapp', otherCustomersData });
 * send(checked.text); if (checked.action === 'block') log.warn({ violations: checked.violations });
 */
export function guardOutput(text: string, options: OutputGuardOptions): OutputGuardResult {
  const violations: OutputGuardResult['violations'] = [];
  const blocked = (): OutputGuardResult => ({ action: 'block', text: SAFE_REPLY[options.lang ?? 'es'], violations });

  if (options.canary.length >= 6 && squash(text).includes(squash(options.canary))) {
    violations.push({ kind: 'canary', detail: 'the canary secret appears in the reply' });
  }
  const overlap = longestSharedRun(options.systemPrompt, text, options.overlapWords ?? 8);
  if (overlap > 0) violations.push({ kind: 'prompt_overlap', detail: `${overlap} consecutive words copied from the system prompt` });
  const leaked = otherCustomerData(text, options.otherCustomersData ?? {});
  if (leaked.length > 0) violations.push({ kind: 'other_customer_data', detail: `another customer's ${leaked.join(', ')}` });
  if (violations.length > 0) return blocked();

  const fitted = fitToChannel(text, options.channel);
  violations.push(...fitted.violations);
  return { action: fitted.violations.length > 0 ? 'rewrite' : 'allow', text: fitted.text, violations };
}

/** A fresh canary to plant in a system prompt (`HILO-CANARY-` + 16 hex digits). */
export function createCanary(): string {
  return `HILO-CANARY-${randomBytes(8).toString('hex')}`;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s\u200B-\u200D\uFEFF]+/g, '');
}

function words(s: string): string[] {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Length of the longest run of ≥ `n` consecutive words the reply shares with the prompt (0 if none). */
function longestSharedRun(prompt: string, reply: string, n: number): number {
  const p = words(prompt);
  const r = words(reply);
  if (p.length < n || r.length < n) return 0;
  const grams = new Set<string>();
  for (let i = 0; i + n <= p.length; i++) grams.add(p.slice(i, i + n).join(' '));
  let best = 0;
  let run = 0;
  for (let i = 0; i + n <= r.length; i++) {
    if (grams.has(r.slice(i, i + n).join(' '))) {
      run = run === 0 ? n : run + 1;
      best = Math.max(best, run);
    } else run = 0;
  }
  return best;
}

function otherCustomerData(text: string, data: OtherCustomersData): string[] {
  const found: string[] = [];
  const lower = text.toLowerCase();
  if ((data.emails ?? []).some((e) => e.trim() !== '' && lower.includes(e.trim().toLowerCase()))) found.push('email');
  // Phones compared on their last 10 digits, whatever the formatting ("809-555-1234", "+1 809 555 1234").
  const replyPhones = [...text.matchAll(/\+?\d[\d\s().-]{6,}\d/g)].map((m) => m[0].replace(/\D/g, '').slice(-10));
  const phones = (data.phones ?? []).map((p) => p.replace(/\D/g, '').slice(-10)).filter((p) => p.length >= 7);
  if (replyPhones.some((p) => phones.includes(p))) found.push('phone');
  const replyNumbers = [...text.matchAll(/\d[\d\s-]*\d|\d/g)].map((m) => m[0].replace(/\D/g, ''));
  const accounts = (data.accountNumbers ?? []).map((a) => a.replace(/\D/g, '')).filter((a) => a.length >= 4);
  if (replyNumbers.some((n) => accounts.includes(n))) found.push('account number');
  return found;
}

function fitToChannel(text: string, channel: OutputChannel): { text: string; violations: OutputGuardResult['violations'] } {
  const violations: OutputGuardResult['violations'] = [];
  const limits = LIMITS[channel];
  let out = text.replace(/\r\n/g, '\n').trim();

  if (channel === 'whatsapp' || channel === 'sms') {
    const before = out;
    out = out
      .replace(/^#{1,6}\s+/gm, '')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1: $2')
      .replace(/```[a-z]*\n?/g, '');
    out = channel === 'whatsapp' ? out.replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/__(.+?)__/g, '_$1_') : out.replace(/\*\*(.+?)\*\*|__(.+?)__|\*(\S[^*]*?)\*/g, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? '');
    if (out !== before) violations.push({ kind: 'format', detail: `markup adapted to ${channel}` });
  }

  let paragraphs = out.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (paragraphs.length > limits.maxParagraphs) {
    violations.push({ kind: 'format', detail: `${paragraphs.length} paragraphs, ${channel} allows ${limits.maxParagraphs}` });
    const head = paragraphs.slice(0, limits.maxParagraphs - 1);
    // The rest is folded into the last allowed paragraph (lists become one line).
    const tail = paragraphs.slice(limits.maxParagraphs - 1).join(' ').replace(/\s*\n\s*/g, ' ');
    paragraphs = [...head, tail];
  }
  const trimmed = paragraphs.map((p) => truncate(p, limits.paragraphChars));
  if (trimmed.some((p, i) => p !== paragraphs[i])) violations.push({ kind: 'length', detail: `paragraph longer than ${limits.paragraphChars} characters` });
  out = trimmed.join('\n\n');
  if (out.length > limits.maxChars) {
    out = truncate(out, limits.maxChars);
    violations.push({ kind: 'length', detail: `reply longer than ${limits.maxChars} characters` });
  }
  return { text: out, violations };
}

/** Cuts at the last sentence (or word) end that fits, and marks the cut. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const sentence = Math.max(slice.lastIndexOf('. '), slice.lastIndexOf('? '), slice.lastIndexOf('! '));
  if (sentence > max * 0.5) return slice.slice(0, sentence + 1);
  const space = slice.lastIndexOf(' ');
  return `${slice.slice(0, space > 0 ? space : slice.length)}…`;
}

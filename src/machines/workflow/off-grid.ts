import type { Lang } from '../../domain/nlu.js';
import type { OptionItem, WorkflowReply, WorkflowRun } from './run-types.js';
import { runText as text } from './run-text.js';
import { spokenTime } from './spoken-dates.js';

/**
 * A time asked that is no start of a slot ("justo después, 10:45" when bookings start on the hour
 * and the half hour): a receptionist says when appointments start and proposes the starts around
 * it, instead of "10:45 is already taken" (which it never was). The grid is read from the free
 * times themselves (the largest step dividing every start and the hour), so no tenant setting is
 * needed. Pure.
 */

export const OFF_GRID: Record<Lang, string> = {
  es: 'Las citas empiezan {step}, así que las {time} no es hora de inicio. Lo más cerca que tengo: *{nearest}*; ¿te sirve? Si no, elige otra hora:',
  en: "Appointments start {step}, so {time} isn't a start time. The nearest I have: *{nearest}*; does that work? If not, pick another time:",
};

const STEP_WORDS: Record<Lang, (step: number) => string> = {
  es: (step) => (step === 60 ? 'a la hora en punto' : step === 30 ? 'en punto o a la media hora' : `cada ${step} minutos`),
  en: (step) => (step === 60 ? 'on the hour' : step === 30 ? 'on the hour or the half hour' : `every ${step} minutes`),
};

const minutesOf = (hhmm: string): number | null => {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The minutes between slot starts, read from the free times (at most an hour); null when none is a time. */
export function slotStep(values: readonly string[]): number | null {
  const starts = values.map(minutesOf).filter((m): m is number => m !== null);
  return starts.length === 0 ? null : starts.reduce((g, m) => gcd(g, m), 60);
}

/**
 * The reply to a time between two slot starts: when they start and the free starts on either side
 * (the later one proposed: a yes takes it). Null when the time is on the grid (taken, not off it).
 */
export function offGridReply(run: WorkflowRun, slotName: string, asked: string, shown: readonly OptionItem[], lang: Lang): { reply: WorkflowReply; proposed: string } | null {
  const items = run.options[slotName]?.items ?? [];
  const at = minutesOf(asked);
  const step = slotStep(items.map((i) => i.value));
  if (at === null || step === null || step < 5 || at % step === 0) return null;
  const around = [Math.floor(at / step) * step, Math.ceil(at / step) * step].map(hhmm);
  const free = around.flatMap((v) => items.filter((i) => i.value === v));
  if (free.length === 0) return null;
  const nearest = free.map((i) => i.label).join(lang === 'es' ? ' o ' : ' or ');
  const said = text(run.spec.texts?.offGrid ?? OFF_GRID, lang, { step: STEP_WORDS[lang](step), time: spokenTime(asked, lang) ?? asked, nearest }, run);
  const options = (shown.length > 0 ? shown : free).map((i) => ({ label: i.label, text: i.label }));
  return { reply: { text: said, options }, proposed: free.at(-1)!.value };
}

import type { Lang } from '../../domain/nlu.js';
import { money, nest, oneOClock, pick, placeholder, siblingCurrency } from './run-values.js';
import { spokenValue } from './spoken-dates.js';
import { localOf, type WorkflowOperation, type WorkflowText } from './workflow-spec.js';
import type { ResolvedOperation, RunContext, WorkflowRun } from './run-types.js';

/** Filling the runner's texts and option labels: placeholders, money, spoken dates and times. Pure. */

/** An option's label from a backend item; its dates and times are spoken ("BV-1001 · viernes 4 de diciembre, 3:00 p. m."). */
export function fillFrom(template: string, item: unknown, lang: Lang, timeZone: string): string {
  return oneOClock(template.replace(/\{([^{}]+)\}/g, (_m, token: string) => {
    const { name, filter } = placeholder(token);
    const v = pick(item, name);
    if (filter === 'money') return money(v, pick(item, siblingCurrency(name)));
    return typeof v === 'string' ? spokenValue(v, lang, timeZone) : typeof v === 'number' ? String(v) : '';
  }), lang);
}

export function lookup(name: string, run: WorkflowRun, contact: RunContext['contact'], extra: Record<string, unknown>, shown: boolean): string {
  if (name.startsWith('contact.')) return contact?.[name.slice('contact.'.length) as 'name' | 'phone' | 'email'] ?? run.values[name] ?? '';
  const root = name.split('.')[0]!;
  if (Object.hasOwn(extra, root)) {
    const v = name === root ? extra[root] : pick(extra[root], name.slice(root.length + 1));
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  }
  return (shown ? run.labels[name] : undefined) ?? run.values[name] ?? '';
}

/**
 * A customer-facing text in `lang`, placeholders filled with what is shown (labels before raw
 * values); dates, times and instants are spoken in the run's time zone ("el viernes 4 de diciembre
 * a las 3:00 p. m.", not "el 2026-12-04 a las 15:00").
 */
export function runText(local: WorkflowText, lang: Lang, extra: Record<string, unknown>, run: WorkflowRun): string {
  const template = localOf(local)[lang];
  return oneOClock(template.replace(/\{([^{}]+)\}/g, (m, token: string, at: number) => {
    const { name, filter } = placeholder(token);
    // "{staff|with}": " con Yokasta Mercedes" when someone was named, nothing when not.
    if (filter === 'with') {
      const who = lookup(name, run, null, extra, true);
      return who === '' ? '' : `${lang === 'es' ? ' con' : ' with'} ${who}`;
    }
    const shown =
      filter === 'money'
        ? money(lookup(name, run, null, extra, false), lookup(siblingCurrency(name), run, null, extra, false) || undefined)
        : spokenValue(lookup(name, run, null, extra, true), lang, run.timeZone);
    // "a las {time}." with "3:00 p. m." ends the sentence once, not with "m..".
    return shown.endsWith('.') && template[at + m.length] === '.' ? shown.slice(0, -1) : shown;
  }), lang);
}

/** Fills a connector operation's placeholders; values in the path are URL-encoded. */
export function resolveOperation(op: WorkflowOperation, run: WorkflowRun, contact?: RunContext['contact']): ResolvedOperation {
  const value = (name: string) => lookup(name, run, contact, {}, false);
  const fill = (s: string, encode: boolean) => s.replace(/\{([^{}]+)\}/g, (_m, name: string) => (encode ? encodeURIComponent(value(name)) : value(name)));
  const mapValues = (r: Record<string, string> | undefined) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fill(v, false)])) : undefined);
  // A query parameter from a slot left empty (a staff member never named) is not sent at all.
  const query = op.query ? Object.fromEntries(Object.entries(mapValues(op.query)!).filter(([, v]) => v !== '')) : undefined;
  const body = op.body ? nest(mapValues(op.body)!) : undefined;
  return { method: op.method, path: fill(op.path, true), ...(query ? { query } : {}), ...(body ? { body } : {}) };
}

export function requestKey(op: ResolvedOperation): string {
  return JSON.stringify([op.method, op.path, op.query ?? {}, op.body ?? {}]);
}

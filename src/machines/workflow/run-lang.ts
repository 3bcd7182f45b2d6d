import type { Lang } from '../../domain/nlu.js';
import type { WorkflowRun } from './run-types.js';

/**
 * Every customer-facing word of a run follows the customer's language: the options were loaded
 * with their labels in both languages (`local`), so a customer who switches to English mid-booking
 * sees "3:00 PM" and "Haircut and blow-dry", not the Spanish labels of the moment they were
 * loaded. Returns the run itself when it already speaks `lang`. Pure.
 */
export function inLang(run: WorkflowRun, lang: Lang): WorkflowRun {
  if ((run.lang ?? lang) === lang && run.lang !== undefined) return run;
  const options: WorkflowRun['options'] = {};
  const labels = { ...run.labels };
  for (const [slot, loaded] of Object.entries(run.options)) {
    const items = loaded.items.map((i) => {
      const label = i.local?.[lang];
      return label && label !== i.label ? { ...i, label, aliases: [...new Set([i.label, ...(i.aliases ?? [])])] } : i;
    });
    options[slot] = { ...loaded, items };
    const chosen = items.find((i) => i.value === run.values[slot]);
    if (chosen && labels[slot] !== undefined) labels[slot] = chosen.label;
  }
  return { ...run, options, labels, lang };
}

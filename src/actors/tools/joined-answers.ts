/**
 * Several store topics asked in one message ("¿dónde están y a qué hora abren?"): each topic's
 * answer ends with its own question ("¿Te comparto la dirección?"), which the next answer makes
 * moot (the addresses follow). Only the last answer keeps its question, and its offer; the ones
 * before it are said without theirs.
 */
import type { Lang } from '../../domain/nlu.js';
import type { ReplyTemplates } from '../../domain/tenant.js';
import type { ChoiceOption } from '../../domain/understanding.js';
import type { ReplyDirective } from '../../machines/conversation.contract.js';
import { renderReply } from '../render-reply.js';
import { allMatches } from '../../kernel/all-matches.js';

/** One topic's answer and the offer it made (a yes takes it). */
export interface TopicAnswer {
  replies: ReplyDirective[];
  offer?: ChoiceOption;
}

/**
 * The text without its closing question: "…\n\n¿Te ayudo con algo más?" → "…", "…sucursales de La
 * Romana. ¿A cuál de estas zonas te lo enviaríamos?" → "…sucursales de La Romana." A text that does
 * not end with a question is returned as it is.
 */
export function withoutClosingQuestion(text: string): string {
  const t = text.trimEnd();
  if (!t.endsWith('?')) return text;
  const body = t.slice(0, -1);
  // Where the question starts: its "¿", a new line, or the end of the sentence before it.
  let start = Math.max(body.lastIndexOf('¿'), body.lastIndexOf('\n'));
  for (const m of allMatches(body, /[.!:)](?=\s)/g)) if (m.index + 1 > start) start = m.index + 1;
  const kept = t.slice(0, Math.max(start, 0)).trimEnd();
  if (kept === '') return text;
  // "…lo puede revisar contigo: ¿quieres que te pase?" → "…lo puede revisar contigo."
  return /[:,]$/.test(kept) ? `${kept.slice(0, -1)}.` : kept;
}

/** A delivery answer about one place (served, served inside a zone, not served, unknown). */
const PLACED_DELIVERY = new Set(['info.delivery.zone', 'info.delivery.place', 'info.delivery.notServed', 'info.delivery.unknown', 'info.delivery.eta']);

/** The topics' answers as one: each but the last without its closing question or buttons; the last one's offer. */
export function joinTopicAnswers(all: readonly TopicAnswer[], templates: ReplyTemplates, lang: Lang): TopicAnswer {
  // "¿hacen delivery? vivo en Caleta": the place's own delivery answers the first question too; every zone's list would say it twice.
  const placed = all.some((a) => a.replies.some((r) => 'template' in r && PLACED_DELIVERY.has(r.template)));
  const kept = placed ? all.filter((a) => !a.replies.every((r) => 'template' in r && r.template === 'info.delivery')) : all;
  // "¿hacen llaves? copia de llaves": two topics with one answer say it once (the later one, with its question).
  const body = (a: TopicAnswer): string => a.replies.map((r) => withoutClosingQuestion(renderReply(r, templates, lang))).join('\n');
  const answers = kept.length <= 1 ? kept : kept.filter((a, i) => !kept.slice(i + 1).some((later) => body(later) === body(a)));
  if (answers.length <= 1) return answers[0] ?? { replies: [] };
  const last = answers[answers.length - 1] as TopicAnswer;
  const before = answers.slice(0, -1).flatMap((a) => a.replies.map((r): ReplyDirective => ({ text: withoutClosingQuestion(renderReply(r, templates, lang)) })));
  return { replies: [...before, ...last.replies], ...(last.offer ? { offer: last.offer } : {}) };
}

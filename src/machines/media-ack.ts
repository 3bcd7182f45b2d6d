import { mediaAckKind, type MediaKind } from '../domain/media.js';
import type { Expectation } from '../domain/understanding.js';
import type { ReplyDirective } from './conversation.contract.js';
import type { LeadState } from './lead-draft.js';
import { formParams, formText, isBrainForm, slotPrompt } from './workflow/brain-form.js';
import type { WorkflowRun } from './workflow/workflow-runner.js';

/** The kinds a media acknowledgement has its own words for (a voice note reads like audio). */
const ACK_KINDS = ['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts'] as const;

/**
 * Every template key the media acknowledgement emits; each tenant's `templates/media.json` defines
 * them in every language (a test checks the demo tenant). None takes parameters.
 * `media.received.<kind>`: thanks, it is kept, and what do you need (a photo: which product is it?).
 * `media.kept.<kind>`: thanks, it is kept for the team — followed by the question still open.
 */
export const MEDIA_TEMPLATE_KEYS: readonly string[] = [
  ...ACK_KINDS.map((k) => `media.received.${k}`),
  ...ACK_KINDS.map((k) => `media.kept.${k}`),
  'media.reask.account_id',
  'media.reask.account_verification',
];

/** What the acknowledgement needs from the machine's context. */
export interface MediaAckContext {
  lead: LeadState;
  expecting: Expectation;
  lang?: 'es' | 'en';
  /** The form read by the brain whose question is pending (its spec gives the texts). */
  workflow?: WorkflowRun | null;
}

/** When media was last acknowledged: the customer's text-message count then, the time and what it was. */
export interface MediaAck {
  turn: number;
  /** ISO time. */
  at: string;
  /** The burst's class ({@link burstClass}). Absent in older snapshots: any media continues such a burst. */
  of?: string;
}

/** Media arriving this soon after the last acknowledged one, with no text between, is one album. */
export const MEDIA_BURST_MS = 2 * 60_000;

/**
 * What a burst is made of: photos and videos are one gallery; a voice note, a document, a place or
 * a contact is each its own thing. A voice note after a photo is a question the bot cannot hear,
 * not one more picture of the album, so it gets its own answer ("I can't listen to audio yet").
 */
export function burstClass(kind: MediaKind): string {
  const k = mediaAckKind(kind);
  return k === 'image' || k === 'video' ? 'visual' : k;
}

/**
 * True when this media continues a burst already thanked for: no customer text since (the same
 * `turn`), within `MEDIA_BURST_MS` of it, and of the same class — or a sticker, which asks nothing.
 * Four photos of a broken part get one answer, not four; a voice note after them gets its own.
 */
export function isMediaBurst(last: MediaAck | null | undefined, turn: number, receivedAt: string, kind?: MediaKind): boolean {
  if (!last || last.turn !== turn) return false;
  if (kind !== undefined && last.of !== undefined && kind !== 'sticker' && burstClass(kind) !== last.of) return false;
  const gap = Date.parse(receivedAt) - Date.parse(last.at);
  return Number.isFinite(gap) && gap >= 0 && gap <= MEDIA_BURST_MS;
}

const reply = (template: string, params?: Record<string, string>): ReplyDirective => (params ? { template, params } : { template });

/**
 * The bot's answer to a photo, voice note, document... it cannot read, outside a handoff. It never
 * counts as a misunderstanding: the customer did nothing wrong. With a question pending (a lead
 * field, the lead summary, an account number) the media is acknowledged as kept and the question
 * is asked again, so the conversation does not lose its thread; otherwise the customer is asked
 * what they need (for a photo: which product it is).
 */
export function mediaAcknowledgement(kind: MediaKind, context: MediaAckContext, options: { reaskLead?: boolean } = {}): ReplyDirective[] {
  const { reaskLead = true } = options;
  const k = mediaAckKind(kind);
  const { lead, expecting } = context;
  const spec = context.workflow && isBrainForm(context.workflow.spec) ? context.workflow.spec : null;
  const lang = context.lang ?? 'es';
  if (spec) {
    // From routing (a caption nobody could read) the form asks its open question itself.
    if (!reaskLead && (lead.status === 'confirming' || (lead.status === 'collecting' && lead.asking))) return [reply(`media.kept.${k}`)];
    if (lead.status === 'confirming' && spec.confirm) return [reply(`media.kept.${k}`), formText(spec.confirm, lang, formParams(spec, lead.draft))];
    const asked = lead.status === 'collecting' && lead.asking ? slotPrompt(spec, lead.asking) : null;
    if (asked) return [reply(`media.kept.${k}`), formText(asked, lang)];
  }
  if (expecting.kind === 'account_id' || expecting.kind === 'account_verification') return [reply(`media.kept.${k}`), reply(`media.reask.${expecting.kind}`)];
  return [reply(`media.received.${k}`)];
}

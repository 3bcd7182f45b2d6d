import type { UiMessage } from './messages.js';

/** A bot reply while the model writes it (from `delta` frames); the recorded `message` replaces it. */
export interface Draft {
  replyId: string;
  text: string;
}

/** Appends a delta to its draft (a new draft when unknown); `reset` drops the text shown so far. */
export function applyDelta(drafts: readonly Draft[], delta: { replyId: string; text: string; reset?: boolean }): Draft[] {
  const found = drafts.some((d) => d.replyId === delta.replyId);
  if (!found) return [...drafts, { replyId: delta.replyId, text: delta.text }];
  return drafts.map((d) => (d.replyId === delta.replyId ? { replyId: d.replyId, text: delta.reset ? delta.text : d.text + delta.text } : d));
}

/** Drafts without the ones whose recorded message arrived (same id). */
export function settleDrafts(drafts: readonly Draft[], recordedIds: readonly string[]): Draft[] {
  return drafts.filter((d) => !recordedIds.includes(d.replyId));
}

/** Rows for the message list, after the recorded messages (`d:` keys never collide with `m:`/`c:`). */
export function draftRows(drafts: readonly Draft[]): UiMessage[] {
  return drafts.filter((d) => d.text !== '').map((d) => ({ key: `d:${d.replyId}`, seq: null, author: 'bot', text: d.text, status: 'sent' }));
}

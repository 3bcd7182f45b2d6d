import type { WireAuthor, WireLang, WireMessage, WireOption } from '../../src/channels/widget/protocol.js';

export type MessageStatus = 'pending' | 'sent' | 'error';

/** One row of the message list: a recorded message, a local one awaiting its ack, or a notice. */
export interface UiMessage {
  /** Stable render key: `m:<server id>` or `c:<clientMessageId>` (kept after the ack). */
  key: string;
  /** Transcript sequence number; null until the server recorded the message. */
  seq: number | null;
  author: WireAuthor | 'system';
  text: string;
  agentName?: string;
  status: MessageStatus;
  /** Set on messages typed in this page view. */
  clientMessageId?: string;
  /** Error shown inline under a failed message, or the notice text. */
  error?: string;
  /**
   * The server is working on this pending message (typing, or streaming a reply): "sending…" is no
   * longer shown, but it is still sent again after a reconnect until its ack arrives.
   */
  received?: boolean;
  /** The server's error code behind `error` (the widget words the known ones in the UI's language). */
  errorCode?: string;
  /** Choices offered with a bot message (buttons while it is the latest). */
  options?: WireOption[];
  /** The conversation's language when a bot or agent message was written. */
  lang?: WireLang;
}

/** Pending customer messages the server is visibly working on (typing or streaming a reply). */
export function markReceived(messages: readonly UiMessage[], received: boolean): UiMessage[] {
  let changed = false;
  const out = messages.map((m) => {
    if (m.status !== 'pending' || (m.received ?? false) === received) return m;
    changed = true;
    const copy: UiMessage = { ...m };
    if (received) copy.received = true;
    else delete copy.received;
    return copy;
  });
  return changed ? out : (messages as UiMessage[]);
}

/** Language-neutral marks for what a customer sent from another channel (the bytes stay there). */
const MEDIA_MARKS: Record<string, string> = { image: '📷', audio: '🎵', voice: '🎙️', video: '🎬', document: '📄', sticker: '🖼️', location: '📍', contacts: '👤' };

/** A message's text with one line per media item it came with: `📄 factura.pdf`, `📷`. */
export function withMediaLines(message: WireMessage): string {
  const media = Array.isArray(message.media) ? message.media.filter((m) => m && typeof m.kind === 'string') : [];
  const lines = media.map((m) => [MEDIA_MARKS[m.kind] ?? '📎', typeof m.fileName === 'string' ? m.fileName : ''].join(' ').trim());
  return [message.text, ...lines].filter((l) => l.trim() !== '').join('\n');
}

export function fromWire(message: WireMessage): UiMessage {
  const ui: UiMessage = {
    key: `m:${message.id}`,
    seq: message.seq,
    author: message.author,
    // A photo or voice note sent on WhatsApp/Telegram (a linked thread) shows as a mark, never empty.
    text: withMediaLines(message),
    status: 'sent',
  };
  if (message.agentName) ui.agentName = message.agentName;
  if (message.lang === 'es' || message.lang === 'en') ui.lang = message.lang;
  const options = Array.isArray(message.options)
    ? message.options.filter((o) => o && typeof o.label === 'string' && typeof o.text === 'string' && o.label.trim() !== '' && o.text.trim() !== '')
    : [];
  if (options.length > 0) ui.options = options.map((o) => ({ label: o.label, text: o.text }));
  return ui;
}

/** A message the customer just typed, not yet acknowledged. */
export function localMessage(clientMessageId: string, text: string): UiMessage {
  return { key: `c:${clientMessageId}`, seq: null, author: 'customer', text, status: 'pending', clientMessageId };
}

/** Highest `seq` shown (0 when none): what `hello.lastSeq` reports after a reconnect. */
export function highestSeq(messages: readonly UiMessage[]): number {
  let max = 0;
  for (const m of messages) if (m.seq !== null && m.seq > max) max = m.seq;
  return max;
}

function insertBySeq(list: UiMessage[], message: UiMessage & { seq: number }): void {
  // Recorded messages come before the customer's unrecorded ones (those will get later seqs) and
  // before any later recorded message; usually that means appending.
  const index = list.findIndex((m) => (m.seq !== null ? m.seq > message.seq : m.author === 'customer'));
  if (index === -1) list.push(message);
  else list.splice(index, 0, message);
}

/**
 * Merges recorded messages (history after a reconnect, or one live message) into the list.
 * A `seq` already shown is skipped, so replays are harmless. A recorded customer message whose text
 * matches a local one still without `seq` is that same message (its echo, or history that raced the
 * ack): the local row takes the recorded `seq` instead of appearing twice.
 */
export function mergeMessages(current: readonly UiMessage[], incoming: readonly WireMessage[]): UiMessage[] {
  const list = current.slice();
  const seen = new Set<number>();
  for (const m of list) if (m.seq !== null) seen.add(m.seq);
  for (const wire of incoming) {
    if (!Number.isInteger(wire.seq) || seen.has(wire.seq)) continue;
    seen.add(wire.seq);
    if (wire.author === 'customer') {
      const text = wire.text.trim();
      const index = list.findIndex(
        (m) => m.author === 'customer' && m.seq === null && m.status !== 'error' && m.text.trim() === text,
      );
      const local = index === -1 ? undefined : list[index];
      if (local) {
        list[index] = { ...local, seq: wire.seq, status: 'sent' };
        continue;
      }
    }
    insertBySeq(list, { ...fromWire(wire), seq: wire.seq });
  }
  return list;
}

/** Marks a local message as recorded as `seq`; drops a copy of that `seq` that arrived first. */
export function applyAck(current: readonly UiMessage[], clientMessageId: string, seq: number, recordedText?: string): UiMessage[] {
  if (!current.some((m) => m.clientMessageId === clientMessageId)) return current.slice();
  return current
    .filter((m) => m.clientMessageId === clientMessageId || m.seq !== seq)
    // `recordedText`: what the server kept (a card number masked) replaces what was typed.
    .map((m) => (m.clientMessageId === clientMessageId ? { ...m, seq, status: 'sent' as const, error: undefined, ...(recordedText !== undefined ? { text: recordedText } : {}) } : m))
    .map(stripUndefined);
}

/** Marks a local message as failed with the server's explanation (and its code, when known). */
export function applyFailure(current: readonly UiMessage[], clientMessageId: string, error: string, errorCode?: string): UiMessage[] {
  return current.map((m) =>
    m.clientMessageId === clientMessageId && m.seq === null ? { ...m, status: 'error' as const, error, ...(errorCode ? { errorCode } : {}) } : m,
  );
}

/**
 * Puts a failed message back in the queue under the same client id. The server keys the message on
 * it: when the failure left nothing recorded the retry runs the turn, and when the turn did run (a
 * timeout, a reply stored late) the retry is answered with it instead of running it a second time.
 */
export function applyRetry(current: readonly UiMessage[], clientMessageId: string): UiMessage[] {
  return current.map((m) => {
    if (m.clientMessageId !== clientMessageId || m.status !== 'error') return m;
    const { error: _error, errorCode: _code, ...rest } = m;
    return { ...rest, status: 'pending' as const };
  });
}

/** Messages waiting for an ack, oldest first: what to (re)send once `welcome` arrives. */
export function pendingMessages(messages: readonly UiMessage[]): Array<{ clientMessageId: string; text: string }> {
  const out: Array<{ clientMessageId: string; text: string }> = [];
  for (const m of messages) {
    if (m.status === 'pending' && m.seq === null && m.clientMessageId) out.push({ clientMessageId: m.clientMessageId, text: m.text });
  }
  return out;
}

function stripUndefined(m: UiMessage): UiMessage {
  if (m.error === undefined && 'error' in m) {
    const { error: _error, ...rest } = m;
    return rest;
  }
  return m;
}

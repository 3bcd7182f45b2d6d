export interface FormatOptions {
  /** Hard limit in characters (WhatsApp text body: 4096; Telegram: 4096; Twilio WhatsApp: 1600). */
  maxLength: number;
  /** At most this many paragraphs (blank-line separated) go out in one message. */
  maxParagraphs?: number;
  /** Markdown `**bold**` becomes WhatsApp `*bold*`. */
  boldStyle: 'whatsapp' | 'plain';
}

/**
 * Renders reply text for a chat channel: WhatsApp bold, at most two paragraphs, and a length cut
 * on a word boundary with an ellipsis (never in the middle of a surrogate pair).
 */
export function formatChannelText(text: string, { maxLength, maxParagraphs = 2, boldStyle }: FormatOptions): string {
  let out = text.replace(/\r\n?/g, '\n');
  out = boldStyle === 'whatsapp' ? out.replace(/\*\*(.+?)\*\*/gs, '*$1*').replace(/__(.+?)__/gs, '_$1_') : out.replace(/\*\*(.+?)\*\*/gs, '$1');
  const paragraphs = out
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  out = paragraphs.slice(0, maxParagraphs).join('\n\n');
  const chars = Array.from(out);
  if (chars.length <= maxLength) return out;
  const cut = chars.slice(0, Math.max(0, maxLength - 1)).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.trimEnd()}…`;
}

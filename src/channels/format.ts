export interface FormatOptions {
  /** Hard limit in characters (WhatsApp text body: 4096; Telegram: 4096; Twilio WhatsApp: 1600). */
  maxLength: number;
  /** At most this many paragraphs (blank-line separated) go out in one message. */
  maxParagraphs?: number;
  /** Markdown `**bold**` becomes WhatsApp `*bold*`. */
  boldStyle: 'whatsapp' | 'plain';
}

/** A choice offered with a reply; text channels show it as a numbered line. */
export interface ChannelOption {
  label: string;
  text: string;
}

/** "1. Cemento gris\n2. Cemento blanco": the customer answers with the number or the words. */
export function numberedOptions(options: readonly ChannelOption[]): string {
  return options.map((o, i) => `${i + 1}. ${o.label.replace(/\s+/g, ' ').trim()}`).join('\n');
}

/**
 * Renders reply text for a chat channel: WhatsApp bold, at most two paragraphs, and a length cut
 * on a word boundary with an ellipsis (never in the middle of a surrogate pair). A reply's options
 * follow as numbered lines ("1. …"), after the paragraph limit and inside the length limit.
 */
export function formatChannelText(text: string, { maxLength, maxParagraphs = 2, boldStyle }: FormatOptions, options: readonly ChannelOption[] = []): string {
  // The options are part of the answer: they are never cut nor counted as a paragraph, and the
  // text gives up room for them.
  if (options.length > 0) {
    const list = numberedOptions(options);
    const room = maxLength - Array.from(list).length - 2;
    if (room >= Math.min(40, maxLength / 2)) return `${formatChannelText(text, { maxLength: room, maxParagraphs, boldStyle })}\n\n${list}`.trimStart();
  }
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

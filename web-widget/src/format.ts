const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

// Runs on already-escaped text: a URL stops at whitespace and at any escaped markup character,
// so a quote or angle bracket can never end up inside the href.
const URL_RE = /\bhttps?:\/\/(?:(?!&(?:lt|gt|quot|#39);)[^\s\u0000])+/gi;
// `*` and `_` too: a link at the end of an emphasised phrase must not swallow the closing marker.
const TRAILING_PUNCTUATION_RE = /[.,;:!?)\]*_]+$/;
// WhatsApp-style emphasis: the marker hugs non-space text and is not part of a word.
const BOLD_RE = /(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g;
const ITALIC_RE = /(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g;
// Placeholders keep links safe from the emphasis rules (URLs often contain "_").
const PLACEHOLDER_RE = /\u0000(\d+)\u0000/g;

/**
 * Turns a message text into safe HTML: everything is escaped first, then `*bold*` → `<strong>`,
 * `_italic_` → `<em>`, http(s) URLs → links (`target="_blank" rel="noopener noreferrer"`),
 * line breaks → `<br>`. Only these tags can appear in the output.
 *
 * @example formatMessage('*Cemento* <b>') // '<strong>Cemento</strong> &lt;b&gt;'
 */
export function formatMessage(text: string): string {
  // NUL is our placeholder delimiter; no real message needs it.
  let html = escapeHtml(text.replace(/\u0000/g, ''));
  const links: string[] = [];
  html = html.replace(URL_RE, (match) => {
    const trailing = TRAILING_PUNCTUATION_RE.exec(match)?.[0] ?? '';
    let url = match.slice(0, match.length - trailing.length);
    // Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
    let rest = trailing;
    if (rest.startsWith(')') && url.includes('(') && !url.includes(')')) {
      url += ')';
      rest = rest.slice(1);
    }
    links.push(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
    return `\u0000${links.length - 1}\u0000${rest}`;
  });
  html = html
    .replace(BOLD_RE, '$1<strong>$2</strong>')
    .replace(ITALIC_RE, '$1<em>$2</em>')
    .replace(/\r\n|\r|\n/g, '<br>');
  return html.replace(PLACEHOLDER_RE, (_m, index: string) => links[Number(index)] ?? '');
}

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
  // NUL and SOH are our placeholder delimiters; no real message needs them.
  let html = escapeHtml(text.replace(/[\u0000\u0001]/g, ''));
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
  return wrapTokens(html.replace(PLACEHOLDER_RE, (_m, index: string) => links[Number(index)] ?? ''));
}

// Ticket and lead numbers (T-000123, L-000001) and phone numbers read as one word: never split.
const UNBREAKABLE_RE = /\b(?:[A-Z]{1,4}-\d{3,}|\d{3}-\d{3}-\d{4})\b/g;
/** A run this long (an e-mail, a URL, an SKU list) gets break points after its separators. */
const LONG_TOKEN = 16;
const LONG_TOKEN_RE = new RegExp(`[^\\s<>]{${LONG_TOKEN},}`, 'g');
const BREAK_AFTER_RE = /([@._/-])(?=[^\s@._/-])/g;

/**
 * Line-break hints on formatted HTML, in text only (never inside a tag or an attribute): short ids
 * and phone numbers are kept whole (`<span class="nw">`), and long tokens get `<wbr>` after
 * `@ . _ / -`, so an e-mail wraps as "maria.fernandez@" / "constructoracaribe.do" rather than at
 * an arbitrary letter. The stylesheet's `overflow-wrap: anywhere` remains the last resort.
 *
 * @example wrapTokens('T-000123') // '<span class="nw">T-000123</span>'
 */
export function wrapTokens(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) return part;
      // Ids first, behind placeholders, so a long token never gets a break inside one.
      const ids: string[] = [];
      return part
        .replace(UNBREAKABLE_RE, (id) => `\u0001${ids.push(id) - 1}\u0001`)
        .replace(LONG_TOKEN_RE, (token) => token.replace(BREAK_AFTER_RE, '$1\u0000'))
        .replace(/\u0000/g, '<wbr>')
        .replace(/\u0001(\d+)\u0001/g, (_m, i: string) => `<span class="nw">${ids[Number(i)] ?? ''}</span>`);
    })
    .join('');
}

import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMessage as formatWithHints, wrapTokens } from '../../../web-widget/src/format.js';

/** The markup without the line-break hints (`<wbr>`, `<span class="nw">`), which have tests of their own below. */
function formatMessage(text: string): string {
  return formatWithHints(text).replace(/<wbr>/g, '').replace(/<span class="nw">([^<]*)<\/span>/g, '$1');
}

describe('formatMessage', () => {
  it('should escape HTML before anything else', () => {
    expect(formatMessage('<img src=x onerror="alert(1)"> & \'q\'')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;',
    );
  });

  it('should render *bold* and _italic_ WhatsApp-style', () => {
    expect(formatMessage('*Cemento gris* a _RD$ 450_')).toBe('<strong>Cemento gris</strong> a <em>RD$ 450</em>');
  });

  it('should not treat markers inside words or around spaces as emphasis', () => {
    expect(formatMessage('2*3*4 y snake_case_name y * no * y _ no _')).toBe('2*3*4 y snake_case_name y * no * y _ no _');
  });

  it('should keep markup inside emphasis escaped', () => {
    expect(formatMessage('*<script>alert(1)</script>*')).toBe('<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>');
  });

  it('should turn line breaks into <br>', () => {
    expect(formatMessage('uno\ndos\r\ntres')).toBe('uno<br>dos<br>tres');
  });

  it('should link http(s) URLs with rel="noopener" and leave trailing punctuation outside', () => {
    expect(formatMessage('Mira https://ferreteria.example/cemento_gris?a=1&b=2.')).toBe(
      'Mira <a href="https://ferreteria.example/cemento_gris?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">' +
        'https://ferreteria.example/cemento_gris?a=1&amp;b=2</a>.',
    );
  });

  it('should keep a URL intact inside bold text', () => {
    expect(formatMessage('*ver https://x.example/a_b_c*')).toBe(
      '<strong>ver <a href="https://x.example/a_b_c" target="_blank" rel="noopener noreferrer">https://x.example/a_b_c</a></strong>',
    );
  });

  it('should keep a closing parenthesis that belongs to the URL', () => {
    expect(formatMessage('(https://x.example/Wiki_(a))')).toContain('href="https://x.example/Wiki_(a)"');
  });

  it('should never link javascript: or data: URLs', () => {
    const html = formatMessage('javascript:alert(1) data:text/html,<b>x</b>');
    expect(html).not.toContain('<a');
    expect(html).toContain('&lt;b&gt;');
  });

  it('should stop a URL at a quote so no attribute can be injected', () => {
    const html = formatMessage('https://x.example/"onmouseover="alert(1)');
    expect(html).toBe(
      '<a href="https://x.example/" target="_blank" rel="noopener noreferrer">https://x.example/</a>&quot;onmouseover=&quot;alert(1)',
    );
  });

  it('should stop a URL at an angle bracket', () => {
    expect(formatMessage('https://x.example/<svg/onload=alert(1)>')).toBe(
      '<a href="https://x.example/" target="_blank" rel="noopener noreferrer">https://x.example/</a>&lt;svg/onload=alert(1)&gt;',
    );
  });

  it('should drop NUL characters so placeholders cannot be forged', () => {
    expect(formatMessage('a\u00000\u0000b https://x.example')).toBe(
      'a0b <a href="https://x.example" target="_blank" rel="noopener noreferrer">https://x.example</a>',
    );
  });

  it('should only ever produce its own tags', () => {
    const html = formatWithHints('<a href="javascript:x">*<i>_y_</i>*</a>\nhttps://a.example/?q=<b> T-000123 someone.very.long@example.com');
    const tags = html.match(/<\/?([a-z]+)/g) ?? [];
    expect(tags).toContain('<wbr');
    expect(tags).toContain('<span');
    for (const tag of tags) expect(['<a', '</a', '<strong', '</strong', '<em', '</em', '<br', '<wbr', '<span', '</span']).toContain(tag);
  });
});

describe('line-break hints', () => {
  it('should keep ticket and lead numbers and phone numbers whole', () => {
    expect(formatWithHints('Tu ticket es T-000123 y tu lead L-000001; llama al 809-556-2140.')).toBe(
      'Tu ticket es <span class="nw">T-000123</span> y tu lead <span class="nw">L-000001</span>; llama al <span class="nw">809-556-2140</span>.',
    );
  });

  it('should let a long e-mail break only after its separators', () => {
    expect(formatWithHints('Correo: maria.fernandez@constructora-caribe.com.do')).toBe(
      'Correo: maria.<wbr>fernandez@<wbr>constructora-<wbr>caribe.<wbr>com.<wbr>do',
    );
  });

  it('should leave short tokens alone', () => {
    expect(formatWithHints('ana@x.do y RD$1,150.00 y v1.2')).toBe('ana@x.do y RD$1,150.00 y v1.2');
  });

  it('should never put a hint inside a tag or an attribute, nor between two separators', () => {
    const html = formatWithHints('Mira https://ferreteria.example/productos/cemento_gris_tipo_gu');
    expect(html).toContain('href="https://ferreteria.example/productos/cemento_gris_tipo_gu"');
    expect(html).toContain('>https://<wbr>ferreteria.<wbr>example/<wbr>productos/<wbr>cemento_<wbr>gris_<wbr>tipo_<wbr>gu</a>');
  });

  it('should not split an id that is part of a long token', () => {
    expect(wrapTokens('tickets:T-000123/T-000124/T-000125')).toBe(
      'tickets:<span class="nw">T-000123</span>/<wbr><span class="nw">T-000124</span>/<wbr><span class="nw">T-000125</span>',
    );
  });
});

describe('escapeHtml', () => {
  it('should escape the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

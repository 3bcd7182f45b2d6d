import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMessage } from '../../../web-widget/src/format.js';

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
    const html = formatMessage('<a href="javascript:x">*<i>_y_</i>*</a>\nhttps://a.example/?q=<b>');
    const tags = html.match(/<\/?([a-z]+)/g) ?? [];
    for (const tag of tags) expect(['<a', '</a', '<strong', '</strong', '<em', '</em', '<br']).toContain(tag);
  });
});

describe('escapeHtml', () => {
  it('should escape the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

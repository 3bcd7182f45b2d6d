/** The languages the widget's own UI speaks. */
export type UiLang = 'es' | 'en';

export interface LangSources {
  /** The script tag's `data-lang`. */
  dataLang?: string | null;
  /** `<html lang>` of the host page. */
  htmlLang?: string | null;
  /** `navigator.languages` (or `[navigator.language]`), most preferred first. */
  navigatorLanguages?: readonly string[];
}

/** Maps a BCP 47 tag ("es-DO", "en_US", "EN") to a supported language, or null. */
export function normalizeLang(tag: string | null | undefined): UiLang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' || primary === 'en' ? primary : null;
}

/**
 * Picks the UI language: `data-lang`, else `<html lang>`, else the browser's languages, else Spanish
 * (the default market). A source naming an unsupported language falls through to the next one.
 */
export function chooseLang(sources: LangSources): UiLang {
  const fromPage = normalizeLang(sources.dataLang) ?? normalizeLang(sources.htmlLang);
  if (fromPage) return fromPage;
  for (const tag of sources.navigatorLanguages ?? []) {
    const lang = normalizeLang(tag);
    if (lang) return lang;
  }
  return 'es';
}

/**
 * The language the widget's own labels should speak: the one the latest bot or agent message was
 * written in (the server detects the customer's language), else the `welcome`'s, else the page's.
 * A customer who switches to English gets English labels with the first English reply, and back.
 */
export function conversationLang(
  messages: ReadonlyArray<{ author: string; lang?: UiLang | undefined }>,
  welcomeLang: UiLang | null,
  pageLang: UiLang,
): UiLang {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && m.author !== 'customer' && m.author !== 'system' && (m.lang === 'es' || m.lang === 'en')) return m.lang;
  }
  return welcomeLang ?? pageLang;
}

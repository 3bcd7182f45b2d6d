import { t } from './strings.js';
import type { Lang } from './wire.js';

/** es / en, as a labelled select (keyboard and screen readers get it for free). */
export function LangSwitch(props: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <label class="lang">
      <span>{t(props.lang, 'language')}</span>
      <select value={props.lang} onChange={(e) => props.onChange(e.currentTarget.value === 'en' ? 'en' : 'es')}>
        <option value="es" lang="es">
          Español
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </label>
  );
}

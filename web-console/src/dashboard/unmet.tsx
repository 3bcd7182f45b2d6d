import { formatCount, type Lang } from './format.js';
import { dt, dtCount, dtMaybe, type CountedKey, type DashKey } from './strings.js';
import type { UnmetGroup } from './wire.js';

/** Groups asking for goods the catalog lacks (a stock decision), apart from the ones the bot did not understand. */
export function splitUnmet(groups: UnmetGroup[]): { notCarried: UnmetGroup[]; other: UnmetGroup[] } {
  const notCarried = groups.filter((g) => (g.reasons.not_found ?? 0) > 0);
  return { notCarried, other: groups.filter((g) => !notCarried.includes(g)) };
}

function UnmetTable(props: { lang: Lang; table: string; first: DashKey; groups: UnmetGroup[] }) {
  const { lang, groups } = props;
  return (
    <div class="table-wrap">
      <table data-table={props.table}>
        <thead>
          <tr>
            <th scope="col">{dt(lang, props.first)}</th>
            <th scope="col">{dt(lang, 'count')}</th>
            <th scope="col">{dt(lang, 'reasons')}</th>
            <th scope="col">{dt(lang, 'examples')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.terms} data-terms={g.terms}>
              <th scope="row">{g.terms}</th>
              <td class="num">{formatCount(lang, g.count)}</td>
              <td>
                {Object.entries(g.reasons)
                  .map(([reason, n]) => `${dtMaybe(lang, `reason_${reason}`) ?? reason} ${formatCount(lang, n)}`)
                  .join(', ')}
              </td>
              <td>
                <ul class="examples">
                  {g.examples.map((e) => (
                    <li key={e}>«{e}»</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Part(props: { lang: Lang; id: string; title: DashKey; intro: CountedKey; table: string; first: DashKey; groups: UnmetGroup[] }) {
  const { lang, groups } = props;
  const messages = groups.reduce((n, g) => n + g.count, 0);
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>{dt(lang, props.title)}</h3>
      {groups.length === 0 ? (
        <p class="none">{dt(lang, 'none')}</p>
      ) : (
        <>
          <p class="intro">{dtCount(lang, props.intro, messages)}</p>
          <UnmetTable lang={lang} table={props.table} first={props.first} groups={groups} />
        </>
      )}
    </section>
  );
}

/**
 * The messages the bot could not serve, in two parts (owner33): what customers asked for that the
 * store does not carry — the owner's stock decision — and what the bot did not understand.
 */
export function Unmet(props: { lang: Lang; groups: UnmetGroup[] }) {
  const { notCarried, other } = splitUnmet(props.groups);
  return (
    <>
      <Part lang={props.lang} id="dash-not-carried" title="notCarried" intro="notCarriedIntro" table="not-carried" first="askedFor" groups={notCarried} />
      <Part lang={props.lang} id="dash-unmet" title="notUnderstood" intro="notUnderstoodIntro" table="unmet" first="terms" groups={other} />
    </>
  );
}

import { Bar } from './bar.js';
import { formatCount, type Lang } from './format.js';
import { dt } from './strings.js';
import type { ProductRow } from './wire.js';

/** The products customers asked for most (owner33): what sells the conversation, next to what the store lacks. */
export function Products(props: { lang: Lang; products: ProductRow[] }) {
  const { lang, products } = props;
  const max = Math.max(0, ...products.map((p) => p.count));
  return (
    <section aria-labelledby="dash-products">
      <h3 id="dash-products">{dt(lang, 'products')}</h3>
      {products.length === 0 ? (
        <p class="none">{dt(lang, 'none')}</p>
      ) : (
        <div class="table-wrap">
          <table data-table="products">
            <thead>
              <tr>
                <th scope="col">{dt(lang, 'product')}</th>
                <th scope="col">{dt(lang, 'timesAsked')}</th>
                <th scope="col">{dt(lang, 'conversations')}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.sku} data-sku={p.sku}>
                  <th scope="row" title={p.sku}>
                    {p.name ?? p.sku}
                  </th>
                  <td class="num">
                    <Bar value={p.count} max={max} />
                    {formatCount(lang, p.count)}
                  </td>
                  <td class="num">{formatCount(lang, p.conversations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

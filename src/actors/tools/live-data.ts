import type { CustomerAccount, Product, TenantData } from '../../domain/tenant.js';
import { isHiloError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import { systemClock, type Clock } from '../../kernel/clock.js';
import type { AccountActorInput, AccountActorOutput, ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import type { BackendClient } from '../connectors/backend-client.js';
import { readAccount, readStock } from '../connectors/stock-accounts.js';
import type { AccessCounters } from '../../persistence/ports/access-counters.js';
import { ACCOUNT_NUMBER_PATTERN, answerAccount, answerAccountLimited } from './account.tool.js';
import { secondIdentifierCandidates } from './account-verification.js';
import type { CatalogIndex } from './catalog-search.js';
import { answerProduct, STOCK_UNKNOWN } from './product.tool.js';
import { answerWithPlaceSaid } from './place-said.js';

/**
 * The product and account tools of a tenant whose stock and accounts live in its own business
 * system (`backend` in `tenant.json`): the same answers as from the JSON files, with the live
 * figures read through the connector port at the moment of the question.
 *
 * When the backend cannot answer (timeout, 5xx, circuit open, a malformed answer) nothing is
 * invented: a product's price still comes from the catalog, its stock reads "I can't check right
 * now"; an account question gets "I can't check accounts right now". The coded error is logged.
 */
export interface LiveTools {
  answerProduct(input: ProductActorInput): Promise<ProductActorOutput>;
  answerAccount(input: AccountActorInput): Promise<AccountActorOutput>;
}

export function createLiveTools(options: { data: TenantData; index: CatalogIndex; client: BackendClient; logger: Logger; clock?: Clock; accessCounters?: AccessCounters }): LiveTools {
  const { data, index, client } = options;
  const log = options.logger.child({ component: 'live-tools', tenant: data.settings.id });
  const degraded = (what: 'stock' | 'account', err: unknown, idempotencyKey: string): void => {
    // Codes and ids only: no account number, no customer text.
    log.warn({ event: 'backend.degraded', what, code: isHiloError(err) ? err.code : 'unknown', conversationId: idempotencyKey.split(':')[0] }, `business backend unavailable; ${what} not checked`);
  };

  return {
    async answerProduct(input) {
      let stock: (p: Product) => number;
      try {
        const live = await readStock(client);
        // What the backend does not list is not in stock: never the JSON file's figure.
        stock = (p) => live.get(p.sku) ?? 0;
      } catch (err) {
        if (!isHiloError(err)) throw err;
        degraded('stock', err, input.idempotencyKey);
        stock = () => STOCK_UNKNOWN;
      }
      const withStock = (p: Product): Product => ({ ...p, stock: stock(p) });
      const tenant: TenantData = { ...data, catalog: data.catalog.map(withStock) };
      const liveIndex: CatalogIndex = {
        search: (query, opts) => index.search(query, opts).map((m) => ({ ...m, product: withStock(m.product) })),
        parse: (query) => index.parse(query),
        correct: (word) => index.correct(word),
        lexicon: index.lexicon,
      };
      const now = (options.clock ?? systemClock).now();
      return answerWithPlaceSaid(tenant, input, now, (asked) => answerProduct(tenant, liveIndex, asked, { ...(asked.text !== undefined ? { text: asked.text } : {}), now }));
    },

    async answerAccount(input) {
      const numbers = accountNumbersAsked(input);
      let accounts: CustomerAccount[] = [];
      if (numbers.length > 0) {
        try {
          accounts = (await Promise.all(numbers.map((n) => readAccount(client, n)))).filter((a): a is CustomerAccount => a !== null);
        } catch (err) {
          if (!isHiloError(err)) throw err;
          degraded('account', err, input.idempotencyKey);
          return { outcome: 'answered', replies: [{ template: 'account.backend_unavailable' }] };
        }
      }
      const tenant: TenantData = { ...data, accounts };
      return options.accessCounters ? answerAccountLimited(tenant, input, options.accessCounters) : answerAccount(tenant, input);
    },
  };
}

/** The account numbers `answerAccount` may look up for this input (the pending one, the one just given). */
function accountNumbersAsked(input: AccountActorInput): string[] {
  const pending = input.access?.pending ?? null;
  const out = new Set<string>();
  if (pending !== null && input.verifying) out.add(pending);
  const given = input.accountId?.replace(/\D/g, '') ?? '';
  // An answer to "which second identifier?" is checked against the pending account only.
  const answeringProof = input.verifying && pending !== null && secondIdentifierCandidates(input.text ?? '').length > 0;
  if (!answeringProof && ACCOUNT_NUMBER_PATTERN.test(given)) out.add(given);
  return [...out];
}

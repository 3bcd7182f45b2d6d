import type { CustomerAccount } from '../../domain/tenant.js';
import { z } from '../../kernel/schema.js';
import type { BackendClient } from './backend-client.js';

/**
 * The reads a store's tools make against its business backend (`GET /stock`, `GET /accounts/:n`),
 * with the shape every answer must have. The backend is the source of truth: what it does not
 * list is not in stock.
 */
export const STOCK_ANSWER = z.object({
  items: z.array(z.object({ sku: z.string().min(1).max(64), stock: z.number().int().min(0) })).max(10_000),
});

const ACCOUNT_NUMBER = /^\d{5,8}$/;

export const ACCOUNT_ANSWER = z.object({
  number: z.string().regex(ACCOUNT_NUMBER),
  holder: z.string().min(1).max(200),
  standing: z.enum(['al_dia', 'atrasada', 'suspendida']),
  balance: z.number().min(0),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  phone: z.string().max(40).optional(),
  taxId: z.string().max(20).optional(),
});

/** Live stock by SKU, from one call (every SKU of the catalog: a store's catalog is hundreds of lines, not millions). */
export async function readStock(client: BackendClient): Promise<Map<string, number>> {
  const answer = await client.request({ method: 'GET', path: '/stock', schema: STOCK_ANSWER });
  return new Map(answer.items.map((i) => [i.sku, i.stock]));
}

/** One customer account, or `null` when the backend has none with that number. */
export async function readAccount(client: BackendClient, number: string): Promise<CustomerAccount | null> {
  if (!ACCOUNT_NUMBER.test(number)) return null;
  const account = await client.request({ method: 'GET', path: `/accounts/${encodeURIComponent(number)}`, schema: ACCOUNT_ANSWER, notFoundIsNull: true });
  if (account === null) return null;
  // An answer for another number than asked is a backend bug, not this customer's account.
  if (account.number !== number) return null;
  return {
    number: account.number,
    holder: account.holder,
    standing: account.standing,
    balance: account.balance,
    dueDate: account.dueDate,
    ...(account.phone !== undefined ? { phone: account.phone } : {}),
    ...(account.taxId !== undefined ? { taxId: account.taxId } : {}),
  };
}

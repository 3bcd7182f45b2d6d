import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HiloError } from '../kernel/errors.js';
import { checkWith, z } from '../kernel/schema.js';

/**
 * The hardware store's live data as its own system would hold it: stock per SKU and customer
 * accounts, loaded from `tenants/ferreteria/catalog.json` and `accounts.json` so the demo has
 * something to serve. Stock can be changed while it runs (`PUT /ferreteria/stock/:sku`) to see
 * Hilo answer with the live figure.
 */
const CATALOG = z.array(z.looseObject({ sku: z.string().min(1), stock: z.number().int().min(0) }));
const ACCOUNTS = z.array(
  z.looseObject({
    number: z.string().regex(/^\d{5,8}$/),
    holder: z.string().min(1),
    standing: z.enum(['al_dia', 'atrasada', 'suspendida']),
    balance: z.number().min(0),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    phone: z.string().optional(),
    taxId: z.string().optional(),
  }),
);

export interface StoreAccount {
  number: string;
  holder: string;
  standing: 'al_dia' | 'atrasada' | 'suspendida';
  balance: number;
  dueDate: string;
  phone?: string;
  taxId?: string;
}

export interface HardwareStore {
  stock(): { sku: string; stock: number }[];
  /** False when the SKU is not in the catalog. */
  setStock(sku: string, stock: number): boolean;
  account(number: string): StoreAccount | null;
}

export async function loadHardwareStore(tenantDir: string): Promise<HardwareStore> {
  const read = async <S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> => {
    const checked = checkWith(schema, JSON.parse(await readFile(join(tenantDir, file), 'utf8')));
    if (!checked.ok) throw new HiloError('HILO_ERR_CONFIG_INVALID', `${file}: ${checked.problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}`);
    return checked.value;
  };
  const stock = new Map((await read('catalog.json', CATALOG)).map((p) => [p.sku, p.stock]));
  const accounts = new Map(
    (await read('accounts.json', ACCOUNTS)).map((a) => [
      a.number,
      { number: a.number, holder: a.holder, standing: a.standing, balance: a.balance, dueDate: a.dueDate, ...(a.phone ? { phone: a.phone } : {}), ...(a.taxId ? { taxId: a.taxId } : {}) } as StoreAccount,
    ]),
  );
  return {
    stock: () => [...stock].map(([sku, n]) => ({ sku, stock: n })),
    setStock(sku, n) {
      if (!stock.has(sku)) return false;
      stock.set(sku, n);
      return true;
    },
    account: (number) => accounts.get(number) ?? null,
  };
}

import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { namesOnlyATradeGood, notCarried, tradeGoodOf } from '../../../src/actors/tools/product-not-carried.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { chatOnFreshHost, createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import { TENANT_DIR } from './helpers.js';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

async function ask(...messages: string[]): Promise<string> {
  const out = await chatOnFreshHost(tenant, brain, 'trade-goods', ...messages);
  return out[out.length - 1] as string;
}

/** A hardware good the catalog lacks is "not right now", never "we're a hardware store". */
describe('goods of the trade the catalog lacks', () => {
  it('should know a good of the trade by its words, plural or in a longer phrase', () => {
    expect(tradeGoodOf(tenant, 'lijadora')).not.toBeNull();
    expect(tradeGoodOf(tenant, 'unas lijadoras')).not.toBeNull();
    expect(tradeGoodOf(tenant, 'electrodos de soldadura')).not.toBeNull();
    expect(tradeGoodOf(tenant, 'sander')).not.toBeNull();
    // Sandpaper, masking tape and the putty knife are on the shelf now (catalog.json): no good of the trade the catalog lacks.
    for (const carried of ['lija', 'sandpaper', 'masking tape', 'espátula', 'wax ring']) expect(tradeGoodOf(tenant, carried), carried).toBeNull();
    expect(tradeGoodOf(tenant, 'láminas de yeso')?.words).toContain('drywall');
    expect(tradeGoodOf(tenant, 'yeso')?.words).toContain('yeso');
    expect(tradeGoodOf(tenant, 'pizza')).toBeNull();
    expect(tradeGoodOf(tenant, 'zapatos')).toBeNull();
  });

  it("should say a good handed over in another word order by the store's own name for it", () => {
    const said = (phrase: string) => JSON.stringify(notCarried(tenant, [phrase], 'es').replies[0]);
    expect(said('yeso laminas')).toContain('lámina de yeso');
    expect(said('formones')).toContain('formón');
    expect(said('lijadora orbital')).toContain('lijadora orbital');
  });

  it('should take a good named alone as a question of whether the store has it', () => {
    for (const text of ['y lijadora?', 'lijadora?', 'and sander?', 'y la soldadura?', 'lijadoras']) expect(namesOnlyATradeGood(tenant.store.tradeGoods, text), text).toBe(true);
    for (const text of ['y pizza?', 'la lijadora que compré salió mala, quiero devolverla', 'hola', 'y lija?']) expect(namesOnlyATradeGood(tenant.store.tradeGoods, text), text).toBe(false);
  });

  it('should answer "not right now" and offer a person when nothing near it is on the shelf', () => {
    const out = notCarried(tenant, ['soldadura'], 'es');
    expect(out.outcome).toBe('not_found');
    expect(out.replies[0]).toMatchObject({ template: 'product.not_stocked' });
    expect(out.offer?.intent).toBe('human_agent');
    expect(notCarried(tenant, ['pizza'], 'es').replies[0]).toMatchObject({ template: 'product.not_found' });
  });

  it.each([
    ['tienen lijadora?', /Ahora mismo no tenemos \*lijadora\*/],
    ['y soldadura?', /Ahora mismo no tenemos \*soldadura\*/],
    ['venden soldadura?', /Ahora mismo no tenemos \*soldadura\*/],
    ['do you have a sander?', /We don't have \*sander\* right now/],
  ])('should say "%s" is not in stock, not outside the trade', async (text, answer) => {
    const reply = await ask(text);
    expect(reply).toMatch(answer);
    expect(reply).not.toMatch(/Somos una ferretería|We're a hardware store|No vendemos|We don't sell|no te entendí/);
  });

  it('should offer the nearest product the store carries instead', async () => {
    const reply = await ask('tienen yeso?');
    expect(reply).toMatch(/Ahora mismo no tenemos \*yeso\*[\s\S]*Masilla para Paredes/);
    expect(reply).not.toMatch(/Somos una ferretería/);
  });

  it('should still say "we don\'t sell that" of what is outside the trade', async () => {
    expect(await ask('tienen pizza?')).toMatch(/No vendemos \*pizza\*[\s\S]*Somos una ferretería/);
  });

  it('should hand over to a person on a yes to the offer', async () => {
    const { host, tickets } = createMemoryHost({ tenant, brain });
    try {
      await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'soldadura', text: 'tienen soldadura?' });
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'soldadura', text: 'sí' });
      expect(turn.replies.map((r) => r.text).join('\n')).toMatch(/T-\d+/);
      expect((await tickets.list('ferreteria')).length).toBe(1);
    } finally {
      await host.close();
    }
  });

  it('should refuse a store file whose substitute is not in the catalog', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trade-goods-'));
    try {
      await cp(TENANT_DIR, dir, { recursive: true });
      const store = JSON.parse(await readFile(join(dir, 'store.json'), 'utf8'));
      store.tradeGoods = [{ words: ['lija'], instead: ['NOPE-1'] }];
      await writeFile(join(dir, 'store.json'), JSON.stringify(store));
      await expect(loadTenant(dir)).rejects.toThrow(/NOPE-1/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('goods of the trade in a longer message', () => {
  it('should read "I\'m looking for a sander and a chisel" as a product question naming the goods', async () => {
    const reply = await ask("good morning, I'm looking for a sander and a chisel");
    expect(reply).toMatch(/We don't have \*sander or chisel\* right now/);
    expect(reply).not.toMatch(/make sure I help you|good morning/);
    expect(await ask('buenos dias, ando buscando un cincel y una lijadora')).toMatch(/Ahora mismo no tenemos \*cincel ni lijadora\*/);
  });

  it('should price sandpaper and a putty knife asked in a greeting, now that the store carries them', async () => {
    const reply = await ask("good morning, I'm looking for sandpaper and a putty knife");
    expect(reply).toMatch(/Lija Grano[\s\S]*Espátula para Masillar/);
    expect(reply).not.toMatch(/right now|make sure I help you/);
    expect(await ask('buenos dias, ando buscando una espatula y lija')).toMatch(/Espátula para Masillar[\s\S]*Lija Grano/);
  });

  it('should say "not right now" of a good the store only has something for', async () => {
    const reply = await ask('do you have drywall?');
    expect(reply).toMatch(/We don't have \*drywall\* right now[\s\S]*Tornillo para Drywall/);
    expect(reply).not.toMatch(/We don't sell/);
  });

  it('should leave a complaint about a good a complaint', async () => {
    expect(await ask('la lija que compré salió mala')).toMatch(/T-\d+/);
  });
});

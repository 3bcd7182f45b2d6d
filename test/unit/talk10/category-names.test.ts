import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHiloError } from '../../../src/kernel/errors.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';
import { asksWhatIsSold, withStoreLines } from '../../../src/actors/tools/store-lines.js';
import { categoryName } from '../../../src/actors/tools/category-names.js';
import { TENANT_DIR } from '../tools/helpers.js';
import { loadDemo, talkOnFreshHost, replyText } from '../../helpers/memory-host.js';

describe('the store lines in the customer\'s language', () => {
  it('should name the categories in English for an English customer, as the catalog writes them in Spanish', async () => {
    const { tenant } = await loadDemo();
    const asked = { outcome: 'need_product' as const, replies: [] };
    const linesOf = (out: ReturnType<typeof withStoreLines>): string => {
      const first = out.replies[0];
      return first && 'template' in first ? String(first.params?.lines ?? '') : '';
    };
    const en = linesOf(withStoreLines(tenant, asked, 'what do you sell?', 'en'));
    expect(en).toContain('*PVC pipe*');
    expect(en).toContain('*Plumbing*');
    expect(en).not.toMatch(/Tubería|Plomería|Herramientas/);
    const es = linesOf(withStoreLines(tenant, asked, '¿qué venden?', 'es'));
    expect(es).toContain('*Tubería PVC*');
  });

  it('should say a category without a name in that language as the catalog writes it', async () => {
    const { tenant } = await loadDemo();
    expect(categoryName(tenant, 'Plomería', 'en')).toBe('Plumbing');
    expect(categoryName(tenant, 'Plomería', 'es')).toBe('Plomería');
    expect(categoryName({ store: { ...tenant.store, categoryNames: undefined } }, 'Plomería', 'en')).toBe('Plomería');
  });

  it.each(['what kind of stuff do you have?', 'what do you guys carry?', 'what sort of things do you sell?', 'what products do you carry?'])('should read "%s" as the whole store asked for', (text) => {
    expect(asksWhatIsSold(text)).toBe(true);
  });

  it('should answer "what kind of stuff do you have?" with the lines, never "we don\'t sell kind"', async () => {
    const { tenant, brain } = await loadDemo();
    const reply = replyText(await talkOnFreshHost(tenant, brain, 'talk10-lines', 'what kind of stuff do you have?'));
    expect(reply).toContain('Rebar and steel');
    expect(reply).not.toMatch(/don't sell/i);
  });

  it('should name the lines of a room in English', async () => {
    const { tenant, brain } = await loadDemo();
    const reply = replyText(await talkOnFreshHost(tenant, brain, 'talk10-room', 'I need stuff for a bathroom, what do I need?'));
    expect(reply).toContain('*Floors and tiles*');
    expect(reply).not.toContain('Pisos y cerámica');
  });
});

describe('categoryNames in store.json', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hilo-talk10-'));
    dir = join(root, 'ferreteria');
    await cp(TENANT_DIR, dir, { recursive: true });
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));
  const editStore = async (change: (store: any) => void) => {
    const path = join(dir, 'store.json');
    const store = JSON.parse(await readFile(path, 'utf8'));
    change(store);
    await writeFile(path, JSON.stringify(store));
  };

  it('should load without it (older tenants)', async () => {
    await editStore((s) => delete s.categoryNames);
    expect((await loadTenant(dir)).store.categoryNames).toBeUndefined();
  });

  it('should refuse a category no product has, or a language it does not know', async () => {
    await editStore((s) => (s.categoryNames = { 'Plomeria': { en: 'Plumbing' } }));
    const err = await loadTenant(dir).then(() => null, (e: Error) => e);
    expect(err && isHiloError(err, 'HILO_ERR_TENANT_DATA_INVALID')).toBe(true);
    expect(err?.message).toContain('unknown category "Plomeria"');
    await editStore((s) => (s.categoryNames = { 'Plomería': { fr: 'Plomberie' } }));
    expect((await loadTenant(dir).then(() => null, (e: Error) => e))?.message).toMatch(/categoryNames/);
  });
});

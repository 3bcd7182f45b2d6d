import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTenants } from '../../../src/persistence/tenant-loader.js';

const tenantsDir = fileURLToPath(new URL('../../../tenants', import.meta.url));
let tmp: string | null = null;

afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = null;
});

describe('loadTenants and folders that are not tenants', () => {
  it('should load both demo tenants (estudio ships no catalog, accounts, offers or vacancies: none)', async () => {
    const tenants = await loadTenants(tenantsDir);
    expect([...tenants.keys()]).toEqual(['estudio', 'ferreteria']);
    expect(tenants.get('estudio')).toMatchObject({ catalog: [], accounts: [], offers: [], vacancies: [] });
  });

  it('should skip a folder without tenant.json but still refuse a folder whose tenant.json is broken', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hilo-tenant-folders-'));
    await mkdir(join(tmp, 'only-seed'));
    await writeFile(join(tmp, 'only-seed', 'backend-seed.json'), '{}');
    expect((await loadTenants(tmp)).size).toBe(0);
    await mkdir(join(tmp, 'broken'));
    await writeFile(join(tmp, 'broken', 'tenant.json'), '{ nope');
    await expect(loadTenants(tmp)).rejects.toMatchObject({ code: 'HILO_ERR_TENANT_DATA_INVALID' });
  });
});

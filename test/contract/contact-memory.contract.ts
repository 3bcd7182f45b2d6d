import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactMemoryPort, RememberedContextView } from '../../src/persistence/ports/contact-memory.js';

export interface ContactMemoryContractOptions {
  name: string;
  /** The port under test and a way to make a thread of a new contact in a tenant. */
  create: () => Promise<{ port: ContactMemoryPort; newThread(tenantId: string): Promise<string>; destroy(): Promise<void> }>;
}

const confirmed = (draft: Record<string, string | null>, extra: Partial<RememberedContextView> = {}): RememberedContextView => ({
  lang: 'es',
  lead: { status: 'submitted', leadId: 'L-000001', draft: Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, { value: v }])) },
  ...extra,
});

/**
 * What every contact memory must do for the conversation host: remember the confirmed contact
 * fields of a thread, recall them for that thread only, never clear a known value, never store a
 * declined one.
 */
export function runContactMemoryContract(options: ContactMemoryContractOptions): void {
  describe(`contact memory contract › ${options.name}`, () => {
    let made: Awaited<ReturnType<ContactMemoryContractOptions['create']>>;
    beforeAll(async () => {
      made = await options.create();
    });
    afterAll(async () => {
      await made?.destroy();
    });

    it('should recall nothing for a contact it never saw', async () => {
      const tenant = `t-${randomUUID()}`;
      expect(await made.port.recall(tenant, await made.newThread(tenant))).toBeNull();
    });

    it('should recall the confirmed name, email, phone, company and language', async () => {
      const tenant = `t-${randomUUID()}`;
      const thread = await made.newThread(tenant);
      await made.port.remember(tenant, thread, confirmed({ name: ' Rosa  Almonte ', email: 'Rosa@Almonte.DO', phone_or_username: '+1 809 555 0101', company_name: 'Almonte SRL' }, { lang: 'en' }));
      expect(await made.port.recall(tenant, thread)).toMatchObject({ name: 'Rosa Almonte', email: 'rosa@almonte.do', phone: '+18095550101', company: 'Almonte SRL', lang: 'en' });
    });

    it('should remember the first of several numbers as the phone (lead15)', async () => {
      const tenant = `t-${randomUUID()}`;
      const thread = await made.newThread(tenant);
      await made.port.remember(tenant, thread, confirmed({ name: 'Pedro Martínez', phone_or_username: '+18095551234 / +18295559876' }));
      expect(await made.port.recall(tenant, thread)).toMatchObject({ phone: '+18095551234' });
    });

    it('should keep what it knew when a later lead leaves a field out or declines it', async () => {
      const tenant = `t-${randomUUID()}`;
      const thread = await made.newThread(tenant);
      await made.port.remember(tenant, thread, confirmed({ name: 'Luis Peña', email: 'luis@pena.do', company_name: 'Techos Peña' }));
      await made.port.remember(tenant, thread, confirmed({ name: 'Luis A. Peña', company_name: null }));
      expect(await made.port.recall(tenant, thread)).toMatchObject({ name: 'Luis A. Peña', email: 'luis@pena.do', company: 'Techos Peña' });
    });

    it('should not store a declined or invalid value', async () => {
      const tenant = `t-${randomUUID()}`;
      const thread = await made.newThread(tenant);
      await made.port.remember(tenant, thread, confirmed({ name: 'Ana Gil', email: 'no-es-un-correo', company_name: null }));
      const recalled = await made.port.recall(tenant, thread);
      expect(recalled).toMatchObject({ name: 'Ana Gil' });
      expect(recalled).not.toHaveProperty('email');
      expect(recalled).not.toHaveProperty('company');
    });

    it('should keep threads and tenants apart', async () => {
      const tenant = `t-${randomUUID()}`;
      const thread = await made.newThread(tenant);
      const other = await made.newThread(tenant);
      await made.port.remember(tenant, thread, confirmed({ name: 'Carla Ruiz', email: 'carla@ruiz.do' }));
      expect(await made.port.recall(tenant, other)).toBeNull();
      expect(await made.port.recall(`elsewhere-${tenant}`, thread)).toBeNull();
    });
  });
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/actors/render-reply.js';
import type { StudioBooking } from '../../../src/actors/tools/studio-reads.js';
import { bookingCodeReply, owedReply, studioFactReply } from '../../../src/actors/tools/studio-owed.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { InfoActorOutput } from '../../../src/machines/conversation.contract.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let data: TenantData;
beforeAll(async () => {
  data = await loadTenant(join(ROOT, 'tenants/estudio'));
});
const names = new Map([
  ['manicure-clasico', 'Manicure clásico'],
  ['corte-secado', 'Corte y secado'],
]);
const NOW = Date.parse('2026-12-03T15:00:00Z');
const booking = (over: Partial<StudioBooking>): StudioBooking => ({ id: 'BV-1001', serviceId: 'manicure-clasico', date: '2026-12-04', time: '10:00', start: '2026-12-04T14:00:00Z', status: 'confirmed', paymentStatus: 'unpaid', price: 600, ...over });
const text = (out: InfoActorOutput, lang: 'es' | 'en' = 'es') => out.replies.map((r) => renderReply(r, data.templates, lang)).join('\n');

describe('what the customer owes', () => {
  it('should list the bookings with their prices and sum only what is unpaid', () => {
    const out = owedReply([booking({}), booking({ id: 'BV-1002', serviceId: 'corte-secado', price: 1500, paymentStatus: 'paid' })], names, 'es');
    const said = text(out);
    expect(said).toContain('Manicure clásico (BV-1001)');
    expect(said).toContain('Corte y secado (BV-1002)');
    expect(said).toContain('Por pagar: *RD$600.00*');
    expect(said).not.toContain('Estos son nuestros servicios');
  });

  it('should say nothing is due when everything is paid or in process, and offer a booking when nothing is booked', () => {
    expect(text(owedReply([booking({ paymentStatus: 'pending' })], names, 'en'), 'en')).toContain('You have nothing left to pay');
    const none = owedReply([], names, 'es');
    expect(text(none)).toContain('No veo citas ni pagos pendientes');
    expect(none.bookingOffer).toEqual([]);
  });
});

describe('a booking code', () => {
  it("should tell the customer's own booking with moving and cancelling offered", () => {
    const out = bookingCodeReply(data, 'BV-1001', [booking({})], names, 'es', NOW);
    expect(text(out)).toContain('Tu cita *BV-1001*: Manicure clásico, el viernes 4 de diciembre a las 10:00 a. m. (confirmada, pendiente de pago)');
    const reply = out.replies[0]!;
    expect('options' in reply ? reply.options?.map((o) => o.label) : []).toEqual(['Mover mi cita', 'Cancelar mi cita']);
  });

  it('should not show a booking that is not theirs, and say a cancelled or past one as such', () => {
    expect(text(bookingCodeReply(data, 'BV-1009', [booking({})], names, 'es', NOW))).toContain('No encuentro la cita *BV-1009*');
    expect(text(bookingCodeReply(data, 'BV-1001', [booking({ status: 'cancelled' })], names, 'es', NOW))).toContain('está cancelada');
    expect(text(bookingCodeReply(data, 'BV-1001', [booking({ start: '2026-12-01T14:00:00Z', date: '2026-12-01' })], names, 'en', NOW), 'en')).toContain('was on');
  });
});

describe("a fact of the place the studio has not written", () => {
  it('should be said unknown with a person offered, and a written fact said as written', () => {
    const out = studioFactReply(data, 'parking', 'es');
    expect(text(out)).toContain('No tengo ese dato (si hay parqueo)');
    expect(out.offer?.intent).toBe('human_agent');
    const withFact = { ...data, store: { ...data.store, facts: { parking: { es: 'Sí, hay parqueo en la plaza.', en: 'Yes, there is parking.' } } } } as TenantData;
    const told = studioFactReply(withFact, 'parking', 'en');
    expect(text(told, 'en')).toContain('Yes, there is parking.');
    expect(told.offer).toBeUndefined();
  });
});

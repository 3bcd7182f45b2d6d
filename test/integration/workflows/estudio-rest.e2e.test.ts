import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../../src/demo-backend/server.js';
import { loadSeed } from '../../../src/demo-backend/seed.js';
import { spokenDate } from '../../../src/machines/workflow/spoken-dates.js';
import { startHiloForTest, type TestServer } from '../../helpers/hilo-server.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const TOKEN_ENV = 'HILO_TEST_ESTUDIO_BACKEND_TOKEN';
const TOKEN = 'estudio-rest-test-token';
const API_KEY = 'estudio_rest_test_api_key_0123456789';
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A weekday (Monday–Friday) at least `from` days ahead in Santo Domingo, as the customer says it and as the backend stores it. */
function weekdayAhead(from: number): { said: string; iso: string; spoken: string } {
  for (let days = from; ; days++) {
    const t = new Date(systemClock.now() - 4 * 3_600_000 + days * 86_400_000);
    if (t.getUTCDay() === 0 || t.getUTCDay() === 6) continue;
    const iso = t.toISOString().slice(0, 10);
    return { said: `${t.getUTCDate()} de ${MONTHS[t.getUTCMonth()]}`, iso, spoken: spokenDate(iso, 'es')! };
  }
}

/**
 * The whole runtime over REST with the studio's own data, classifier and workflows, and the demo
 * backend on loopback: a customer books, reschedules, pays and cancels, and each step is in the
 * backend. The tenant folder is copied so the test can name the backend's port in tenant.json.
 */
describe('estudio over REST: booking workflows end to end', () => {
  let backend: DemoBackend;
  let server: TestServer;
  let tenantsDir: string;

  beforeAll(async () => {
    backend = createDemoBackend({ seed: await loadSeed(root('tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger(), token: TOKEN });
    const url = await backend.listen(0, '127.0.0.1');
    tenantsDir = mkdtempSync(join(tmpdir(), 'hilo-estudio-'));
    cpSync(root('tenants/estudio'), join(tenantsDir, 'estudio'), { recursive: true });
    const settingsFile = join(tenantsDir, 'estudio', 'tenant.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(settingsFile, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, auth: { type: 'bearer', tokenEnv: TOKEN_ENV } } }));
    process.env[TOKEN_ENV] = TOKEN;
    server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir, HILO_API_KEYS: `estudio:${API_KEY}` } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await backend?.close();
    delete process.env[TOKEN_ENV];
    rmSync(tenantsDir, { recursive: true, force: true });
  });

  async function say(text: string): Promise<string[]> {
    const res = await fetch(`${server.baseUrl}/api/tenants/estudio/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sender: 'rest-estudio-1', text }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: { text: string }[] }).messages.map((m) => m.text);
  }

  it('should book, reschedule, pay and cancel, each visible in the demo backend', async () => {
    const phone = '+18095550188';
    const first = weekdayAhead(2);
    const second = weekdayAhead(3);

    expect(await say(`quiero agendar un corte el ${first.said} a las 3`)).toEqual([`Hay espacio el ${first.spoken} a las 3:00 p. m. 👍`, '¿A nombre de quién hago la reserva?']);
    expect(await say('Laura Méndez')).toEqual(['¿A qué número de teléfono te contactamos?']);
    expect((await say('809-555-0188'))[0]).toBe(`Reservo Corte y secado el ${first.spoken} a las 3:00 p. m. a nombre de Laura Méndez (tel. +18095550188). ¿Confirmo?`);
    expect((await say('sí, confirmo'))[0]).toMatch(new RegExp(`^¡Listo! Tu cita BV-\\d+ quedó el ${first.spoken} a las 3:00 p\\. m\\. Total: RD\\$1,500\\.00\\.$`));
    const [booking] = backend.studio.bookingsOf(phone);
    expect(booking).toMatchObject({ serviceId: 'corte-secado', date: first.iso, time: '15:00', status: 'confirmed' });

    // The phone given for the booking is not asked again.
    expect(await say('necesito mover mi cita')).toEqual(['¿Para qué día la movemos?']);
    expect((await say(`el ${second.said} a las 10`))[0]).toContain(`para el ${second.spoken} a las 10:00 a. m. ¿Confirmo?`);
    expect((await say('sí'))[0]).toBe(`¡Hecho! Tu cita ${booking!.id} ahora es el ${second.spoken} a las 10:00 a. m.`);
    expect(backend.studio.getBooking(booking!.id)).toMatchObject({ date: second.iso, time: '10:00', status: 'confirmed' });

    expect((await say('quiero pagar mi cita'))[0]).toContain(`enlace de pago para la cita ${booking!.id}`);
    const paid = (await say('sí'))[0];
    expect(paid).toMatch(/^Paga RD\$1,500\.00 en este enlace seguro: http:\/\/127\.0\.0\.1:\d+\/pay\/\S+/);
    // The link's expiry is spoken in the studio's time zone, not an ISO instant.
    expect(paid).toMatch(/\(vence el \S+ \d{1,2} de \S+ a las? \d{1,2}:\d\d [ap]\. m\.\)\. Nunca te pediremos la tarjeta por chat\.$/);
    expect(backend.studio.getBooking(booking!.id).paymentStatus).toBe('pending');

    expect((await say('cancela mi cita por favor'))[0]).toBe(`¿Confirmas que cancelo la cita ${booking!.id} del ${second.spoken} a las 10:00 a. m.?`);
    expect(await say('sí')).toEqual([`Tu cita ${booking!.id} quedó cancelada.`]);
    expect(backend.studio.getBooking(booking!.id).status).toBe('cancelled');
  });
});

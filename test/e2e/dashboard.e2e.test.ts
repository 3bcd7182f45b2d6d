import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { formatConfidence, formatCount, formatCsat, formatMs, formatRate, formatUsd, type Lang } from '../../web-console/src/dashboard/format.js';
import { funnelStateLabel } from '../../web-console/src/dashboard/strings.js';
import { CONSOLE_TIMEOUT_MS as TIMEOUT, startConsoleRig, type ConsoleRig, type ConsoleServer } from './console-rig.js';
import { ROOT } from './widget-rig.js';

// The README's picture is refreshed on purpose (HILO_UPDATE_SCREENSHOT=1); otherwise test-results/.
const SHOT_DIR = process.env.HILO_UPDATE_SCREENSHOT ? join(ROOT, 'docs', 'images') : join(ROOT, 'test-results');
const PASSWORD = 'dashboard-e2e-pass-4417';
const AGENT_PASSWORD = 'dashboard-agent-pass-88';
const TZ = 'America/Santo_Domingo';
const DAY_MS = 86_400_000;

const LEAD = (name: string, email: string, company: string) => [
  'Somos una constructora y queremos comprar materiales al por mayor',
  name,
  email,
  company,
  'Ventas',
  'Necesitamos materiales para construir casas en La Romana',
  'Alto',
  'sí',
];

type Kind = 'self' | 'lead' | 'handoff' | 'unmet';
interface Scripted {
  kind: Kind;
  messages: string[];
  /** A handoff resolved by an agent over REST, then rated by the customer. */
  rating?: number;
}

const SELF: string[][] = [
  ['¿A qué hora abren el domingo?'],
  ['¿Tienen cemento gris?', 'y si compro 50?'],
  ['¿qué ofertas tienen?'],
  ['¿A qué hora abren el domingo?', 'gracias, eso es todo, bye'],
  ['hay tubo pvc de 4 pulgadas?', 'y codos de 4?'],
  ['¿están contratando?'],
];

/**
 * The known data: per day back from today, the conversations of that day. Self-serve questions
 * (some asked again, so FAQ candidates form), leads to submission, handoffs resolved and rated,
 * and messages the bot cannot serve. Several days, so the per-day chart has bars to show.
 */
function plan(): Array<{ daysAgo: number; conversations: Scripted[] }> {
  const out: Array<{ daysAgo: number; conversations: Scripted[] }> = [];
  const leads = [
    ['Ana Rosario', 'ana.rosario@example.com', 'Constructora Rosario'],
    ['Luis Peguero', 'luis.peguero@example.com', 'Obras Peguero'],
    ['Marta Jiménez', 'marta.jimenez@example.com', 'Jiménez y Asociados'],
  ];
  const unmet = ['necesito un repuesto para lavadora samsung', 'blorf zzkt qwyx', 'venden boletos de avion?', 'necesito un repuesto para lavadora samsung'];
  const schedule = [12, 10, 9, 7, 5, 4, 2, 1, 0];
  schedule.forEach((daysAgo, i) => {
    const conversations: Scripted[] = [];
    const selfCount = 2 + (i % 3);
    for (let k = 0; k < selfCount; k++) conversations.push({ kind: 'self', messages: SELF[(i + k) % SELF.length]! });
    if (i % 3 === 0) conversations.push({ kind: 'lead', messages: LEAD(...(leads[(i / 3) % leads.length] as [string, string, string])) });
    if (i % 2 === 1) conversations.push({ kind: 'handoff', messages: ['quiero hablar con una persona'], rating: i % 4 === 1 ? 5 : 4 });
    if (i % 2 === 0) conversations.push({ kind: 'unmet', messages: [unmet[(i / 2) % unmet.length]!] });
    out.push({ daysAgo, conversations });
  });
  return out;
}

/**
 * The admin analytics dashboard in Debian's Chromium against the whole server on embedded PGlite:
 * known conversations driven over REST on several days (a clock offset moves "now" back, turns
 * still take real time), the demo admin opens the dashboard and every figure shown is the API's;
 * presets and a custom range ask for those days; English; an agent gets no dashboard.
 */
describe('admin analytics dashboard, in Chromium', () => {
  let hilo: Hilo;
  let baseUrl = '';
  let apiKey = '';
  let dataDir = '';
  let rig: ConsoleRig<ConsoleServer>;
  let offset = 0;
  const expected = { conversations: 0, leads: 0, handoffs: 0, answered: 0, ratings: [] as number[] };

  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(baseUrl + path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${apiKey}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, text, json: (res.headers.get('content-type') ?? '').startsWith('application/json') ? (JSON.parse(text) as any) : null };
  };

  const newPage = (locale = 'es-DO', viewport = { width: 1360, height: 900 }): Promise<Page> => rig.newPage({ locale, viewport });
  const logIn = (page: Page, username: string, password: string): Promise<void> => rig.logIn(page, { username, password });

  /** The durable server on a shifted clock, filled with the known conversations of `plan()`. */
  async function startSeeded(): Promise<ConsoleServer> {
    dataDir = mkdtempSync(join(tmpdir(), 'hilo-dashboard-'));
    apiKey = `test_${randomBytes(16).toString('hex')}`;
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      HILO_DEMO_API_KEY: apiKey,
      HILO_DEMO_AGENT_PASSWORD: PASSWORD,
      HILO_RATE_LIMIT_IP_PER_MINUTE: '100000',
      HILO_RATE_LIMIT_CONTACT_PER_MINUTE: '10000',
      HILO_STORAGE: 'durable',
      // Wall-clock test: the team hours (after-hours handoff notice) must not depend on the time of day.
      HILO_TEAM_HOURS: 'off',
      HILO_DATA_DIR: dataDir,
      // Idle conversations close two hours after their last turn (fired below, on their own day).
      HILO_CONVERSATION_IDLE_CLOSE_MS: String(2 * 3_600_000),
    });
    // Real time shifted by `offset`: conversations land on past days, turns still take real time.
    hilo = await startHilo({ config, logger: createSilentLogger(), clock: { now: () => Date.now() + offset } });
    baseUrl = `http://127.0.0.1:${hilo.port}`;

    let n = 0;
    for (const { daysAgo, conversations } of plan()) {
      // 10:00 in the tenant's time zone (UTC-4) of that day, a few minutes apart.
      const dayStart = Math.floor((Date.now() - 4 * 3_600_000) / DAY_MS) * DAY_MS - daysAgo * DAY_MS + 14 * 3_600_000;
      let minute = 0;
      for (const c of conversations) {
        offset = Math.min(0, dayStart + minute++ * 7 * 60_000 - Date.now());
        const sender = `dash-${c.kind}-${n++}`;
        let id = '';
        for (const text of c.messages) {
          const r = await api('/api/tenants/ferreteria/messages', { method: 'POST', body: { sender, text } });
          expect(r.status, `${sender}: ${text}`).toBe(200);
          id = r.json.conversation_id;
        }
        expected.conversations++;
        if (c.kind === 'lead') expected.leads++;
        if (c.kind === 'handoff') {
          expected.handoffs++;
          // Every other handoff gets an agent's reply before it is resolved: the team's reply time.
          if (expected.handoffs % 2 === 1) {
            expect((await api(`/api/tenants/ferreteria/conversations/${id}/agent-messages`, { method: 'POST', body: { agent: 'María', text: 'Hola, soy María.' } })).status).toBe(200);
            expected.answered++;
          }
          expect((await api(`/api/tenants/ferreteria/conversations/${id}/resolve`, { method: 'POST', body: { agent: 'María', outcome: 'resuelto' } })).status).toBe(200);
          expect((await api('/api/tenants/ferreteria/messages', { method: 'POST', body: { sender, text: String(c.rating) } })).status).toBe(200);
          expected.ratings.push(c.rating!);
        }
      }
      // The evening of that day: its idle conversations close (a turn each, on that day).
      offset = Math.min(0, dayStart + 8 * 3_600_000 - Date.now());
      while ((await hilo.fireTimers()) > 0);
    }
    offset = 0;
    // Back to now: the idle conversations' durable timers (closing them) are due; fire them all
    // now, so no figure moves while the page and the API are compared.
    while ((await hilo.fireTimers()) > 0);
    await hilo.drainOutbox();
    // An agent (not an admin), created with the tenant's key.
    const created = await api('/console/api/tenants/ferreteria/agents', { method: 'POST', body: { username: 'pedro', displayName: 'Pedro', role: 'agent', password: AGENT_PASSWORD, lang: 'es' } });
    expect(created.status).toBe(201);
    return { baseUrl, close: () => hilo.close() };
  }

  beforeAll(async () => {
    // The session check before login answers 401; the agent's refused analytics read answers 403.
    rig = await startConsoleRig({ password: PASSWORD, start: startSeeded, expectedFailure: (url) => url.includes('/console/api/session') || url.includes('/analytics/') });
  }, 240_000);

  beforeEach(() => {
    rig.errors.length = 0;
  });

  afterAll(async () => {
    await rig?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should count the known conversations in the API first', async () => {
    const s = await api('/api/tenants/ferreteria/analytics/summary');
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ conversations: expected.conversations, leads: expected.leads, handoffs: expected.handoffs, lead_conversion: 1, time_zone: TZ });
    expect(s.json.csat_avg).toBeCloseTo(expected.ratings.reduce((a, b) => a + b, 0) / expected.ratings.length, 9);
    // Under /console (where the session cookie goes) the same routes want a session or the key.
    expect((await fetch(`${baseUrl}/console/api/tenants/ferreteria/analytics/summary`)).status).toBe(401);
    expect((await api('/console/api/tenants/ferreteria/analytics/summary')).json).toEqual(s.json);
    const daily = await api('/api/tenants/ferreteria/analytics/daily');
    expect(daily.json.days).toHaveLength(plan().length);
    // Per day, a conversation counts on every day it had a turn (timers close idle ones later).
    expect(daily.json.days.reduce((n: number, d: { conversations: number }) => n + d.conversations, 0)).toBeGreaterThanOrEqual(expected.conversations);
    expect(daily.json.days.reduce((n: number, d: { handoffs: number }) => n + d.handoffs, 0)).toBe(expected.handoffs);
  });

  it('should show the admin every figure the API answers, with the charts and tables, and the training export', async () => {
    const page = await newPage();
    await logIn(page, 'demo', PASSWORD);
    await page.getByRole('button', { name: 'Panel' }).click();
    await page.locator('.dashboard[data-status="ready"]').waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('heading', { name: 'Panel de analítica' }).count()).toBe(1);
    expect(await page.evaluate(() => location.hash)).toBe('#dashboard');

    const lang: Lang = 'es';
    const summary = (await api('/api/tenants/ferreteria/analytics/summary')).json;
    // The default range: the last 30 days, preset pressed.
    expect(await page.locator('.range-shown').getAttribute('data-range')).toBe(`${summary.from}..${summary.to}`);
    expect(await page.locator('[data-preset="30"]').getAttribute('aria-pressed')).toBe('true');
    const shown = async (key: string) => ({
      value: await page.locator(`[data-figure="${key}"]`).getAttribute('data-value'),
      text: await page.locator(`[data-figure="${key}"] dd`).textContent(),
    });
    const formats: Record<string, (v: any) => string> = {
      conversations: (v) => formatCount(lang, v),
      messages: (v) => formatCount(lang, v),
      handoffs: (v) => formatCount(lang, v),
      escalation_rate: (v) => formatRate(lang, v),
      automation_rate: (v) => formatRate(lang, v),
      leads: (v) => formatCount(lang, v),
      lead_conversion: (v) => formatRate(lang, v),
      csat_avg: (v) => formatCsat(lang, v),
      turn_ms_p50: (v) => formatMs(lang, v),
      turn_ms_p95: (v) => formatMs(lang, v),
      llm_cost: (v) => formatUsd(lang, v),
    };
    for (const [key, format] of Object.entries(formats)) {
      expect(await shown(key), key).toEqual({ value: String(summary[key]), text: format(summary[key]) });
    }
    // The hand-known figures, as the page writes them.
    expect((await shown('conversations')).text).toBe(String(expected.conversations));
    expect((await shown('leads')).text).toBe(String(expected.leads));
    expect((await shown('lead_conversion')).text).toMatch(/^100\s?%$/);

    // The chart is drawn (uPlot's canvas), and its table holds the API's per-day rows.
    await page.locator('.day-chart canvas').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('.chart[role="img"]').getAttribute('aria-label')).toMatch(/^Gráfico de barras: .* la tabla debajo\.$/);
    const days = (await api('/api/tenants/ferreteria/analytics/daily')).json.days as Array<{ day: string; conversations: number; handoffs: number }>;
    await page.getByText('Ver los datos como tabla').click();
    const dayRows = await page.locator('[data-table="days"] tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.day, ...Array.from(r.querySelectorAll('td')).map((td) => td.textContent)]));
    expect(dayRows).toEqual(days.map((d) => [d.day, String(d.conversations), String(d.handoffs)]));

    // Funnels, intents, unmet needs and FAQ candidates: the API's rows, in its order.
    const funnel = (await api('/api/tenants/ferreteria/analytics/funnel')).json;
    expect(await page.locator('[data-table="states"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state))).toEqual(funnel.states.map((x: { state: string }) => x.state));
    expect(await page.locator('[data-table="states"] tbody tr td:nth-of-type(1)').allTextContents()).toEqual(funnel.states.map((x: { conversations: number }) => String(x.conversations)));
    // owner34: each state in words only, never its code ("Con una persona", not "handoff.withHuman").
    expect(await page.locator('[data-table="states"] tbody th').allTextContents()).toEqual(funnel.states.map((x: { state: string }) => funnelStateLabel('es', x.state)));
    expect((await page.locator('[data-table="states"] tbody th').allTextContents()).join(' ')).not.toMatch(/\w\.\w/);
    // owner34: where customers wrote from, as the API counts it (all over REST here).
    const channels = (await api('/api/tenants/ferreteria/analytics/channels')).json.channels as Array<{ channel: string; conversations: number }>;
    expect(channels.map((c) => c.channel)).toEqual(['rest']);
    expect(await page.locator('[data-table="channels"] tbody th').allTextContents()).toEqual(['API']);
    expect(await page.locator('[data-table="channels"] tbody td:nth-of-type(1)').allTextContents()).toEqual(channels.map((c) => String(c.conversations)));
    expect(await page.locator('[data-table="leads"] tbody tr td').allTextContents()).toEqual(funnel.leads.map((x: { conversations: number }) => String(x.conversations)));
    expect(funnel.leads[0]).toEqual({ stage: 'started', conversations: expected.leads });
    expect(await page.locator('[data-table="leads"] tbody tr th').first().textContent()).toBe('Iniciado');
    const intents = (await api('/api/tenants/ferreteria/analytics/intents')).json.intents as Array<{ intent: string; count: number; mean_confidence: number; misunderstood_rate: number; handoff_rate: number }>;
    expect(intents.length).toBeGreaterThan(3);
    const intentRows = await page.locator('[data-table="intents"] tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.intent, ...Array.from(r.querySelectorAll('td')).map((td) => td.textContent)]));
    expect(intentRows).toEqual(intents.map((x) => [x.intent, formatCount(lang, x.count), formatConfidence(lang, x.mean_confidence), formatRate(lang, x.misunderstood_rate), formatRate(lang, x.handoff_rate)]));
    // owner33: intents in the owner's words, the code kept as the title.
    expect(await page.locator('[data-table="intents"] tr[data-intent="product_inquiry"] th').textContent()).toBe('Pregunta por un producto');
    expect(await page.locator('[data-table="intents"] tr[data-intent="product_inquiry"] th').getAttribute('title')).toBe('product_inquiry');
    // owner33: the products asked for most, by the catalog's name, as the API ranks them.
    const products = (await api('/api/tenants/ferreteria/analytics/products?limit=20')).json.products as Array<{ sku: string; name: string; count: number; conversations: number }>;
    expect(products.length).toBeGreaterThan(0);
    expect(products.some((p) => p.name.startsWith('Cemento Gris'))).toBe(true);
    const productRows = await page.locator('[data-table="products"] tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.sku, r.querySelector('th')?.textContent, ...Array.from(r.querySelectorAll('td')).map((td) => td.textContent)]));
    expect(productRows).toEqual(products.map((p) => [p.sku, p.name, formatCount(lang, p.count), formatCount(lang, p.conversations)]));
    // owner33: what customers ask for that the store does not sell apart from what the bot did not understand.
    const unmet = (await api('/api/tenants/ferreteria/analytics/unmet?limit=50')).json as { groups: Array<{ terms: string; reasons: Record<string, number>; examples: string[] }> };
    const notCarried = unmet.groups.filter((g) => (g.reasons.not_found ?? 0) > 0);
    const other = unmet.groups.filter((g) => !notCarried.includes(g));
    expect(notCarried.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    const termsOf = (table: string) => page.locator(`[data-table="${table}"] tbody tr`).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.terms));
    expect(await termsOf('not-carried')).toEqual(notCarried.map((g) => g.terms));
    expect(await termsOf('unmet')).toEqual(other.map((g) => g.terms));
    expect(await page.locator('[data-table="unmet"] .examples li').first().textContent()).toBe(`«${other[0]!.examples[0]}»`);
    expect(await page.locator('#dash-not-carried').textContent()).toBe('Lo que piden y no vendemos (o no hay en existencia)');
    expect(await page.locator('[data-table="not-carried"] thead th').first().textContent()).toBe('Lo que pidieron');
    // owner33: handoffs by reason and the team's first reply, as the API answers them.
    const handoffs = (await api('/api/tenants/ferreteria/analytics/handoffs')).json;
    expect(handoffs).toMatchObject({ tickets: expected.handoffs, answered: expected.answered, unanswered: expected.handoffs - expected.answered, waiting: 0, reasons: [{ reason: 'customer_request', count: expected.handoffs }] });
    expect(await page.locator('[data-table="handoff-reasons"] tr[data-reason="customer_request"] th').textContent()).toBe('El cliente pidió una persona');
    expect(await page.locator('[data-table="handoff-reasons"] tr[data-reason="customer_request"] td').textContent()).toBe(formatCount(lang, expected.handoffs));
    for (const key of ['tickets', 'answered', 'waiting'] as const) {
      expect(await page.locator(`[data-handoff-figure="${key}"] dd`).textContent(), key).toBe(formatCount(lang, handoffs[key]));
    }
    expect(handoffs.first_reply_ms_p50).toBeGreaterThanOrEqual(0);
    expect(await page.locator('[data-handoff-figure="first_reply_ms_p50"] dd').textContent()).toBe(formatMs(lang, handoffs.first_reply_ms_p50));
    expect(await page.locator('[data-figure="turn_ms_p50"] dt').textContent()).toBe('Respuesta del bot (mediana)');
    const faq = (await api('/api/tenants/ferreteria/analytics/faq-candidates?limit=20')).json;
    expect(faq.candidates.length).toBeGreaterThan(0);
    expect(await page.locator('[data-table="faq"] tbody tr th').allTextContents()).toEqual(faq.candidates.map((c: { question: string }) => c.question));
    // No lead's personal data reaches the page.
    const text = (await page.locator('.dashboard').textContent()) ?? '';
    for (const secret of ['ana.rosario@example.com', 'Peguero', 'Marta Jiménez']) expect(text).not.toContain(secret);

    // The training export, fetched as the link would with the admin's cookie: the API's lines.
    const href = (await page.locator('[data-action="training"]').getAttribute('href'))!;
    expect(href).toBe(`/console/api/tenants/ferreteria/exports/training.jsonl?from=${summary.from}&to=${summary.to}&limit=1000`);
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    }, href);
    const viaKey = await api(href.replace('/console', ''));
    expect(download).toEqual({ status: 200, type: 'application/x-ndjson; charset=utf-8', body: viaKey.text });
    expect(download.body.trim().split('\n').length).toBeGreaterThan(expected.conversations);

    // The README picture: the dashboard with this data, top part.
    mkdirSync(SHOT_DIR, { recursive: true });
    await page.getByText('Ver los datos como tabla').click();
    await page.screenshot({ path: join(SHOT_DIR, 'dashboard.png'), clip: { x: 0, y: 0, width: 1360, height: 900 } });
    await page.screenshot({ path: join(ROOT, 'test-results', 'dashboard-full.png'), fullPage: true });
    expect(rig.errors).toEqual([]);
  });

  it('should ask for the preset and custom ranges, and switch to English', async () => {
    const page = await newPage();
    await logIn(page, 'demo', PASSWORD);
    await page.goto('/console#dashboard');
    await page.locator('.dashboard[data-status="ready"]').waitFor({ timeout: TIMEOUT });
    const to = (await page.locator('.range-shown').getAttribute('data-range'))!.split('..')[1]!;
    const back = (n: number) => new Date(Date.parse(`${to}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);

    const asked = page.waitForRequest((r) => r.url().includes('/analytics/summary?from='));
    await page.locator('[data-preset="7"]').click();
    expect(new URL((await asked).url()).search).toBe(`?from=${back(6)}&to=${to}`);
    await expect.poll(() => page.locator('.range-shown').getAttribute('data-range'), { timeout: TIMEOUT }).toBe(`${back(6)}..${to}`);
    await page.locator('.dashboard[data-status="ready"]').waitFor({ timeout: TIMEOUT });
    const week = (await api(`/api/tenants/ferreteria/analytics/summary?from=${back(6)}&to=${to}`)).json;
    expect(week.conversations).toBeLessThan(expected.conversations);
    expect(await page.locator('[data-figure="conversations"]').getAttribute('data-value')).toBe(String(week.conversations));
    expect(await page.locator('[data-preset="7"]').getAttribute('aria-pressed')).toBe('true');

    // A custom range: only the day 10 days ago.
    await page.getByLabel('Desde').fill(back(10));
    await page.getByLabel('Hasta').fill(back(10));
    await page.getByRole('button', { name: 'Aplicar' }).click();
    await expect.poll(() => page.locator('.range-shown').getAttribute('data-range'), { timeout: TIMEOUT }).toBe(`${back(10)}..${back(10)}`);
    await page.locator('.dashboard[data-status="ready"]').waitFor({ timeout: TIMEOUT });
    const one = (await api(`/api/tenants/ferreteria/analytics/summary?from=${back(10)}&to=${back(10)}`)).json;
    expect(one.conversations).toBeGreaterThan(0);
    expect(await page.locator('[data-figure="conversations"]').getAttribute('data-value')).toBe(String(one.conversations));
    expect(await page.locator('[data-preset="7"]').getAttribute('aria-pressed')).toBe('false');

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Analytics dashboard' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-figure="automation_rate"] dt').textContent()).toBe('Automation rate');
    expect(await page.getByRole('button', { name: 'Dashboard' }).getAttribute('aria-pressed')).toBe('true');
    // Back to the inbox: the dashboard leaves, the inbox returns.
    await page.getByRole('button', { name: 'Inbox' }).click();
    await page.getByRole('tab', { name: 'Waiting' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('.dashboard').count()).toBe(0);
    expect(rig.errors).toEqual([]);
  });

  it('should fit a phone: no part of the page wider than the screen, wide tables scroll on their own', async () => {
    const page = await newPage('es-DO', { width: 390, height: 844 });
    await logIn(page, 'demo', PASSWORD);
    await page.goto('/console#dashboard');
    await page.locator('.dashboard[data-status="ready"]').waitFor({ timeout: TIMEOUT });
    // owner33: the intents table and the two funnels spilled past a phone's edge.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const intents = await page.locator('[data-table="intents"]').evaluate((el) => ({ box: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(intents.box).toBeLessThanOrEqual(390);
    expect(intents.scroll).toBeGreaterThan(intents.client);
    await page.screenshot({ path: join(ROOT, 'test-results', 'dashboard-phone.png'), fullPage: true });
    expect(rig.errors).toEqual([]);
  });

  it('should not show an agent the dashboard, nor load its bundle, and the API refuses the agent', async () => {
    const page = await newPage();
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await logIn(page, 'pedro', AGENT_PASSWORD);
    await page.getByRole('tab', { name: 'En espera' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-view="dashboard"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Panel' }).count()).toBe(0);
    // Even asked for by its address, the agent gets the inbox.
    await page.goto('/console#dashboard');
    await page.getByRole('tab', { name: 'En espera' }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('.dashboard').count()).toBe(0);
    expect(loaded).not.toContain('/console/dashboard.js');
    const refused = await page.evaluate(async () => {
      const res = await fetch('/console/api/tenants/ferreteria/analytics/summary', { credentials: 'same-origin' });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('HILO_ERR_CONSOLE_FORBIDDEN');
    expect(rig.errors).toEqual([]);
  });
});

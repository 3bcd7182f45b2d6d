import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantData } from '../../src/domain/tenant.js';
import { loadTenant } from '../../src/persistence/tenant-loader.js';
import { createBrainFactory } from '../../src/runtime/brain-factory.js';
import { systemClock } from '../../src/kernel/clock.js';
import { loadLlmConfig } from '../../src/runtime/llm-config.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { startFakeCrmReceiver, type FakeCrmReceiver } from '../fakes/crm-receiver.js';
import { createFakeToolModel, type FakeToolModel } from '../fakes/fake-model.js';
import { startFakeOpenAi, type ChatBody, type FakeOpenAi } from '../fakes/openai-server.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';
import { draftValues } from '../helpers/model-understanding.js';
import { launchChromium, type TestBrowser } from './browser.js';

/**
 * The LLM brain driving whole conversations through tool calls: Hilo against the fake tool-using
 * model (test/fakes/fake-model.ts) behind the fake OpenAI-compatible server, through the real
 * `openai` client, over the REST channel and in a real browser with streamed replies.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CRM_SECRET = 'e2e-llm-tools-crm-secret-0123';
const REPLY_TIMEOUT_MS = 20_000;

interface TurnAnswer {
  conversation_id: string;
  messages: { author: string; text: string }[];
  state: { value: string; tags: string[]; context: Record<string, any> };
}

let tenant: TenantData;
let fake: FakeOpenAi;
let model: FakeToolModel;
let crm: FakeCrmReceiver;
let server: TestServer;
let browser: TestBrowser | undefined;
let launchError: unknown;
let sender = 0;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-widget.mjs')], { cwd: ROOT, stdio: 'pipe' });
  tenant = await loadTenant(join(ROOT, 'tenants', 'ferreteria'));
  // The model types its rewrites: a widget shows them growing before the final message.
  model = createFakeToolModel({ tenant, composeChunkDelayMs: 15 });
  fake = await startFakeOpenAi({ handler: model });
  crm = await startFakeCrmReceiver({ secret: CRM_SECRET, clock: systemClock });
  const llm = loadLlmConfig({ HILO_LLM_BASE_URL: fake.baseURL, HILO_LLM_MODEL: 'fake-tool-model', HILO_LLM_API_KEYS: 'local=sk-fake-local', HILO_LLM_TIMEOUT_MS: '8000', HILO_LLM_DEADLINE_MS: '15000', HILO_TURN_TIMEOUT_MS: '30000' });
  const factory = createBrainFactory(llm, { clock: systemClock, logger: createSilentLogger(), replies: true, clientOptions: { maxRetries: 1, backoffBaseMs: 1, backoffMaxMs: 5 } });
  server = await startHiloForTest({
    createBrain: factory,
    ...(factory.composeReplies ? { composeReplies: factory.composeReplies } : {}),
    env: { HILO_CRM_WEBHOOK_URL: crm.url, HILO_CRM_WEBHOOK_SECRET: CRM_SECRET, HILO_TURN_TIMEOUT_MS: '30000' },
  });
  browser = await launchChromium().catch((err: unknown) => {
    launchError = err;
    return undefined;
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fake?.close();
  await crm?.close();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(server.baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${server.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

async function say(from: string, text: string): Promise<TurnAnswer> {
  const res = await api('POST', '/api/tenants/ferreteria/messages', { sender: from, text });
  expect(res.status, res.text).toBe(200);
  return res.json as TurnAnswer;
}

const botText = (t: TurnAnswer) => t.messages.filter((m) => m.author === 'bot').map((m) => m.text).join('\n');
/** Understand requests since `from` whose last customer message is `text`. */
const understandCalls = (from: number, text: string) =>
  fake.requests.slice(from).filter((r) => r.body.response_format !== undefined && lastUser(r.body) === text);
const lastUser = (body: ChatBody) => String(body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '');
const toolResults = (body: ChatBody) => (body.messages ?? []).filter((m) => m.role === 'tool').map((m) => JSON.parse(String(m.content)) as Record<string, any>);

const PROBLEM = 'Estamos levantando un edificio de 4 niveles en La Romana y necesitamos cemento, varillas y blocks durante 6 meses.';
const LEAD_ANSWERS: Record<string, string> = {
  name: 'Me llamo Carolina Méndez',
  email: 'carolina.mendez@constructorameridiano.do',
  company_name: 'Constructora Meridiano SRL',
  interest_area: 'Ventas',
  problem_statement: PROBLEM,
  urgency_level: 'Es urgente, la urgencia es alta: empezamos la semana que viene',
};

describe('LLM brain with tools over REST (fake tool-using model)', () => {
  it('should qualify a whole lead through tool calls and push it to the CRM once', async () => {
    const from = `tools-rest-${process.pid}-${++sender}`;
    const start = fake.requests.length;
    const toolCallsBefore = { ...model.stats.toolCalls };
    let t = await say(from, 'Buenas, quiero cotizar materiales para una obra de mi empresa');
    expect(t.state.value).toMatch(/^workflow\.form\.collecting/);
    const answered: string[] = [];
    for (let i = 0; i < 10 && t.state.value.startsWith('workflow.form.collecting'); i++) {
      const field = (t.state.context.expecting as { field: string }).field;
      const answer = LEAD_ANSWERS[field];
      expect(answer, `unexpected question for ${field}: ${botText(t)}`).toBeDefined();
      answered.push(field);
      t = await say(from, answer!);
    }
    expect(t.state.value).toMatch(/^workflow\.form\.confirming/);
    t = await say(from, 'sí, todo correcto');

    const lead = t.state.context.lead;
    expect(lead.status).toBe('submitted');
    expect(botText(t)).toContain(lead.leadId);
    const values = draftValues(lead.draft);
    expect(values).toMatchObject({
      name: 'Carolina Méndez',
      email: 'carolina.mendez@constructorameridiano.do',
      company_name: 'Constructora Meridiano SRL',
      interest_area: 'Ventas',
      urgency_level: 'Alto',
    });
    expect(String(values.problem_statement)).toContain('edificio de 4 niveles');

    // Every answer reached the lead through save_lead_field: the model's JSON reading left those
    // fields out, so the draft can only have them from the tool calls.
    for (const field of answered) {
      const calls = understandCalls(start, LEAD_ANSWERS[field]!);
      expect(calls.length, field).toBe(2);
      expect(calls[0]!.body.tool_choice).toBe('auto');
      expect(toolResults(calls[1]!.body), field).toContainEqual(expect.objectContaining({ saved: field }));
    }
    const confirm = understandCalls(start, 'sí, todo correcto');
    expect(toolResults(confirm[1]!.body)).toEqual([expect.objectContaining({ status: 'submitting' })]);
    expect(t.state.context.understanding.tools).toEqual([{ name: 'push_lead', outcome: 'ok' }]);
    const saved = (model.stats.toolCalls['save_lead_field'] ?? 0) - (toolCallsBefore['save_lead_field'] ?? 0);
    expect(saved).toBeGreaterThanOrEqual(answered.length);
    expect((model.stats.toolCalls['push_lead'] ?? 0) - (toolCallsBefore['push_lead'] ?? 0)).toBe(1);

    // The lead reaches the CRM once, signed, through the outbox.
    await server.hilo.drainOutbox();
    const applied = crm.applied.filter((a) => JSON.stringify(a.body).includes('carolina.mendez@constructorameridiano.do'));
    expect(applied).toHaveLength(1);
    expect(applied[0]!.body).toMatchObject({
      tenant_id: 'ferreteria',
      lead: { lead_id: lead.leadId, contact_info: { name: 'Carolina Méndez', email: 'carolina.mendez@constructorameridiano.do' }, urgency_level: 'Alto' },
    });
  }, 120_000);

  it('should answer a product question from a search_catalog call, then hand off through escalate and free the pool slot', async () => {
    const from = `tools-rest-${process.pid}-${++sender}`;
    const start = fake.requests.length;
    const product = await say(from, '¿Tienen cemento gris?');
    const [first, second] = understandCalls(start, '¿Tienen cemento gris?');
    expect(first!.body.tools!.map((tool) => tool.function.name)).toContain('search_catalog');
    const results = toolResults(second!.body)[0]!.results as { sku: string; price_dop: number }[];
    const cement = tenant.catalog.find((p) => p.sku === results[0]!.sku)!;
    expect(cement.name).toMatch(/cemento gris/i);
    expect(botText(product)).toContain(cement.price.toLocaleString('en-US'));
    expect(product.state.context.understanding.tools).toEqual([{ name: 'search_catalog', outcome: 'ok' }]);

    let metrics = await api('GET', '/metrics.json');
    const active = metrics.json.total_active as number;
    expect(active).toBeGreaterThanOrEqual(1);
    const prometheus = await api('GET', '/metrics');
    expect(prometheus.text).toMatch(new RegExp(`^hilo_llm_pool_active_conversations\\{key_id="local"\\} ${active}$`, 'm'));
    expect(prometheus.text).toMatch(/^hilo_llm_pool_alert 0$/m);
    expect(prometheus.text).not.toContain('sk-fake-local');

    const human = await say(from, 'Quiero hablar con una persona, por favor');
    expect(human.state.value).toMatch(/^handoff/);
    expect(human.state.context.handoffReason).toBe('customer_request');
    expect(human.state.context.understanding.tools).toEqual([{ name: 'escalate', outcome: 'ok' }]);
    expect(botText(human)).toContain(human.state.context.ticket.number);
    // Handed to a human: its pool slot is free for other conversations.
    metrics = await api('GET', '/metrics.json');
    expect(metrics.json.total_active).toBe(active - 1);
  }, 60_000);
});

/** Every row of the widget's message list, read from inside its shadow root. */
async function rows(page: Page): Promise<{ author: string; seq: string | null; text: string }[]> {
  return page.evaluate(() => {
    const root = document.querySelector('hilo-widget')?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('.log .msg')).map((node) => ({
      author: node.dataset.author ?? '',
      seq: node.dataset.seq ?? null,
      text: node.querySelector('.bubble')?.textContent ?? '',
    }));
  });
}

describe('LLM brain with tools in the browser (fake tool-using model, streamed replies)', () => {
  it('should stream each reply into a growing bubble and qualify a lead through tool calls', { timeout: 180_000 }, async () => {
    if (!browser) throw launchError;
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'es-DO', viewport: { width: 1280, height: 820 } });
    try {
      const page = await context.newPage();
      // Records every text a streamed draft bubble (a bot row without a seq) showed.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __drafts: string[] }).__drafts = seen;
        const watch = () => {
          const root = document.querySelector('hilo-widget')?.shadowRoot;
          if (!root) return void setTimeout(watch, 20);
          new MutationObserver(() => {
            for (const node of Array.from(root.querySelectorAll<HTMLElement>('.log .msg[data-author="bot"]:not([data-seq])'))) {
              const text = node.querySelector('.bubble')?.textContent ?? '';
              if (text !== '' && seen.at(-1) !== text) seen.push(text);
            }
          }).observe(root, { subtree: true, childList: true, characterData: true });
        };
        watch();
      });
      await page.goto('/');
      await page.locator('hilo-widget .launcher').click();
      await page.locator('hilo-widget .status[data-state="online"]').waitFor({ timeout: REPLY_TIMEOUT_MS });

      const send = async (text: string): Promise<string> => {
        const before = (await rows(page)).filter((r) => r.author === 'bot' && r.seq !== null).length;
        await page.locator('hilo-widget textarea').fill(text);
        await page.locator('hilo-widget textarea').press('Enter');
        await page.waitForFunction(
          (n) => (document.querySelector('hilo-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-author="bot"][data-seq]').length ?? 0) > n,
          before,
          { timeout: REPLY_TIMEOUT_MS },
        );
        return (await rows(page)).filter((r) => r.author === 'bot' && r.seq !== null).slice(before).map((r) => r.text).join('\n');
      };

      const start = fake.requests.length;
      const composeBefore = model.stats.compose;
      const first = await send('Hola, quiero cotizar materiales para una obra de mi empresa');
      // The recorded reply is the model's rewrite, and the bubble showed it growing first.
      expect(first.startsWith('¡Claro!')).toBe(true);
      const drafts = await page.evaluate(() => (window as unknown as { __drafts: string[] }).__drafts.slice());
      const partial = drafts.filter((d) => first.replace(/\s+/g, ' ').startsWith(d.replace(/\s+/g, ' ')) && d.length < first.length);
      expect(partial.length, `drafts seen: ${JSON.stringify(drafts.slice(0, 5))}`).toBeGreaterThanOrEqual(2);

      const answers: Array<[RegExp, string]> = [
        [/correcto|confirm/i, 'sí, todo correcto'],
        [/correo/i, LEAD_ANSWERS.email!],
        [/empresa|negocio/i, LEAD_ANSWERS.company_name!],
        [/urgente/i, LEAD_ANSWERS.urgency_level!],
        [/área|ventas/i, LEAD_ANSWERS.interest_area!],
        [/necesitas|proyecto/i, LEAD_ANSWERS.problem_statement!],
        [/nombre/i, LEAD_ANSWERS.name!],
      ];
      let last = first;
      for (let i = 0; i < 10 && !/L-[A-Z0-9-]+/.test(last); i++) {
        const answer = answers.find(([re]) => re.test(last.split('\n').at(-1) ?? last))?.[1];
        expect(answer, `no answer for: ${last}`).toBeDefined();
        last = await send(answer!);
      }
      expect(last).toMatch(/L-[A-Z0-9-]+/);
      expect(model.stats.compose - composeBefore).toBeGreaterThanOrEqual(5);
      // Lead fields went through tools in this conversation too.
      const toolRounds = fake.requests.slice(start).filter((r) => (r.body.messages ?? []).some((m) => m.role === 'tool'));
      expect(toolRounds.length).toBeGreaterThanOrEqual(5);

      // Closing the tab frees the conversation's pool slot.
      const activeBefore = (await api('GET', '/metrics.json')).json.total_active as number;
      expect(activeBefore).toBeGreaterThanOrEqual(1);
      await page.close();
      const deadline = Date.now() + 10_000;
      let active = activeBefore;
      while (Date.now() < deadline && active >= activeBefore) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        active = (await api('GET', '/metrics.json')).json.total_active as number;
      }
      expect(active).toBe(activeBefore - 1);
    } finally {
      await context.close();
    }
  });
});

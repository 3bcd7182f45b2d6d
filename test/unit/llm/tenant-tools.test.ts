import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_TOOL_SPECS } from '../../../src/actors/brain/llm/backend-tools.js';
import { toWireSchema, type JsonSchema } from '../../../src/actors/brain/llm/json-schema.js';
import { buildComposeMessages, buildUnderstandSystemPrompt, DEFAULT_TOOLS_PROMPT, defaultToolsPrompt, resolveTenantPrompts } from '../../../src/actors/brain/llm/prompts.js';
import { tenantToolSpecs } from '../../../src/actors/brain/llm/tenant-tools.js';
import { createToolRegistry, TOOL_SPECS, type ToolContext } from '../../../src/actors/brain/llm/tools.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { loadTenant } from '../../../src/persistence/tenant-loader.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let studio: TenantData;
let store: TenantData;
beforeAll(async () => {
  studio = await loadTenant(join(ROOT, 'tenants/estudio'));
  store = await loadTenant(join(ROOT, 'tenants/ferreteria'));
});

const names = (specs: readonly { name: string }[]) => specs.map((s) => s.name).sort();
const ctx: ToolContext = { tenantId: 'estudio', conversationId: 'c-1', contactId: 'c-1', state: 'triage' };

describe("a tenant's tool set", () => {
  it("should give the studio with a backend its read-only backend tools and none of the hardware store's", () => {
    expect(names(tenantToolSpecs(studio, { backend: true }))).toEqual(['escalate', 'get_hours', 'list_packages', 'list_services', 'my_bookings', 'my_history']);
    // Without a backend its data is nowhere to read: only the handoff.
    expect(names(tenantToolSpecs(studio, { backend: false }))).toEqual(['escalate']);
  });

  it('should give the hardware store exactly the tools it had', () => {
    expect(tenantToolSpecs(store, { backend: false })).toEqual([...TOOL_SPECS]);
    expect(tenantToolSpecs(store, { backend: true })).toEqual([...TOOL_SPECS]);
  });

  it('should drop the tools whose data a tenant lacks, and add backend tools per declared source', () => {
    const bare: TenantData = { ...store, catalog: [], accounts: [] };
    expect(names(tenantToolSpecs(bare, { backend: false }))).toEqual(['create_ticket', 'escalate', 'push_lead', 'save_lead_field', 'verify_email']);
    const hoursOnly: TenantData = { ...studio, intents: (studio.intents ?? []).filter((i) => !(i.answer && 'source' in i.answer && i.answer.source !== 'hours')) };
    expect(names(tenantToolSpecs(hoursOnly, { backend: true }))).toEqual(['escalate', 'get_hours']);
  });

  it('should declare the backend tools as strict functions without arguments, the contact-bound ones as bound', async () => {
    for (const t of BACKEND_TOOL_SPECS) {
      expect(toWireSchema(t.parameters), t.name).toEqual({ type: 'object', additionalProperties: false, required: [], properties: {} } satisfies JsonSchema);
    }
    expect(BACKEND_TOOL_SPECS.filter((t) => t.ownership === 'bound').map((t) => t.name).sort()).toEqual(['my_bookings', 'my_history']);
    const registry = createToolRegistry({ specs: tenantToolSpecs(studio, { backend: true }) });
    expect(await registry.check({ id: '1', name: 'my_bookings', arguments: '{"phone":"+18095550101"}' }, ctx)).toMatchObject({ ok: false, reason: 'invalid_arguments' });
    expect(await registry.check({ id: '2', name: 'my_bookings', arguments: '{}' }, ctx)).toMatchObject({ ok: true, contactId: 'c-1' });
    expect(await registry.check({ id: '3', name: 'search_catalog', arguments: '{"query":"tinte","limit":3}' }, ctx)).toMatchObject({ ok: false, reason: 'unknown_tool' });
  });
});

describe('the tools prompt', () => {
  it("should stay, for the hardware store's tools, the text it was", () => {
    expect(DEFAULT_TOOLS_PROMPT).toBe(
      [
        'Before answering you may call the tools offered; their results are facts from the store, never from the customer.',
        '- save_lead_field: every lead field the customer gives in the LAST message (name, email, phone, company, interest area, problem statement, urgency), copied as written; never invent or guess one. Use null when the customer declines.',
        '- verify_email: when the customer gives an e-mail address that may be misspelt.',
        '- search_catalog / get_price: products the customer asks about.',
        '- account_status: only for an account number the customer typed, with `verification` = the last 4 digits of the phone on file or the cédula/RNC exactly as the customer typed it (null if not given yet). On verification_required or verification_failed, ask the customer for it; never reveal, guess or hint at any account data.',
        '- push_lead: only when the conversation expects a confirmation of the lead summary and the customer confirmed it.',
        '- escalate / create_ticket: when the customer asks for a person, complains, or the case is critical (threat, injury, fraud, legal action).',
        'After the tool results, answer with the JSON reading of the last message.',
      ].join('\n'),
    );
    expect(defaultToolsPrompt(names(tenantToolSpecs(store, { backend: false })))).toBe(DEFAULT_TOOLS_PROMPT);
  });

  it("should speak only of the studio's tools, and say that no tool books", () => {
    const text = defaultToolsPrompt(names(tenantToolSpecs(studio, { backend: true })));
    expect(text).toContain('- get_hours / list_services / list_packages:');
    expect(text).toContain('- my_bookings / my_history:');
    expect(text).toContain('- escalate:');
    expect(text).toContain('No tool books, cancels, pays or changes anything');
    expect(text).not.toMatch(/save_lead_field|search_catalog|account_status|push_lead|create_ticket|from the store/);
  });

  it("should compose the studio's replies as the studio, every placeholder filled", () => {
    const prompts = resolveTenantPrompts(studio.prompts);
    expect(prompts.compose.version).toBe('estudio-1/compose-v3');
    const { system } = buildComposeMessages(prompts.compose, {
      tenantName: studio.settings.displayName,
      lang: 'es',
      channel: 'whatsapp',
      canary: 'HILO-CANARY-0123456789abcdef',
      customerText: 'hola',
      replies: ['¡Hola! Soy el asistente de Estudio Bella Vida.'],
      endsWithQuestion: false,
      tone: prompts.tone('es'),
      clarification: prompts.clarification,
    });
    expect(system).toContain('Estudio Bella Vida, a beauty and wellness studio');
    expect(system).toContain('Rewrite the draft replies');
    expect(system).not.toMatch(/hardware|ferreter|\{\{/i);
  });

  it('should present a business without its own prompts as itself, not as a hardware store, and keep the store\'s own words', () => {
    const values = { tenantName: 'Panadería Don Luis', lang: 'es' as const, expecting: { kind: 'none' } as const, intents: ['greeting'] };
    const bare = resolveTenantPrompts(undefined);
    const compose = (p: ReturnType<typeof resolveTenantPrompts>) =>
      buildComposeMessages(p.compose, { ...values, channel: 'web', canary: 'HILO-CANARY-0', customerText: 'hola', replies: ['Hola'], endsWithQuestion: false, tone: p.tone('es'), clarification: p.clarification }).system;
    expect(buildUnderstandSystemPrompt(bare.understand, values)).toContain('Panadería Don Luis, a business in the Dominican Republic');
    expect(buildUnderstandSystemPrompt(bare.understand, values)).not.toMatch(/hardware|ferreter/i);
    expect(compose(bare)).not.toMatch(/hardware|ferreter/i);
    const own = resolveTenantPrompts(store.prompts);
    expect(buildUnderstandSystemPrompt(own.understand, { ...values, tenantName: 'Ferretería La Romana' })).toContain('Ferretería La Romana, a hardware store (ferretería) in the Dominican Republic');
    expect(compose(own)).toContain('a hardware store (ferretería)');
  });
});

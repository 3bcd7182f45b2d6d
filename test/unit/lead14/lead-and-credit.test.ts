import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationHost } from '../../../src/actors/conversation-host.js';
import { createTenantRuntime } from '../../../src/actors/tenant-runtime.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { needToldOpening } from '../../../src/actors/brain/rule/opening-need.js';
import type { LeadPayload } from '../../../src/domain/lead.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import { createManualClock } from '../../../src/kernel/clock.js';
import { createSilentLogger } from '../../../src/kernel/logger.js';
import { contactToReach, saidAsCorrection } from '../../../src/machines/contact-for-request.js';
import { withPhonesAdded as withPhoneAdded } from '../../../src/domain/phone-list.js';
import { asksCreditTerms } from '../../../src/machines/credit-terms.js';
import { talksDelivery } from '../../../src/machines/free-delivery-asked.js';
import { amendmentAddsOnly, leadAmendment, leadRestatement } from '../../../src/machines/lead-amend.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { createMemorySnapshotStore, createMemoryTranscriptStore } from '../../../src/persistence/index.js';
import { createTranscriptTurnJournal } from '../../../src/persistence/memory/memory-turn-journal.js';
import { createMemoryContactDirectory, createMemoryLeadStore, createMemoryTicketStore } from '../../../src/persistence/memory/memory-records.js';
import { createLocalShardRouter } from '../../../src/runtime/shard-router.js';
import { loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

const read = (text: string) => brain.understand({ text, messageId: 'm-1', expecting: { kind: 'none' }, lang: 'es', idempotencyKey: 'k-1' });

/** A memory host whose CRM port records what it is told (pushes and updates). */
function hostWithCrm() {
  const clock = createManualClock();
  const transcripts = createMemoryTranscriptStore();
  const pushed: LeadPayload[] = [];
  const updated: { payload: LeadPayload; amendment: number }[] = [];
  let host: ConversationHost | null = null;
  const runtime = createTenantRuntime({
    data: tenant,
    brain,
    tickets: createMemoryTicketStore({ clock }),
    leads: createMemoryLeadStore({ clock }),
    crm: { pushLead: async (_t, payload) => void pushed.push(payload), updateLead: async (_t, payload, amendment) => void updated.push({ payload, amendment }) },
    transcripts,
    clock,
    logger: createSilentLogger(),
    contextOf: (t, c) => host?.contextOf(t, c) ?? null,
  });
  host = new ConversationHost({
    contacts: createMemoryContactDirectory(),
    journal: createTranscriptTurnJournal(transcripts),
    tenants: new Map([[tenant.settings.id, runtime]]),
    snapshots: createMemorySnapshotStore({ clock }),
    transcripts,
    router: createLocalShardRouter({ shardCount: 4 }),
    clock,
    logger: createSilentLogger(),
  });
  const say = async (channel: string, senderId: string, ...texts: string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const text of texts) out.push((await host!.handleMessage({ tenantId: 'ferreteria', channel, senderId, text })).replies.map((r) => r.text).join('\n---\n'));
    return out;
  };
  return { say, pushed, updated, close: () => host!.close() };
}

const REGISTER_ES = ['necesito cotizar pintura para 8 apartamentos', 'Laura Bennett', 'laura.bennett@gmail.com', 'ninguna', 'ventas', 'baja', 'si'];
const REGISTER_EN = ['I need a quote for paint for 8 apartments', 'John Miller', 'john.miller@gmail.com', 'none', 'sales', 'low', 'yes'];

describe('an opening that asks materials for a project told concretely', () => {
  it('should take the need from it, in es and en', async () => {
    expect((await read('somos una constructora y necesitamos cotizacion de materiales pa 10 casas en guaymate')).leadFields.problem_statement).toBe('necesitamos cotizacion de materiales pa 10 casas en guaymate');
    expect((await read("Hi, I'm renovating a villa in Casa de Campo and would like an advisor to quote all materials")).leadFields.problem_statement).toContain('renovating a villa in Casa de Campo');
    expect((await read('estamos remodelando el hotel y necesitamos cotizar todos los materiales')).leadFields.problem_statement).toContain('remodelando el hotel');
    expect(needToldOpening('we are building 12 houses in La Romana and need a quote for materials', [])).toContain('12 houses');
  });

  it('should leave a project not told (or no materials) to be asked', async () => {
    for (const text of ['quiero cotizar materiales para una obra', "We're a hotel in Bayahibe renovating 40 rooms, can a sales rep contact us?", 'necesito materiales']) {
      expect((await read(text)).leadFields.problem_statement, text).toBeUndefined();
    }
  });

  it('should show the need in the summary without asking it', async () => {
    const crm = hostWithCrm();
    try {
      const out = await crm.say('whatsapp', '18095550111', 'somos una constructora y necesitamos cotizacion de materiales pa 10 casas en guaymate', 'Ramon Tejeda', 'rtejeda@constructorart.com', 'Constructora RT', 'ventas', 'alta, empezamos el mes q viene');
      expect(out.join('\n')).not.toMatch(/qué necesitas/i);
      expect(out[5]).toContain('10 casas en guaymate');
    } finally {
      await crm.close();
    }
  });
});

const submitted: LeadState = {
  ...createLeadState(),
  status: 'submitted',
  leadId: 'L-000001',
  draft: { name: { value: 'Ana Pérez', sourceMessageId: 'm1' }, email: { value: 'Ana.Perez@Coral.com', sourceMessageId: 'm2' }, phone_or_username: { value: '+18095550100', sourceMessageId: 'm3' } },
};
const reading = (leadFields: Understanding['leadFields'], extra: Partial<Understanding> = {}): Understanding =>
  ({ nlu: { intent: { name: 'out_of_scope', confidence: 0.2 }, ranking: [], entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields, products: [], critical: false, priority: 1, ...extra }) as unknown as Understanding;

describe('a way to reach the customer given after the lead is registered', () => {
  it('should read the call-me words around a phone as contact for the request', () => {
    const phone = reading({ phone_or_username: '+18095551234' });
    expect(contactToReach(phone, 'también me pueden llamar al 809-555-1234')).toEqual({ phone: '+18095551234' });
    for (const text of ['you can also call me at 809-555-1234', 'or text me at 809-555-1234', 'llámenme al 809-555-1234', 'el número de mi oficina es 809-555-1234', 'call me on my cell 809-555-1234 if I don\'t answer']) {
      expect(contactToReach(phone, text), text).not.toBeNull();
    }
    expect(contactToReach(phone, 'llámenme al 809-555-1234, quiero cancelar el pedido')).toBeNull();
    expect(contactToReach(reading({}), 'me pueden llamar?')).toBeNull();
  });

  it('should never read "llamarme también" as a name', async () => {
    expect((await read('puedes llamarme también al 829-555-1111')).leadFields.name).toBeUndefined();
    expect((await read('call me Ana')).leadFields.name).toBe('Ana');
  });

  it('should add the second phone beside the first (once), as an addition', () => {
    expect(withPhoneAdded('+18095550100', '+18095551234')).toBe('+18095550100 / +18095551234');
    expect(withPhoneAdded('+18095550100 / +18095551234', '+18095551234')).toBe('+18095550100 / +18095551234');
    expect(withPhoneAdded(null, '+18095551234')).toBe('+18095551234');
    const changed = leadAmendment(submitted, reading({ phone_or_username: '+18095551234' }), 'también me pueden llamar al 809-555-1234', 'm9');
    expect(changed?.phone_or_username?.value).toBe('+18095550100 / +18095551234');
    expect(amendmentAddsOnly(submitted, changed!)).toBe(true);
    // A number the lead has already, said again, is no change; one said as a correction replaces the lead's.
    expect(leadAmendment(submitted, reading({ phone_or_username: '+18095550100' }), 'también me pueden llamar al 809-555-0100', 'm9')).toBeNull();
    expect(saidAsCorrection('perdón, me equivoqué, mi número es 849-555-2222')).toBe(true);
    expect(leadAmendment(submitted, reading({ phone_or_username: '+18495552222' }), 'perdón, me equivoqué, mi número es 849-555-2222', 'm9')?.phone_or_username?.value).toBe('+18495552222');
  });

  it('should register the phone and send the CRM one update, never offer a person', async () => {
    const crm = hostWithCrm();
    try {
      const es = await crm.say('whatsapp', '18095550122', ...REGISTER_ES, 'también me pueden llamar al 809-555-1234');
      expect(es[7]).toContain('Anotado');
      expect(es[7]).toContain('/ +18095551234');
      expect(es[7]).not.toMatch(/persona/i);
      const en = await crm.say('rest', 'lead14-en', ...REGISTER_EN, 'you can also call me at 809-555-1234');
      expect(en[7]).toContain('Noted');
      expect(en[7]).not.toMatch(/someone from our team/i);
      // Each number on its own for the CRM (lead15): the first one, and the list.
      expect(crm.updated.map((u) => u.payload.contact_info.phone_or_username)).toEqual(['+18095550122', '+18095551234']);
      expect(crm.updated.map((u) => u.payload.contact_info.phones)).toEqual([['+18095550122', '+18095551234'], ['+18095551234']]);
    } finally {
      await crm.close();
    }
  });
});

describe('a business customer answering the form', () => {
  it('should keep the whole company name written before a word the extractor starts at', () => {
    const company = (text: string) => brain.readNow!({ text, messageId: 'm-2', expecting: { kind: 'lead_field', field: 'company_name' }, lang: 'en', idempotencyKey: 'k-2' }).leadFields.company_name;
    expect(company('Coral Hotel Bayahibe')).toBe('Coral Hotel Bayahibe');
    expect(company('Soy de Hotel Bayahibe')).toBe('Hotel Bayahibe');
  });

  it('should read a quote for paint for 40 hotel rooms as a project lead, and volume discounts as the wholesale fact', async () => {
    expect((await read('Hi, I need a quote for paint for 40 hotel rooms')).nlu.intent.name).toBe('sales_lead');
    const crm = hostWithCrm();
    try {
      const out = await crm.say('rest', 'lead14-volume', 'do you give discounts for volume?');
      expect(out[0]).toContain('wholesale');
      expect(out[0]).not.toMatch(/offers on/i);
    } finally {
      await crm.close();
    }
  });
});

describe('an e-mail said again in other letter case', () => {
  it('should be the address the lead has, never an amendment; dots still count', () => {
    expect(leadAmendment(submitted, reading({ email: 'ana.perez@coral.com' }, { correctsLead: true }), 'perdón, mi correo es ana.perez@coral.com', 'm9')).toBeNull();
    expect(leadRestatement(submitted, reading({ email: 'ana.perez@coral.com' }, { correctsLead: true }), 'perdón, mi correo es ana.perez@coral.com')).not.toBeNull();
    expect(leadAmendment(submitted, reading({ email: 'anaperez@coral.com' }, { correctsLead: true }), 'perdón, mi correo es anaperez@coral.com', 'm9')?.email?.value).toBe('anaperez@coral.com');
    expect(leadRestatement(submitted, reading({ email: 'anaperez@coral.com' }, { correctsLead: true }), 'perdón, mi correo es anaperez@coral.com')).toBeNull();
  });

  it('should send the CRM no update, in es and en', async () => {
    const crm = hostWithCrm();
    try {
      const es = await crm.say('rest', 'lead14-case-es', ...REGISTER_ES, 'perdón, mi correo es Laura.Bennett@Gmail.com');
      expect(es[7]).toContain('ya tiene');
      const en = await crm.say('rest', 'lead14-case-en', ...REGISTER_EN, 'sorry, my email is JOHN.MILLER@GMAIL.COM');
      expect(en[7]).toContain('already has');
      expect(crm.updated).toEqual([]);
      expect(crm.pushed).toHaveLength(2);
    } finally {
      await crm.close();
    }
  });
});

describe('a question of what the store credit takes', () => {
  it.each([
    'que necesito para sacar credito con ustedes?',
    'q requisitos piden pa abrir una cuenta de credito',
    'cuales son los requisitos para abrir una cuenta?',
    'dan credito a empresas?',
    'como funciona el credito de ustedes?',
    'do you offer credit to companies?',
    'what are the requirements to open a credit account?',
    'what do I need to open an account',
    'what are your credit terms?',
  ])('should read "%s" as a question of the terms', (text) => {
    expect(asksCreditTerms(text)).toBe(true);
  });

  it.each([
    'quiero abrir una cuenta de credito',
    'quiero abrir una cuenta de credito, que necesito?',
    "we'd like to apply for credit, what do you need?",
    'que necesito para pagar la cuenta',
    'mi credito esta suspendido, que necesito?',
    'que necesito para una tarjeta de credito',
  ])('should not read "%s" as one (a request, an account, a card)', (text) => {
    expect(asksCreditTerms(text)).toBe(false);
  });

  it('should answer the requirements and offer the application, which a yes starts', async () => {
    const crm = hostWithCrm();
    try {
      const es = await crm.say('rest', 'lead14-credit-es', 'que necesito para sacar credito con ustedes?', 'si');
      expect(es[0]).toMatch(/cédula o RNC/);
      expect(es[0]).toContain('Solicitar crédito');
      expect(es[0]).not.toContain('nombre completo');
      expect(es[1]).toContain('nombre completo');
      const en = await crm.say('rest', 'lead14-credit-en', 'what are the requirements to open a credit account?');
      expect(en[0]).toContain('2 to 3 business days');
      expect(en[0]).not.toMatch(/opening hours|full name/i);
      const request = await crm.say('rest', 'lead14-credit-req', 'quiero abrir una cuenta de credito');
      expect(request[0]).toContain('nombre completo');
    } finally {
      await crm.close();
    }
  });
});

describe('free delivery asked turns after delivery was talked about', () => {
  it('should know a message that talks about delivery', () => {
    for (const text of ['hacen delivery?', 'cuanto cuesta el envio a caleta?', 'do you deliver?', 'me lo llevan a Caleta?']) expect(talksDelivery(text), text).toBe(true);
    for (const text of ['tienen cemento?', 'how much is paint?']) expect(talksDelivery(text), text).toBe(false);
  });

  it('should answer the zone talked of for the amount, however many turns ago, and the zones after the list', async () => {
    const crm = hostWithCrm();
    try {
      const zone = await crm.say('rest', 'lead14-free-1', 'cuanto cuesta el envio a caleta?', 'tienen cemento?', 'y de pintura blanca que tienen?', 'y si compro mas de 20 mil es gratis?');
      expect(zone[3]).toContain('Caleta');
      expect(zone[3]).toContain('gratis');
      expect(zone[3]).not.toContain('No vendemos');
      const list = await crm.say('rest', 'lead14-free-2', 'do you deliver?', 'what if I spend 20k, is it free?');
      expect(list[1]).toContain('15,000');
      expect(list[1]).not.toMatch(/didn't quite get/);
      const never = await crm.say('rest', 'lead14-free-3', 'y si compro mas de 20 mil es gratis?');
      expect(never[0]).not.toContain('Caleta');
    } finally {
      await crm.close();
    }
  });
});

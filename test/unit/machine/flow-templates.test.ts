import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { FLOW_TEMPLATE_KEYS } from '../../../src/machines/flow-templates.js';

const flow = JSON.parse(readFileSync(new URL('../../../tenants/ferreteria/templates/flow.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
const ALLOWED_PARAMS: Record<string, string[]> = {
  'contact.noted': ['contact'],
  'contact.noted.pending': ['contact'],
  'contact.noted.ticket': ['contact', 'number'],
  'greeting.openLead': ['leadId'],
  'greeting.openTicket': ['number'],
  'greeting.named': ['name'],
  'greeting.introduced': ['name'],
  'greeting.introduced.later': ['name'],
  'greeting.introduced.contact': ['name', 'contact'],
  'greeting.company': ['company'],
  'greeting.welcomeBack': ['name'],
  'lead.confirm': ['fullName', 'email', 'phone', 'company', 'interest', 'problem', 'urgency'],
  'lead.submitted': ['leadId'],
  'lead.amended': ['leadId', 'changes'],
  'lead.amendAdded': ['leadId', 'changes'],
  'lead.amendUnchanged': ['leadId', 'changes'],
  'quote.ticket': ['number'],
  'quote.ticket.contact': ['number', 'contact'],
  'lead.companyNoted': ['company'],
  'lead.fieldsNoted': ['fields'],
  'lead.fact_first': ['fact'],
  'quote.reserved': ['number', 'line'],
  'quote.reserved_held': ['number', 'line'],
  'quote.reserved_pickup': ['number', 'line'],
  'quote.reserved.whose_name': ['number', 'line'],
  'quote.reserved.named': ['number', 'line', 'name'],
  'quote.reserved.company': ['number', 'line', 'name'],
  'quote.named': ['number', 'name'],
  'quote.named.company': ['number', 'name'],
  'quote.ticket_pickup': ['number'],
  'quote.backorder': ['number', 'line'],
  'quote.reserve_nudge': ['line'],
  'quote.reserve_short': ['count', 'stock', 'name'],
  'quote.reserved_partial': ['number', 'line', 'stock', 'rest'],
  'quote.backorder_nudge': ['line'],
  'identity.codeSent': ['channel', 'handle'],
  'workflow.proof.sent': ['last4'],
  'identity.cannotSend': ['channel'],
  'identity.linked': ['channel'],
  'accountCheck.why_verify': ['number'],
  'accountCheck.data_verify': ['number'],
  'accountCheck.who_verify': ['number'],
  'accountCheck.ack_verify': ['number'],
  'pending.pick': ['product'],
  'pending.measure.area': ['product'],
  'pending.measure.volume': ['product'],
  'pending.measure.height': ['product'],
};
const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('flow templates (demo tenant)', () => {
  it.each(['es', 'en'])('should define exactly the keys the machine emits in %s', (lang) => {
    expect(Object.keys(flow[lang] ?? {}).sort()).toEqual([...FLOW_TEMPLATE_KEYS].sort());
  });

  it('should leave the tools their key prefixes', () => {
    const forbidden = ['product.', 'account.', 'info.', 'offers.', 'vacancies.', 'quote.items'];
    expect(FLOW_TEMPLATE_KEYS.filter((k) => forbidden.some((p) => k.startsWith(p)))).toEqual([]);
  });

  it.each(['es', 'en'])('should use only the params the machine passes, in at most two paragraphs, in %s', (lang) => {
    for (const [key, text] of Object.entries(flow[lang]!)) {
      const handoffParams = ['number', ...(key.endsWith('callback_known') ? ['last4'] : []), ...(key.startsWith('handoff.ticket.complaint.answered') ? ['answer'] : [])];
      const allowed = key.startsWith('handoff.ticket.') ? handoffParams : (ALLOWED_PARAMS[key] ?? []);
      expect({ key, params: paramsOf(text).filter((p) => !allowed.includes(p)) }).toEqual({ key, params: [] });
      expect({ key, paragraphs: text.split(/\n\s*\n/).length <= 2 }).toEqual({ key, paragraphs: true });
      expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it.each(['es', 'en'])('should end every question the bot needs answered with a question mark in %s', (lang) => {
    const asking = FLOW_TEMPLATE_KEYS.filter((k) => k.startsWith('lead.ask.') || k.startsWith('lead.required.') || k === 'lead.invalidEmail' || k === 'notUnderstood');
    for (const key of asking) expect({ key, ends: flow[lang]![key]!.trim().endsWith('?') }).toEqual({ key, ends: true });
    expect(flow[lang]!['lead.confirm']).toMatch(/\?[^?]*$/);
  });

  it('should name the store and use "tú" in Spanish', () => {
    expect(flow.es!.greeting).toContain('Ferretería La Romana');
    const usted = Object.entries(flow.es!).filter(([, t]) => /\busted\b/i.test(t));
    expect(usted).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntentName } from '../../../src/domain/intents.js';
import type { Understanding } from '../../../src/domain/understanding.js';
import {
  answerToChoice,
  offerChoice,
  CLARIFY_OPTION_TEMPLATES,
  clarifyChoice,
  confirmChoice,
  decideTriage,
  HANDOFF_CONFIDENCE,
  likelyIntents,
  MIN_INTENT_CONFIDENCE,
  pickOption,
} from '../../../src/machines/triage-decision.js';
import { FLOW_TEMPLATE_KEYS } from '../../../src/machines/flow-templates.js';

function reading(ranked: [IntentName, number][], extra: Partial<Understanding> = {}): Understanding {
  const ranking = ranked.map(([name, confidence]) => ({ name, confidence }));
  return { nlu: { intent: ranking[0]!, ranking, entities: [], lang: 'es' }, lang: 'es', affirmation: null, leadFields: {}, products: [], critical: false, priority: 3, ...extra };
}

describe('decideTriage', () => {
  it('should hand off only a confident complaint or request for a person', () => {
    expect(decideTriage(reading([['complaint', HANDOFF_CONFIDENCE]]))).toEqual({ kind: 'handoff', reason: 'complaint' });
    expect(decideTriage(reading([['human_agent', 0.9]]))).toEqual({ kind: 'handoff', reason: 'customer_request' });
    expect(decideTriage(reading([['complaint', 0.44], ['product_inquiry', 0.2]]))).toEqual({ kind: 'confirm', intent: 'complaint' });
    expect(decideTriage(reading([['human_agent', MIN_INTENT_CONFIDENCE], ['offers', 0.2]]))).toEqual({ kind: 'confirm', intent: 'human_agent' });
  });

  it('should read an unsure reading that names a product as a product question', () => {
    const products = [{ query: 'pintura azul' }];
    expect(decideTriage(reading([['complaint', 0.33], ['product_inquiry', 0.19]], { products }))).toEqual({ kind: 'act', intent: 'product_inquiry' });
    expect(decideTriage(reading([['out_of_scope', 0.85]], { products }))).toEqual({ kind: 'act', intent: 'product_inquiry' });
    // A confident complaint about a product is still a complaint.
    expect(decideTriage(reading([['complaint', 0.8]], { products }))).toEqual({ kind: 'handoff', reason: 'complaint' });
  });

  it('should clarify a low reading with its likely requests, price and product as one', () => {
    const u = reading([['price_quote', 0.2], ['product_inquiry', 0.18], ['offers', 0.1], ['greeting', 0.1], ['account_status', 0.09], ['job_vacancies', 0.05]]);
    expect(likelyIntents(u)).toEqual(['product_inquiry', 'offers', 'account_status']);
    expect(decideTriage(u)).toEqual({ kind: 'clarify', intents: ['product_inquiry', 'offers', 'account_status'] });
    expect(decideTriage(reading([['offers', 0.25], ['greeting', 0.2], ['goodbye', 0.2]]))).toEqual({ kind: 'clarify', intents: ['offers', 'human_agent'] });
  });

  it('should not clarify what the classifier itself calls out of scope, and answer low small talk as such', () => {
    expect(decideTriage(reading([['out_of_scope', 0.6], ['offers', 0.1]]))).toEqual({ kind: 'not_understood' });
    expect(decideTriage(reading([['thanks', 0.28], ['goodbye', 0.2], ['offers', 0.1]]))).toEqual({ kind: 'act', intent: 'thanks' });
    expect(decideTriage(reading([['greeting', 0.2], ['offers', 0.05], ['account_status', 0.04]]))).toEqual({ kind: 'not_understood' });
    expect(decideTriage(null)).toEqual({ kind: 'not_understood' });
  });
});

describe('pickOption', () => {
  const choice = clarifyChoice(['account_status', 'product_inquiry', 'human_agent'], 'lo de la otra vez', 'es');
  it.each([
    ['1', 0], ['2', 1], ['3', 2], ['la segunda', 1], ['opción 3', 2], ['el 2 por favor', 1], ['the first one', 0], ['la última', 2],
    ['#2', 1], ['primero', 0], ['tres', 2],
    ['El estado de mi cuenta', 0], ['Look up a product or price', 1], ['lo de la cuenta', 0], ['una persona', 2],
  ] as const)('should read "%s" as option %i', (text, index) => {
    expect(pickOption(text, choice, null)).toBe(index);
  });

  it.each(['4', 'tienen cemento gris de 42 kilos para entregar mañana en la obra?', 'hola', '2 sacos de cemento', ''])('should not read "%s" as a pick', (text) => {
    expect(pickOption(text, choice, null)).toBeNull();
  });

  it('should read yes and no to a confirmation, and words before a bare "no"', () => {
    const confirm = confirmChoice('complaint', 'nadie me contesta', 'es');
    expect(confirm.options.map((o) => o.intent)).toEqual(['complaint', 'out_of_scope']);
    expect(pickOption('sí, por favor', confirm, 'yes')).toBe(0);
    expect(pickOption('no gracias', confirm, 'no')).toBe(1);
    expect(pickOption('no, con una persona', confirm, 'no')).toBe(0);
    expect(pickOption('No, something else', confirm, null)).toBe(1);
    // "sí" alone picks nothing in a question that is not yes/no.
    expect(pickOption('sí', choice, 'yes')).toBeNull();
  });

  it('should answer each question of the same choice afresh when the text or the affirmation changes (its memo is per question)', () => {
    const confirm = confirmChoice('complaint', 'nadie me contesta', 'es');
    // Same text, another affirmation: another answer, not the remembered one.
    expect(pickOption('claro', confirm, 'yes')).toBe(0);
    expect(pickOption('claro', confirm, null)).toBeNull();
    expect(pickOption('claro', confirm, 'yes')).toBe(0);
    expect(pickOption('la segunda', confirm, null)).toBe(1);
    // Another choice object with the same text: its own answer.
    expect(pickOption('la segunda', choice, null)).toBe(1);
    expect(pickOption('tres', choice, null)).toBe(2);
    expect(pickOption('tres', confirm, null)).toBeNull();
  });

  it('should not take an acknowledgment or a laugh as the yes to an offered person, but as "something else"', () => {
    const person = offerChoice({ intent: 'human_agent', label: 'Sí, con una persona', text: 'sí, pásame con alguien' }, 'es');
    expect(pickOption('jajaja ok', person, 'yes')).toBe(1);
    expect(pickOption('ok', person, 'yes')).toBe(1);
    expect(pickOption('sí, por favor', person, 'yes')).toBe(0);
    expect(pickOption('dale', person, 'yes')).toBe(0);
    // An offer of something else than a person takes "ok" as its yes.
    const address = offerChoice({ intent: 'store_hours_location', label: 'La dirección', text: '¿dónde quedan?' }, 'es');
    expect(pickOption('ok', address, 'yes')).toBe(0);
  });

  it('should read thanks that close ("ok gracias") as no yes to any offer, and "sí, gracias" as one', () => {
    const address = offerChoice({ intent: 'store_hours_location', label: 'La dirección', text: '¿dónde quedan?' }, 'es');
    const person = offerChoice({ intent: 'human_agent', label: 'account.offer.collections', text: 'Quiero hablar con el área de cobros' }, 'es');
    for (const thanks of ['ok gracias', 'ok, muchas gracias', 'perfecto gracias!', 'mil gracias manito', 'ok thanks a lot']) {
      expect(pickOption(thanks, address, 'yes'), thanks).toBeNull();
      expect(pickOption(thanks, person, 'yes'), thanks).toBeNull();
    }
    expect(pickOption('si gracias', address, 'yes')).toBe(0);
    expect(pickOption('sí, gracias', person, 'yes')).toBe(0);
  });

  it('should complete an offer\'s question with a short answer naming a place, never with a question of when', () => {
    const address = offerChoice({ intent: 'store_hours_location', label: 'info.offer.location', text: '¿Dónde quedan las sucursales?', completes: '¿Dónde queda {answer}?' }, 'es');
    const store = reading([['store_hours_location', 0.6]]);
    expect(answerToChoice('la de villa hermosa', address, store)).toEqual({ at: 0, implied: false, text: '¿Dónde queda la de villa hermosa?' });
    for (const when of ['y el sábado?', 'y los domingos?', 'y mañana?', 'what about Sunday?', '¿y a qué hora cierran?']) {
      expect(answerToChoice(when, address, store)).toBeNull();
    }
  });

  it('should write option texts in the conversation language and declare every label template', () => {
    expect(clarifyChoice(['offers'], 'x', 'en').options).toEqual([{ intent: 'offers', label: 'clarify.option.offers', text: 'See the offers' }]);
    for (const key of CLARIFY_OPTION_TEMPLATES) expect(FLOW_TEMPLATE_KEYS).toContain(key);
  });
});

describe('clarify templates (demo tenant)', () => {
  const flow = JSON.parse(readFileSync(new URL('../../../tenants/ferreteria/templates/flow.json', import.meta.url), 'utf8')) as Record<'es' | 'en', Record<string, string>>;
  it.each(['es', 'en'] as const)('should keep option labels short enough for a WhatsApp reply button (20 characters) in %s', (lang) => {
    for (const key of CLARIFY_OPTION_TEMPLATES) {
      const label = flow[lang][key];
      expect(label, key).toBeDefined();
      expect({ key, length: [...label!].length <= 20 }).toEqual({ key, length: true });
    }
  });
});

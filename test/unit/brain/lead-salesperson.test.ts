import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { asksForSalesPerson, asksPutThroughToSales } from '../../../src/actors/brain/rule/handoff-requests.js';
import { isStoreysOfBuilding } from '../../../src/actors/brain/rule/project-quotes.js';
import { extractCompanies } from '../../../src/actors/brain/rule/company-names.js';
import { namesGoods } from '../../../src/actors/tools/product-like.js';
import type { LeadField } from '../../../src/domain/lead.js';
import type { Expectation } from '../../../src/domain/understanding.js';
import { loadDemo } from '../../helpers/memory-host.js';

let brain: Brain;
beforeAll(async () => {
  ({ brain } = await loadDemo());
});

const read = (text: string, expecting: Expectation = { kind: 'none' }) => brain.understand({ text, messageId: 'm-1', expecting, lang: 'es', idempotencyKey: 'k-1' });
const asked = (field: LeadField): Expectation => ({ kind: 'lead_field', field });

describe('a business quote for a project opens the lead (leads4)', () => {
  it('should read who is asking and the need, never the goods priced one unit each', async () => {
    const en = await read("I'm David Ortiz from Ortiz Electric, we need a quote for wire and breakers for a new building");
    expect(en.nlu.intent.name).toBe('sales_lead');
    expect(en.leadFields).toMatchObject({ name: 'David Ortiz', company_name: 'Ortiz Electric' });
    expect(en.leadFields.problem_statement).toContain('wire and breakers');
    const es = await read('Soy Carla Méndez de Constructora Méndez, necesitamos cotizar cemento y varilla para una obra');
    expect(es.nlu.intent.name).toBe('sales_lead');
    expect(es.leadFields).toMatchObject({ name: 'Carla Méndez', company_name: 'Constructora Méndez' });
  });

  it('should keep a counted product, and one product uncounted without a company, as the price', async () => {
    expect((await read('soy Pedro Gil, quiero cotizar 30 sacos de cemento para una obra')).nlu.intent.name).not.toBe('sales_lead');
    expect((await read('hola soy Ana, cotizame cemento pa una obra')).nlu.intent.name).not.toBe('sales_lead');
  });
});

describe('a sales advisor asked for by name', () => {
  it('should read the sales side asked for, es and en', () => {
    for (const text of ['quiero hablar con un asesor de ventas', 'tienen asesores de ventas?', 'quiero que alguien de ventas me contacte', 'can I talk to a sales advisor?', 'I need someone from sales to contact me', 'quiero hablar con el departamento comercial', 'quiero que un asesor me haga la cotización formal', "I'd like a rep to send me a quote", 'necesito hablar con alguien para un pedido grande de cerámica para un hotel']) {
      expect(asksForSalesPerson(text), text).toBe(true);
    }
  });

  it('should not read a job, trouble, or any person', () => {
    for (const text of ['busco trabajo de asesor de ventas', 'are you hiring sales reps?', 'quiero hablar con alguien de ventas, compré un taladro y no sirve', 'quiero hablar con un asesor', 'quiero hablar con una persona', 'necesito hablar con alguien, la cotización que me mandaron está mal', 'quiero hablar con alguien sobre mi pedido']) {
      expect(asksForSalesPerson(text), text).toBe(false);
    }
  });

  it('should be a lead, not a person now', async () => {
    expect((await read('quiero hablar con un asesor de ventas')).nlu.intent.name).toBe('sales_lead');
    expect((await read('quiero hablar con un asesor')).nlu.intent.name).toBe('human_agent');
  });

  // lead39: "me comunica con alguien de ventas" was read as the lead form; a transfer asked is a person now, as "pásame un vendedor".
  it('should put a transfer to the sales side through to a person now, es and en', async () => {
    const transfers = ['quiero pasar con alguien de ventas', 'me comunica con un vendedor?', 'me comunica con alguien de ventas', 'pasame con el departamento de ventas porfa', 'transfiereme a ventas', 'can you put me through to a sales rep?'];
    for (const text of transfers) {
      expect(asksPutThroughToSales(text), text).toBe(true);
      expect(asksForSalesPerson(text), text).toBe(false);
      expect((await read(text)).nlu.intent.name, text).toBe('human_agent');
    }
    for (const text of ['quiero hablar con un asesor de ventas', 'quiero pasar con alguien de ventas, busco trabajo', 'pasame con ventas, el taladro que compre no sirve']) expect(asksPutThroughToSales(text), text).toBe(false);
  });
});

describe('words of a quote or a person name no goods', () => {
  it('should not take "formal", "asesor" or "ventas" for goods', () => {
    for (const phrase of ['formal', 'asesores de ventas', 'formal quote']) expect(namesGoods(phrase, () => false), phrase).toBe(false);
    expect(namesGoods('zapatos', () => false)).toBe(true);
  });
});

describe('lead fields given out of turn', () => {
  it('should find the company after an e-mail or a phone given with the name', () => {
    const names = [{ type: 'person_name' as const, value: 'Luis Peña', start: 4, end: 13 }];
    expect(extractCompanies('soy Luis Peña, luis.pena@gmail.com, de Peña Construcciones', { names }).map((c) => c.value)).toEqual(['Peña Construcciones']);
    expect(extractCompanies('soy Luis Peña, luis@gmail.com, de Santiago', { names })).toEqual([]);
  });

  it('should read the company declined inside a list of fields', async () => {
    for (const text of ['me llamo Ramón Ureña, ramon@urena.do, trabajo por mi cuenta', "I'm Kevin Brown, kevin@gmail.com, I'm self-employed"]) {
      expect((await read(text, asked('name'))).leadFields.company_name, text).toBeNull();
    }
    for (const text of ["it's for my house", 'es para mi casa']) expect((await read(text, asked('company_name'))).leadFields.company_name, text).toBeNull();
  });

  it('should take a name corrected where the company is asked as the name', async () => {
    for (const text of ['perdón, mi nombre es Ramón Antonio Ureña', 'el nombre está mal, es Ramón Antonio Ureña', 'me equivoqué, el nombre es Ramón Antonio Ureña', 'sorry, the name is Ramón Antonio Ureña']) {
      const u = await read(text, asked('company_name'));
      expect(u.leadFields.name, text).toBe('Ramón Antonio Ureña');
      expect(u.leadFields.company_name, text).toBeUndefined();
    }
    expect((await read('el nombre es Ferretería Díaz', asked('company_name'))).leadFields.company_name).toBe('Ferretería Díaz');
  });

  it('should read a field corrected in the form as the form, never a complaint', async () => {
    const u = await read('el correo está mal, es pedromejia@gmail.com', asked('company_name'));
    expect(u.nlu.intent.name).not.toBe('complaint');
    expect(u.leadFields.email).toBe('pedromejia@gmail.com');
  });

  it('should write down the need told where the company is asked, and leave the company open', async () => {
    const u = await read('necesito materiales para 10 casas en Bávaro', asked('company_name'));
    expect(u.leadFields.problem_statement).toBe('necesito materiales para 10 casas en Bávaro');
    expect(u.leadFields.company_name).toBeUndefined();
    expect((await read('Constructora de Materiales del Caribe', asked('company_name'))).leadFields.problem_statement).toBeUndefined();
  });

  it('should read the urgency said as a span of time or in WhatsApp spelling', async () => {
    const cases: [string, string][] = [['en 15 dias', 'Medio'], ['en 3 días', 'Alto'], ['within a week', 'Alto'], ['in 2 months', 'Bajo'], ['pa la semana q viene', 'Medio'], ['tan pronto como se pueda', 'Alto'], ['de una vez', 'Alto'], ['by the end of the month', 'Medio'], ['a fin de mes', 'Medio']];
    for (const [text, level] of cases) expect((await read(text, asked('urgency_level'))).leadFields.urgency_level, text).toBe(level);
  });

  it('should read the name before contact data and in WhatsApp spelling', async () => {
    const cases: [string, string][] = [['mi nombre e juan perez', 'Juan Perez'], ['juan perez y mi correo juanp@gmail.com', 'Juan Perez'], ['pedro martinez 8095551234', 'Pedro Martinez']];
    for (const [text, name] of cases) expect((await read(text, asked('name'))).leadFields.name, text).toBe(name);
  });

  it('should read more ways of declining the company', async () => {
    for (const text of ['es pa mi casa', "I'm an independent contractor", 'persona física', 'a mi nombre', 'soy ama de casa', "I'm a homeowner", 'es para mi casa nada más']) expect((await read(text, asked('company_name'))).leadFields.company_name, text).toBeNull();
  });

  it('should read when, told in a clause of the need, as the urgency', async () => {
    const cases: [string, string][] = [['pintura para una escuela, la necesitamos para el lunes', 'Alto'], ['doors for 12 units, we need them in two weeks', 'Medio'], ['techo de zinc para una nave, para el mes que viene', 'Bajo']];
    for (const [text, level] of cases) expect((await read(text, asked('problem_statement'))).leadFields.urgency_level, text).toBe(level);
    expect((await read('pintura, nada más', asked('problem_statement'))).leadFields.urgency_level).toBeUndefined();
  });

  it('should not write a request or a description as the name, nor a product looked for or a complaint as the need', async () => {
    for (const text of ['queremos cotizar materiales para un residencial', 'somos una empresa de remodelaciones, queremos trabajar con ustedes', 'I need a quote']) {
      expect((await read(text, asked('name'))).leadFields.name, text).toBeUndefined();
    }
    for (const text of ['busco una escalera de aluminio', 'quiero devolver una pintura que salio de otro color', 'quisiera saber si tienen cemento y varilla para una obra', 'quiero que me visite un vendedor para un proyecto']) {
      expect((await read(text, asked('name'))).leadFields.problem_statement, text).toBeUndefined();
    }
  });

  it('should read every form of "cotizar" and the company after a job title', async () => {
    const u = await read('hola, me gustaría que me cotizaran los materiales de una casa de 3 habitaciones, me llamo Yesenia Cruz, yesenia.cruz@gmail.com');
    expect(u.nlu.intent.name).toBe('sales_lead');
    expect(extractCompanies('soy Pedro, gerente de compras de Agregados del Este').map((c) => c.value)).toEqual(['Agregados del Este']);
    expect(extractCompanies("I'm the purchasing manager at Blue Coast Builders").map((c) => c.value)).toEqual(['Blue Coast Builders']);
    expect(extractCompanies('gerente de compras de la empresa')).toEqual([]);
  });

  it('should take the company after "soy de", "soy dueño de", "I\'m with", and not a description of the business', async () => {
    const cases: [string, string][] = [['soy de constructora báez', 'Constructora Báez'], ['soy dueño de ferretería díaz', 'Ferretería Díaz'], ["I'm with blue reef", 'Blue Reef']];
    for (const [text, company] of cases) expect((await read(text, asked('company_name'))).leadFields.company_name, text).toBe(company);
    expect((await read('soy una constructora pequeña', asked('company_name'))).leadFields.company_name).toBeUndefined();
  });

  it('should read "una casa de 2 niveles" as storeys, and "el nivel de aluminio" as the tool', async () => {
    const text = 'materiales para una casa de 2 niveles';
    expect(isStoreysOfBuilding(text, { start: text.indexOf('2 niveles'), end: text.length })).toBe(true);
    expect(isStoreysOfBuilding(text, { start: text.indexOf('niveles'), end: text.length })).toBe(true);
    expect((await read('necesito una cotización de materiales para una casa de 2 niveles en Higüey')).nlu.entities.some((e) => e.type === 'product')).toBe(false);
    expect((await read('cuanto cuesta el nivel de aluminio?')).nlu.entities.some((e) => e.type === 'product')).toBe(true);
  });
});

import { beforeAll, describe, it, expect } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { loadDemo } from '../../helpers/memory-host.js';
import {
  extractAccountIds,
  extractCompanies,
  extractEmails,
  extractPersonNames,
  extractPhones,
  sanitizeAccountId,
} from '../../../src/actors/brain/rule/contact-entities.js';
import { createProductMatcher } from '../../../src/actors/brain/rule/products.js';
import { catalog } from './fixtures.js';

const values = (entities: { value: string }[]): string[] => entities.map((e) => e.value);

describe('email', () => {
  it('should extract and lower-case emails with exact offsets', () => {
    const text = 'mi correo es Ana.Perez@Gmail.COM, gracias';
    const [e] = extractEmails(text);
    expect(e?.value).toBe('ana.perez@gmail.com');
    expect(text.slice(e!.start, e!.end)).toBe('Ana.Perez@Gmail.COM');
  });

  it('should not take a bare @handle for an email', () => {
    expect(extractEmails('mi instagram es @juanp')).toEqual([]);
  });

  it('should read an address dictated in words or typed loosely, with the span of what was written', () => {
    const cases: [string, string][] = [
      ['juan arroba gmail punto com', 'juan@gmail.com'],
      ['mi correo es Juan Punto Perez arroba Hotmail punto com, gracias', 'juan.perez@hotmail.com'],
      ['es maria guion bajo gomez arroba yahoo punto es', 'maria_gomez@yahoo.es'],
      ['ventas arroba constructora-del-este punto com punto do', 'ventas@constructora-del-este.com.do'],
      ['tom at bakerbuild dot com', 'tom@bakerbuild.com'],
      ['juanrodriguez @ gmail . com', 'juanrodriguez@gmail.com'],
      ['ana.pena@gmail,com', 'ana.pena@gmail.com'],
    ];
    for (const [text, value] of cases) {
      const found = extractEmails(text);
      expect(values(found), text).toEqual([value]);
      expect(text.slice(found[0]!.start, found[0]!.end).toLowerCase(), text).toMatch(/^[a-z0-9]/);
      expect(/[a-z]$/i.test(text.slice(0, found[0]!.end)), text).toBe(true);
    }
  });

  it('should not read an address into a sentence with "at", "punto" or commas that names none', () => {
    for (const text of ['look at this dot com', 'I am at home, dot com bubble', 'nos vemos at 5 dot', 'estoy at the store. com', 'a las 3 en punto, como siempre', 'el punto de venta de cemento']) {
      expect(extractEmails(text), text).toEqual([]);
    }
    // A typed address next to a comma is still the one typed.
    expect(values(extractEmails('carlos.reyes@hotmail.com, como te dije'))).toEqual(['carlos.reyes@hotmail.com']);
  });
});

describe('phone', () => {
  it.each([
    ['809-555-1234', '+18095551234'],
    ['(829) 555 1234', '+18295551234'],
    ['8495551234', '+18495551234'],
    ['+1 809 555 1234', '+18095551234'],
    ['1-809-555-1234', '+18095551234'],
    ['809.555.1234', '+18095551234'],
    ['+34 612 345 678', '+34612345678'],
    ['+57 300 1234567', '+573001234567'],
  ])('should normalise %s to E.164', (raw, e164) => {
    const text = `llámame al ${raw} por favor`;
    const [p] = extractPhones(text);
    expect(p?.value).toBe(e164);
    expect(text.slice(p!.start, p!.end)).toBe(raw);
  });

  it('should not read account numbers, prices or fractions as phones', () => {
    expect(extractPhones('mi cuenta es 12-345-67')).toEqual([]);
    expect(extractPhones('cuesta 1,250.00 pesos')).toEqual([]);
    expect(extractPhones('varilla de 3/8')).toEqual([]);
    expect(extractPhones('5551234567')).toEqual([]); // ten digits, not a Dominican area code, no +
  });
});

describe('account_id', () => {
  it('should sanitise separators and keep 4–12 digits', () => {
    expect(sanitizeAccountId('12-345-67')).toBe('1234567');
    expect(sanitizeAccountId('12 345 67')).toBe('1234567');
    expect(sanitizeAccountId('123')).toBeNull();
    expect(sanitizeAccountId('1234567890123')).toBeNull();
  });

  it.each([
    ['mi cuenta es 12-345-67', '1234567'],
    ['cuenta # 12 345 67', '1234567'],
    ['account number 889922', '889922'],
    ['número de cliente: 20231', '20231'],
    ['mi no. 4455 está al día?', '4455'],
    ['#556677', '556677'],
    ['mi cuenta está atrasada? es la 12-345-67', '1234567'],
    // The holder's cédula, RNC or phone named beside the account is not the account.
    ['mi cédula es 402-1234567-8 y mi cuenta 10023', '10023'],
    ['mi cuenta es 10587 y mi cédula 014-5308642-3', '10587'],
    ['RNC 1-35-21848-5, cuenta 204517', '204517'],
    ['cuenta 10587, los últimos 4 del teléfono son 1337', '10587'],
  ])('should find the account id in "%s"', (text, id) => {
    expect(values(extractAccountIds(text))).toEqual([id]);
  });

  it('should read a bare number only when expecting an account id', () => {
    expect(extractAccountIds('12-345-67')).toEqual([]);
    expect(values(extractAccountIds('12-345-67', { bare: true }))).toEqual(['1234567']);
    expect(values(extractAccountIds('es la 778899', { bare: true }))).toEqual(['778899']);
  });

  it('should take the answer to "¿tu número de cuenta?" as given, a letter prefix or too few digits included, for the account tool to check', () => {
    expect(values(extractAccountIds('C-1001', { bare: true }))).toEqual(['1001']);
    expect(values(extractAccountIds('es la 123', { bare: true }))).toEqual(['123']);
    expect(extractAccountIds('es la 123')).toEqual([]);
    expect(extractAccountIds('tengo 2 cuentas', { bare: true })).toEqual([]);
  });

  it('should not take quantities or short numbers for account ids', () => {
    expect(extractAccountIds('quiero 10 sacos de cemento')).toEqual([]);
    expect(extractAccountIds('mi cuenta tiene 12 facturas')).toEqual([]);
  });
});

describe('person_name', () => {
  it.each([
    ['me llamo Ana Pérez', 'Ana Pérez'],
    ['me llamo ana pérez', 'Ana Pérez'],
    ['soy Juan de la Cruz', 'Juan de la Cruz'],
    ['mi nombre es MARÍA RODRÍGUEZ, gracias', 'María Rodríguez'],
    ['my name is john smith', 'John Smith'],
    ["I'm John Smith from Acme", 'John Smith'],
    ['Hola, soy Pedro y quiero cemento', 'Pedro'],
  ])('should read "%s" as %s', (text, name) => {
    const [n] = extractPersonNames(text);
    expect(n?.value).toBe(name);
    expect(text.slice(n!.start, n!.end).toLowerCase()).toBe(name.toLowerCase());
  });

  it.each(['soy de Higüey', 'soy cliente', 'soy cliente de ustedes', 'soy el dueño', "I'm looking for cement", "I'm interested in rebar", 'soy contratista', 'necesitamos cotizacion formal a nombre de la empresa con RNC para 100 sacos de cemento'])(
    'should find no name in "%s"',
    (text) => {
      expect(extractPersonNames(text)).toEqual([]);
    },
  );
});

describe('company', () => {
  it.each([
    ['de la empresa Constructora Pérez', 'Constructora Pérez'],
    ['trabajo en Inversiones Díaz', 'Inversiones Díaz'],
    ['represento a Ferretería El Sol', 'Ferretería El Sol'],
    ['mi compañía es grupo ramos', 'Grupo Ramos'],
    ['John here, from Acme Builders LLC', 'Acme Builders LLC'],
    ['cotización para Materiales del Este S.R.L.', 'Materiales del Este S.R.L.'],
    ['Caribbean Homes Inc. needs blocks', 'Caribbean Homes Inc.'],
    ['somos Constructora Hermanos Castillo', 'Constructora Hermanos Castillo'],
    ['Soy Juan Pérez de Constructora del Este SRL', 'Constructora del Este SRL'],
    // Names made of two parts joined by "y", "&" or "de" stay whole (the head was lost before).
    ['Materiales y Construcciones Pérez SRL', 'Materiales y Construcciones Pérez SRL'],
    ['Materiales y Construcciones Pérez', 'Materiales y Construcciones Pérez'],
    ['Hierros & Aceros del Este SRL', 'Hierros & Aceros del Este SRL'],
    ['Hierros y Aceros Báez SRL', 'Hierros y Aceros Báez SRL'],
    ['Distribuidora de Materiales Gómez SRL', 'Distribuidora de Materiales Gómez SRL'],
    ['Ferretería y Pinturas Díaz', 'Ferretería y Pinturas Díaz'],
  ])('should read "%s" as %s', (text, company) => {
    expect(values(extractCompanies(text))).toEqual([company]);
  });

  it('should not join a first name to the company after it ("Pedro y Construcciones Pérez SRL")', () => {
    expect(values(extractCompanies('Pedro y Construcciones Pérez SRL'))).toEqual(['Construcciones Pérez SRL']);
  });

  it.each(['trabajo en La Romana', 'soy de Santo Domingo', 'trabajo en una constructora', 'hola Ferretería La Romana'])(
    'should find no company in "%s"',
    (text) => {
      expect(extractCompanies(text, { exclude: ['Ferretería La Romana'] })).toEqual([]);
    },
  );
});

describe('product and quantity', () => {
  const matcher = createProductMatcher(catalog);

  it('should split a quote into products with quantities', () => {
    const text = 'cotízame 10 sacos de cemento, 20 varillas de 3/8 y 5 galones de pintura';
    const { mentions, entities } = matcher.extract(text);
    expect(mentions.map((m) => [m.query, m.quantity])).toEqual([
      // The pack stays in the query: 5 galones of paint are not a cubeta.
      ['saco cemento', 10],
      ['varilla 3/8', 20],
      ['galon pintura', 5],
    ]);
    expect(values(entities.filter((e) => e.type === 'quantity'))).toEqual(['10', '20', '5']);
    const product = entities.find((e) => e.type === 'product' && e.value === 'varilla 3/8')!;
    expect(text.slice(product.start, product.end)).toBe('varillas de 3/8');
  });

  it.each([
    ['tienen sement gris?', 'cemento gris'],
    ['q precio tiene el block de 6', 'block 6'],
    ['la varilla de 1/2 grado 60', 'varilla 1/2 grado 60'],
    ["what's the price of a 1/2 inch PVC pipe?", '1/2 inch pvc pipe'],
    ['how much is the 8 inch block?', '8 inch block'],
    ['do you have gray cement?', 'gray cement'],
    ['cuanto vale la funda de cemento', 'funda cemento'],
    ['clavos de 1 pulgada y media', 'clavo 1 pulgada y media'],
    ['cable 14 en rollo', 'cable 14 en rollo'],
    ['madera 2x4x10', 'madera 2x4x10'],
    ['tubo pvc de media', 'tubo pvc 1/2'],
    ['necesito tubo de tres cuartos', 'tubo 3/4'],
    ['varillas', 'varilla'],
    ['a como está la varilla de 3/8', 'varilla 3/8'],
    ['do you have 3/8 rebar?', '3/8 rebar'],
    ['hay taladros inalambricos?', 'taladro inalambrico'],
    ['tienen clabos?', 'clavo'],
  ])('should read "%s" as the product %s', (text, query) => {
    expect(matcher.extract(text).mentions.map((m) => m.query)).toEqual([query]);
  });

  it('should read a product said again with a new size or brand in a question of its own that starts with "y"', () => {
    expect(matcher.extract('cuanto el block de 6? y el de 8?').mentions.map((m) => m.query)).toEqual(['block 6', 'block 8']);
    expect(matcher.extract('tienen pintura blanca? y negra?').mentions.map((m) => m.query)).toEqual(['pintura blanca', 'pintura negra']);
    expect(matcher.extract('tienen block de 6? y a que hora abren?').mentions.map((m) => m.query)).toEqual(['block 6']);
    expect(matcher.extract('tienen block de 6? de 8 no').mentions.map((m) => m.query)).toEqual(['block 6']);
  });

  it.each([
    ['una docena de clavos', 12],
    ['media docena de clavos', 6],
    ['dos galones de pintura', 2],
    ['10 varillas', 10],
    ['10 bags of cement', 10],
  ])('should read the quantity of "%s" as %i', (text, quantity) => {
    expect(matcher.extract(text).mentions[0]?.quantity).toBe(quantity);
  });

  it('should report a quantity without a product', () => {
    expect(values(matcher.extract('dame 2 sacos').entities)).toEqual(['2']);
  });

  it.each(['quiero hablar con una persona', 'envían a Santo Domingo?', 'mi cuenta está atrasada', 'hola buenas'])(
    'should find no product in "%s"',
    (text) => {
      expect(matcher.extract(text).mentions).toEqual([]);
    },
  );
});

describe('names and companies the way people write them', () => {
  it.each([
    ['habla el Ing. Osvaldo Féliz de OF Construcciones', 'Osvaldo Féliz', 'OF Construcciones'],
    ['soy Nathalie Guzmán de Guzmán Hnos.', 'Nathalie Guzmán', 'Guzmán Hnos.'],
    ['Wilfredo Cabrera, de Agregados Cabrera', 'Wilfredo Cabrera', 'Agregados Cabrera'],
    ['Ken Lowe from Blue Lagoon Villas', 'Ken Lowe', 'Blue Lagoon Villas'],
  ])('should end the name before "de"/"from" its company in "%s"', (text, name, company) => {
    expect(values(extractPersonNames(text))).toEqual([name]);
    const names = extractPersonNames(text);
    expect(values(extractCompanies(text, { names }))).toEqual([company]);
  });

  it.each(['María de los Ángeles Núñez', 'Juan Pérez de la Cruz', 'José de León'])('should keep "de" inside the name %s', (name) => {
    expect(values(extractPersonNames(`mi nombre es ${name}`))).toEqual([name]);
  });

  it.each([
    ['pedido 5521 - Gladys Peralta', 'Gladys Peralta'],
    ['I run purchasing at Cap Cana Marina, Jeff Turner', 'Jeff Turner'],
    ['Ernesto Medina', 'Ernesto Medina'],
    ['aquí Orlando Frías', 'Orlando Frías'],
    ['mi socio Rolando Matos va a pasar a buscarlo', 'Rolando Matos'],
    ["name's Heather Stone", 'Heather Stone'],
    ['contact person: Donna Reed', 'Donna Reed'],
  ])('should read the name in "%s"', (text, name) => {
    expect(values(extractPersonNames(text))).toEqual([name]);
  });

  it.each(['Santo Domingo Este', 'Buenas Tardes', 'Cemento Gris', 'Punta Cana'])('should not read the bare clause "%s" as a name', (text) => {
    expect(extractPersonNames(text)).toEqual([]);
  });

  it('should keep a place that leads a company name ("Casa de Campo Marina") and drop a bare place', () => {
    expect(values(extractCompanies('trabajo en Casa de Campo Marina'))).toEqual(['Casa de Campo Marina']);
    expect(values(extractCompanies('I work at Bayahibe Beach Club'))).toEqual(['Bayahibe Beach Club']);
    expect(extractCompanies('trabajo en La Romana')).toEqual([]);
  });

  it('should not read a description after an indefinite article as the company ("we are a bakery in Higüey")', () => {
    expect(extractCompanies("we're a bakery in Higüey renovating 12 shops")).toEqual([]);
    expect(extractCompanies('somos una ferreteria de barrio')).toEqual([]);
  });

  it.each(['Rosa Elena, de Villa Consuelo', 'soy Ana, de Los Alcarrizos', 'Carlos Peña, de San Cristóbal'])('should read no company in the place "%s" comes from', (text) => {
    expect(extractCompanies(text, { names: extractPersonNames(text) })).toEqual([]);
  });

  it('should not join a name and a company across a comma', () => {
    expect(values(extractCompanies('Jake Stone, Stone Builders'))).toEqual(['Stone Builders']);
  });

  it('should read an email typed with a space beside the @', () => {
    expect(values(extractEmails('escribeme a carla.m @yahoo.com'))).toEqual(['carla.m@yahoo.com']);
    expect(values(extractEmails('my email is jim@ outlook.com'))).toEqual(['jim@outlook.com']);
  });
});

describe('product words inside names and everyday words', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = (await loadDemo()).brain;
  });

  it.each([
    ['el maestro Tomás Encarnación me mandó', 'person_name'],
    ['trabajo en Pinturas Tropicales del Este', 'company'],
    ['somos Aluminios y Vidrios Caleta', 'company'],
  ])('should read no product inside the name or company of "%s"', (text, type) => {
    const entities = brain.parse(text).entities;
    expect(entities.some((e) => e.type === type)).toBe(true);
    expect(entities.filter((e) => e.type === 'product')).toEqual([]);
  });

  it('should keep a product that was read as a company only because it was capitalised ("quote for Cemento Gris")', () => {
    const entities = brain.parse('I need a quote for Cemento Gris').entities;
    expect(entities.filter((e) => e.type === 'company')).toEqual([]);
    expect(entities.some((e) => e.type === 'product')).toBe(true);
  });

  it.each([
    ['I work at Macao Surf Camp', []],
    ['could someone contact me today?', []],
    ['tienen work gloves?', ['work gloves']],
    ['need an angle grinder', ['angle grinder']],
    ['mezcladora pal fregadero', ['mezcladora fregadero']],
  ])('should read the product phrases of "%s" as %j', (text, queries) => {
    expect(brain.parse(text).entities.filter((e) => e.type === 'product').map((e) => e.value)).toEqual(queries);
  });
});

describe('account ids to look up', () => {
  it.each([
    ['revísame la 4410237 porfa', '4410237'],
    ['chequéame la 88123', '88123'],
    ['can you check mine, 231190 please', '231190'],
  ])('should read a long bare number to look up as the account in "%s"', (text, id) => {
    expect(values(extractAccountIds(text))).toEqual([id]);
  });

  it.each(['revisa el precio de 50000 blocks', 'busca la de 3/8', 'revisame la 123', 'chequea 2 sacos de 42500'])('should not read an account in "%s"', (text) => {
    expect(extractAccountIds(text)).toEqual([]);
  });
});

describe('names and companies typed in lower case', () => {
  it.each([
    ['le escribe la licda. marisol ferreras', 'Marisol Ferreras'],
    ['saludos, ing. julio almánzar', 'Julio Almánzar'],
  ])('should read the lower-case surname closing "%s"', (text, name) => {
    expect(values(extractPersonNames(text))).toEqual([name]);
  });

  it('should not take the next lower-case word of a sentence for a surname', () => {
    expect(values(extractPersonNames('soy maria desde ayer esperando'))).toEqual(['Maria']);
  });

  it.each([
    ['soy pedro de colmado la esquina y quiero precios', 'Colmado la Esquina'],
    ["hi I'm kate from blue reef roofing", 'Blue Reef Roofing'],
  ])('should read the lower-case company after the name in "%s"', (text, company) => {
    const names = extractPersonNames(text);
    expect(values(extractCompanies(text, { names })).map((c) => c.toLowerCase())).toEqual([company.toLowerCase()]);
  });
});

describe('everyday words that are not products', () => {
  let brain: Brain;
  beforeAll(async () => {
    brain = (await loadDemo()).brain;
  });
  const products = (text: string): string[] => brain.parse(text).entities.filter((e) => e.type === 'product').map((e) => e.value);

  it.each(['gracias mi llave', 'ok mi llave, nos vemos', 'could you lock the price until Friday?', 'can we paint it ourselves?'])('should read no product in "%s"', (text) => {
    expect(products(text)).toEqual([]);
  });

  it.each([
    ['se me rompió mi llave', 'llave'],
    ['do you sell a lock for a gate', 'lock'],
  ])('should still read the product in "%s"', (text, product) => {
    expect(products(text)).toContain(product);
  });
});

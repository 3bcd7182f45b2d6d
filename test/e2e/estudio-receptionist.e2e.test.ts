import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/kernel/clock.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { createDemoBackend, type DemoBackend } from '../../src/demo-backend/server.js';
import { loadSeed } from '../../src/demo-backend/seed.js';
import { startHiloForTest, type TestServer } from '../helpers/hilo-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The studio's scripted conversations: the whole runtime over REST with the studio's classifier,
 * workflows and templates against the real demo backend (its seed, the system clock). Each
 * conversation is a list of turns, each a message and what the bot's answer must (`has`) and must
 * not (`not`) say; the options shown are part of the answer (`[Manicure clásico / …]`). Days are
 * weekdays said by name ("el martes"), so the script holds on any day it runs.
 */
interface Turn {
  say: string;
  has?: RegExp[];
  not?: RegExp[];
}
interface Conversation {
  name: string;
  turns: Turn[];
}

const ASKS_SERVICE = /¿Qué servicio te gustaría reservar\?/;
const CONVERSATIONS: Conversation[] = [
  {
    name: 'two services priced one after the other, then "para los dos", book both in one visit',
    turns: [
      { say: 'cuanto cuesta el manicure?', has: [/\*Manicure clásico\* cuesta \*RD\$600\.00\*/] },
      { say: 'y el pedicure?', has: [/\*Pedicure spa\* cuesta/] },
      { say: 'dame cita para los dos el martes', has: [/Te reservo primero \*Manicure clásico\*; \*Pedicure spa\* lo agendamos justo después/, /¿A qué hora\?/] },
    ],
  },
  {
    name: 'in English: "and a gel manicure?" is priced, "book both" books the two',
    turns: [
      { say: 'how much is a facial?', has: [/\*Hydrating facial\* costs/] },
      { say: 'and a gel manicure?', has: [/\*Gel manicure\* costs \*RD\$1,100\.00\*/], not: [/For which day/] },
      { say: 'book both for tuesday at 2', has: [/I'll book \*Hydrating facial\* first; \*Gel manicure\* we'll book right after/] },
    ],
  },
  {
    name: 'a service and a day without a verb start the booking, greeting in front or not',
    turns: [{ say: 'hi, manicure on tuesday afternoon please', has: [/^Hi!/, /At what time\? .*\[(?:\d{1,2}:\d\d PM(?: \/ )?)+\]$/], not: [/Welcome to/, /AM/] }],
  },
  {
    name: 'a category named narrows the services shown ("las uñas")',
    turns: [
      { say: 'hola, quiero hacerme las uñas el martes', has: [ASKS_SERVICE, /\[Manicure clásico \/ Pedicure spa \/ Uñas acrílicas \/ Manicure en gel \(gelish\)\]/], not: [/Corte y secado/] },
      { say: 'la de gel', has: [/¿A qué hora\?/] },
    ],
  },
  {
    name: 'side questions while the service is asked are answered, then the question again',
    turns: [
      { say: 'quiero una cita', has: [ASKS_SERVICE] },
      { say: 'cuánto cuesta?', has: [/Tinte completo \(RD\$3,800\.00\)/, ASKS_SERVICE], not: [/No tenemos ese servicio/] },
      { say: '¿aceptan tarjeta?', has: [/Aceptamos: efectivo/, ASKS_SERVICE], not: [/número de teléfono/] },
      { say: '¿dónde están ubicados?', has: [/Gustavo Mejía Ricart/, ASKS_SERVICE] },
      { say: 'algo pa la cara', has: [/\[Facial hidratante \/ Limpieza facial profunda\]/] },
      { say: 'cuanto dura?', has: [/Limpieza facial profunda\*: RD\$3,200\.00 \(90 min\)/, ASKS_SERVICE], not: [/No hacemos/] },
      { say: 'el de limpieza', has: [/¿Para qué día\?/] },
    ],
  },
  {
    name: 'the service priced is followed up and booked, the afternoon asked shows afternoon times',
    turns: [
      { say: 'buenas, cuanto cuesta un tinte?', has: [/\*Tinte completo\* cuesta \*RD\$3,800\.00\* y dura 120 min/] },
      { say: 'y cuanto dura?', has: [/\*Tinte completo\* cuesta .* y dura 120 min/], not: [/No hacemos/] },
      { say: 'ok quiero cita pal martes en la tarde', has: [/¿A qué hora\? .*\[(?:\d{1,2}:\d\d p\. m\.(?: \/ )?)+\]$/], not: [ASKS_SERVICE, /a\. m\./] },
      { say: 'a las 3', has: [/¿A nombre de quién/] },
      { say: 'Rosa Peña', has: [/teléfono/] },
      { say: '829 555 4433', has: [/Reservo Tinte completo el martes .* a las 3:00 p\. m\. a nombre de Rosa Peña/] },
      { say: 'sí', has: [/¡Listo! Tu cita BV-\d+/], not: [/otro canal|código/] },
    ],
  },
  {
    name: 'the same phone booked again from another conversation: no identity offer after the booking',
    turns: [
      { say: 'quiero un corte el martes a las 10', has: [/¿A nombre de quién/] },
      { say: 'Rosa Peña', has: [/teléfono/] },
      { say: '8295554433', has: [/Reservo Corte y secado/] },
      { say: 'dale', has: [/¡Listo!/], not: [/otro canal|código/] },
    ],
  },
  {
    name: 'a closed day is said closed and another day asked; "lo más temprano" takes the first free time',
    turns: [
      // Closed, not full (estudio15): the week's hours and the nearest open days as buttons.
      { say: 'quiero un corte el domingo', has: [/El domingo .* estamos cerrados/, /Nuestro horario: lunes a miércoles/, /\[sábado .* \/ lunes .*\]$/], not: [/No me quedan horarios libres/] },
      { say: 'el martes entonces', has: [/¿A qué hora\?/] },
      { say: 'lo más temprano', has: [/¿A nombre de quién/] },
      { say: 'Ana Díaz', has: [/teléfono/] },
      { say: '8095553322', has: [/Reservo Corte y secado el martes .* a las 9:00 a\. m\./] },
      { say: 'cancelar', has: [/lo dejamos ahí/] },
    ],
  },
  {
    name: 'in English: a price, its duration, a booking for the morning',
    turns: [
      { say: 'hi, how much is a manicure?', has: [/\*Classic manicure\* costs \*RD\$600\.00\* and takes 45 min/] },
      { say: 'and how long does it take?', has: [/45 min/], not: [/We don't do/] },
      { say: 'ok book me for tuesday morning', has: [/At what time\? .*\[(?:\d{1,2}:\d\d AM(?: \/ )?)+\]$/], not: [/Which service/] },
    ],
  },
  {
    name: 'the service changed at the summary ("no, mejor un manicure") is the one booked',
    turns: [
      { say: 'quiero un pedicure el martes a las 4', has: [/¿A nombre de quién/] },
      { say: 'Ana Ruiz', has: [/teléfono/] },
      { say: '8095550000', has: [/Reservo Pedicure spa el martes/] },
      { say: 'no, mejor un manicure', has: [/Reservo Manicure clásico el martes .* a las 4:00 p\. m\./], not: [/¿Qué dato quieres cambiar\?/] },
      { say: 'sí', has: [/¡Listo!.*RD\$600\.00/] },
    ],
  },
  {
    name: '"¿tienen algo el martes?" asks for a booking: the service, then that day\'s times',
    turns: [
      { say: '¿tienen algo el martes?', has: [ASKS_SERVICE], not: [/no te entendí/] },
      { say: 'un corte', has: [/¿A qué hora\?/] },
    ],
  },
  {
    name: '"después de las 3" shows the times from 3 on, and books none by itself',
    turns: [{ say: 'kiero cita pa keratina el jueves despues de las 3', has: [/¿A qué hora\? .*\[3:00 p\. m\. \/ 3:30 p\. m\./], not: [/a\. m\./, /¿A nombre de quién/] }],
  },
  {
    name: 'a day and a name given while the service is asked are noted and kept; the day\'s span is said over the first times',
    turns: [
      { say: 'quiero una cita', has: [ASKS_SERVICE] },
      { say: 'el martes', has: [/Anotado: el martes \d+ de \w+ 👍/, ASKS_SERVICE] },
      { say: 'Ana Díaz', has: [/Anotado: a nombre de Ana Díaz 👍/, ASKS_SERVICE], not: [/No tenemos ese servicio/] },
      { say: 'un corte', has: [/¿A qué hora\?/, /hay libre de 9:00 a\. m\. a \d{1,2}:\d\d p\. m\./], not: [ASKS_SERVICE] },
      { say: 'a las 3', has: [/teléfono/], not: [/¿A nombre de quién/] },
    ],
  },
  {
    name: 'in English: a day given while the service is asked is noted',
    turns: [
      { say: 'I want to book an appointment', has: [/Which service/] },
      { say: 'on tuesday', has: [/Noted: on Tuesday, \w+ \d+ 👍/, /Which service/] },
    ],
  },
  {
    name: '"pintarme el pelo" shows the dye services, "pintarme las uñas" the nail ones',
    turns: [
      { say: 'quiero pintarme el pelo', has: [/\[Tinte completo \/ Rayitos \(mechas\)\]/], not: [/Corte y secado/] },
      { say: 'no, mejor pintarme las uñas', has: [/Manicure clásico/], not: [/Tinte completo/] },
    ],
  },
  {
    name: '"¿eres un robot?" in the middle of a booking: the virtual assistant, honestly, then the question again',
    turns: [
      { say: 'quiero un corte', has: [/¿Para qué día\?/] },
      { say: '¿eres un robot?', has: [/asistente virtual/, /no una persona/, /¿Para qué día\?/], not: [/Por aquí puedes/, /Sí, con una persona/] },
      { say: 'esto es automático?', has: [/asistente virtual/, /¿Para qué día\?/], not: [/Sí, con una persona/] },
      { say: 'el martes', has: [/¿A qué hora\?/] },
    ],
  },
  {
    name: 'the cancel summary\'s buttons say what they do; "mejor no" keeps the booking, "sí, cancélala" cancels it',
    turns: [
      { say: 'quiero un corte el martes a las 11', has: [/¿A nombre de quién/] },
      { say: 'Lía Gómez', has: [/teléfono/] },
      { say: '8095550321', has: [/Reservo Corte y secado el martes/] },
      { say: 'sí', has: [/¡Listo! Tu cita BV-\d+/] },
      { say: 'quiero cancelar mi cita', has: [/¿Confirmas que cancelo la cita BV-\d+.*\[Sí, cancélala \/ No, la mantengo\]$/], not: [/Cancelar\]/] },
      { say: 'mejor no', has: [/no la cancelo: tu cita BV-\d+ .* sigue en pie/] },
      { say: 'cancela mi cita', has: [/\[Sí, cancélala \/ No, la mantengo\]/] },
      { say: 'Sí, cancélala', has: [/Tu cita BV-\d+ quedó cancelada/] },
    ],
  },
  {
    name: 'a move keeps what is not changed: "para las 5" keeps the day, "muévela al jueves" the time',
    turns: [
      { say: 'quiero un manicure el martes a las 10', has: [/¿A nombre de quién/] },
      { say: 'Eva Marte', has: [/teléfono/] },
      { say: '8095550654', has: [/Reservo Manicure clásico el martes/] },
      { say: 'sí', has: [/¡Listo!/] },
      { say: 'quiero cambiar mi cita para las 5', has: [/para el martes .* a las 5:00 p\. m\. ¿Confirmo\?/], not: [/¿Para qué día/] },
      { say: 'dale', has: [/¡Hecho! Tu cita BV-\d+ ahora es el martes .* a las 5:00 p\. m\./] },
      { say: 'muévela al jueves', has: [/para el jueves .* a las 5:00 p\. m\. ¿Confirmo\?/], not: [/¿Para qué día/, /Quiero asegurarme/] },
    ],
  },
  {
    name: 'a customer who switches to English mid-booking gets English times',
    turns: [
      { say: 'quiero un corte el martes', has: [/¿A qué hora\?/] },
      { say: "sorry, I don't speak Spanish. What times are free?", has: [/At what time\? .*\[9:00 AM \/ 9:30 AM/], not: [/a\. m\./, /isn't free/] },
    ],
  },
  {
    name: 'the hours of the day asked; two services in one visit are both heard',
    turns: [
      { say: '¿a qué hora cierran el sábado?', has: [/El sábado abrimos de 8:00 a\. m\. a 6:00 p\. m\./], not: [/lunes/] },
      { say: 'quiero cita para un corte y un manicure el martes', has: [/Te reservo primero \*Corte y secado\*; \*Manicure clásico\* lo agendamos justo después/, /¿A qué hora\?/] },
    ],
  },
  {
    // The system clock: on a day the studio is closed nobody is waiting, and that is said instead (estudio16).
    name: 'running late: thanked, and a person tells the stylist (or, on a closed day, said closed)',
    turns: [{ say: 'llego 10 minutos tarde', has: [/¡Gracias por avisarnos!|estamos cerrados/, /estilista|no hay citas hoy/], not: [/Te paso con una persona/] }],
  },
  {
    name: 'running late, in English',
    turns: [{ say: "I'm running 10 minutes late for my appointment", has: [/Thanks for letting us know!|closed today/, /stylist|no appointments today/], not: [/passing you to someone/] }],
  },
  {
    name: 'a closed day says when the studio opens next',
    turns: [{ say: '¿abren el domingo?', has: [/El domingo estamos cerrados; abrimos el lunes a las 9:00 a\. m\./] }],
  },
  {
    name: 'the cancellation policy asked is said, and cancelling is offered, not started',
    turns: [
      { say: 'cual es la politica de cancelacion?', has: [/sin cargo hasta 4 horas antes/, /\[Cancelar mi cita \/ Mover mi cita\]/], not: [/no te entendí/, /número de teléfono/] },
      // On the web, with no booking made in this conversation, a typed phone is no proof: the WhatsApp of that number is (docs/workflows-trust.md).
      { say: 'Cancelar mi cita', has: [/Para proteger tus citas/, /WhatsApp del número con que reservaste/], not: [/¿Con qué número de teléfono hiciste la reserva\?/] },
    ],
  },
  {
    name: '"si cancelo me cobran algo?" says the policy instead of cancelling',
    turns: [{ say: 'si cancelo me cobran algo?', has: [/sin cargo hasta 4 horas antes/], not: [/número de teléfono/] }],
  },
  {
    name: 'in English: the cancellation policy and a no-show fee asked',
    turns: [
      { say: "what's your cancellation policy?", has: [/free of charge up to 4 hours before/, /\[Cancel my appointment \/ Move my appointment\]/], not: [/What do you need/] },
      { say: 'is there a no show fee?', has: [/free of charge up to 4 hours before/], not: [/What do you need/, /phone number/] },
    ],
  },
  {
    name: '"morning please" answering the time question is no greeting',
    turns: [
      { say: 'I want a haircut on tuesday', has: [/At what time\?/] },
      { say: 'morning please', has: [/At what time\? .*\[(?:\d{1,2}:\d\d AM(?: \/ )?)+\]$/], not: [/Good morning/, /PM/] },
    ],
  },
  {
    name: '"¿qué horas tienen?" asks the free times by booking, not the opening hours',
    turns: [
      { say: '¿qué horas tienen?', has: [/Las horas libres dependen del servicio y del día/, ASKS_SERVICE], not: [/Horario de/] },
      { say: 'un corte', has: [/¿Para qué día\?/] },
    ],
  },
  {
    name: 'two services in one visit: the second is offered right after the first and "sí" books it',
    turns: [
      { say: 'quiero cita para un corte y un manicure el sábado a las 2 de la tarde', has: [/Te reservo primero \*Corte y secado\*/] },
      { say: 'Luz Marte', has: [/teléfono/] },
      { say: '8095557711', has: [/Reservo Corte y secado el sábado .* a las 2:00 p\. m\./] },
      { say: 'sí', has: [/¡Listo! Tu cita BV-\d+/, /Ahora te reservo \*Manicure clásico\* justo después/, /Reservo Manicure clásico el sábado .* a las 3:00 p\. m\. a nombre de Luz Marte/] },
      { say: 'sí', has: [/¡Listo! Tu cita BV-\d+ quedó el sábado .* a las 3:00 p\. m\./] },
    ],
  },
  {
    name: '"¿aceptan tarjeta?" outside a booking is a question, not a payment to start',
    turns: [{ say: '¿aceptan tarjeta?', has: [/Aceptamos: efectivo/], not: [/número de teléfono/] }],
  },
  {
    name: 'a booking for the daughter, her name said with who she is; "¿mi cita está confirmada?" after it finds it on the web',
    turns: [
      { say: 'quiero una cita de manicure el miércoles a las 4', has: [/¿A nombre de quién hago la reserva\?/] },
      { say: 'es para mi hija, se llama Laura', has: [/teléfono/], not: [/WhatsApp/] },
      { say: '809 555 6161', has: [/Reservo Manicure clásico el miércoles .* a las 4:00 p\. m\. a nombre de Laura \(tel/] },
      { say: 'sí', has: [/¡Listo! Tu cita BV-\d+/] },
      { say: '¿mi cita está confirmada?', has: [/• Manicure clásico \(BV-\d+\) — miércoles \d+ de diciembre a las 4:00 p\. m\. \(confirmada/], not: [/Escríbenos desde ese número/] },
    ],
  },
  {
    name: 'in English: two services priced together are summed, asked about again, and "book them" books both',
    turns: [
      { say: 'how much for a facial and a haircut together?', has: [/Together: \*RD\$4,300\.00\* \(120 min in all\)/] },
      { say: 'how long is that?', has: [/Together: .*120 min in all/] },
      { say: 'ok book them for thursday at 11', has: [/I'll book \*Hydrating facial\* first; \*Haircut and blow-dry\* we'll book right after/], not: [/Which service/] },
      { say: "it's for my mom, Gloria Ruiz", has: [/phone number/] },
    ],
  },
];

let backend: DemoBackend;
let server: TestServer;
let tenantsDir: string;

beforeAll(async () => {
  backend = createDemoBackend({ seed: await loadSeed(join(ROOT, 'tenants/estudio/backend-seed.json')), clock: systemClock, logger: createSilentLogger() });
  const url = await backend.listen();
  tenantsDir = await mkdtemp(join(tmpdir(), 'hilo-estudio-receptionist-'));
  for (const t of ['estudio', 'ferreteria']) await cp(join(ROOT, 'tenants', t), join(tenantsDir, t), { recursive: true });
  const file = join(tenantsDir, 'estudio', 'tenant.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...settings, backend: { baseUrl: `${url}/estudio`, timeoutMs: 5000 } }));
  server = await startHiloForTest({ env: { HILO_TENANTS_DIR: tenantsDir } });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await backend?.close();
  if (tenantsDir) await rm(tenantsDir, { recursive: true, force: true });
});

/** One REST turn: the bot's messages, each with its options as "[a / b]". */
async function say(sender: string, text: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/tenants/estudio/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sender, text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages?: { author: string; text: string; options?: { label: string }[] }[] };
  return (body.messages ?? [])
    .filter((m) => m.author === 'bot')
    .map((m) => `${m.text.replace(/\n/g, ' ')}${m.options?.length ? `  [${m.options.map((o) => o.label).join(' / ')}]` : ''}`)
    .join('\n');
}

describe('estudio: scripted conversations with the receptionist (REST, real demo backend)', () => {
  // In order: the fourth books the phone the third booked with.
  it.each(CONVERSATIONS.map((c, at) => [c.name, at] as const))('%s', async (_name, at) => {
    const conversation = CONVERSATIONS[at]!;
    const sender = `receptionist-${process.pid}-${at}`;
    for (const turn of conversation.turns) {
      const bot = await say(sender, turn.say);
      for (const re of turn.has ?? []) expect(bot, `> ${turn.say}`).toMatch(re);
      for (const re of turn.not ?? []) expect(bot, `> ${turn.say}`).not.toMatch(re);
    }
  }, 30_000);
});

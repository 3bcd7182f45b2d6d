// ReDoS sweep (harden17): feeds every reader of both tenants pathological messages of the largest
// length an entry point accepts and prints how long one message takes, slowest first.
//   npx tsx scripts/hardening/redos-sweep.ts [--len 2000,16384] [--only <family>] [--no-turn]
// Limits: REST and the widget accept 2,000 characters (MAX_MESSAGE_CHARS); the provider webhooks
// accept a text of up to 16,384 (providerString's default), so both lengths are swept.
// Measured per input: the channel boundary and card mask (normalizeInboundText, maskCardData,
// readingForm), brain.parse, and one whole turn through a real host (rule brain, machine, tools,
// rendered replies) in several conversation states. Anything over THRESHOLD_MS is a finding.
// Not a test (timings on a shared machine are noisy): every fix it led to is pinned by a unit test
// that checks a length cap or a regex's shape, never a time.
import { performance } from 'node:perf_hooks';
import type { ConversationHost } from '../../src/actors/conversation-host.js';
import { maskCardData } from '../../src/actors/guards/card-data.js';
import { readingForm, readPart } from '../../src/actors/reading-form.js';
import { normalizeInboundText } from '../../src/channels/normalize-text.js';
import { createBackendTenantHosts } from '../../test/eval/lib/backend-tenant-hosts.js';
import { createEvalHosts } from '../../test/eval/lib/eval-host.js';
import { loadDemo } from '../../test/helpers/memory-host.js';

const THRESHOLD_MS = 50;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const lengths = (arg('--len') ?? '2000,16384').split(',').map(Number);
const only = arg('--only');
const withTurns = !process.argv.includes('--no-turn');
// An ordinary question's turn, for scale.
const BASELINE = '¿Tienen cemento gris? ¿A cuánto el saco?';

/** A unit repeated to exactly `n` UTF-16 units (a visible last character when the unit is blank). */
const fill = (unit: string, n: number, tail = ''): string => {
  let s = unit.repeat(Math.ceil(n / unit.length)).slice(0, n - tail.length);
  // Never cut a surrogate pair in two.
  if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
  return s + tail;
};

const FAMILIES: Array<[string, (n: number) => string]> = [
  ['a run', (n) => fill('a', n)],
  ['x run, ! at end', (n) => fill('x', n, '!')],
  ['digit run', (n) => fill('1', n)],
  ['spaces then a', (n) => fill(' ', n, 'a')],
  ['a a a', (n) => fill('a ', n)],
  ['1/1/1', (n) => fill('1/', n)],
  ['1-1-1', (n) => fill('1-', n)],
  ['1.1.1', (n) => fill('1.', n)],
  ['1,1,1', (n) => fill('1,', n)],
  ['1 1 1', (n) => fill('1 ', n)],
  ['1 y 1 y', (n) => fill('1 y ', n)],
  ['10 de 10 de', (n) => fill('10 de ', n)],
  ['4111 groups', (n) => fill('4111 ', n)],
  ['card-ish run 4111/', (n) => fill('4111/1111/', n)],
  ['a1a1', (n) => fill('a1', n)],
  ['emoji run', (n) => fill('😀', n)],
  ['emoji + space', (n) => fill('👍 ', n)],
  ['alternating accents', (n) => fill('áa', n)],
  ['combining accents', (n) => fill('a\u0301', n)],
  ['ñ run', (n) => fill('ñ', n)],
  ['cemento words', (n) => fill('cemento ', n)],
  ['de de de', (n) => fill('de ', n)],
  ['no no no', (n) => fill('no ', n)],
  ['hola, hola,', (n) => fill('hola, ', n)],
  ['quiero 2 quiero', (n) => fill('quiero 2 sacos de cemento y ', n)],
  ['times', (n) => fill('mañana a las 3 ', n)],
  ['RD$ amounts', (n) => fill('RD$1,000 ', n)],
  ['phone-ish', (n) => fill('809-555-', n)],
  ['email-ish', (n) => fill('a.', n, '@')],
  ['at signs', (n) => fill('a@', n)],
  ['dots', (n) => fill('.', n, 'a')],
  ['question marks', (n) => fill('?', n)],
  ['¿¡', (n) => fill('¿¡', n)],
  ['quotes', (n) => fill('"\'', n)],
  ['inches', (n) => fill('1/2" ', n)],
  ['url-ish', (n) => fill('www.', n)],
  ['newlines', (n) => fill('a\n', n)],
  ['tabs', (n) => fill('\t', n, 'a')],
  ['dash words', (n) => fill('a-', n)],
  ['slash words', (n) => fill('a/', n)],
  ['underscores', (n) => fill('1_', n)],
  ['capitals', (n) => fill('A', n)],
  ['Mixed Case Words', (n) => fill('Juan Perez ', n)],
  ['me llamo', (n) => fill('me llamo ', n)],
  ['para para', (n) => fill('para ', n)],
  ['y y y', (n) => fill('y ', n)],
  ['arabic digits', (n) => fill('١', n)],
  ['fullwidth digits', (n) => fill('１', n)],
  ['zero-width joiners', (n) => fill('a\u200c', n)],
  ['fractions', (n) => fill('1½', n)],
  ['en dashes', (n) => fill('1\u2013', n)],
  ['ignore previous', (n) => fill('ignore previous instructions ', n)],
  ['jaja then a word', (n) => fill('ja', n - 3, ' no')],
  ['okok then a word', (n) => fill('ok', n - 3, ' no')],
  ['digits then x', (n) => fill('1', n, 'x')],
  ['nine card groups then x', () => '4111 1111 4111 1111 4111 1111 4111 1111 x'],
  ['tienen + long word + 6 words', (n) => `tienen ${fill('a', n - 40)} b c d e f g`],
  ['gracias run then x', (n) => fill('gracias', n, 'x')],
];

interface Row {
  what: string;
  family: string;
  len: number;
  ms: number;
}
const rows: Row[] = [];
const time = async (what: string, family: string, len: number, run: () => unknown): Promise<void> => {
  // The faster of two runs: a GC pause or another session's burst is not a finding.
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await run();
    best = Math.min(best, performance.now() - t0);
    if (best > 2_000) break; // clearly a finding; no need to wait twice
  }
  rows.push({ what, family, len, ms: best });
};

/** Conversation states a message may arrive in (each reached by ordinary messages first). */
const STATES: Record<string, string[][]> = {
  ferreteria: [[], ['¿Tienen cemento gris?'], ['mi cuenta esta al dia?'], ['Somos una constructora y queremos comprar al por mayor']],
  estudio: [[], ['quiero una cita para manicure'], ['quiero cancelar mi cita']],
};

const { tenant, brain } = await loadDemo();
const studio = await createBackendTenantHosts(process.cwd(), 'estudio');
const nextFerreteria = createEvalHosts({ tenant, brain });
const studioBrain = (await import('../../src/actors/brain/rule/rule-brain.js')).createRuleBrain({ tenant: await (await import('../../src/persistence/tenant-loader.js')).loadTenant(`${process.cwd()}/tenants/estudio`) });
// Warm-up: the first turn builds indexes and caches.
{
  const h = nextFerreteria();
  await h.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'warm', text: 'hola, tienen cemento?' });
  await h.close();
}

let sender = 0;
{
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const host = nextFerreteria();
    const t0 = performance.now();
    await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `base-${run}`, text: BASELINE });
    best = Math.min(best, performance.now() - t0);
    await host.close();
  }
  console.log(`baseline: an ordinary question's turn ${best.toFixed(1)} ms`);
}
for (const len of lengths) {
  for (const [family, make] of FAMILIES) {
    if (only && !family.includes(only)) continue;
    const text = make(len);
    process.stderr.write(`${len} ${family}…\n`);
    await time('normalizeInboundText', family, len, () => normalizeInboundText(text));
    await time('maskCardData', family, len, () => maskCardData(text));
    await time('readingForm', family, len, () => readingForm(text));
    // The brain reads what the host gives the machine: the reading form of at most MAX_READ_CHARS.
    await time('ferreteria brain.parse', family, len, () => brain.parse(readingForm(readPart(text))));
    await time('estudio brain.parse', family, len, () => studioBrain.parse(readingForm(readPart(text))));
    if (!withTurns) continue;
    for (const [tenantId, states] of Object.entries(STATES)) {
      for (const before of states) {
        // The faster of two fresh conversations: the first pays for cold code paths.
        let best = Infinity;
        for (let run = 0; run < 2 && (run === 0 || best < 2_000); run++) {
          const host: ConversationHost = tenantId === 'ferreteria' ? nextFerreteria() : await studio.next();
          const senderId = `sweep-${++sender}`;
          for (const t of before) await host.handleMessage({ tenantId, channel: 'rest', senderId, text: t });
          const t0 = performance.now();
          await host.handleMessage({ tenantId, channel: 'rest', senderId, text });
          best = Math.min(best, performance.now() - t0);
          await host.close();
        }
        rows.push({ what: `${tenantId} turn${before.length ? ` after "${before.at(-1)}"` : ''}`, family, len, ms: best });
      }
    }
  }
}
await studio.close();

rows.sort((a, b) => b.ms - a.ms);
const findings = rows.filter((r) => r.ms > THRESHOLD_MS);
console.log(`${rows.length} measurements; ${findings.length} over ${THRESHOLD_MS} ms`);
for (const r of rows.slice(0, Math.max(40, findings.length))) console.log(`${r.ms.toFixed(1).padStart(9)} ms  ${String(r.len).padStart(5)}  ${r.family.padEnd(22)} ${r.what}`);

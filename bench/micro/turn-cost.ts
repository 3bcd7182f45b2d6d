/**
 * In-process micro-benchmarks of what a Hilo turn costs on the CPU, without sockets or load
 * generators: the rule brain, the catalog search, reply rendering and a whole in-memory turn.
 *
 *   npx tsx bench/micro/turn-cost.ts            # 5 runs, prints the median of each
 *   npx tsx bench/micro/turn-cost.ts --runs 3
 *
 * Every run walks a fixed rotation of messages, so two runs (or two commits) do the same work.
 * Timings are wall-clock on a shared machine: compare medians, not single runs.
 */
import { performance } from 'node:perf_hooks';
import { createRuleBrain } from '../../src/actors/brain/index.js';
import { renderReply } from '../../src/actors/render-reply.js';
import { createCatalogIndex } from '../../src/actors/tools/catalog-search.js';
import type { Expectation } from '../../src/domain/understanding.js';
import type { ReplyDirective } from '../../src/machines/conversation.contract.js';
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo, type Hilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/kernel/logger.js';
import { loadDemoTenant } from './golden.js';

/** What customers typically write: products and prices, store questions, accounts, small talk. */
const MESSAGES = [
  'hola',
  'tienen cemento?',
  'a como está la varilla de 3/8?',
  'Hola, ¿tienen tubo pvc de media? gracias',
  'how much is a bag of cement?',
  'necesito 10 sacos de cemento y 20 varillas de 3/8',
  'a que hora abren el domingo?',
  'donde están ubicados?',
  'quiero saber el balance de mi cuenta',
  '12345',
  'tienen pintura blanca?',
  'cuanto cuesta el taladro inalambrico',
  'quiero hablar con una persona',
  'el cemento que me vendieron vino dañado, pésimo servicio',
  'gracias',
  'do you have 2x4 lumber?',
  'sement gris',
  'están contratando?',
  'hay ofertas esta semana?',
  'adiós',
];
const QUERIES = ['cemento', 'varilla 3/8', 'tubo pvc 1/2', 'pintura blanca', 'sement gris', 'taladro inalambrico', 'clavos de 2 pulgadas', 'paint', '2x4', 'varriya de media'];
const EXPECTATIONS: Expectation[] = [{ kind: 'none' }, { kind: 'product' }, { kind: 'lead_field', field: 'name' }];

type Measure = 'understand' | 'search' | 'renderReply' | 'turn';
const ITERATIONS: Record<Measure, number> = { understand: 4000, search: 4000, renderReply: 40_000, turn: 1000 };

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const runs = arg('runs', 5);
  const tenant = await loadDemoTenant();
  const brain = createRuleBrain({ tenant });
  const index = createCatalogIndex(tenant.catalog);
  const directive: ReplyDirective = {
    template: 'product.found',
    params: {
      items: [
        { name: 'Cemento Gris Portland', price: 'RD$655.00', unit: 'saco', availability: '100 sacos disponibles' },
        { name: 'Cemento Blanco', price: 'RD$900.00', unit: 'saco', availability: '20 sacos disponibles' },
      ],
    },
  };
  // A fresh Hilo per run: in-memory stores grow with every turn, and a turn's cost grows with them
  // (see the note in BENCHMARKS.md), so reusing one instance would make later runs slower.
  const start = (): Promise<Hilo> =>
    startHilo({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }),
      logger: createSilentLogger(),
    });
  let hilo = await start();

  let sink = 0;
  const bench: Record<Measure, (n: number, run: number) => Promise<void>> = {
    async understand(n) {
      for (let i = 0; i < n; i++) {
        const u = await brain.understand({
          text: MESSAGES[i % MESSAGES.length] as string,
          lang: 'es',
          expecting: EXPECTATIONS[i % EXPECTATIONS.length] as Expectation,
          messageId: `m${i}`,
          idempotencyKey: `k${i}`,
        });
        sink += u.priority;
      }
    },
    async search(n) {
      for (let i = 0; i < n; i++) sink += index.search(QUERIES[i % QUERIES.length] as string).length;
    },
    async renderReply(n) {
      for (let i = 0; i < n; i++) sink += renderReply(directive, tenant.templates, i % 2 === 0 ? 'es' : 'en').length;
    },
    async turn(n, run) {
      // 40 customers, each walking the rotation from a different point: fresh conversations every run.
      for (let i = 0; i < n; i++) {
        const customer = i % 40;
        const step = Math.floor(i / 40) + customer;
        const result = await hilo.host.handleMessage({
          tenantId: 'ferreteria',
          channel: 'rest',
          senderId: `bench-${run}-${customer}`,
          messageId: `bench-${run}-${i}`,
          text: MESSAGES[step % MESSAGES.length] as string,
        });
        sink += result.conversationId.length;
      }
    },
  };

  const measures = Object.keys(bench) as Measure[];
  // Warm-up: JIT and caches, outside the measured runs.
  for (const m of measures) await bench[m](Math.ceil(ITERATIONS[m] / 4), -1);
  const samples: Record<Measure, number[]> = { understand: [], search: [], renderReply: [], turn: [] };
  for (let run = 0; run < runs; run++) {
    await hilo.close();
    hilo = await start();
    await bench.turn(100, 1000 + run); // warm the new instance
    for (const m of measures) {
      const t0 = performance.now();
      await bench[m](ITERATIONS[m], run);
      samples[m].push(((performance.now() - t0) * 1000) / ITERATIONS[m]);
    }
  }
  await hilo.close();

  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const label: Record<Measure, string> = {
    understand: 'brain.understand',
    search: 'catalog search',
    renderReply: 'renderReply',
    turn: 'whole turn (host.handleMessage, memory)',
  };
  process.stdout.write(`| measure | median µs/call (${runs} runs) | runs |\n|---|---|---|\n`);
  for (const m of measures) {
    process.stdout.write(`| ${label[m]} | ${median(samples[m]).toFixed(1)} | ${samples[m].map((x) => x.toFixed(1)).join(', ')} |\n`);
  }
  if (sink === -1) process.stdout.write('\n');
}

await main();

/**
 * CPU per in-memory turn on messages never seen before: the benchmark's six-message rotation
 * answers from the rule brain's reading cache and the catalog answer cache after the first turns;
 * real customers rarely write the same sentence twice. Each message here is distinct (a product,
 * store or price question with a running number and filler), over 50 established conversations.
 *
 *   npx tsx bench/micro/unique-turn-cost.ts [--runs 3] [--turns 600]
 *
 * Prints the process CPU µs per turn of each run and their median.
 */
import { loadConfig } from '../../src/runtime/config.js';
import { startHilo } from '../../src/runtime/hilo.js';
import { createSilentLogger } from '../../src/kernel/logger.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const QUESTIONS = [
  'tienen cemento gris',
  'cuanto cuesta la varilla de 3/8',
  'a que hora abren el sabado',
  'tienen arena lavada',
  'necesito pintura blanca',
  'cuanto vale el tubo pvc de 1/2',
  'tienen breaker de 20',
  'precio del block de 6',
  'tienen clavos de 2 pulgadas',
  'donde quedan ubicados',
];

const runs = arg('runs', 3);
const turns = arg('turns', 600);
const results: number[] = [];
for (let run = 0; run < runs; run++) {
  const hilo = await startHilo({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1', HILO_STORAGE: 'memory', HILO_DEMO_API_KEY: 'x'.repeat(20) }), logger: createSilentLogger() });
  let n = 0;
  const say = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++, n++) {
      const text = `${QUESTIONS[n % QUESTIONS.length]} ${'por favor '.repeat(n % 3)}${run}${n}`;
      await hilo.host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: `u-${n % 50}`, messageId: `u-${run}-${n}`, text });
    }
  };
  await say(200); // warm-up: JIT and the first contact of every conversation
  const before = process.cpuUsage();
  await say(turns);
  const used = process.cpuUsage(before);
  results.push((used.user + used.system) / turns);
  console.log(`run ${run + 1}: ${turns} distinct messages, ${((used.user + used.system) / turns).toFixed(0)} CPU µs per turn`);
  await hilo.close();
}
const sorted = [...results].sort((a, b) => a - b);
console.log(`median CPU µs per turn on unseen messages: ${(sorted[Math.floor(sorted.length / 2)] as number).toFixed(0)}`);
process.exit(0);

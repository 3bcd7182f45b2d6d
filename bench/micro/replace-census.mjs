/**
 * Where a turn's pattern replaces come from: a preload for `count-turn.mjs` that wraps
 * `String.prototype.replace` and `replaceAll` once the warm-up is over and counts the calls with a
 * regular expression by the function that made them (and its file), per counted turn. Session 34
 * (perf24) used such a wrapper from `/tmp`; kept here so the next step starts from the same census.
 * Plain node, no valgrind: the stack capture makes the run slow, the counts are exact.
 *
 *   npx tsx -e "import {unseenTexts,WORKLOAD_TEXTS} from './bench/lib/workload.ts'; import {writeFileSync} from 'node:fs';
 *     writeFileSync('/tmp/texts.json', JSON.stringify({ cached: WORKLOAD_TEXTS, unseen: unseenTexts() }))"
 *   COUNT_TURN_GO=/tmp/census.go node --import ./bench/micro/replace-census.mjs bench/micro/count-turn.mjs DIR /tmp/texts.json unseen 300 300
 *
 * It prints, after the run, the pattern replaces per counted turn by caller (the top 25, then the
 * total; `CENSUS_TOP=N` for more rows); with `CENSUS_LINES=1`, by call site in the built file. `CENSUS_TURNS` (default 300) is the divisor; it must equal count-turn's last argument.
 */
import { writeFileSync } from 'node:fs';

const go = process.env.COUNT_TURN_GO;
if (!go) throw new Error('replace-census.mjs: set COUNT_TURN_GO (count-turn.mjs waits for that file after its warm-up)');
const turns = Number(process.env.CENSUS_TURNS ?? 300);
const counts = new Map();
// CENSUS_LINES=1: by call site (the built file's line) rather than by function.
const byLine = process.env.CENSUS_LINES === '1';
let counting = false;

/** The first stack frame outside this file: "function (file)". */
function caller() {
  const stack = new Error().stack?.split('\n') ?? [];
  const frame = stack.slice(2).find((l) => !l.includes('replace-census.mjs')) ?? '?';
  const m = /at (?:(\S+) )?\(?(?:file:\/\/)?.*?([^/]+\.js):(\d+):\d+\)?$/.exec(frame.trim());
  return m ? `${m[1] ?? '<anonymous>'} (${m[2]}${byLine ? `:${m[3]}` : ''})` : frame.trim();
}

for (const name of ['replace', 'replaceAll']) {
  const original = String.prototype[name];
  Object.defineProperty(String.prototype, name, {
    configurable: true,
    writable: true,
    value: function (pattern, replacement) {
      if (counting && pattern instanceof RegExp) {
        const key = caller();
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return original.call(this, pattern, replacement);
    },
  });
}

const log = console.log;
console.log = (...args) => {
  if (args[0] === 'COUNT-START') {
    counting = true;
    writeFileSync(go, '');
  }
  log(...args);
};

process.on('exit', () => {
  counting = false;
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, n]) => s + n, 0);
  log(`pattern replaces per turn over ${turns} turns: ${(total / turns).toFixed(1)}`);
  for (const [key, n] of rows.slice(0, Number(process.env.CENSUS_TOP ?? 25))) log(`${(n / turns).toFixed(2).padStart(8)}  ${key}`);
});

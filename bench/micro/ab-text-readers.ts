/**
 * CPU per message of the text readers session 26 (perf17) made cheaper, two checkouts' sources in
 * one process, rounds alternated (base first in even rounds): the calls one routing pass makes of a
 * message (laughter, focus question, "eso es todo", free times, the greeting back of an answer).
 *
 *   npx tsx bench/micro/ab-text-readers.ts /tmp/perf-base .
 *
 * Prints each side's median µs per message and the median of the paired tip/base ratios, for the
 * load benchmark's rotation and for 3,000 messages never seen before (`unseenTexts()`).
 */
import { resolve } from 'node:path';

const [baseDir, tipDir] = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? '.')];
const load = async (d: string) => ({
  greet: await import(`${d}/src/actors/greet-back.ts`),
  laugh: await import(`${d}/src/machines/laughter.ts`),
  focus: await import(`${d}/src/machines/focus-questions.ts`),
  order: await import(`${d}/src/machines/order-words.ts`),
  free: await import(`${d}/src/machines/workflow/free-times-asked.ts`),
});
const { WORKLOAD_TEXTS, unseenTexts } = await import(`${tipDir}/bench/lib/workload.ts`);
const sides = { base: await load(baseDir), tip: await load(tipDir) };
const REPLY = 'Esto es lo que tengo:\n• *Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: *RD$655.00* por saco 42.5 kg (disponible: 230 sacos)\n🏷️ *Oferta:* Llevando 50 sacos o más, cada saco a RD$615.00.\n\n¿Te lo reservo o necesitas otra cosa?';
// What one routing pass asks of a message (counts as seen in the profile's call sites, roughly).
function message(m: any, text: string): number {
  let x = 0;
  if (m.laugh.hasLaughter(text)) x++;
  x += m.laugh.withoutLaughter(text).length;
  if (m.laugh.isOnlyLaughter(text)) x++;
  for (let i = 0; i < 3; i++) if (m.focus.readFocusQuestion(text)) x++;
  for (let i = 0; i < 2; i++) if (m.order.saysThatsAll(text)) x++;
  for (let i = 0; i < 3; i++) if (m.free.asksFreeTimes(text)) x++;
  x += m.greet.withGreetingBack(REPLY, '¡Hola!').length;
  return x;
}
const sets: Record<string, string[]> = { cached: [...WORKLOAD_TEXTS], unseen: unseenTexts().slice(0, 3000) };
for (const [label, texts] of Object.entries(sets)) {
  const r: Record<string, number[]> = { base: [], tip: [] };
  for (let round = 0; round < 16; round++) {
    for (const name of (round % 2 ? ['tip', 'base'] : ['base', 'tip']) as ('base' | 'tip')[]) {
      const m = sides[name];
      const n = label === 'cached' ? 30000 : texts.length;
      const t = process.cpuUsage();
      let sink = 0;
      for (let i = 0; i < n; i++) sink += message(m, texts[i % texts.length]!);
      const u = process.cpuUsage(t);
      if (sink < 0) console.log(sink);
      if (round > 1) r[name]!.push((u.user + u.system) / n);
    }
  }
  const med = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;
  const ratios = r.tip!.map((t, i) => t / r.base![i]!);
  console.log(`${label}: base ${med(r.base!).toFixed(2)} µs/message, tip ${med(r.tip!).toFixed(2)} µs/message, tip/base median ${med(ratios).toFixed(3)}`);
}

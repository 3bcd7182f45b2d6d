/**
 * CPU per message of the readers session 28 (perf18) put behind a cheap pre-check or a per-text
 * memory, two checkouts' sources in one process, rounds alternated (base first in even rounds):
 * credit terms, free times, a fault at home (and as a job), whole-pack words, venting at the
 * store, a request taken up again, the job namer, the material question and the focus question,
 * each asked once per message.
 *
 *   npx tsx bench/micro/ab-gated-readers.ts /tmp/perf-base .
 *
 * Prints each side's median µs per message and the median of the paired tip/base ratios, for the
 * load benchmark's rotation and for 3,000 messages never seen before (`unseenTexts()`).
 */
import { resolve } from 'node:path';

const [baseDir, tipDir] = [resolve(process.argv[2] ?? ''), resolve(process.argv[3] ?? '.')];
const load = async (d: string) => {
  const { loadTenant } = await import(`${d}/src/persistence/tenant-loader.ts`);
  const tenant = await loadTenant(`${d}/tenants/ferreteria`);
  return {
    credit: await import(`${d}/src/machines/credit-terms.ts`),
    free: await import(`${d}/src/machines/workflow/free-times-asked.ts`),
    fault: await import(`${d}/src/machines/home-faults.ts`),
    pack: await import(`${d}/src/machines/whole-pack.ts`),
    vent: await import(`${d}/src/actors/brain/rule/purchase-trouble.ts`),
    resume: await import(`${d}/src/actors/brain/rule/form-resume.ts`),
    material: await import(`${d}/src/machines/material-questions.ts`),
    focus: await import(`${d}/src/machines/focus-questions.ts`),
    namesAJob: (await import(`${d}/src/actors/brain/rule/job-namer.ts`)).createJobNamer(tenant.catalog) as (t: string) => boolean,
  };
};
const { WORKLOAD_TEXTS, unseenTexts } = await import(`${tipDir}/bench/lib/workload.ts`);
const sides = { base: await load(baseDir), tip: await load(tipDir) };
type Side = (typeof sides)['base'];
function message(m: Side, text: string): number {
  let x = 0;
  if (m.credit.asksCreditTerms(text)) x++;
  if (m.free.asksFreeTimes(text)) x++;
  if (m.fault.homeFaultJob(text)) x++;
  x += m.pack.withoutWholePackWords(text).length;
  if (m.vent.ventsAtTheStore(text)) x++;
  if (m.resume.asksToResumeRequest(text)) x++;
  if (m.namesAJob(text)) x++;
  if (m.material.readMaterialQuestion(text)) x++;
  if (m.focus.readFocusQuestion(text)) x++;
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

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Texts the perf equivalence tests read every pre-checked reader over: the dev set's customer and
 * expected lines, every tenant template, and the golden readings' inputs.
 */
export const root = join(import.meta.dirname, '../../..');

export function devLines(): string[] {
  const dir = join(root, 'test/eval/conversations');
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.conv')) continue;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const m = /^(?:>|<!?)\s?(.*)$/.exec(line);
      if (m?.[1]) out.push(...m[1].split('||').map((s) => s.trim()));
    }
  }
  return out;
}

/** The golden readings' inputs (`test/fixtures/brain-golden.jsonl`). */
export function goldenTexts(): string[] {
  return readFileSync(join(root, 'test/fixtures/brain-golden.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Every string of every tenant's templates. */
export function templateTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const tenant of readdirSync(join(root, 'tenants'))) {
    const dir = join(root, 'tenants', tenant, 'templates');
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of files) if (f.endsWith('.json')) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/configuration.md', () => {
  it('should document every environment variable the code reads', () => {
    const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    const read = new Set<string>();
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      // Variables are read as env.NAME, env['NAME'], int(env, 'NAME', …) or named in a template `HILO_X_${…}`.
      for (const m of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'|process\.env\.([A-Z][A-Z0-9_]+)/g)) {
        read.add((m[1] ?? m[2] ?? m[3])!);
      }
    }
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter((name) => !doc.includes(name) && !doc.includes(name.replace(/_[A-Z0-9]+$/, '_<T>')));
    expect(missing).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KEY_FILE, loadOrCreateDemoKey } from '../../../src/runtime/demo-key.js';

describe('loadOrCreateDemoKey', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'hilo-demo-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('should keep the generated key so a restart prints the same one', () => {
    const d = join(dir(), 'nested');
    let n = 0;
    const generate = () => `hilo_generated_key_number_${++n}`;
    const first = loadOrCreateDemoKey(d, generate);
    const second = loadOrCreateDemoKey(d, generate);
    expect(first).toEqual({ key: 'hilo_generated_key_number_1', created: true });
    expect(second).toEqual({ key: 'hilo_generated_key_number_1', created: false });
    expect(statSync(join(d, DEMO_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('should replace a kept file that does not hold a usable key', () => {
    const d = dir();
    writeFileSync(join(d, DEMO_KEY_FILE), 'short\n');
    const result = loadOrCreateDemoKey(d, () => 'hilo_a_fresh_key_of_enough_length');
    expect(result.created).toBe(true);
    expect(readFileSync(join(d, DEMO_KEY_FILE), 'utf8').trim()).toBe('hilo_a_fresh_key_of_enough_length');
  });
});

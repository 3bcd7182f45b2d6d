import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/runtime/config.js';

describe('loadConfig', () => {
  it('should default to port 8080, auto transport and embedded settings', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.transport).toBe('auto');
    expect(c.demoApiKey).toBeNull();
    expect(c.inspect).toBe('off');
    expect(c.shardCount).toBe(256);
  });

  it('should read every documented variable', () => {
    const c = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      HILO_TRANSPORT: 'node',
      HILO_DEMO_API_KEY: 'k'.repeat(20),
      HILO_API_KEYS: 'a:key-one,b:key:with:colons',
      HILO_SHARDS: '16',
      HILO_INSPECT: 'ws://127.0.0.1:9999',
    });
    expect(c.port).toBe(9000);
    expect(c.transport).toBe('node');
    expect(c.apiKeys).toEqual([
      { tenantId: 'a', key: 'key-one' },
      { tenantId: 'b', key: 'key:with:colons' },
    ]);
    expect(c.shardCount).toBe(16);
    expect(c.inspect).toBe('ws://127.0.0.1:9999');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['HILO_TRANSPORT', 'quic'],
    ['HILO_DEMO_API_KEY', 'short'],
    ['HILO_API_KEYS', 'nokey'],
    ['HILO_INSPECT', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['HILO_SECRET', 's'.repeat(31)],
    ['HILO_METRICS_TOKEN', 'short'],
    ['HILO_INSPECT_TOKEN', 'short'],
  ])('should reject %s=%s with a coded error naming the variable', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'HILO_ERR_CONFIG_INVALID' });
      expect((err as Error).message).toContain(name);
    }
  });

  it('should read the access secrets, null when unset', () => {
    expect(loadConfig({})).toMatchObject({ secret: null, metricsToken: null, inspectToken: null });
    const c = loadConfig({ HILO_SECRET: 'x'.repeat(32), HILO_METRICS_TOKEN: 'm'.repeat(16), HILO_INSPECT_TOKEN: 'i'.repeat(16) });
    expect(c).toMatchObject({ secret: 'x'.repeat(32), metricsToken: 'm'.repeat(16), inspectToken: 'i'.repeat(16) });
  });
});

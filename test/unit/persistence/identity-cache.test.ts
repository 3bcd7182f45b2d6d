import { describe, expect, it } from 'vitest';
import { IdentityCache } from '../../../src/persistence/sql/identity-cache.js';

describe('IdentityCache', () => {
  it('should answer what it remembered, per tenant, channel and external id', () => {
    const cache = new IdentityCache(10);
    cache.remember('t1', 'rest', 'u1', 'contact-a', cache.generation);
    expect(cache.get('t1', 'rest', 'u1')).toBe('contact-a');
    expect(cache.get('t2', 'rest', 'u1')).toBeUndefined();
    expect(cache.get('t1', 'web', 'u1')).toBeUndefined();
    expect(cache.get('t1', 'rest', 'u2')).toBeUndefined();
  });

  it('should drop the least recently used identity past its size', () => {
    const cache = new IdentityCache(2);
    cache.remember('t', 'rest', 'a', 'ca', cache.generation);
    cache.remember('t', 'rest', 'b', 'cb', cache.generation);
    expect(cache.get('t', 'rest', 'a')).toBe('ca');
    cache.remember('t', 'rest', 'c', 'cc', cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('t', 'rest', 'b')).toBeUndefined();
    expect(cache.get('t', 'rest', 'a')).toBe('ca');
    expect(cache.get('t', 'rest', 'c')).toBe('cc');
  });

  it('should not store an answer read before a forget (a link or an erasure happened meanwhile)', () => {
    const cache = new IdentityCache(10);
    const before = cache.generation;
    cache.forgetIdentity('t', 'whatsapp', '+1809');
    cache.remember('t', 'whatsapp', '+1809', 'old-contact', before);
    expect(cache.get('t', 'whatsapp', '+1809')).toBeUndefined();
    cache.remember('t', 'whatsapp', '+1809', 'new-contact', cache.generation);
    expect(cache.get('t', 'whatsapp', '+1809')).toBe('new-contact');
  });

  it("should forget one tenant's identities and keep the others'", () => {
    const cache = new IdentityCache(10);
    cache.remember('t', 'rest', 'a', 'ca', cache.generation);
    cache.remember('t', 'web', 'b', 'cb', cache.generation);
    cache.remember('t2', 'rest', 'a', 'cx', cache.generation);
    cache.forgetTenant('t');
    expect(cache.get('t', 'rest', 'a')).toBeUndefined();
    expect(cache.get('t', 'web', 'b')).toBeUndefined();
    expect(cache.get('t2', 'rest', 'a')).toBe('cx');
  });
});

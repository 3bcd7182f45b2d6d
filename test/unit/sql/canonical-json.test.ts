import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, auditHash, canonicalJson } from '../../../src/persistence/sql/index.js';

describe('canonicalJson', () => {
  it('should sort keys at every depth and drop undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: true, x: null }], c: 'ñ' }, u: undefined })).toBe('{"a":{"c":"ñ","d":[3,{"x":null,"y":true}]},"b":1}');
  });

  it('should give the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: { b: 2, a: 1 } })).toBe(canonicalJson({ z: { a: 1, b: 2 }, y: [1, 2], x: 1 }));
  });

  it('should reject values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('auditHash', () => {
  const event = { seq: 1, type: 'ticket.opened', actor: 'bot', at: '2026-11-22T12:00:00.000Z', payload: { ticketId: 't-1' } };

  it('should be a sha256 hex digest that does not depend on payload key order', () => {
    const hash = auditHash(AUDIT_GENESIS_HASH, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(AUDIT_GENESIS_HASH, { ...event, payload: { ticketId: 't-1' } })).toBe(hash);
  });

  it('should change when the previous hash, the envelope or the payload changes', () => {
    const hash = auditHash(AUDIT_GENESIS_HASH, event);
    expect(auditHash('f'.repeat(64), event)).not.toBe(hash);
    expect(auditHash(AUDIT_GENESIS_HASH, { ...event, seq: 2 })).not.toBe(hash);
    expect(auditHash(AUDIT_GENESIS_HASH, { ...event, actor: 'admin' })).not.toBe(hash);
    expect(auditHash(AUDIT_GENESIS_HASH, { ...event, payload: { ticketId: 't-2' } })).not.toBe(hash);
  });
});

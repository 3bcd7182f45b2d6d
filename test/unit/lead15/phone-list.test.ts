import { describe, expect, it } from 'vitest';
import { joinPhones, phonesCorrected, phonesOf, withPhonesAdded } from '../../../src/domain/phone-list.js';
import { buildLeadPayload } from '../../../src/actors/lead-payload.js';
import { mergedPhone } from '../../../src/machines/lead-phones.js';
import { PROFILE_SOURCE } from '../../../src/domain/lead.js';

const A = '+18095551234';
const B = '+18295559876';

describe('several phones of one lead', () => {
  it('should split a lead value into its numbers and join them back without repeats', () => {
    expect(phonesOf(`${A} / ${B}`)).toEqual([A, B]);
    expect(phonesOf(`${A}, ${B}`)).toEqual([A, B]);
    expect(phonesOf('@ana.perez')).toEqual(['@ana.perez']);
    expect(phonesOf(null)).toEqual([]);
    expect(joinPhones([A, '809-555-1234', B])).toBe(`${A} / ${B}`);
    expect(withPhonesAdded(A, `${A} / ${B}`)).toBe(`${A} / ${B}`);
  });

  it('should replace only the wrong number of several', () => {
    // A typo of one digit: the number it resembles.
    expect(phonesCorrected(`${A} / ${B}`, '+18295559870', 'perdon, ese no es, es el 829-555-9870')).toBe(`${A} / +18295559870`);
    expect(phonesCorrected(`${A} / ${B}`, '+18095551243', 'sorry, wrong number: 809-555-1243')).toBe(`+18095551243 / ${B}`);
    // The wrong one said again, by its last digits, or counted.
    expect(phonesCorrected(`${A} / ${B}`, `${A} / +18495550000`, 'el 809-555-1234 no es, es el 849-555-0000')).toBe(`+18495550000 / ${B}`);
    expect(phonesCorrected(`${A} / ${B}`, '+18495550000', 'el que termina en 9876 esta mal, es 849-555-0000')).toBe(`${A} / +18495550000`);
    expect(phonesCorrected(`${A} / ${B}`, '+18495550000', 'perdon, el primero es 849-555-0000')).toBe(`+18495550000 / ${B}`);
    expect(phonesCorrected(`${A} / ${B}`, '+18495550000', 'sorry, the second one is 849-555-0000')).toBe(`${A} / +18495550000`);
    // Nothing tells which: the one given last.
    expect(phonesCorrected(`${A} / ${B}`, '+18495550000', 'perdon, me equivoque, es 849-555-0000')).toBe(`${A} / +18495550000`);
    // One number, or all of them given again: replaced.
    expect(phonesCorrected(A, '+18495550000', 'perdon, es 849-555-0000')).toBe('+18495550000');
    expect(phonesCorrected(`${A} / ${B}`, '+18495550000 / +18095550001', 'no, son 849-555-0000 y 809-555-0001')).toBe('+18495550000 / +18095550001');
  });

  it('should keep a second number in the form beside the first, and let a typed one replace the channel\'s', () => {
    expect(mergedPhone({ value: A, sourceMessageId: 'm1' }, B, 'y la oficina 829-555-9876', false)).toBe(`${A} / ${B}`);
    expect(mergedPhone({ value: A, sourceMessageId: PROFILE_SOURCE }, B, 'mi cel es 829-555-9876', false)).toBe(B);
    expect(mergedPhone({ value: `${A} / ${B}`, sourceMessageId: 'm1' }, '+18295559870', 'el telefono es 829-555-9870', true)).toBe(`${A} / +18295559870`);
    expect(mergedPhone({ value: A, sourceMessageId: 'm1' }, B, 'tambien al 829-555-9876', true)).toBe(`${A} / ${B}`);
    expect(mergedPhone(undefined, B, '829-555-9876', false)).toBe(B);
  });

  it('should send the CRM each number on its own, the first as phone_or_username', () => {
    const payload = buildLeadPayload('L-1', { name: { value: 'Ana Pérez', sourceMessageId: 'm1' }, phone_or_username: { value: `${A} / ${B}`, sourceMessageId: 'm2' } }, null);
    expect(payload.contact_info).toEqual({ name: 'Ana Pérez', email: '', phone_or_username: A, phones: [A, B] });
    expect(payload.provenance['contact_info.phone_or_username']).toBe('m2');
    // A handle is no phone: no list.
    const handle = buildLeadPayload('L-2', { phone_or_username: { value: '@ana.perez', sourceMessageId: 'm2' } }, null);
    expect(handle.contact_info.phone_or_username).toBe('@ana.perez');
    expect(handle.contact_info.phones).toBeUndefined();
    // The channel's number stands in when none was typed.
    expect(buildLeadPayload('L-3', {}, '+18095550101').contact_info.phones).toEqual(['+18095550101']);
  });
});

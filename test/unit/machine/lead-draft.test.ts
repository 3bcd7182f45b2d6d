import { describe, it, expect } from 'vitest';
import { fieldsNamedIn, isValidEmail } from '../../../src/machines/lead-draft.js';

describe('lead draft helpers', () => {
  it.each(['juan@example.com', 'ana.gomez+obra@constructora.com.do', 'X@Y.io'])('should accept %s', (e) => {
    expect(isValidEmail(e)).toBe(true);
  });

  it.each(['juan@gmail', 'juan.example.com', 'juan @x.com', '@x.com', 'juan@', 'a@b.c', 'a@@b.com'])('should reject %s', (e) => {
    expect(isValidEmail(e)).toBe(false);
  });

  it('should find the fields a correction names, in Spanish and English, with or without accents', () => {
    expect(fieldsNamedIn('no, el correo está mal')).toEqual(['email']);
    expect(fieldsNamedIn('el teléfono y la empresa')).toEqual(['phone_or_username', 'company_name']);
    expect(fieldsNamedIn('the company name is wrong')).toEqual(['company_name']);
    expect(fieldsNamedIn('el nombre de la empresa está mal')).toEqual(['company_name']);
    expect(fieldsNamedIn('my name is wrong')).toEqual(['name']);
    expect(fieldsNamedIn('area and urgencia')).toEqual(['interest_area', 'urgency_level']);
    expect(fieldsNamedIn('no')).toEqual([]);
    expect(fieldsNamedIn('nombres')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { mayNameStaff, staffCue, staffNamed } from '../../../src/machines/workflow/staff-named.js';

const staff = [
  { value: 'yokasta', label: 'Yokasta Mercedes' },
  { value: 'rosanna', label: 'Rosanna Almonte' },
  { value: 'wendy', label: 'Wendy Castillo' },
  { value: 'carlos', label: 'Carlos Rijo' },
];
const named = (text: string) => staffNamed(text, staff)?.value ?? null;

describe('staffNamed', () => {
  it('should take the staff member named after a cue, by first name, whole name or with a word between', () => {
    expect(named('quiero cita con yokasta para un blower el viernes')).toBe('yokasta');
    expect(named('que me atienda Rosanna Almonte')).toBe('rosanna');
    expect(named('con la señora Wendy por favor')).toBe('wendy');
    expect(named('book me with Wendy on Saturday')).toBe('wendy');
    expect(named('prefiero a Carlos')).toBe('carlos');
    expect(named('quiero agendar con Carlos')).toBe('carlos');
  });

  it('should forgive one letter in a name of five or more ("yocasta", "rosana")', () => {
    expect(named('con yocasta')).toBe('yokasta');
    expect(named('con rosana')).toBe('rosanna');
    expect(named('con wendi')).toBe('wendy');
  });

  it('should name nobody when "con" names something else, or a name comes without a cue', () => {
    expect(named('un corte con lavado el viernes')).toBeNull();
    expect(named('manicure con gelish')).toBeNull();
    expect(named('Carlos Pérez')).toBeNull();
    expect(named('a nombre de Carlos')).toBeNull();
    expect(named('para mi esposo con mi hermana')).toBeNull();
  });

  it('should name nobody when two staff members are named', () => {
    expect(named('con yokasta o con rosanna')).toBeNull();
  });
});

describe('staffCue', () => {
  it('should see a cue followed by a word, and none in a bare name', () => {
    expect(staffCue('con yokasta')).toBe(true);
    expect(staffCue('Yokasta')).toBe(false);
    expect(staffCue('con')).toBe(false);
    expect(staffCue('quiero agendar un corte')).toBe(false);
  });
});

describe('mayNameStaff', () => {
  it('should take a loaded staff member named, and without the list a cue not followed by a person asked for', () => {
    expect(mayNameStaff('con yocasta por favor', staff)).toBe(true);
    expect(mayNameStaff('con mi prima', staff)).toBe(false);
    expect(mayNameStaff('con yocasta por favor', undefined)).toBe(true);
    expect(mayNameStaff('quiero hablar con una persona', undefined)).toBe(false);
    expect(mayNameStaff('con el encargado', undefined)).toBe(false);
    expect(mayNameStaff('let me talk with someone', undefined)).toBe(false);
  });
});

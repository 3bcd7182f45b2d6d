import { describe, expect, it } from 'vitest';
import { needRecounted } from '../../../src/machines/need-recount.js';
import { monthSaid, saysBareDay, withMonthSaid } from '../../../src/machines/month-said.js';

describe('needRecounted', () => {
  it('should put the corrected count in every place the need has it', () => {
    expect(needRecounted('remodelar 3 baños. Necesito ceramica para 3 baños', 'no son 3 baños, son 5')).toBe('remodelar 5 baños. Necesito ceramica para 5 baños');
    expect(needRecounted('tile for 4 bathrooms. The plumbing is cracked', 'actually make it 6 bathrooms not 4')).toBe('tile for 6 bathrooms. The plumbing is cracked');
    expect(needRecounted('tile for 4 bathrooms', 'change 4 bathrooms to 6')).toBe('tile for 6 bathrooms');
    expect(needRecounted('inodoros para 3 baños', 'no son 3 sino 5')).toBe('inodoros para 5 baños');
    expect(needRecounted('unos 200 sacos de cemento al mes', 'mejor que sean 300 sacos')).toBe('unos 300 sacos de cemento al mes');
  });

  it('should leave the need alone when the message corrects no count of it', () => {
    expect(needRecounted('inodoros para 3 baños', 'si')).toBeNull();
    expect(needRecounted('inodoros para 3 baños', 'no')).toBeNull();
    expect(needRecounted('techo de 12 metros', 'son 5 baños')).toBeNull();
    expect(needRecounted('inodoros para 3 baños', 'no, mi telefono es 809 555 1234')).toBeNull();
    expect(needRecounted('inodoros para 3 baños', 'no, el correo es juan2024@gmail.com')).toBeNull();
    expect(needRecounted('inodoros para 3 baños', 'son 3 baños')).toBeNull();
  });
});

describe('month said for a bare day', () => {
  it('should read the month a question names, or its holiday', () => {
    expect(monthSaid('abren el 25 de diciembre?')).toBe('diciembre');
    expect(monthSaid('are you open on christmas day?')).toBe('December');
    expect(monthSaid('abren en navidad?')).toBe('diciembre');
    expect(monthSaid('y el 24?')).toBeUndefined();
  });

  it('should put the month said before after a bare day only', () => {
    expect(saysBareDay('y el 24?')).toBe(true);
    expect(saysBareDay('y el 1ro de enero?')).toBe(false);
    expect(withMonthSaid(['y el 24?'], 'diciembre')).toEqual(['y el 24 de diciembre?']);
    expect(withMonthSaid(['and the 24th?'], 'December')).toEqual(['and the 24th of December?']);
    expect(withMonthSaid(['y el 1ro de enero?'], 'diciembre')).toEqual(['y el 1ro de enero?']);
    expect(withMonthSaid(['y el 24?'])).toEqual(['y el 24?']);
  });
});

describe('needRecounted with the word before the count', () => {
  it('should take the count of the goods the message names', () => {
    expect(needRecounted('rebar, blocks and cement for the structure, about 3000 blocks', 'change the blocks to 3500')).toBe('rebar, blocks and cement for the structure, about 3500 blocks');
    expect(needRecounted('unos 200 sacos de cemento', 'cambia los sacos a 250')).toBe('unos 250 sacos de cemento');
    expect(needRecounted('200 sacos de cemento y 50 varillas', 'cambia las varillas a 80')).toBe('200 sacos de cemento y 80 varillas');
    expect(needRecounted('200 sacos de cemento y 50 varillas', 'cambia eso a 80')).toBeNull();
  });
});

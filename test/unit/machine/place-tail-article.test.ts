import { describe, expect, it } from 'vitest';
import { placeTailOf } from '../../../src/machines/place-tail.js';

describe('placeTailOf: a town named with its article', () => {
  it('should read "a los llanos", "pa las terrenas" as places', () => {
    expect(placeTailOf('mandame 10 sacos de cemento gris a los llanos')).toEqual({ rest: 'mandame 10 sacos de cemento gris', place: 'los llanos' });
    expect(placeTailOf('mandame 10 sacos pa las terrenas')?.place).toBe('las terrenas');
  });

  it('should still read no place in "a la casa", "pa la obra", "a la semana"', () => {
    expect(placeTailOf('mandame 10 sacos a la casa')).toBeNull();
    expect(placeTailOf('mandame 10 sacos pa la obra')).toBeNull();
    expect(placeTailOf('mandame 10 sacos a la semana')).toBeNull();
  });
});

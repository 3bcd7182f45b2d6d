import { describe, expect, it } from 'vitest';
import { accountAsked } from '../../../src/machines/account-asks-words.js';

describe('accountAsked', () => {
  it.each([
    ['y puedo comprar a credito hoy?', 'buy'],
    ['puedo sacar material a credito?', 'buy'],
    ['me dejan llevar fiao?', 'buy'],
    ['puedo usar mi cuenta?', 'buy'],
    ['can i still buy on credit?', 'buy'],
    ['could we order on my account?', 'buy'],
    ['cuanto me queda de limite', 'limit'],
    ['cuanto credito me queda', 'limit'],
    ['how much credit do i have left?', 'limit'],
    ['me mandan el estado de cuenta?', 'statement'],
    ['por que esta suspendida?', 'why'],
    ['y xq me la suspendieron?', 'why'],
    ['y como la activo de nuevo?', 'why'],
    ['why is it suspended?', 'why'],
    ['how do I get it active again?', 'why'],
  ])('%s → %s', (text, ask) => expect(accountAsked(text)).toBe(ask));

  it.each(['aceptan tarjeta de credito?', 'como abro una cuenta de credito?', 'cuanto cuesta el cemento', 'por que tan caro?', 'como activo la garantia del taladro?'])('asks nothing of the account: %s', (text) => expect(accountAsked(text)).toBeNull());
});

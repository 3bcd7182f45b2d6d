import { describe, expect, it } from 'vitest';
import { goodAsked, groupUnmet, type UnmetMessage } from '../../../src/runtime/analytics/unmet-groups.js';

/** The store's "not carried" replies as the ferreteria's templates render them. */
const notSold = (query: string) => `No vendemos *${query}*. 🙂 Somos una ferretería: materiales de construcción, pintura, plomería, electricidad y herramientas.`;
const notSoldRelated = (query: string) => `No vendemos *${query}*. 🙂 Lo que sí tenemos para eso es:\n• *Protector de Voltaje para Nevera*: *RD$1,450.00* por unidad`;
const notSoldEn = (query: string) => `We don't sell *${query}*. 🙂 We're a hardware store: building materials, paint, plumbing, electrical supplies and tools.`;
const notNow = (query: string) => `Ahora mismo no tenemos *${query}*. 😕 Lo más parecido que tengo es:\n• *Lija de Agua #120*`;

const m = (text: string, reply: string | null, lang = 'es', reason = 'not_found'): UnmetMessage => ({ reason, text, reply, lang });

describe('unmet needs grouped by the good asked for (owner34)', () => {
  it('should read the good from the reply: Spanish names it first, English last after its size words', () => {
    expect(goodAsked(notSold('nevera pequeña pa aparta'), 'es')).toEqual({ key: 'never', said: 'nevera pequeña pa aparta' });
    expect(goodAsked(notSoldRelated('neveras'), 'es')?.key).toBe('never');
    expect(goodAsked(notSoldEn('small fridges'), 'en')?.key).toBe(goodAsked(notSoldEn('fridge'), 'en')?.key);
    expect(goodAsked(notSoldEn('washing machines'), 'en')?.key).toBe(goodAsked(notSoldEn('a washing machine'), 'en')?.key);
    expect(goodAsked(notSoldEn('washing machines'), 'en')?.key).not.toBe(goodAsked(notSoldEn('sewing machines'), 'en')?.key);
    expect(goodAsked(notNow('espátula ni lija'), 'es')).toEqual({ key: goodAsked(notNow('espátulas'), 'es')?.key, said: 'espátula' });
    expect(goodAsked('No entendí, ¿me lo dices de otra forma?', 'es')).toBeNull();
  });

  it('should put "neveras", "neveras pequeñas" and "nevera pequeña pa un aparta" in one row named "neveras"', () => {
    const groups = groupUnmet([
      m('klk tienen nevera pequeña pa un aparta?', notSold('nevera pequeña pa aparta')),
      m('tienen neveras pequeñas?', notSoldRelated('neveras pequeñas')),
      m('tienen neveras?', notSoldRelated('neveras')),
      m('Do you sell small fridges?', notSoldEn('small fridges'), 'en'),
      m('do you sell fridges?', notSoldEn('fridges'), 'en'),
      m('venden lavadoras?', notSold('lavadoras')),
    ]);
    expect(groups.map((g) => [g.terms, g.count])).toEqual([
      ['neveras', 3],
      ['fridges', 2],
      ['lavadoras', 1],
    ]);
    expect(groups[0]!.examples).toEqual(['klk tienen nevera pequeña pa un aparta?', 'tienen neveras pequeñas?', 'tienen neveras?']);
    expect(groups[0]!.reasons).toEqual({ not_found: 3 });
  });

  it('should keep grouping what the bot did not understand by its words, apart from the goods, and honour the minimum count', () => {
    const groups = groupUnmet([
      m('blorf zzkt', 'No te entendí bien…', 'es', 'not_understood'),
      m('blorf zzkt', null, 'es', 'not_understood'),
      m('neveras', null, 'es', 'not_understood'),
      m('tienen neveras?', notSold('neveras')),
      // A not-found answer whose template names nothing in bold: grouped by the message's words.
      m('tienen cohetes?', 'No lo tenemos.', 'es'),
    ]);
    expect(groups.map((g) => [g.terms, g.count, Object.keys(g.reasons)])).toEqual([
      ['blorf zzkt', 2, ['not_understood']],
      ['cohetes', 1, ['not_found']],
      ['neveras', 1, ['not_understood']],
      ['neveras', 1, ['not_found']],
    ]);
    expect(groupUnmet([m('blorf', null, 'es', 'not_understood')], 2)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/domain/nlu.js';
import { needWithoutIntroduction } from '../../../src/machines/need-words.js';
import { projectOfNeed, withPricedLines } from '../../../src/machines/priced-lead.js';
import type { ReplyDirective } from '../../../src/machines/conversation.contract.js';

/** An entity over the first place `value` appears in `text`. */
function at(text: string, type: Entity['type'], value: string): Entity {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`"${value}" not in "${text}"`);
  return { type, value, start, end: start + value.length } as Entity;
}

describe('the need a salesperson reads (lead34)', () => {
  it('should leave out the greeting and who is writing before the goods', () => {
    const text = 'Buenas tardes, les escribe Laura Gomez del Hotel Playa Dorada, queremos cotizar 60 abanicos de techo y 120 bombillos led para las habitaciones';
    const entities = [at(text, 'person_name', 'Laura Gomez'), at(text, 'company', 'Hotel Playa Dorada'), at(text, 'quantity', '60'), at(text, 'product', 'abanicos de techo')];
    expect(needWithoutIntroduction(text, entities)).toBe('queremos cotizar 60 abanicos de techo y 120 bombillos led para las habitaciones');
  });

  it('should leave out an e-mail or a phone clause anywhere, and keep a need told without them as written', () => {
    const text = 'Hi, this is Mike from MJ Builders, we need 150 bags of cement for a warehouse floor, my email is mike@mj.com';
    const entities = [at(text, 'person_name', 'Mike'), at(text, 'company', 'MJ Builders'), at(text, 'quantity', '150'), at(text, 'product', 'cement'), at(text, 'email', 'mike@mj.com')];
    expect(needWithoutIntroduction(text, entities)).toBe('we need 150 bags of cement for a warehouse floor');
    const plain = 'quiero cotizar 200 blocks de 6 para una obra';
    expect(needWithoutIntroduction(plain, [at(plain, 'quantity', '200'), at(plain, 'product', 'blocks de 6')])).toBe(plain);
  });

  it('should keep the project the goods are for beside the lines priced, never a time', () => {
    expect(projectOfNeed('necesito cotizar 300 sacos de cemento y 150 varillas de 3/8 para un edificio de 4 niveles en Bavaro')).toBe('para un edificio de 4 niveles en Bavaro');
    expect(projectOfNeed('we need 150 bags of cement for the new clinic in Higuey, asap')).toBe('for the new clinic in Higuey');
    expect(projectOfNeed('ocupo 150 blocks de 6 y 40 sacos de cemento para la semana que viene')).toBeNull();
    expect(projectOfNeed('necesito 40 sacos de cemento pa mañana')).toBeNull();
    expect(projectOfNeed('40 sacos de cemento y 10 varillas')).toBeNull();
  });

  it('should write the lines priced and the project as the need', () => {
    const replies = [{ template: 'product.estimate', params: { items: [{ quantity: 300, name: 'Cemento Gris' }, { quantity: 150, name: 'Varilla 3/8' }] } }] as unknown as ReplyDirective[];
    const goods = { text: 'necesito 300 sacos de cemento y 150 varillas de 3/8 para un edificio de 4 niveles en Bavaro', messageId: 'm1', turn: 1 };
    expect(withPricedLines(goods, replies)?.text).toBe('300 x Cemento Gris, 150 x Varilla 3/8, para un edificio de 4 niveles en Bavaro');
    expect(withPricedLines({ ...goods, text: 'necesito 300 sacos de cemento y 150 varillas' }, replies)?.text).toBe('300 x Cemento Gris, 150 x Varilla 3/8');
  });
});

describe('a name told after the goods (lead34)', () => {
  it('should leave "soy Miguel Santana" and the e-mail out of the need', () => {
    const text = 'necesito cotizar 1500 blocks de 6 pa una marquesina, soy Miguel Santana, miguel@gmail.com';
    const entities = [at(text, 'quantity', '1500'), at(text, 'product', 'blocks de 6'), at(text, 'person_name', 'Miguel Santana'), at(text, 'email', 'miguel@gmail.com')];
    expect(needWithoutIntroduction(text, entities)).toBe('necesito cotizar 1500 blocks de 6 pa una marquesina');
  });
});

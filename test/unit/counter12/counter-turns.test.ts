import { describe, expect, it } from 'vitest';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

describe('the counter kept track of, turn by turn', () => {
  it('should count "la misma cantidad de arena" like the cement on the counter', async () => {
    const { tenant, brain } = await loadDemo();
    const [, sand] = await chatOnFreshHost(tenant, brain, 'c12-same', 'dame 20 sacos de cemento', 'y la misma cantidad de arena');
    expect(sand).toContain('39,000');
  });

  it('should price "3 tubos" as the 4" drain pipe on the counter, the elbows and the tee of 4"', async () => {
    const { tenant, brain } = await loadDemo();
    const [, lines] = await chatOnFreshHost(tenant, brain, 'c12-pipes', 'tubo de 4 pulgadas de drenaje', '3 tubos, 2 codos de 4 y una tee de 4');
    expect(lines).toContain('4,485');
    expect(lines).not.toContain('1/2"');
  });

  it('should count "planchas de pino" as the pine plywood on the counter, then "solo 4" as four sheets', async () => {
    const { tenant, brain } = await loadDemo();
    const [, five, four] = await chatOnFreshHost(tenant, brain, 'c12-pine', 'plywood de 3/4 cuanto', 'quiero 5 planchas de pino', 'no espera, solo 4');
    expect(five).toContain('11,750');
    expect(four).toContain('9,400');
  });

  it('should count "un rodillo y una bandeja" one each and add them to the gallon', async () => {
    const { tenant, brain } = await loadDemo();
    const [, , total] = await chatOnFreshHost(tenant, brain, 'c12-roller', 'un galon de pintura blanca tropical', 'tambien un rodillo y una bandeja', 'cuanto es todo');
    expect(total).toContain('1,705');
  });

  it('should take "el mismo" after the cement as the cement, with no case opened', async () => {
    const { tenant, brain } = await loadDemo();
    const [, same] = await chatOnFreshHost(tenant, brain, 'c12-mismo', 'cemento gris', 'el mismo');
    expect(same).toContain('655');
    expect(same).not.toContain('T-');
  });
});

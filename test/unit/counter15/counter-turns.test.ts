import { describe, expect, it } from 'vitest';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

describe('counts against what is on the counter, turn by turn', () => {
  it('should switch the rebar line to grade 60 in place and keep the total and the quote to it', async () => {
    const { tenant, brain } = await loadDemo();
    const [, switched, total, quote] = await chatOnFreshHost(tenant, brain, 'c15-grade', 'need 200 6 inch blocks and 20 pcs of 3/8 rebar, how much', 'grade 60 on the rebar', 'whats the total', 'yes send me the formal quote');
    expect(switched).toContain('16,300.00');
    expect(switched).not.toContain('1/2"');
    expect(total).toContain('16,300.00');
    expect(total).not.toContain('Grado 40');
    expect(quote).toContain('T-');
  });

  it('should keep the gallon on the estimate when a roller and a tray are added', async () => {
    const { tenant, brain } = await loadDemo();
    const [, es] = await chatOnFreshHost(tenant, brain, 'c15-run-es', 'quiero un galon de pintura blanca', 'un rodillo y una bandeja');
    expect(es).toContain('1,705.00');
    const [, en] = await chatOnFreshHost(tenant, brain, 'c15-run-en', 'I want a gallon of white paint', 'a roller and a tray');
    expect(en).toContain('1,705.00');
  });

  it('should write one counted for "dame uno" and count "dame 15 para el techo" of the cement', async () => {
    const { tenant, brain } = await loadDemo();
    const [, one] = await chatOnFreshHost(tenant, brain, 'c15-one', 'cemento', 'dame uno');
    // One unit is said as the order line, no "1 ×" (clerk30).
    expect(one).toContain('*1 saco de Cemento Gris Cemex Tipo GU (saco 42.5 kg)*: *RD$655.00*');
    const [, roof] = await chatOnFreshHost(tenant, brain, 'c15-roof', 'cuanto el cemento', 'dame 15 para el techo');
    expect(roof).toContain('9,825.00');
    expect(roof).not.toContain('Tornillo');
  });

  it('should say the aluzinc offer brings the screws when asked whether to buy them apart', async () => {
    const { tenant, brain } = await loadDemo();
    const [, , apart] = await chatOnFreshHost(tenant, brain, 'c15-screws', 'price of aluzinc roofing sheets 12 ft gauge 26', '10 sheets please', 'do I need to buy the screws separately?');
    expect(apart).toContain('No need');
    expect(apart).toContain('free');
    expect(apart).not.toContain('Tirafondo');
  });
});

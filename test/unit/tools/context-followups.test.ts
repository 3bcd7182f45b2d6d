import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { placeNamedIn, reportingPlaceSaid } from '../../../src/actors/tools/place-said.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

/** Each turn's reply texts of one conversation on a fresh host. */
const chat = (...messages: string[]): Promise<string[]> => chatOnFreshHost(tenant, brain, 'context', ...messages);
const said = (turn: string | undefined): string => turn ?? '';

describe('place said › the store place a message names', () => {
  it('should name a known place inside a zone, a zone by its alias, and nothing for an unknown word', () => {
    expect(placeNamedIn(tenant, 'necesito pintura blanca para mi villa en Casa de Campo')).toBe('Casa de Campo');
    expect(placeNamedIn(tenant, 'es para bayahibe')).toBe('Bayahíbe y Dominicus');
    expect(placeNamedIn(tenant, 'vivo en Higüey')).toBe('Higüey');
    expect(placeNamedIn(tenant, 'pintura para mi casa en Mayagüez')).toBeUndefined();
    expect(placeNamedIn(tenant, '¿me la pueden llevar mañana?')).toBeUndefined();
    expect(placeNamedIn(tenant, undefined)).toBeUndefined();
  });

  it('should add the place to an answer only when the message names one', () => {
    const out = { replies: [] };
    expect(reportingPlaceSaid(tenant, out, 'cemento pa Caleta')).toEqual({ replies: [], placeSaid: 'Caleta' });
    expect(reportingPlaceSaid(tenant, out, 'cemento')).toBe(out);
  });
});

describe('a conversation that remembers › the place said before', () => {
  it('should answer "¿me la pueden llevar mañana?" for the villa in Casa de Campo named with the paint', async () => {
    const [, delivery] = await chat('necesito pintura blanca para mi villa en Casa de Campo', '¿me la pueden llevar mañana?');
    expect(said(delivery)).toContain('Casa de Campo');
    expect(said(delivery)).toContain('400');
    expect(said(delivery)).not.toContain('Cumayasa');
  });

  it('should do the same in English', async () => {
    const [, delivery] = await chat('white paint for my villa in Casa de Campo', 'can you deliver it tomorrow?');
    expect(said(delivery)).toContain('Casa de Campo');
    expect(said(delivery)).not.toContain('Cumayasa');
  });

  it('should give the zone\'s time for "¿cuándo llegaría?" after the count said for it', async () => {
    const [, when] = await chat('quiero 10 sacos de cemento para Caleta', '¿cuándo llegaría?');
    expect(said(when)).toContain('Caleta');
    expect(said(when)).not.toContain('Guaymate');
  });

  it('should let a place asked for later win over the one said before', async () => {
    const [, delivery] = await chat('pintura blanca para mi casa en Caleta', '¿me la llevan a Villa Hermosa?');
    expect(said(delivery)).toContain('Villa Hermosa');
    expect(said(delivery)).toContain('300');
  });

  it('should put the delivery to the place said in the total asked "con el envío"', async () => {
    const [, total] = await chat('quiero 3 galones de pintura blanca para Caleta', '¿cuánto sale con delivery?');
    expect(said(total)).toContain('Caleta');
    expect(said(total)).toContain('4,150');
  });

  it('should read "¿me lo traen?" as a delivery question, and a delivery that did not come as a complaint', async () => {
    expect(brain.parse('¿me lo traen?').intent.name).toBe('store_hours_location');
    expect(brain.parse('no me lo han traído').intent.name).toBe('complaint');
    expect(brain.parse('la entrega dañó mi portón').intent.name).toBe('complaint');
    const [, delivery] = await chat('tienen cemento pa una casa en cumayasa', 'me lo traen?');
    expect(said(delivery)).toContain('Cumayasa');
  });
});

describe('a conversation that remembers › the one just shown', () => {
  it('should keep "¿tienen en gris?" on the primer shown, never grey paint', async () => {
    const [, grey, two] = await chat('tienen primer?', '¿tienen en gris?', 'dame 2 de ese');
    expect(said(grey)).toContain('Primer Anticorrosivo Gris');
    expect(said(grey)).not.toContain('Gris Perla');
    expect(said(two)).toContain('2,780');
  });

  it('should set aside the green enamel on "dame esa" after "¿hay en verde?"', async () => {
    const turns = await chat('¿tienen esmalte?', '¿hay en verde?', 'dame esa');
    expect(said(turns[2])).toContain('Verde');
    expect(said(turns[2])).toContain('T-');
  });

  it('should ask which on "dame esa" with two options listed', async () => {
    const [, which] = await chat('¿tienen esmalte?', 'dame esa');
    expect(said(which)).toContain('Negro');
    expect(said(which)).toContain('Verde');
    expect(said(which)).not.toContain('T-');
  });

  it('should take "me llevo ese" as the yes, never a complaint', async () => {
    const [, taken] = await chat('cuánto cuesta el martillo', 'me llevo ese');
    expect(said(taken)).toContain('T-');
    expect(said(taken)).not.toMatch(/Lamento|Siento mucho/);
  });
});

describe('a conversation that remembers › closing and correcting the order', () => {
  it('should give the total and offer the formal quote on "eso es todo" after one counted line', async () => {
    const [, done, yes] = await chat('quiero 5 sacos de cemento', 'eso es todo', 'si');
    expect(said(done)).toContain('3,275');
    expect(said(done)).toContain('cotización');
    expect(said(yes)).toContain('T-');
  });

  it('should still say goodbye on "eso es todo" with nothing counted', async () => {
    const [, done] = await chat('tienen primer?', 'eso es todo');
    expect(said(done)).not.toContain('cotización');
  });

  it('should set the count meant on "perdón, 2 no 20"', async () => {
    const [, fixed] = await chat('quiero 20 galones de pintura blanca', 'perdón, 2 no 20');
    expect(said(fixed)).toContain('2,500');
  });

  it('should correct the line that had the count over two lines', async () => {
    const [, fixed] = await chat('quiero 10 sacos de cemento y 5 de arena', 'perdón, 3 no 5');
    expect(said(fixed)).toContain('12,400');
  });

  it('should count a pair of gloves sold by the pair as one, and a dozen screws sold by the hundred as one hundred', async () => {
    const [, gloves] = await chat('quiero guantes', 'dame dos pares');
    expect(said(gloves)).toContain('390');
    const [, screws] = await chat('cuanto cuesta el tornillo autorroscante', 'dame una docena');
    expect(said(screws)).toContain('140');
    expect(said(screws)).not.toContain('1,680');
  });

  it('should add one more on "otra igual"', async () => {
    const [, more] = await chat('quiero 2 cubetas de pintura satinada blanca', 'otra igual');
    expect(said(more)).toContain('20,850');
  });
});

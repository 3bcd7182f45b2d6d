import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/domain/nlu.js';
import { createLeadState, type LeadState } from '../../../src/machines/lead-draft.js';
import { shortJobSaid, withJobInNeed } from '../../../src/machines/opening-job.js';

const company = (text: string, value: string): Entity => {
  const start = text.indexOf(value);
  return { type: 'company', value, start, end: start + value.length } as Entity;
};

const withNeed = (value: string, sourceMessageId: string): LeadState => {
  const lead = createLeadState();
  return { ...lead, draft: { problem_statement: { value, sourceMessageId } } };
};

describe('shortJobSaid', () => {
  it('should read the short job that closes an opening, as written', () => {
    const text = 'buenas, soy el pastor de la Iglesia Bautista Central, necesitamos techar el templo';
    expect(shortJobSaid(text, [company(text, 'Iglesia Bautista Central')])).toBe('techar el templo');
    expect(shortJobSaid('we need to roof the chapel', [])).toBe('roof the chapel');
  });

  it('should read no job in a question, a purchase verb or goods counted', () => {
    expect(shortJobSaid('necesitamos techar el templo, cuánto cuesta el zinc?', [])).toBeNull();
    expect(shortJobSaid('necesitamos comprar materiales', [])).toBeNull();
    expect(shortJobSaid('necesito 20 sacos', [{ type: 'quantity', value: '20', start: 8, end: 10 } as Entity])).toBeNull();
  });
});

describe('withJobInNeed', () => {
  const job = { text: 'techar el templo', turn: 1 };

  it('should put the job in front of the need answered in this message', () => {
    const after = withJobInNeed(createLeadState(), withNeed('es un techo de 200 metros, zinc calibre 26', 'm5'), job, 'm5', 5);
    expect(after.draft.problem_statement?.value).toBe('Techar el templo: es un techo de 200 metros, zinc calibre 26');
  });

  it('should leave a need that says the job, an older need, or one long after the job as it is', () => {
    expect(withJobInNeed(createLeadState(), withNeed('techar el templo de 200 metros', 'm5'), job, 'm5', 5).draft.problem_statement?.value).toBe('techar el templo de 200 metros');
    expect(withJobInNeed(withNeed('zinc', 'm2'), withNeed('zinc', 'm2'), job, 'm5', 5).draft.problem_statement?.value).toBe('zinc');
    expect(withJobInNeed(createLeadState(), withNeed('zinc calibre 26', 'm20'), job, 'm20', 20).draft.problem_statement?.value).toBe('zinc calibre 26');
  });
});

describe('shortJobSaid of a quote asked for a project', () => {
  it('should read the project after "una cotización para"', () => {
    expect(shortJobSaid('necesito una cotizacion para remodelar 4 baños del hotel', [])).toBe('remodelar 4 baños del hotel');
    expect(shortJobSaid('we need a quote to repaint the lobby', [])).toBe('repaint the lobby');
  });
});

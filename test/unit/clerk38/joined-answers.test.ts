import { describe, expect, it } from 'vitest';
import { joinTopicAnswers } from '../../../src/actors/tools/joined-answers.js';
import type { ReplyTemplates } from '../../../src/domain/tenant.js';

const templates = {
  es: {
    keys: 'Sí, sacamos copias de llaves en la Sucursal Principal.\n\n¿Te ayudo con algo más?',
    hours: 'Abrimos de 7:30 a 6:00.\n\n¿Te comparto la dirección?',
  },
} as unknown as ReplyTemplates;

describe('several store topics answered in one message', () => {
  it('should say an answer two topics share once, the later one with its question', () => {
    const joined = joinTopicAnswers([{ replies: [{ template: 'keys' }] }, { replies: [{ template: 'keys' }] }], templates, 'es');
    expect(joined.replies).toEqual([{ template: 'keys' }]);
  });

  it('should keep different answers, each but the last without its question', () => {
    const joined = joinTopicAnswers([{ replies: [{ template: 'hours' }] }, { replies: [{ template: 'keys' }] }], templates, 'es');
    expect(joined.replies).toEqual([{ text: 'Abrimos de 7:30 a 6:00.' }, { template: 'keys' }]);
  });
});

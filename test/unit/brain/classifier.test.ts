import { describe, it, expect } from 'vitest';
import { INTENTS } from '../../../src/domain/intents.js';
import { trainIntentClassifier } from '../../../src/actors/brain/rule/classifier.js';
import { crossValidate, toExamples } from '../../../src/actors/brain/rule/cross-validate.js';
import { OUT_OF_SCOPE_THRESHOLD } from '../../../src/actors/brain/rule/rule-brain.js';
import { loadUtterances } from './fixtures.js';

const utterances = loadUtterances();

describe('ferreteria training utterances', () => {
  it('should have at least 60 Spanish and 30 English examples for every intent', () => {
    for (const intent of INTENTS) {
      expect(utterances[intent]!.es.length, `${intent} es`).toBeGreaterThanOrEqual(60);
      expect(utterances[intent]!.en.length, `${intent} en`).toBeGreaterThanOrEqual(30);
    }
  });

  it('should not label the same text with two intents', () => {
    const seen = new Map<string, string>();
    for (const { text, intent } of toExamples(utterances)) {
      const key = text.toLowerCase();
      expect(seen.get(key) ?? intent, key).toBe(intent);
      seen.set(key, intent);
    }
  });
});

describe('intent classifier', () => {
  it('should reach at least 0.90 accuracy in stratified 5-fold cross-validation', () => {
    const report = crossValidate(utterances, { folds: 5, threshold: OUT_OF_SCOPE_THRESHOLD });
    // Reported on purpose: this is the figure the brief asks for.
    process.stdout.write(`5-fold CV accuracy: ${report.accuracy.toFixed(4)} (with threshold ${report.threshold}: ${report.accuracyWithThreshold.toFixed(4)})\n`);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracyWithThreshold).toBeGreaterThanOrEqual(0.9);
    for (const intent of INTENTS) expect(report.perIntent[intent]!.support).toBeGreaterThan(0);
  });

  it('should return a calibrated ranking over all intents, best first, summing to 1', () => {
    const model = trainIntentClassifier(toExamples(utterances));
    const ranking = model.rank('a como está la varilla de 3/8?');
    expect(ranking).toHaveLength(INTENTS.length);
    expect(new Set(ranking.map((r) => r.name))).toEqual(new Set(INTENTS));
    const sum = ranking.reduce((s, r) => s + r.confidence, 0);
    expect(sum).toBeCloseTo(1, 6);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1]!.confidence).toBeGreaterThanOrEqual(ranking[i]!.confidence);
    expect(ranking[0]!.name).toBe('price_quote');
  });

  it('should generalise to phrasings that are not in the training data', () => {
    const model = trainIntentClassifier(toExamples(utterances));
    const cases: [string, string][] = [
      ['buenas tardes, klk', 'greeting'],
      ['les queda tubo pvc de tres cuartos?', 'product_inquiry'],
      ['how much for twenty bags of cement', 'price_quote'],
      ['cuánto es lo que tengo pendiente en la cuenta 4455?', 'account_status'],
      ['hasta que hora abren los sabados', 'store_hours_location'],
      ['estan cogiendo cajeras?', 'job_vacancies'],
      ['ponme con un ser humano', 'human_agent'],
      ['el cemento que me vendieron vino duro, quiero devolverlo', 'complaint'],
      ['somos una constructora y necesitamos suplidor de blocks para un proyecto', 'sales_lead'],
      ['quién va a ganar la pelota este año?', 'out_of_scope'],
      ['hay especiales de pintura?', 'offers'],
    ];
    const wrong = cases.filter(([text, intent]) => model.rank(text)[0]!.name !== intent);
    expect(wrong).toEqual([]);
  });

  it('should train the same model from the same data (determinism)', () => {
    const a = trainIntentClassifier(toExamples(utterances));
    const b = trainIntentClassifier(toExamples(utterances));
    for (const text of ['tienen cemento?', 'hola', 'me cobraron doble']) expect(a.rank(text)).toEqual(b.rank(text));
  });
});

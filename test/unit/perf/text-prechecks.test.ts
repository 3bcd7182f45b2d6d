import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alreadyGreets } from '../../../src/actors/greet-back.js';
import { foldAccents } from '../../../src/kernel/fold.js';
import { hasLaughter, isOnlyLaughter, laughTokensOf } from '../../../src/machines/laughter.js';

/**
 * The cheap pre-checks in front of two text readers (issue 16) must give the full reading's
 * answer for every text: the dev set's customer and expected lines, every tenant template, and
 * spellings made to sit at the edges (accents, marks, emoji, variation selectors, case).
 */
const root = join(import.meta.dirname, '../../..');

function devLines(): string[] {
  const dir = join(root, 'test/eval/conversations');
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.conv')) continue;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const m = /^(?:>|<!?)\s?(.*)$/.exec(line);
      if (m?.[1]) out.push(...m[1].split('||').map((s) => s.trim()));
    }
  }
  return out;
}

function templateTexts(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const tenant of readdirSync(join(root, 'tenants'))) {
    const dir = join(root, 'tenants', tenant, 'templates');
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of files) if (f.endsWith('.json')) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

const EDGES = [
  '', ' ', '¡!', '  ¡¡Hola!', 'HOLA', 'Hóla', 'Ĥola amigo', '\u0301hola', 'H\u0301ola', 'buenas', 'Buenos días', 'Good afternoon, Ana', 'good', 'Gracias', 'Esto es lo que tengo:',
  '🏷️ Oferta', '\u00a0Hola', '\u2001hola', 'Hey!', 'hi', 'hilo', 'Bienvenido', 'Ｈola', 'İstanbul', '1 hola',
  'jaja', 'JAJA', 'já já', 'jájá', 'ja\uFE0Fja', 'ja😂', '😂', '🤣🤣', 'jaja👍🏽', 'xD', 'XDD', 'lool', 'LMFAO', 'rofl', 'sjsj', 'jsjsjs', 'hehe', 'HAHA', 'jeje', 'jiji', 'jojo',
  'hoja', 'jefe', 'the hat', 'jaula', 'jabón jaja', 'ok jsjs', 'trabajo', 'hehehe sí', 'mejor', '¿tienen cemento gris?', 'Muchas gracias', 'jaje', 'ha ha', 'j a j a',
];

describe('text pre-checks give the full reading', () => {
  const corpus = [...new Set([...EDGES, ...devLines(), ...templateTexts()])];

  it('has a corpus worth the name', () => {
    expect(corpus.length).toBeGreaterThan(5000);
  });

  it('alreadyGreets: the same answer as folding the whole line', () => {
    const GREETS = /^[\s¡!]*(?:hola|hi|hello|hey|buen(?:as|os)|good (?:morning|afternoon|evening))\b/;
    let greets = 0;
    for (const text of corpus) {
      const full = GREETS.test(foldAccents(text));
      if (full) greets++;
      expect(alreadyGreets(text), JSON.stringify(text)).toBe(full);
    }
    expect(greets).toBeGreaterThan(20);
  });

  it('laughter: the same answer as splitting every message into tokens', () => {
    let laughing = 0;
    for (const text of corpus) {
      const laughs = laughTokensOf(text);
      if (laughs.length > 0) laughing++;
      expect(hasLaughter(text), JSON.stringify(text)).toBe(laughs.length > 0);
      const words = foldAccents(text).replace(/[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F]/gu, '').split(/[\s,.;:!?¡¿()"']+/u).filter((t) => t.length > 0);
      expect(isOnlyLaughter(text), JSON.stringify(text)).toBe(words.length > 0 && laughs.length === words.length);
    }
    expect(laughing).toBeGreaterThan(20);
  });
});

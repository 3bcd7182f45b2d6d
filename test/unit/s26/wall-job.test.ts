import { describe, expect, it } from 'vitest';
import { askedJob } from '../../../src/machines/job-questions.js';
import { createJobNamer } from '../../../src/actors/brain/rule/job-namer.js';
import type { Product } from '../../../src/domain/tenant.js';

describe('a job planned, then what it takes', () => {
  it('should read the job of "voy a…/I\'m …ing …, what do I need?" without its measures', () => {
    expect(askedJob('voy a levantar una pared de 3 metros de largo por 2 de alto, que necesito?')).toMatchObject({ verb: 'levantar', said: 'levantar una pared' });
    expect(askedJob("hi! I'm building a small wall, about 3 meters long and 2 high, what do I need?")).toMatchObject({ verb: 'build', said: 'build a small wall' });
    expect(askedJob('estamos construyendo un muro, q necesito')).toMatchObject({ verb: 'construir' });
    expect(askedJob('voy a la tienda mañana')).toBeNull();
  });

  it('should hear a job of several words said with words between ("levantar una pared" for "levantar pared")', () => {
    const names = createJobNamer([{ jobs: ['pintar', 'levantar pared', 'build wall'] } as unknown as Product]);
    expect(names('que necesito para levantar una pared?')).toBe(true);
    expect(names("I'm building a wall")).toBe(true);
    expect(names('quiero pintar')).toBe(true);
    expect(names('levantar el ánimo')).toBe(false);
    expect(createJobNamer([])('pintar')).toBe(false);
  });
});

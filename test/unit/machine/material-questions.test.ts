import { describe, expect, it } from 'vitest';
import { isOnlySurface, readJobSizesOnly, readMaterialQuestion, readMeasureReply, readSaidSizes } from '../../../src/machines/material-questions.js';

describe('readMaterialQuestion', () => {
  it('should read the two sides of a wall, slab or floor however they are written, es and en', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['cuantos blocks para una pared de 3 por 2?', { sides: [3, 2], surface: 'wall' }],
      ['Cuántos bloques lleva una pared de 10 metros de largo por 2,5 de alto', { sides: [10, 2.5], surface: 'wall' }],
      ['how many bags of cement for a 3x4 m slab?', { sides: [3, 4], surface: 'slab' }],
      ['how many blocks for a wall 5 m long and 3 m high?', { sides: [5, 3], surface: 'wall' }],
      ['cuanta ceramica me hace falta pa un piso de 4 x 5', { sides: [4, 5], surface: 'floor' }],
      ['kuantos bloques pa una pared de 4 x 2.5', { sides: [4, 2.5], surface: 'wall' }],
      ['losa de 4x5x0.12 cuantos sacos', { sides: [4, 5], thickness: 0.12, surface: 'slab' }],
      ['cuantos sacos para una losa de 3x4 de 12 cm de espesor', { sides: [3, 4], thickness: 0.12 }],
      ['how many tiles for a 10 by 12 feet floor', { sides: [3.05, 3.66], surface: 'floor' }],
    ];
    for (const [text, expected] of cases) expect(readMaterialQuestion(text), text).toMatchObject(expected);
  });

  it('should read an area, a volume, one length and the coats', () => {
    expect(readMaterialQuestion('cuantos galones necesito para 100 metros cuadrados a una mano')).toMatchObject({ area: 100, coats: 1 });
    expect(readMaterialQuestion('how many gallons do I need for 500 square feet?')).toMatchObject({ area: 46.5 });
    expect(readMaterialQuestion('cuantos sacos de cemento lleva un metro cubico de concreto')).toMatchObject({ volume: 1 });
    expect(readMaterialQuestion('cuantos blocks necesito para una pared de 10 metros')).toMatchObject({ length: 10, surface: 'wall' });
    expect(readMaterialQuestion('cuantos tubos de 3/4 necesito para 20 metros')).toMatchObject({ length: 20 });
  });

  it('should take a question with no measurement when it needs or names what for', () => {
    expect(readMaterialQuestion('cuántos metros de cable necesito para mi casa?')).toEqual({ surface: 'house' });
    expect(readMaterialQuestion('how much cable for a house')).toEqual({ surface: 'house' });
    expect(readMaterialQuestion('cuantas varillas van en una columna')).toEqual({ surface: 'column' });
    expect(readMaterialQuestion('cuantos sacos de cemento lleva una losa de 4x5?')).toEqual({ sides: [4, 5], surface: 'slab' });
    // "cuántos metros de cable" counts the product, it is no length of the job.
    expect(readMaterialQuestion('cuantos metros de cable necesito?')).toEqual({});
    // A price asked beside a need is still the amount when the job is measured or named.
    expect(readMaterialQuestion('I need cement for a 4x5 slab, how much is it going to be?')).toEqual({ sides: [4, 5], surface: 'slab' });
  });

  it('should not read prices, stock, services or other questions as material questions', () => {
    for (const text of ['cuánto cuesta el cemento?', 'cuanto ta el block de 6', 'cuanto me cobran para llevarlo a mi casa', 'cuantos dias tarda el delivery', 'cuanto necesito para abrir una cuenta de credito', 'how many blocks do you have?', 'dame 5 blocks de 10', 'tiene pintura azul?', 'I need cement, how much is a bag?', 'necesito pintura, cuánto cuesta el galón?', 'tienen arena? cuanto el metro? me la llevan a la caleta?', 'cuanto el metro de arena y me la llevan a caleta?']) {
      expect(readMaterialQuestion(text), text).toBeNull();
    }
  });
});

describe('readMaterialQuestion › how far a product goes', () => {
  it('should read a yield question as a material question, measured or not', () => {
    expect(readMaterialQuestion('cuanto rinde un galon de pintura')).toEqual({});
    expect(readMaterialQuestion('para cuantos metros alcanza una cubeta de pintura')).toEqual({});
    expect(readMaterialQuestion('cuántos metros pinta un galón?')).toEqual({});
    expect(readMaterialQuestion('how much does a gallon of paint cover?')).toEqual({});
    expect(readMaterialQuestion('cuanto rinde la pintura para 40 m2')).toEqual({ area: 40 });
  });

  it('should not read a price or a total as a yield question', () => {
    for (const text of ['cuanto da todo', 'cuanto me da el total', 'hasta donde alcanza el delivery', 'cuanto cuesta el galon de pintura']) {
      expect(readMaterialQuestion(text), text).toBeNull();
    }
  });
});

describe('isOnlySurface', () => {
  it('should tell the surface itself from a product named for it', () => {
    for (const phrase of ['pared', 'la pared', 'piso', 'a wall', 'losa']) expect(isOnlySurface(phrase), phrase).toBe(true);
    for (const phrase of ['ceramica de pared', 'blocks', 'sellador de paredes', 'cemento']) expect(isOnlySurface(phrase), phrase).toBe(false);
  });
});

describe('readMeasureReply', () => {
  it('should read a bare measurement as the one asked for, es and en, with typos and fillers', () => {
    const cases: [string, 'area' | 'volume' | 'height', Record<string, unknown>][] = [
      ['40 metros cuadrados', 'area', { area: 40 }],
      ['40 m2', 'area', { area: 40 }],
      ['son como 60 mts2', 'area', { area: 60 }],
      ['40 metros', 'area', { area: 40 }],
      ['40', 'area', { area: 40 }],
      ['una pared de 4 por 3', 'area', { sides: [4, 3], surface: 'wall' }],
      ['4x3', 'area', { sides: [4, 3] }],
      ['4 metros por 3', 'area', { sides: [4, 3] }],
      ['4x5', 'volume', { sides: [4, 5] }],
      ['2 metros cubicos', 'volume', { volume: 2 }],
      ['3 de alto', 'height', { length: 3 }],
      ['about 40 square meters', 'area', { area: 40 }],
      ["it's 12 by 10 feet", 'area', { sides: [3.66, 3.05] }],
    ];
    for (const [text, asked, expected] of cases) expect(readMeasureReply(text, asked), text).toMatchObject(expected);
  });

  it('should read rooms counted as rooms, never as metres, and only where an area was asked', () => {
    expect(readMeasureReply('es una casa de 2 habitaciones', 'area')).toMatchObject({ rooms: 2 });
    expect(readMeasureReply('a 3 bedroom house', 'area')).toMatchObject({ rooms: 3 });
    expect(readMeasureReply('casa de 2 habitaciones', 'area')).not.toHaveProperty('area');
    expect(readMeasureReply('casa de 2 habitaciones', 'height')).toBeNull();
    expect(readMaterialQuestion('cuanta pintura para una casa de tres habitaciones')).toMatchObject({ rooms: 3 });
  });

  it('should take nothing that says more than a measurement', () => {
    for (const text of ['a que hora abren', 'gracias', 'dame 2 galones de pintura', 'cuanto cuesta el cemento', 'mi numero es 8095551234', 'entre 4 y 5 de la tarde']) {
      expect(readMeasureReply(text, 'area'), text).toBeNull();
    }
  });
});

describe('readSaidSizes', () => {
  it('should keep the sizes a message gives of the job, whatever it asks', () => {
    expect(readSaidSizes('piso de 4x5')).toEqual({ sides: [4, 5], surface: 'floor' });
    expect(readSaidSizes('tengo una pared de 40 metros cuadrados')).toEqual({ area: 40, surface: 'wall' });
    expect(readSaidSizes('I have a 12 by 10 feet floor')).toEqual({ sides: [3.66, 3.05], surface: 'floor' });
  });

  it('should keep nothing from a message without sizes', () => {
    for (const text of ['cuanta ceramica necesito', 'dame 20 blocks', 'tubo de 3/4', 'a que hora abren', 'una promocion del 2x1 en bombillos', 'madera de 2x4']) expect(readSaidSizes(text), text).toBeNull();
  });
});

describe('readJobSizesOnly', () => {
  it('should read a job\'s sizes said with nothing else', () => {
    expect(readJobSizesOnly('piso de 4x5')).toEqual({ sides: [4, 5], surface: 'floor' });
    expect(readJobSizesOnly('tengo una habitación de 3 x 4 metros')).toEqual({ sides: [3, 4], surface: 'room' });
    expect(readJobSizesOnly('hola, tengo un patio de 5 por 3')).toEqual({ sides: [5, 3], surface: 'floor' });
    expect(readJobSizesOnly('a 12 by 10 ft room')).toEqual({ sides: [3.66, 3.05], surface: 'room' });
  });

  it('should leave a question, a product or no job to the other readers', () => {
    for (const text of ['cuanta ceramica para un piso de 4x5', 'ceramica para piso de 4x5', 'madera de 2x4', 'la casa de 2 habitaciones', 'piso', 'dame 20 blocks']) {
      expect(readJobSizesOnly(text), text).toBeNull();
    }
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Product, TenantSettings, TrainingUtterances } from '../../../src/domain/tenant.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function loadUtterances(): TrainingUtterances {
  return JSON.parse(readFileSync(`${root}tenants/ferreteria/utterances.json`, 'utf8')) as TrainingUtterances;
}

export const settings: TenantSettings = {
  id: 'brain-test',
  displayName: 'Ferretería La Romana',
  defaultLang: 'es',
  timeZone: 'America/Santo_Domingo',
  currency: 'DOP',
};

/** A small inline catalog so these tests do not depend on the demo tenant's catalog. */
export const catalog: Product[] = [
  { sku: 'CEM-1', name: 'Cemento Gris Portland (saco 42.5 kg)', category: 'Cemento y agregados', price: 655, stock: 100, unit: 'saco 42.5 kg', aliases: ['cement'] },
  { sku: 'VAR-38', name: 'Varilla Corrugada 3/8" x 20 pies', category: 'Acero', price: 310, stock: 500, unit: 'unidad', aliases: ['rebar'] },
  { sku: 'PVC-12', name: 'Tubo PVC 1/2" x 19 pies', category: 'Plomería', price: 145, stock: 80, unit: 'unidad', aliases: ['pvc pipe'] },
  { sku: 'PIN-1', name: 'Pintura Acrílica Blanca', category: 'Pinturas', price: 1450, stock: 40, unit: 'galón', aliases: ['paint'] },
  { sku: 'CLA-2', name: 'Clavo Corriente 2"', category: 'Tornillería y clavos', price: 95, stock: 300, unit: 'libra', aliases: ['nails'] },
  { sku: 'TAL-1', name: 'Taladro Inalámbrico 20V', category: 'Herramientas eléctricas', price: 6900, stock: 5, unit: 'unidad', aliases: ['drill'] },
];

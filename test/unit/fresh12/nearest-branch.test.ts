import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../helpers/memory-host.js';
import { findDeliveryPlace } from '../../../src/actors/tools/info.tool.js';
import { asksNearestBranch, nearestBranchReply } from '../../../src/actors/tools/nearest-branch.js';

const { tenant } = await loadDemo();
const nearest = (text: string, lang: 'es' | 'en' = 'es') => nearestBranchReply(tenant, text, lang, '', (t) => findDeliveryPlace(tenant, t));
const params = (text: string) => {
  const reply = nearest(text);
  return reply && 'params' in reply ? { template: reply.template, ...(reply.params as Record<string, unknown>) } : null;
};

describe('asksNearestBranch: which branch is nearest', () => {
  it.each([
    'cual sucursal me queda mas cerca de villa verde',
    'la mas cerca de savica cual e?',
    'soy de guaymate, cual es la sucursal mas cercana?',
    'tienen sucursal cerca de higuey?',
    'which branch is closest to casa de campo?',
    'nearest store to bayahibe?',
  ])('%s', (text) => {
    expect(asksNearestBranch(text)).toBe(true);
  });

  it.each(['donde queda la sucursal de padre abreu', 'hacen delivery a villa verde?', 'tienen cemento?', 'close the case please'])('%s → no', (text) => {
    expect(asksNearestBranch(text)).toBe(false);
  });
});

describe('nearestBranchReply: the branch nearest to the place said', () => {
  it.each([
    ['cual sucursal me queda mas cerca de villa verde', 'Villa Verde', 'Sucursal Principal (Av. Libertad)'],
    ['la mas cerca de savica cual e?', 'Savica', 'Sucursal Av. Padre Abreu'],
    ['vivo en quisqueya, cual es la sucursal mas cercana?', 'Quisqueya', 'Sucursal Av. Padre Abreu'],
    ['cual sucursal me queda mas cerca, vivo en piedra linda', 'Piedra Linda', 'Sucursal Principal (Av. Libertad)'],
  ])('%s → %s: %s', (text, place, name) => {
    expect(params(text)).toMatchObject({ template: 'info.location.nearest', place, name });
  });

  it('says no branch is there for a town of its own', () => {
    expect(params('tienen sucursal cerca de higuey?')).toMatchObject({ template: 'info.location.nearest.far', place: 'Higüey' });
    expect(params('soy de guaymate, cual es la sucursal mas cercana?')).toMatchObject({ template: 'info.location.nearest.far', place: 'Guaymate', name: 'Sucursal Villa Hermosa' });
  });

  it('asks where the customer is when nearness is asked without a place (session 29)', () => {
    expect(nearest('cual sucursal me queda mas cerca?')).toEqual({ template: 'info.location.nearest.ask' });
  });

  it('answers nothing without nearness asked', () => {
    expect(nearest('donde queda la sucursal de villa hermosa')).toBeNull();
  });

  it('answers nothing when a branch has no position', () => {
    const store = { ...tenant.store, branches: tenant.store.branches.map((b, i) => (i === 1 ? { ...b, at: undefined } : b)) };
    expect(nearestBranchReply({ ...tenant, store }, 'cual me queda mas cerca de villa verde', 'es', '', (t) => findDeliveryPlace({ store }, t))).toBeNull();
  });
});

/**
 * A breaker that keeps tripping, an outlet or a switch that stopped working: the part itself is
 * asked like any product (`homeFaultJob` leaves them to the product answer), but a clerk says first
 * what is safe — a breaker that trips is doing its job (too much on the circuit, or a short), and a
 * bigger one is never the fix; the power goes off at the breaker before an outlet or switch is
 * changed. The tenant's `product.fault_tip.<fixture>.<fault>` before the product answer.
 */
import type { TenantData } from '../../domain/tenant.js';
import type { ProductActorInput, ProductActorOutput } from '../../machines/conversation.contract.js';
import { readHomeFault } from '../../machines/home-faults.js';

const ELECTRIC: ReadonlySet<string> = new Set(['breaker.dispara', 'tomacorriente.danado', 'interruptor.danado']);

export function withElectricFaultTip(tenant: TenantData, input: ProductActorInput, out: ProductActorOutput): ProductActorOutput {
  if (out.outcome !== 'answered' || out.replies.length === 0 || input.text === undefined) return out;
  const fault = readHomeFault(input.text);
  if (fault === null) return out;
  const key = `${fault.fixture}.${fault.fault}`;
  const template = `product.fault_tip.${key}`;
  if (!ELECTRIC.has(key) || tenant.templates[input.lang]?.[template] === undefined) return out;
  if (out.replies.some((r) => 'template' in r && r.template === template)) return out;
  return { ...out, replies: [{ template }, ...out.replies] };
}

import { createIntentSet } from '../../../domain/intent-set.js';
import type { TenantData } from '../../../domain/tenant.js';
import { BACKEND_TOOL_SPECS, TOOLS_BY_SOURCE } from './backend-tools.js';
import { TOOL_SPECS, type SkillName, type ToolSpec } from './tools.js';

/**
 * The tools a tenant's model is offered, from the tenant's own data: a tool whose data the tenant
 * lacks is never offered (a studio gets no catalog search, a store without accounts no account
 * tool).
 *
 * - `product_kb` (`search_catalog`, `get_price`): a catalog (`catalog.json`);
 * - `account` (`account_status`): customer accounts (`accounts.json`);
 * - `lead_capture`, `crm_integration`: an intent with the `sales_lead` behaviour (the built-in set
 *   has one; the lead qualification flow and its CRM push);
 * - `handoff` (`escalate`): every tenant (the machine's handoff is built in);
 * - backend tools (`backend-tools.ts`): a `backend` in `tenant.json` and the informational sources
 *   of `intents.json` (`hours` → `get_hours`, `packages` → `list_packages` and `list_services`,
 *   `bookings` → `my_bookings`, `history` → `my_history`).
 *
 * @example
 * tenantToolSpecs(studio, { backend: true }).map((t) => t.name); // ['escalate', 'get_hours', 'list_packages', …]
 */
export function tenantToolSpecs(data: TenantData, options: { backend: boolean }): ToolSpec[] {
  const intents = createIntentSet(data.intents);
  const has: Record<SkillName, boolean> = {
    product_kb: data.catalog.length > 0,
    account: data.accounts.length > 0,
    lead_capture: intents.intents.some((i) => i.behaviour === 'sales_lead'),
    crm_integration: intents.intents.some((i) => i.behaviour === 'sales_lead'),
    handoff: true,
    business_kb: false,
    my_records: false,
  };
  const backendTools = new Set<string>();
  if (options.backend) {
    for (const intent of intents.intents) {
      if (intent.answer !== undefined && 'source' in intent.answer) for (const name of TOOLS_BY_SOURCE[intent.answer.source]) backendTools.add(name);
    }
  }
  return [...TOOL_SPECS.filter((s) => has[s.skill]), ...BACKEND_TOOL_SPECS.filter((s) => backendTools.has(s.name))];
}

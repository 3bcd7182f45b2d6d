import { INTEREST_AREAS, LEAD_FIELDS, URGENCY_LEVELS } from '../../../domain/lead.js';
import { z } from '../../../kernel/schema.js';
import { parseAndValidate, toJsonSchema, type JsonSchema, type SchemaProblem } from './json-schema.js';
import type { FunctionTool, ToolCall } from './llm-client.js';

/**
 * `business_kb` and `my_records` are the read-only tools over a tenant's own backend
 * (`backend-tools.ts`): the business's offer and hours, and the contact's own records.
 */
export const SKILLS = ['lead_capture', 'crm_integration', 'product_kb', 'account', 'handoff', 'business_kb', 'my_records'] as const;
export type SkillName = (typeof SKILLS)[number];

/**
 * Whose data a tool touches:
 * - `none`: no customer data (catalog, prices, e-mail syntax);
 * - `bound`: the contact of the conversation, bound by the host from the context, never from the
 *   model's arguments (so the model cannot point it at someone else);
 * - `argument`: an argument names a record that may belong to another contact (an account number):
 *   the authorisation hook must approve each call, and without a hook the call is refused.
 */
export type ToolOwnership = 'none' | 'bound' | 'argument';

export interface ToolSpec {
  name: string;
  skill: SkillName;
  description: string;
  /** The arguments' check (a strict zod object: all keys required, nullable when optional). */
  arguments: z.ZodType<Record<string, unknown>>;
  /** The same, as the OpenAI strict function schema the model sees (generated from `arguments`). */
  parameters: JsonSchema;
  ownership: ToolOwnership;
}

/** One tool: the argument shape is written once, as zod; its JSON schema is derived. */
export function defineTool(spec: Omit<ToolSpec, 'arguments' | 'parameters'> & { args: z.ZodRawShape }): ToolSpec {
  const { args, ...rest } = spec;
  const schema = z.strictObject(args);
  return { ...rest, arguments: schema, parameters: toJsonSchema(schema) };
}

/**
 * The hardware store's tools (catalog, accounts, leads, CRM, handoff), as OpenAI strict function
 * schemas (all keys required, nullable when optional). A tenant is offered those whose data it has
 * (`tenant-tools.ts`); tools over a tenant's backend are in `backend-tools.ts`.
 */
export const TOOL_SPECS: readonly ToolSpec[] = [
  defineTool({
    name: 'save_lead_field',
    skill: 'lead_capture',
    description: 'Save one lead field the customer gave (name, email, phone, company, interest area, problem statement, urgency). Use null when the customer declines.',
    args: { field: z.enum(LEAD_FIELDS), value: z.string().max(1000).nullable() },
    ownership: 'bound',
  }),
  defineTool({
    name: 'verify_email',
    skill: 'lead_capture',
    description: 'Check that an e-mail address is well formed and not a misspelling of a common mail provider (gmial.com); suggests the likely address.',
    args: { email: z.string().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u) },
    ownership: 'none',
  }),
  defineTool({
    name: 'push_lead',
    skill: 'crm_integration',
    description: 'Send the confirmed lead of this conversation to the CRM. Only after the customer confirmed the summary.',
    args: { confirmed_by_customer: z.boolean() },
    ownership: 'bound',
  }),
  defineTool({
    name: 'create_ticket',
    skill: 'crm_integration',
    description: 'Open a support ticket for this customer with a short subject and a 2–3 line summary.',
    args: {
      subject: z.string().min(3).max(120),
      summary: z.string().min(3).max(1000),
      interest_area: z.enum(INTEREST_AREAS),
      urgency: z.enum(URGENCY_LEVELS),
    },
    ownership: 'bound',
  }),
  defineTool({
    name: 'search_catalog',
    skill: 'product_kb',
    description: 'Search the store catalog by product name, colloquial name or description. Returns SKUs, names, prices and stock.',
    args: { query: z.string().min(2).max(200), limit: z.int().min(1).max(10) },
    ownership: 'none',
  }),
  defineTool({
    name: 'get_price',
    skill: 'product_kb',
    description: 'Price (DOP, ITBIS included), unit and stock of one product by SKU.',
    args: { sku: z.string().min(1).max(40) },
    ownership: 'none',
  }),
  defineTool({
    name: 'account_status',
    skill: 'account',
    description:
      "Standing of the customer's credit account (al día, atrasada, suspendida), balance and due date. Account data is private: pass `verification`, the second identifier the customer typed (last 4 digits of the phone on file, or the holder's cédula/RNC); without a matching one the tool answers verification_required or verification_failed and returns no data.",
    args: { account_number: z.string().regex(/^\d{4,12}$/u), verification: z.string().max(40).nullable() },
    ownership: 'argument',
  }),
  defineTool({
    name: 'escalate',
    skill: 'handoff',
    description: 'Hand the conversation to a human agent with a short summary of what the customer needs.',
    args: {
      reason: z.enum(['customer_request', 'critical', 'repeated_failure', 'complaint', 'other']),
      summary: z.string().min(3).max(1000),
    },
    ownership: 'bound',
  }),
];

/** Skills offered per machine state (top-level state name; `qualifying.collecting` → `qualifying`). */
export const SKILLS_BY_STATE: Readonly<Record<string, readonly SkillName[]>> = {
  // Customers volunteer their name and company in the first message ("soy Carolina, de Meridiano"):
  // lead_capture is offered before the qualifying flow starts.
  triage: ['product_kb', 'account', 'lead_capture', 'handoff', 'business_kb', 'my_records'],
  answering: ['product_kb', 'account', 'lead_capture', 'handoff', 'business_kb', 'my_records'],
  qualifying: ['lead_capture', 'crm_integration', 'product_kb', 'handoff'],
  handoff: ['crm_integration'],
  closed: [],
};

export interface ToolContext {
  tenantId: string;
  conversationId: string;
  /** The contact of this conversation: bound tools act on this contact only. */
  contactId: string;
  /** Machine state value (`qualifying` or `qualifying.collecting`). */
  state: string;
  /** The customer's own messages of this conversation that the model saw (authorisation reads them). */
  customerTexts?: readonly string[];
}

/** Decides whether this contact may touch the record the arguments name (e.g. owns the account). */
export type AuthorizeTool = (request: { tool: ToolSpec; args: Record<string, unknown>; context: ToolContext }) => boolean | Promise<boolean>;

export type ToolCheck =
  | { ok: true; tool: ToolSpec; args: Record<string, unknown>; contactId: string }
  | { ok: false; reason: 'unknown_tool' | 'not_offered' | 'invalid_arguments' | 'forbidden'; problems: SchemaProblem[] };

export interface ToolRegistry {
  /** Every tool this registry may offer (in some state). */
  readonly specs: readonly ToolSpec[];
  /** Function tools for the model in this state: only the relevant skills. */
  toolsFor(state: string): FunctionTool[];
  /** Validates a model's tool call (offered here, arguments match the schema, authorised) before any handler runs. */
  check(call: ToolCall, context: ToolContext): Promise<ToolCheck>;
}

export function createToolRegistry(options: { specs?: readonly ToolSpec[]; skillsByState?: Readonly<Record<string, readonly SkillName[]>>; authorize?: AuthorizeTool } = {}): ToolRegistry {
  const specs = options.specs ?? TOOL_SPECS;
  const skillsByState = options.skillsByState ?? SKILLS_BY_STATE;
  const byName = new Map(specs.map((s) => [s.name, s]));
  const offered = (state: string): ToolSpec[] => {
    const skills = skillsByState[state.split('.')[0] ?? state] ?? [];
    return specs.filter((s) => skills.includes(s.skill));
  };

  return {
    specs,
    toolsFor: (state) => offered(state).map((s) => ({ name: s.name, description: s.description, parameters: s.parameters, strict: true })),
    async check(call, context) {
      const tool = byName.get(call.name);
      if (tool === undefined) return { ok: false, reason: 'unknown_tool', problems: [{ path: '(root)', problem: `no tool named ${call.name}` }] };
      if (!offered(context.state).includes(tool)) return { ok: false, reason: 'not_offered', problems: [{ path: '(root)', problem: `${call.name} is not offered in ${context.state}` }] };
      const parsed = parseAndValidate(call.arguments, tool.arguments);
      if (!parsed.ok) return { ok: false, reason: 'invalid_arguments', problems: parsed.problems };
      if (tool.ownership === 'argument') {
        const allowed = options.authorize !== undefined && (await options.authorize({ tool, args: parsed.value, context }));
        if (!allowed) return { ok: false, reason: 'forbidden', problems: [{ path: '(root)', problem: `${call.name} is not allowed on that record for this contact` }] };
      }
      return { ok: true, tool, args: parsed.value, contactId: context.contactId };
    },
  };
}

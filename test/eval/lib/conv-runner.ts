import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ConversationHost } from '../../../src/actors/conversation-host.js';
import type { TurnResult } from '../../../src/actors/conversation-service.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { Expectation, ScriptedConversation } from './conv-format.js';
import { createBackendTenantHosts, type BackendTenantHosts } from './backend-tenant-hosts.js';
import { createEvalHosts } from './eval-host.js';
import { fold } from './text.js';

export interface TurnFailure {
  /** 1-based turn number in the conversation. */
  turn: number;
  line: number;
  said: string;
  expected: string;
  got: string;
}

export interface ConversationOutcome {
  file: string;
  title: string;
  line: number;
  passed: boolean;
  /** Expectations checked (a crash leaves the rest of the conversation unchecked). */
  checks: number;
  failures: TurnFailure[];
  /** A turn threw (a crash, not a wrong answer). */
  error?: string;
}

function describe(e: Expectation): string {
  switch (e.kind) {
    case 'contains':
      return `reply contains ${e.any.map((a) => `"${a}"`).join(' or ')}`;
    case 'not_contains':
      return `reply does not contain "${e.text}"`;
    case 'state':
      return `state ${e.value}`;
    case 'ticket':
      return `ticket ${e.value}`;
    case 'lead':
      return `lead ${e.checks.map((c) => `${c.field}${c.op}${c.value}`).join('; ')}`;
    case 'closed':
      return 'conversation closed';
    case 'silent':
      return 'no bot reply';
    case 'lang':
      return `language ${e.value}`;
    case 'intent':
      return `intent ${e.any.join(' or ')}`;
  }
}

const clip = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface LeadView {
  status?: string;
  draft?: Record<string, { value: string | null } | undefined>;
}

/** Checks one expectation against a turn's result; returns what was seen when it fails, null when it holds. */
function check(e: Expectation, result: TurnResult): string | null {
  // What the customer sees: each reply's text and the labels of the options (buttons) it offers.
  const botText = result.replies
    .filter((r) => r.direction === 'out')
    .map((r) => (r.options && r.options.length > 0 ? `${r.text} [${r.options.map((o) => o.label).join(' | ')}]` : r.text))
    .join(' ⏎ ');
  const replies = fold(botText);
  const state = result.state.value;
  const context = result.state.context;
  switch (e.kind) {
    case 'contains':
      return e.any.some((a) => replies.includes(fold(a))) ? null : clip(botText.replace(/\s+/g, ' ') || '(no reply)');
    case 'not_contains':
      return replies.includes(fold(e.text)) ? clip(botText.replace(/\s+/g, ' ')) : null;
    case 'state':
      return state === e.value || state.startsWith(`${e.value}.`) ? null : `state ${state}`;
    case 'closed':
      return state === 'closed' ? null : `state ${state}`;
    case 'silent':
      return botText === '' ? null : clip(botText.replace(/\s+/g, ' '));
    case 'lang':
      return context.lang === e.value ? null : `language ${String(context.lang)}`;
    case 'intent': {
      // What the transcript, the ticket summary and analytics record: the routed intent on the turn's reply lines.
      const intent = result.replies.find((r) => r.direction === 'out' && r.intent !== undefined)?.intent ?? 'none';
      return e.any.includes(intent) ? null : `intent ${intent}`;
    }
    case 'ticket': {
      const ticket = context.ticket as { kind?: string; number?: string } | null | undefined;
      const kind = ticket?.kind ?? 'none';
      return kind === e.value ? null : `ticket ${kind}${ticket?.number ? ` ${ticket.number}` : ''}`;
    }
    case 'lead': {
      const lead = (context.lead ?? {}) as LeadView;
      const wrong: string[] = [];
      for (const c of e.checks) {
        const actual = c.field === 'status' ? (lead.status ?? null) : (lead.draft?.[c.field]?.value ?? null);
        // A phone is compared by its digits: "+1 809-555-0101" and "18095550101" are the same phone.
        const norm = (v: string) => (c.field === 'phone_or_username' && /\d/.test(c.value) ? v.replace(/\D/g, '') : fold(v));
        const a = actual === null ? null : norm(actual);
        const want = norm(c.value);
        const ok = a !== null && (c.op === '=' ? a === want : a.includes(want));
        if (!ok) wrong.push(`${c.field}=${actual === null ? '(none)' : JSON.stringify(actual)}`);
      }
      return wrong.length === 0 ? null : wrong.join('; ');
    }
  }
}

export interface RunConversationsOptions {
  tenant: TenantData;
  brain: Brain;
  conversations: ScriptedConversation[];
  /** The repository root: `@tenant` conversations load `tenants/<id>` from it. */
  root?: string;
}

/**
 * Plays every scripted conversation turn by turn on a real host (real machine, the given brain,
 * real tools, in-memory stores), a fresh host per conversation (see `createEvalHosts`) so that no
 * contact or identity match leaks from one script into another.
 */
export async function runConversations(options: RunConversationsOptions): Promise<ConversationOutcome[]> {
  const outcomes: ConversationOutcome[] = [];
  const nextHost = createEvalHosts({ tenant: options.tenant, brain: options.brain });
  const others = new Map<string, BackendTenantHosts>();
  const hostFor = async (conv: ScriptedConversation) => {
    if (conv.tenant === undefined || conv.tenant === options.tenant.settings.id) return { host: nextHost(conv.at), tenantId: options.tenant.settings.id };
    let hosts = others.get(conv.tenant);
    if (!hosts) {
      hosts = await createBackendTenantHosts(options.root ?? process.cwd(), conv.tenant);
      others.set(conv.tenant, hosts);
    }
    return { host: await hosts.next(conv.at), tenantId: conv.tenant };
  };
  let n = 0;
  try {
    for (const conv of options.conversations) outcomes.push(await runOne(conv, ++n, await hostFor(conv)));
  } finally {
    for (const hosts of others.values()) await hosts.close();
  }
  return outcomes;
}

async function runOne(conv: ScriptedConversation, n: number, { host, tenantId }: { host: ConversationHost; tenantId: string }): Promise<ConversationOutcome> {
  const senderId = conv.channel === 'whatsapp' ? `1809555${String(n).padStart(4, '0')}` : `eval-${n}`;
  const failures: TurnFailure[] = [];
  let checks = 0;
  let error: string | undefined;
  try {
    for (const [i, turn] of conv.turns.entries()) {
      const result = await host.handleMessage({ tenantId, channel: conv.channel, senderId, text: turn.text });
      for (const e of turn.expect) {
        checks++;
        const got = check(e, result);
        if (got !== null) failures.push({ turn: i + 1, line: e.line, said: turn.text, expected: describe(e), got });
      }
    }
  } catch (err) {
    error = err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err);
  } finally {
    await host.close();
  }
  return { file: conv.file, title: conv.title, line: conv.line, passed: failures.length === 0 && error === undefined, checks, failures, ...(error ? { error } : {}) };
}

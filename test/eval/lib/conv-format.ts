/**
 * The scripted-conversation format (`.conv`): one file per topic, many conversations per file.
 *
 * ```
 * # a comment
 * === cement price, then a follow-up quantity        ← starts a conversation (the title)
 * @channel whatsapp                                    ← optional: channel (default rest)
 * @tenant estudio                                      ← optional: another tenant, run against its demo backend
 * @at 2026-12-03 11:00                                 ← optional: the local time of the first turn (the tenant's zone)
 * > cuanto vale el cemento gris                        ← a customer message (a turn)
 * < 655                                                ← the turn's replies contain it
 * < Cemex || cemento gris                              ← …one of these alternatives
 * <! blanco                                            ← the turn's replies must NOT contain it
 * = state: triage.idle                                 ← state after the turn (prefix match on dots)
 * = ticket: none | handoff | quote                     ← kind of the conversation's latest ticket
 * = lead: email=ana@x.com; name=Ana Pérez              ← lead draft fields (`~` = contains)
 * = lead: status=submitted                             ← lead status
 * = closed                                             ← the conversation ended (state `closed`)
 * = silent                                             ← the bot said nothing this turn
 * = lang: en                                           ← the conversation's language
 * = intent: product_inquiry                            ← the intent the bot acted on this turn (on its reply lines; `none`; `a || b`)
 * ```
 * Text comparisons ignore case, accents and markdown emphasis. Expectations apply to the turn
 * above them.
 */

export type Expectation =
  | { kind: 'contains'; any: string[]; line: number }
  | { kind: 'not_contains'; text: string; line: number }
  | { kind: 'state'; value: string; line: number }
  | { kind: 'ticket'; value: 'none' | 'handoff' | 'quote'; line: number }
  | { kind: 'lead'; checks: { field: string; op: '=' | '~'; value: string }[]; line: number }
  | { kind: 'closed'; line: number }
  | { kind: 'silent'; line: number }
  | { kind: 'lang'; value: 'es' | 'en'; line: number }
  | { kind: 'intent'; any: string[]; line: number };

export interface ScriptedTurn {
  text: string;
  line: number;
  expect: Expectation[];
}

export interface ScriptedConversation {
  file: string;
  title: string;
  line: number;
  channel: string;
  /** Another tenant than the evaluated one (`@tenant`): run with its own brain, workflows and demo backend. */
  tenant?: string;
  /** `@at`: the local date and time (`YYYY-MM-DD HH:MM`, the tenant's time zone) the conversation happens at. */
  at?: string;
  turns: ScriptedTurn[];
}

export class ConvFormatError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ConvFormatError';
  }
}

const LEAD_FIELD_ALIASES: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone_or_username',
  phone_or_username: 'phone_or_username',
  company: 'company_name',
  company_name: 'company_name',
  interest: 'interest_area',
  interest_area: 'interest_area',
  area: 'interest_area',
  problem: 'problem_statement',
  problem_statement: 'problem_statement',
  urgency: 'urgency_level',
  urgency_level: 'urgency_level',
  status: 'status',
};

function parseDirective(file: string, line: number, body: string): Expectation {
  const [rawKey, ...rest] = body.split(':');
  const key = (rawKey ?? '').trim().toLowerCase();
  const value = rest.join(':').trim();
  switch (key) {
    case 'closed':
      return { kind: 'closed', line };
    case 'silent':
      return { kind: 'silent', line };
    case 'state':
      if (!value) throw new ConvFormatError(file, line, 'state needs a value');
      return { kind: 'state', value, line };
    case 'lang':
      if (value !== 'es' && value !== 'en') throw new ConvFormatError(file, line, `lang must be es or en, got "${value}"`);
      return { kind: 'lang', value, line };
    case 'intent': {
      const any = value.split('||').map((v) => v.trim());
      if (!any.every((v) => /^[a-z_]+$/.test(v))) throw new ConvFormatError(file, line, `intent must be intent labels (or none) separated by ||, got "${value}"`);
      return { kind: 'intent', any, line };
    }
    case 'ticket':
      if (value !== 'none' && value !== 'handoff' && value !== 'quote') throw new ConvFormatError(file, line, `ticket must be none, handoff or quote, got "${value}"`);
      return { kind: 'ticket', value, line };
    case 'lead': {
      const checks = value
        .split(';')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => {
          const m = /^([a-z_]+)\s*([=~])\s*(.+)$/i.exec(c);
          if (!m) {
            // `= lead: submitted` is short for `status=submitted`.
            if (/^[a-z_]+$/i.test(c)) return { field: 'status', op: '=' as const, value: c };
            throw new ConvFormatError(file, line, `lead check must be field=value or field~value, got "${c}"`);
          }
          const field = LEAD_FIELD_ALIASES[m[1]!.toLowerCase()];
          if (!field) throw new ConvFormatError(file, line, `unknown lead field "${m[1]}"`);
          return { field, op: m[2] as '=' | '~', value: m[3]!.trim() };
        });
      if (checks.length === 0) throw new ConvFormatError(file, line, 'lead needs at least one check');
      return { kind: 'lead', checks, line };
    }
    default:
      throw new ConvFormatError(file, line, `unknown expectation "${key}"`);
  }
}

/** Parses one `.conv` file; throws `ConvFormatError` (with file and line) on anything it does not understand. */
export function parseConv(source: string, file = '<memory>'): ScriptedConversation[] {
  const conversations: ScriptedConversation[] = [];
  let current: ScriptedConversation | null = null;
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    if (text.startsWith('===')) {
      current = { file, title: text.slice(3).trim() || `conversation at line ${line}`, line, channel: 'rest', turns: [] };
      conversations.push(current);
      return;
    }
    if (!current) throw new ConvFormatError(file, line, 'expected "=== title" before the first turn');
    const conv: ScriptedConversation = current;
    if (text.startsWith('@')) {
      const m = /^@(channel|tenant|at)\s+(.+)$/.exec(text);
      if (!m) throw new ConvFormatError(file, line, `unknown setting "${text}"`);
      if (conv.turns.length > 0) throw new ConvFormatError(file, line, `@${m[1]} must come before the first turn`);
      const value = m[2]!.trim();
      if (m[1] === 'channel') conv.channel = value;
      else if (m[1] === 'tenant') {
        if (!/^[a-z0-9-]+$/.test(value)) throw new ConvFormatError(file, line, `@tenant needs a tenant id, got "${value}"`);
        conv.tenant = value;
      } else {
        if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)) throw new ConvFormatError(file, line, `@at needs "YYYY-MM-DD HH:MM", got "${value}"`);
        conv.at = value;
      }
      return;
    }
    if (text.startsWith('>')) {
      // A literal `\n` is a line break: customers paste lists, one item a line.
      const said = text.slice(1).trim().replace(/\\n/g, '\n');
      if (!said) throw new ConvFormatError(file, line, 'empty customer message');
      conv.turns.push({ text: said, line, expect: [] });
      return;
    }
    const turn = conv.turns.at(-1);
    if (!turn) throw new ConvFormatError(file, line, 'expectation before the first customer message');
    if (text.startsWith('<!')) {
      const body = text.slice(2).trim();
      if (!body) throw new ConvFormatError(file, line, 'empty "<!" fragment');
      turn.expect.push({ kind: 'not_contains', text: body, line });
    } else if (text.startsWith('<')) {
      const any = text
        .slice(1)
        .split('||')
        .map((s) => s.trim())
        .filter(Boolean);
      if (any.length === 0) throw new ConvFormatError(file, line, 'empty "<" fragment');
      turn.expect.push({ kind: 'contains', any, line });
    } else if (text.startsWith('=')) {
      turn.expect.push(parseDirective(file, line, text.slice(1).trim()));
    } else {
      throw new ConvFormatError(file, line, `cannot read "${text}"`);
    }
  });
  for (const c of conversations) {
    if (c.turns.length === 0) throw new ConvFormatError(file, c.line, `conversation "${c.title}" has no turns`);
  }
  return conversations;
}

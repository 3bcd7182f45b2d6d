import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import type { LeadState } from '../../../src/machines/lead-draft.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

async function chat(...messages: string[]) {
  const { host } = createMemoryHost({ tenant, brain });
  try {
    const turns = [];
    for (const text of messages) turns.push(await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'company', text }));
    return turns;
  } finally {
    await host.close();
  }
}
type Turn = Awaited<ReturnType<typeof chat>>[number];
const said = (turn: Turn): string => turn.replies.map((r) => r.text).join('\n');
const draftOf = (turn: Turn): LeadState['draft'] => (turn.state.context as unknown as { lead: LeadState }).lead.draft;

/** A company introducing itself keeps its whole name: greeted by it, kept as the lead's company. */
describe('a company introducing itself', () => {
  it.each([
    ['this is Blue Reef Construction', 'Blue Reef Construction', /Great to hear from \*Blue Reef Construction\*/],
    ['hi, this is Caribbean Builders', 'Caribbean Builders', /Great to hear from \*Caribbean Builders\*/],
    ["we're Coral Homes Developments", 'Coral Homes Developments', /\*Coral Homes Developments\*/],
    ['soy de Constructora Los Pinos', 'Constructora Los Pinos', /Un gusto saludar a \*Constructora Los Pinos\*/],
    ['hola, somos Ferretería El Martillo', 'Ferretería El Martillo', /\*Ferretería El Martillo\*/],
    ['buenas, les escribe Constructora Mejía', 'Constructora Mejía', /\*Constructora Mejía\*/],
    ['soy Peña Hermanos', 'Peña Hermanos', /\*Peña Hermanos\*/],
  ])('should welcome "%s" by the company name and keep it as the company', async (text, company, greeting) => {
    const [turn] = await chat(text);
    expect(said(turn!)).toMatch(greeting);
    // Never greeted as a person called by the company's first word.
    const first = company.split(' ')[0];
    expect(said(turn!)).not.toMatch(new RegExp(`(?:Hi|Hola), ${first}!`));
    expect(draftOf(turn!).company_name?.value).toBe(company);
    expect(draftOf(turn!).name).toBeUndefined();
  });

  it('should greet the person by name and keep the company when both are said', async () => {
    const [turn] = await chat('hi, this is Mike from Blue Reef Construction');
    expect(said(turn!)).toMatch(/Hi, Mike!/);
    expect(draftOf(turn!).company_name?.value).toBe('Blue Reef Construction');
    expect(draftOf(turn!).name?.value).toBe('Mike');
  });

  it('should still greet a person who says only their name by it', async () => {
    const [es] = await chat('hola soy Juan Pérez');
    expect(said(es!)).toMatch(/¡Hola, Juan!/);
    const [en] = await chat('this is John');
    expect(said(en!)).toMatch(/Hi, John!/);
  });

  it('should not ask again for the company in the quote form started after the introduction', async () => {
    const turns = await chat('soy de Constructora Los Pinos', 'quiero una cotización para un proyecto', 'Ana Rodríguez', 'ana@lospinos.do', '809-555-1234');
    const all = turns.map(said).join('\n');
    expect(all).not.toMatch(/empresa.*\?/i);
    expect(draftOf(turns.at(-1)!).company_name?.value).toBe('Constructora Los Pinos');
  });
});

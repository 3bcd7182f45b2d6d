import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryHost, loadDemo, sayTo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let ruleBrain: Brain;

beforeAll(async () => {
  ({ tenant, brain: ruleBrain } = await loadDemo());
});

/** The rule brain read through `understand` only, each reading `ms` late (an LLM's pace). */
const slowBrain = (ms: number): Brain => ({
  kind: ruleBrain.kind,
  parse: (text) => ruleBrain.parse(text),
  understand: async (input) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ruleBrain.understand(input);
  },
});

/** A host with one listener on the conversation of `sender`; returns the update types it saw per turn. */
async function updatesOf(brain: Brain, texts: string[], host: { typingDelayMs?: number } = {}): Promise<string[][]> {
  const { host: h } = createMemoryHost({ tenant, brain, host });
  const id = await h.resolveConversation('ferreteria', 'rest', 'typing');
  const seen: string[] = [];
  h.subscribe('ferreteria', id, (u: ConversationUpdate) => seen.push(u.type === 'typing' ? `typing:${u.on}` : u.type));
  const turns: string[][] = [];
  for (const text of texts) {
    seen.length = 0;
    await sayTo(h, 'typing', text);
    turns.push([...seen]);
  }
  return turns;
}

describe('the typing indicator (issue 16: no frames for a turn answered at once)', () => {
  it('should send no typing updates for turns answered at once, only their lines', async () => {
    const turns = await updatesOf(ruleBrain, ['hola', '¿tienen cemento gris?', 'gracias']);
    for (const t of turns) {
      expect(t.filter((u) => u.startsWith('typing'))).toEqual([]);
      expect(t.filter((u) => u === 'message').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('should say typing once a turn runs past the delay, and stop it after the replies', async () => {
    const [turn] = await updatesOf(slowBrain(120), ['¿tienen cemento gris?'], { typingDelayMs: 20 });
    expect(turn![0]).toBe('typing:true');
    expect(turn!.at(-1)).toBe('typing:false');
    expect(turn!.filter((u) => u === 'message').length).toBeGreaterThanOrEqual(2);
  });

  it('should announce every turn at once with a delay of 0, as before', async () => {
    const [turn] = await updatesOf(ruleBrain, ['hola'], { typingDelayMs: 0 });
    expect(turn![0]).toBe('typing:true');
    expect(turn!.at(-1)).toBe('typing:false');
  });
});

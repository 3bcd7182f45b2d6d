import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { emojiAsWords } from '../../../src/actors/brain/rule/emoji.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, createMemoryHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('emoji-only messages and acknowledgments', () => {
  it('should read an emoji-only message as the words it stands for, and leave any other text alone', () => {
    expect(emojiAsWords('👍')).toBe('ok');
    expect(emojiAsWords('👍🏽')).toBe('ok');
    expect(emojiAsWords('👌👌!')).toBe('ok');
    expect(emojiAsWords('👍🙏')).toBe('ok gracias');
    expect(emojiAsWords('❤️')).toBe('gracias');
    expect(emojiAsWords('👋')).toBe('hola');
    expect(emojiAsWords('👎')).toBe('no');
    for (const text of ['dale 👍', '😂', '🔨', 'tienen cemento? 🙏', '', '123']) expect(emojiAsWords(text), text).toBe(text);
  });

  it('should answer a thumbs-up or praying hands as an acknowledgment, not "no te entendí"', async () => {
    for (const text of ['👍', '🙏🏽', '👌']) {
      const [reply] = await chatOnFreshHost(tenant, brain, `emoji-${text}`, text);
      expect(reply, text).not.toMatch(/no te entend/i);
    }
  });

  it('should take "sí, gracias" as the yes to "¿Te lo reservo?" and an acknowledgment with thanks as no order', async () => {
    for (const ack of ['perfecto, gracias', 'ok gracias', 'listo, muchas gracias', '👍', 'great, thanks']) {
      const { host, tickets } = createMemoryHost({ tenant, brain });
      await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'ack', text: 'tienen cemento?' });
      const turn = await host.handleMessage({ tenantId: 'ferreteria', channel: 'rest', senderId: 'ack', text: ack });
      expect(turn.replies.map((r) => r.text).join('\n'), ack).not.toMatch(/T-\d+/);
      expect(await tickets.list('ferreteria'), ack).toEqual([]);
      await host.close();
    }
    const [, yes] = await chatOnFreshHost(tenant, brain, 'yes', 'tienen cemento?', 'sí, gracias');
    expect(yes).toMatch(/T-\d+/);
  });
});

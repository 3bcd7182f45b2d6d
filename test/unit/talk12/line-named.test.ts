import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../../src/actors/brain/brain.js';
import { lineAsked } from '../../../src/actors/tools/category-asked.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { chatOnFreshHost, loadDemo } from '../../helpers/memory-host.js';

let tenant: TenantData;
let brain: Brain;
beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

describe('a line of the store named with no verb', () => {
  it('should read "material eléctrico" as the line, as "materiales eléctricos" is', () => {
    expect(lineAsked(tenant, 'material electrico')).toBe('Electricidad');
    expect(lineAsked(tenant, 'material para techo de zinc')).toBeNull();
  });

  it('should list the line, never the clarifying menu', async () => {
    for (const [text, line] of [['herramientas de jardineria?', 'En *Jardín*'], ['garden tools?', 'In *Garden*'], ['cosas de plomeria?', 'En *Plomería*'], ['material electrico', 'En *Electricidad*']] as const) {
      const [reply] = await chatOnFreshHost(tenant, brain, `line-${text}`, text);
      expect(reply, text).toContain(line);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../src/kernel/group-commit.js';

interface Item {
  key: string;
  value: number;
}

/** A sink whose statements finish only when the test says so, recording what each carried. */
function controlledSink(options: { failBatchWith?: (items: Item[]) => boolean; refuse?: (item: Item) => boolean; onBatchFailed?: (err: unknown, size: number) => void } = {}) {
  const sent: { kind: 'one' | 'many'; items: Item[] }[] = [];
  const gates: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const commits = createGroupCommit<Item, string>({
    keyOf: (i) => i.key,
    maxBatch: 3,
    ...(options.onBatchFailed ? { onBatchFailed: options.onBatchFailed } : {}),
    one: async (item) => {
      sent.push({ kind: 'one', items: [item] });
      await gate();
      if (options.refuse?.(item)) throw Object.assign(new Error('refused'), { code: '22003' });
      return `${item.key}:${item.value}`;
    },
    many: async (items) => {
      sent.push({ kind: 'many', items });
      await gate();
      if (options.failBatchWith?.(items)) throw new Error('batch refused');
      return items.map((i) => `${i.key}:${i.value}`);
    },
  });
  /** Lets the statement in flight finish and waits until the next one (if any) has been sent. */
  const release = async () => {
    gates.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { commits, sent, release };
}

describe('createGroupCommit', () => {
  it('should send a lone item at once and alone, then batch what piled up while it ran', async () => {
    const { commits, sent, release } = controlledSink();
    const first = commits.submit({ key: 'a', value: 1 });
    expect(sent).toEqual([{ kind: 'one', items: [{ key: 'a', value: 1 }] }]);
    const piled = [commits.submit({ key: 'b', value: 1 }), commits.submit({ key: 'c', value: 1 })];
    await release();
    expect(sent[1]).toEqual({ kind: 'many', items: [{ key: 'b', value: 1 }, { key: 'c', value: 1 }] });
    await release();
    expect(await first).toBe('a:1');
    expect(await Promise.all(piled)).toEqual(['b:1', 'c:1']);
    expect(commits.stats()).toEqual({ alone: 1, batches: 1, batchedItems: 2, largestBatch: 2, failedBatches: 0, retriedAlone: 0, statements: 2 });
  });

  it('should never put two items of one key in a batch, keep their order, and respect the cap', async () => {
    const { commits, sent, release } = controlledSink();
    const all = [commits.submit({ key: 'a', value: 1 })];
    for (const [key, value] of [['a', 2], ['b', 1], ['a', 3], ['c', 1], ['d', 1], ['e', 1]] as const) all.push(commits.submit({ key, value }));
    for (let i = 0; i < 6 && sent.length < 4; i++) await release();
    await release();
    expect(sent.map((s) => s.items.map((i) => `${i.key}${i.value}`))).toEqual([['a1'], ['a2', 'b1', 'c1'], ['a3', 'd1', 'e1']]);
    expect(await Promise.all(all)).toEqual(['a:1', 'a:2', 'b:1', 'a:3', 'c:1', 'd:1', 'e:1']);
    expect(commits.stats().largestBatch).toBe(3);
  });

  it('should retry each item of a failed batch alone, so only the refused one fails', async () => {
    const told: [string, number][] = [];
    const { commits, sent, release } = controlledSink({
      failBatchWith: (items) => items.some((i) => i.value < 0),
      refuse: (i) => i.value < 0,
      // A listener that throws must not stop the retries.
      onBatchFailed: (err, size) => {
        told.push([(err as Error).message, size]);
        throw new Error('listener broke');
      },
    });
    const first = commits.submit({ key: 'a', value: 1 });
    const good = commits.submit({ key: 'b', value: 1 });
    const bad = commits.submit({ key: 'c', value: -1 });
    const alsoGood = commits.submit({ key: 'd', value: 1 });
    const badSettled = bad.then(
      () => 'resolved',
      (err: { code?: string }) => err.code,
    );
    await release(); // a alone
    await release(); // the batch b, c, d fails
    expect(sent.slice(2).map((s) => s.kind)).toEqual(['one', 'one', 'one']);
    await release();
    await release();
    await release();
    expect(await first).toBe('a:1');
    expect(await good).toBe('b:1');
    expect(await alsoGood).toBe('d:1');
    expect(await badSettled).toBe('22003');
    expect(commits.stats()).toMatchObject({ alone: 1, batches: 1, failedBatches: 1, retriedAlone: 3, statements: 5 });
    expect(told).toEqual([['batch refused', 3]]);
  });

  it('should send every item alone with a cap of one', async () => {
    const commits = createGroupCommit<Item, number>({ keyOf: (i) => i.key, maxBatch: 1, one: async (i) => i.value, many: async () => Promise.reject(new Error('never')) });
    expect(await Promise.all([1, 2, 3].map((value) => commits.submit({ key: String(value), value })))).toEqual([1, 2, 3]);
    expect(commits.stats()).toMatchObject({ alone: 3, batches: 0, statements: 3 });
  });
});

/** Shards as ranges: [0,1,2,5,7,8] → "0-2,5,7-8". */
export function shardRanges(shards: readonly number[]): string {
  const sorted = [...shards].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

export interface ClusterView {
  readonly at: number;
  summary(self: string, held: Map<number, { epoch: number; state: string }>, detail: boolean): Record<string, unknown>;
}

/**
 * `/health`'s view of the cluster from the lease keys: per live member, how many shards it holds,
 * as ranges, and the epochs' span; shards nobody holds; with `detail`, every shard's holder and epoch.
 */
export function describeHolders(holders: Map<number, { holder: string | null; epoch: number }>, live: string[], at: number): ClusterView {
  const byMember = new Map<string, { shard: number; epoch: number }[]>();
  const free: number[] = [];
  for (const [shard, h] of holders) {
    if (h.holder === null) {
      free.push(shard);
      continue;
    }
    const member = h.holder.slice(0, h.holder.lastIndexOf('#'));
    let list = byMember.get(member);
    if (!list) byMember.set(member, (list = []));
    list.push({ shard, epoch: h.epoch });
  }
  return {
    at,
    summary(self, held, detail) {
      const members: Record<string, unknown> = {};
      for (const m of new Set([...live, ...byMember.keys()])) {
        const list = byMember.get(m) ?? [];
        const epochs = list.map((s) => s.epoch);
        members[m] = { live: live.includes(m), shards: list.length, ranges: shardRanges(list.map((s) => s.shard)), epochs: epochs.length > 0 ? { min: Math.min(...epochs), max: Math.max(...epochs) } : null };
      }
      const mine = [...held.entries()];
      return {
        members: live,
        shardsByMember: members,
        unheld: { shards: free.length, ranges: shardRanges(free) },
        // This member's own table (what it serves now), fresher than the lease view above.
        held: { shards: mine.length, ranges: shardRanges(mine.map(([s]) => s)), draining: mine.filter(([, s]) => s.state === 'draining').length },
        viewAgeMs: Date.now() - at,
        ...(detail ? { shards: [...holders.entries()].map(([shard, h]) => ({ shard, holder: h.holder === null ? null : h.holder.slice(0, h.holder.lastIndexOf('#')), epoch: h.epoch })) } : {}),
      };
    },
  };
}

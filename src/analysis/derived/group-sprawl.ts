/** Groups whose member sets overlap at least this much (Jaccard) largely duplicate each other. */
export const SPRAWL_MIN_OVERLAP = 0.8;
/** Smaller groups say nothing about sprawl (two people share many chats). */
export const SPRAWL_MIN_MEMBERS = 3;

// Guards the threshold against floating point: 0.8 * 15 is 12.000000000000002.
const EPS = 1e-9;

export interface Sprawl {
  groups: [string, string];
  overlap: number;
}

/**
 * taxonomy.md's `group-sprawl`: pairs of groups whose membership Jaccard overlap is at least `threshold`,
 * overlap rounded to 2 decimals, highest first. Exact, and sub-quadratic in practice through prefix
 * filtering: members are ranked rarest first, and two sets that overlap enough must share a member
 * within their first |set| − ⌈t·|set|⌉ + 1 ranked members, so only those are indexed and probed.
 */
export function findSprawl(groups: Iterable<{ id: string; memberIds: readonly string[] }>, threshold = SPRAWL_MIN_OVERLAP): Sprawl[] {
  const sets: { id: string; members: string[] }[] = [];
  const freq = new Map<string, number>();
  for (const g of groups) {
    const members = [...new Set(g.memberIds)];
    if (members.length < SPRAWL_MIN_MEMBERS) continue;
    sets.push({ id: g.id, members });
    for (const m of members) freq.set(m, (freq.get(m) ?? 0) + 1);
  }
  const rank = new Map([...freq.keys()].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : 1)).map((m, i) => [m, i]));
  const ranked = sets
    .map((s) => ({ id: s.id, tokens: Int32Array.from(s.members, (m) => rank.get(m)!).sort() }))
    .sort((a, b) => a.tokens.length - b.tokens.length);

  const index = new Map<number, number[]>(); // token → positions in `ranked` whose prefix holds it
  const found: Sprawl[] = [];
  for (let x = 0; x < ranked.length; x++) {
    const tx = ranked[x].tokens;
    const prefix = tx.length - Math.ceil(threshold * tx.length - EPS) + 1;
    const seen = new Set<number>();
    for (let i = 0; i < prefix; i++) {
      const list = index.get(tx[i]);
      if (list) {
        for (const y of list) {
          // Sizes ascend, so y is no larger than x; a much smaller y cannot reach the threshold.
          if (seen.has(y) || ranked[y].tokens.length < threshold * tx.length - EPS) continue;
          seen.add(y);
          const overlap = jaccard(tx, ranked[y].tokens);
          if (overlap >= threshold - EPS) {
            const pair = [ranked[x].id, ranked[y].id].sort() as [string, string];
            found.push({ groups: pair, overlap: Math.round(overlap * 100) / 100 });
          }
        }
      } else {
        index.set(tx[i], []);
      }
      index.get(tx[i])!.push(x);
    }
  }
  return found.sort((a, b) => b.overlap - a.overlap || cmp(a.groups[0], b.groups[0]) || cmp(a.groups[1], b.groups[1]));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Jaccard overlap of two sorted token arrays. */
function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0,
    j = 0,
    both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}

/**
 * The `limit` items with the highest scores seen so far, in a binary min-heap: a report keeps its
 * heaviest evidence from millions of records in O(limit) memory.
 */
export class TopN<T> {
  private readonly heap: { score: number; item: T }[] = [];

  constructor(private readonly limit: number) {}

  /** Whether an item of this score would be kept; lets callers skip building items that would not. */
  accepts(score: number): boolean {
    return this.limit > 0 && (this.heap.length < this.limit || score > this.heap[0].score);
  }

  offer(score: number, item: T): void {
    if (!this.accepts(score)) return;
    const h = this.heap;
    if (h.length < this.limit) {
      h.push({ score, item });
      this.up(h.length - 1);
    } else {
      h[0] = { score, item };
      this.down(0);
    }
  }

  /** The kept items, highest score first. */
  items(): T[] {
    return [...this.heap].sort((a, b) => b.score - a.score).map((e) => e.item);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].score <= h[i].score) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l].score < h[m].score) m = l;
      if (r < h.length && h[r].score < h[m].score) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

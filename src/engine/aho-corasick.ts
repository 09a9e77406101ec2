/** Hits of one scan: pattern ids and end offsets (exclusive), `count` of them valid. Reused across scans. */
export class Hits {
  pattern = new Int32Array(256);
  end = new Int32Array(256);
  count = 0;

  push(pattern: number, end: number): void {
    if (this.count === this.pattern.length) {
      const p = new Int32Array(this.count * 2);
      p.set(this.pattern);
      this.pattern = p;
      const e = new Int32Array(this.count * 2);
      e.set(this.end);
      this.end = e;
    }
    this.pattern[this.count] = pattern;
    this.end[this.count] = end;
    this.count++;
  }
}

/**
 * Aho-Corasick over UTF-16 code units: every pattern found in one left-to-right pass, whatever their
 * number. The root has a dense table (most steps start there); other states keep sorted child arrays.
 */
export class AhoCorasick {
  private readonly rootNext = new Int32Array(0x10000);
  private readonly childStart: Int32Array;
  private readonly childCount: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly childState: Int32Array;
  private readonly fail: Int32Array;
  private readonly outStart: Int32Array;
  private readonly outCount: Int32Array;
  private readonly outList: Int32Array;

  constructor(patterns: string[]) {
    // Build a trie with maps, then freeze it into flat arrays for the scan.
    const children: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = children[s].get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          outputs.push([]);
          children[s].set(c, t);
        }
        s = t;
      }
      if (p.length) outputs[s].push(id);
    });
    const n = children.length;
    const fail = new Int32Array(n);
    const order: number[] = [];
    for (const [c, t] of children[0]) {
      this.rootNext[c] = t;
      order.push(t);
    }
    for (let q = 0; q < order.length; q++) {
      const s = order[q];
      for (const [c, t] of children[s]) {
        let f = fail[s];
        while (f !== 0 && !children[f].has(c)) f = fail[f];
        const g = children[f].get(c);
        fail[t] = g !== undefined && g !== t ? g : 0;
        outputs[t].push(...outputs[fail[t]]);
        order.push(t);
      }
    }
    this.fail = fail;
    this.childStart = new Int32Array(n);
    this.childCount = new Int32Array(n);
    const total = children.reduce((a, m) => a + m.size, 0);
    this.childCode = new Uint16Array(total);
    this.childState = new Int32Array(total);
    let k = 0;
    children.forEach((m, s) => {
      this.childStart[s] = k;
      this.childCount[s] = m.size;
      for (const [c, t] of [...m].sort((a, b) => a[0] - b[0])) {
        this.childCode[k] = c;
        this.childState[k++] = t;
      }
    });
    this.outStart = new Int32Array(n);
    this.outCount = new Int32Array(n);
    this.outList = new Int32Array(outputs.reduce((a, o) => a + o.length, 0));
    k = 0;
    outputs.forEach((o, s) => {
      this.outStart[s] = k;
      this.outCount[s] = o.length;
      for (const id of o) this.outList[k++] = id;
    });
  }

  private child(s: number, c: number): number {
    let lo = this.childStart[s];
    let hi = lo + this.childCount[s] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.childCode[mid];
      if (v === c) return this.childState[mid];
      if (v < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Appends every occurrence in `units[0..length)` to `hits`. */
  scan(units: Uint16Array, length: number, hits: Hits): void {
    let s = 0;
    for (let i = 0; i < length; i++) {
      const c = units[i];
      let t = -1;
      while (s !== 0) {
        t = this.child(s, c);
        if (t !== -1) break;
        s = this.fail[s];
      }
      s = s === 0 ? this.rootNext[c] : t;
      const count = this.outCount[s];
      if (count !== 0) {
        const start = this.outStart[s];
        for (let k = 0; k < count; k++) hits.push(this.outList[start + k], i + 1);
      }
    }
  }
}

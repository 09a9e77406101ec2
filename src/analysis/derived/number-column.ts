/**
 * Numbers appended one by one into a typed array that doubles when full: 8 bytes a number (4 with
 * Int32Array) outside the JS heap. The detectors keep a few numbers for each of up to a million
 * demands; plain arrays of that size cost twice that and leave each outgrown copy to the collector.
 */
export class NumberColumn<A extends Float64Array | Int32Array> {
  private data: A;
  private size = 0;

  constructor(private readonly make: (length: number) => A) {
    this.data = make(1024);
  }

  get length(): number {
    return this.size;
  }

  /** Appends `value`; returns its index. */
  push(value: number): number {
    if (this.size === this.data.length) {
      const bigger = this.make(this.size * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size] = value;
    return this.size++;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The numbers appended so far, as a view (valid until the next push). */
  values(): A {
    return this.data.subarray(0, this.size) as A;
  }
}

export const float64Column = (): NumberColumn<Float64Array> => new NumberColumn((n) => new Float64Array(n));
export const int32Column = (): NumberColumn<Int32Array> => new NumberColumn((n) => new Int32Array(n));

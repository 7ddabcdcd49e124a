/**
 * Row heights of a virtual list as a Fenwick tree: prefix sums and offset → index in O(log n),
 * so windowing costs the same at 100 and at 100,000 rows.
 */
export class HeightIndex {
  #tree = new Float64Array(1);
  #sizes = new Float64Array(0);
  #length = 0;

  constructor(readonly estimate: number) {}

  get length(): number {
    return this.#length;
  }

  /** Rebuilds for `sizes` (one entry per row) in O(n). */
  reset(sizes: ArrayLike<number>): void {
    const n = sizes.length;
    const capacity = Math.max(16, 1 << Math.ceil(Math.log2(n + 1)));
    this.#sizes = new Float64Array(capacity);
    this.#sizes.set(sizes as ArrayLike<number>);
    this.#length = n;
    this.#build();
  }

  /** Appends rows at the estimated height, in O(k log n) (amortised; grows by doubling). */
  append(count: number, size = this.estimate): void {
    const n = this.#length + count;
    if (n >= this.#sizes.length) {
      const sizes = new Float64Array(Math.max(16, 1 << Math.ceil(Math.log2(n + 1))));
      sizes.set(this.#sizes.subarray(0, this.#length));
      sizes.fill(size, this.#length, n);
      this.#sizes = sizes;
      this.#length = n;
      this.#build();
      return;
    }
    for (let i = this.#length; i < n; i++) {
      this.#sizes[i] = 0;
      this.set(i, size, true);
    }
    this.#length = n;
  }

  size(i: number): number {
    return this.#sizes[i] ?? this.estimate;
  }

  /** Sets row i's height; returns the change. */
  set(i: number, size: number, growing = false): number {
    if (!growing && (i < 0 || i >= this.#length)) return 0;
    const delta = size - this.#sizes[i]!;
    if (delta === 0) return 0;
    this.#sizes[i] = size;
    for (let j = i + 1; j < this.#tree.length; j += j & -j) this.#tree[j]! += delta;
    return delta;
  }

  /** Sum of heights of rows [0, i). */
  offsetOf(i: number): number {
    let sum = 0;
    for (let j = Math.min(i, this.#length); j > 0; j -= j & -j) sum += this.#tree[j]!;
    return sum;
  }

  total(): number {
    return this.offsetOf(this.#length);
  }

  /** Index of the row that contains `offset` (clamped to the list). */
  indexAt(offset: number): number {
    if (this.#length === 0) return 0;
    let index = 0;
    let remaining = offset;
    for (let step = this.#tree.length - 1; step > 0; step >>= 1) {
      const next = index + step;
      if (next < this.#tree.length && this.#tree[next]! <= remaining) {
        index = next;
        remaining -= this.#tree[next]!;
      }
    }
    return Math.min(index, this.#length - 1);
  }

  #build(): void {
    const capacity = this.#sizes.length;
    const tree = new Float64Array(capacity + 1);
    for (let i = 0; i < this.#length; i++) tree[i + 1] = this.#sizes[i]!;
    for (let i = 1; i <= capacity; i++) {
      const parent = i + (i & -i);
      if (parent <= capacity) tree[parent]! += tree[i]!;
    }
    this.#tree = tree;
  }
}

/**
 * The first `k` items in `cmp` order, sorted, without sorting everything: a
 * bounded heap, O(n log k). A result page of 20 out of 70,000 hits costs a
 * few milliseconds instead of a full sort's tens.
 */
export function topK<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  return topKIndices(items.length, k, (i, j) => cmp(items[i], items[j])).map((i) => items[i]);
}

/**
 * `topK` over positions `0 … n-1` compared by `cmp`: for lists kept as
 * columns (hit-list.ts), where the items are not objects.
 */
export function topKIndices(n: number, k: number, cmp: (i: number, j: number) => number): number[] {
  if (k <= 0) return [];
  if (k >= n / 4) return Array.from({ length: n }, (_, i) => i).sort(cmp).slice(0, k);
  // Max-heap on `cmp`: the root is the worst of the best k so far.
  const heap: number[] = [];
  const worse = (i: number, j: number) => cmp(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let item = 0; item < n; item++) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (cmp(item, heap[0]) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(cmp);
}

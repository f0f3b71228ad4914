/** A small per-string memo for the line classifiers, which the splitter asks many times per line. */
export function memo<T>(fn: (s: string) => T, limit = 4096): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= limit) cache.clear();
    cache.set(s, v);
    return v;
  };
}

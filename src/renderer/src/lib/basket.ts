/** The clippings basket: the current (unsaved or saved) set of article ids, kept in localStorage. */
import { createStore } from './store';

export interface Basket {
  name: string;
  ids: number[];
  /** Id of the saved clipping set this basket was opened from or saved as. */
  setId?: number;
}

function validate(v: unknown): Basket | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Partial<Basket>;
  if (!Array.isArray(o.ids)) return undefined;
  return {
    name: typeof o.name === 'string' ? o.name : '',
    ids: o.ids.filter((x): x is number => Number.isInteger(x)),
    setId: typeof o.setId === 'number' ? o.setId : undefined,
  };
}

export const basket = createStore<Basket>({ name: '', ids: [] }, 'baoku.basket', validate);

/** Adds ids not yet in the basket; returns how many were new. */
export function addToBasket(ids: number[]): number {
  let added = 0;
  basket.set((b) => {
    const have = new Set(b.ids);
    const fresh = ids.filter((id) => !have.has(id) && (have.add(id), true));
    added = fresh.length;
    return { ...b, ids: [...b.ids, ...fresh] };
  });
  return added;
}

export function removeFromBasket(id: number): void {
  basket.set((b) => ({ ...b, ids: b.ids.filter((x) => x !== id) }));
}

export function moveInBasket(from: number, to: number): void {
  basket.set((b) => {
    if (to < 0 || to >= b.ids.length || from === to) return b;
    const ids = [...b.ids];
    const [x] = ids.splice(from, 1);
    ids.splice(to, 0, x);
    return { ...b, ids };
  });
}

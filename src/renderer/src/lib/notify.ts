/** User notifications (toasts): info fades out, errors stay until dismissed. */
import { createStore } from './store';

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export const toasts = createStore<Toast[]>([]);
let nextId = 1;

export function dismiss(id: number): void {
  toasts.set((list) => list.filter((t) => t.id !== id));
}

export function notify(text: string, opts: { kind?: Toast['kind']; action?: Toast['action']; ms?: number } = {}): number {
  const id = nextId++;
  const kind = opts.kind ?? 'info';
  toasts.set((list) => [...list.slice(-2), { id, text, kind, action: opts.action }]);
  if (kind === 'info') setTimeout(() => dismiss(id), opts.ms ?? 4500);
  return id;
}

export function notifyError(text: string): number {
  return notify(text, { kind: 'error' });
}

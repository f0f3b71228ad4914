/**
 * The dev sets in `../shared` and their halves by date: half A to tune on, half B held out
 * (1998: Jan 1–6 = A, 7–10 = B; 2019: Feb 1–14 = A, the rest B). One split for every figure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = path.resolve(repoRoot, '..', 'shared');
export const PAGES_DEV_DIR = path.join(SHARED_DIR, 'pages-dev');
export const PAGES_DEV_MODERN_DIR = path.join(SHARED_DIR, 'pages-dev-modern');

export type DevSet = '1998' | 'modern';
export const DEV_SETS: Record<DevSet, string> = { '1998': PAGES_DEV_DIR, modern: PAGES_DEV_MODERN_DIR };

export type Half = 'a' | 'b';

export function inHalf(id: string, half?: Half, set: DevSet = '1998'): boolean {
  if (!half) return true;
  const day = Number(id.slice(6, 8));
  const lastOfA = set === '1998' ? 6 : 14;
  return half === 'a' ? day <= lastOfA : day > lastOfA;
}

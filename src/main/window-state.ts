/**
 * Size and position of the main window, remembered in
 * `userData/window-state.json`. Reading is defensive: a missing, corrupt or
 * off-screen state falls back to a centred default. No `electron` import.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/**
 * Keep a stored state only if it is well-formed and at least 100×100 px of
 * the window's top area lies on one of `workAreas` (displays can change).
 */
export function sanitizeState(raw: unknown, workAreas: readonly Area[]): WindowState {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_STATE };
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height)) return { ...DEFAULT_STATE };
  const maxW = Math.max(...workAreas.map((a) => a.width), MIN_WIDTH);
  const maxH = Math.max(...workAreas.map((a) => a.height), MIN_HEIGHT);
  const state: WindowState = {
    width: Math.min(Math.max(r.width, MIN_WIDTH), maxW),
    height: Math.min(Math.max(r.height, MIN_HEIGHT), maxH),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    const x = r.x;
    const y = r.y;
    const visible = workAreas.some((a) => {
      const w = Math.min(x + state.width, a.x + a.width) - Math.max(x, a.x);
      const h = Math.min(y + 100, a.y + a.height) - Math.max(y, a.y);
      return w >= 100 && h >= 50;
    });
    if (visible) {
      state.x = x;
      state.y = y;
    }
  }
  return state;
}

export function loadWindowState(file: string, workAreas: readonly Area[]): WindowState {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > 10_000) return { ...DEFAULT_STATE };
    return sanitizeState(JSON.parse(text), workAreas);
  } catch {
    return { ...DEFAULT_STATE };
  }
}

/** Write atomically (temp file + rename) so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, file);
  } catch {
    // Losing the window position is not worth bothering the user.
  }
}

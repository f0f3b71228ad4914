/**
 * Access to what the Electron preload puts on `window` (typed in
 * src/shared/desktop.ts). In a plain browser neither object exists.
 */
import type { BaokuBridge, BaokuDesktop } from '../../../shared/desktop';

export type { MenuCommand } from '../../../shared/desktop';

export function baokuBridge(): BaokuBridge | undefined {
  return window.baoku;
}

export function desktop(): BaokuDesktop | undefined {
  return window.baokuDesktop;
}

/** True when running inside the desktop app. */
export function isDesktop(): boolean {
  return desktop() !== undefined;
}

/** True on macOS, where the command key replaces Ctrl in shortcuts. */
export function isMac(): boolean {
  const p = desktop()?.platform ?? navigator.platform ?? '';
  return /^(darwin|mac)/i.test(p);
}

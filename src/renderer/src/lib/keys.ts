/** Keyboard helpers. */
import { isMac } from './bridge';

export function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(t.type);
  return false;
}

/** Ctrl on Windows/Linux, ⌘ on macOS (either accepted in a browser). */
export function isMod(e: KeyboardEvent): boolean {
  return isMac() ? e.metaKey || e.ctrlKey : e.ctrlKey || e.metaKey;
}

export function modLabel(): string {
  return isMac() ? '⌘' : 'Ctrl+';
}

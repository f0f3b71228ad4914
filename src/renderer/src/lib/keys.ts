/** Keyboard helpers over the command table (src/shared/commands.ts). */
import { commandForKey, shortcutHelp, shortcutLabel, type CommandId, type CommandScope } from '../../../shared/commands';
import { isMac } from './bridge';

export function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(t.type);
  return false;
}

/** The table's command for this key press in `scope` (a text field with focus counts as editing). */
export function keyCommand(e: KeyboardEvent, scope: CommandScope): CommandId | undefined {
  return commandForKey(e, { mac: isMac(), editing: isEditable(e.target), scope });
}

/** A command's keys for tooltips and placeholders, e.g. `Ctrl+K 或 /` (`⌘K 或 /` on macOS). */
export function keysOf(id: CommandId): string {
  return shortcutLabel(id, isMac() ? 'mac' : 'pc');
}

/** Every shortcut, for the help text. */
export function shortcutsHelp(): string {
  return shortcutHelp(isMac() ? 'mac' : 'pc');
}

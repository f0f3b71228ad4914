/**
 * The one table of user commands and their keyboard shortcuts. The Electron
 * menu (src/main/menu-template.ts) takes its labels and accelerators from it,
 * the renderer's key handling (src/renderer/src/lib/keys.ts, App.tsx,
 * SearchPage.tsx) maps keys to commands with `commandForKey`, and the help text
 * (关于报库, tooltips, README's 快捷键 line) is `shortcutHelp()`. Pure data and
 * functions: no runtime imports, so Node tests, main and renderer share it.
 *
 * Keys use Electron's accelerator syntax: `CmdOrCtrl+K` (⌘ on macOS, Ctrl
 * elsewhere; a browser accepts either), `/`, `Up`, `Down`, `Enter`, `Escape`.
 */

/**
 * - `global`: handled by the app shell wherever the user is.
 * - `search-page`: handled by the search page while it shows.
 */
export type CommandScope = 'global' | 'search-page';

/**
 * - `always`: also while typing in a field.
 * - `not-editing`: only when no text field has focus (`/` is text in a field).
 */
export type CommandWhen = 'always' | 'not-editing';

export interface CommandShortcut {
  /** Accelerator syntax; the first `CmdOrCtrl+…` key of a command is the menu's accelerator. */
  key: string;
  when: CommandWhen;
}

export interface CommandSpec {
  id: string;
  /** Menu label (Chinese). */
  label: string;
  /** What the shortcut does, in the help text (Chinese). */
  action: string;
  /** Menu that carries the command (`undefined`: keyboard only; `file` is the application menu on macOS for 设置). */
  menu?: 'file' | 'view' | 'help';
  scope: CommandScope;
  shortcuts: readonly CommandShortcut[];
  /** Joins this command's keys in the help text: `或` (alternatives) or `/` (a pair such as ↑/↓). */
  join?: '或' | '/';
}

export const COMMANDS = [
  { id: 'focus-search', label: '搜索', action: '搜索', menu: 'view', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+K', when: 'always' }, { key: '/', when: 'not-editing' }] },
  { id: 'select', label: '选择结果', action: '选择', scope: 'search-page', join: '/', shortcuts: [{ key: 'Up', when: 'not-editing' }, { key: 'Down', when: 'not-editing' }] },
  { id: 'open', label: '打开结果', action: '打开', scope: 'search-page', shortcuts: [{ key: 'Enter', when: 'not-editing' }] },
  { id: 'back', label: '返回', action: '返回', scope: 'global', shortcuts: [{ key: 'Escape', when: 'always' }] },
  { id: 'export', label: '导出剪报…', action: '导出剪报', menu: 'file', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+E', when: 'always' }] },
  { id: 'import', label: '导入文件…', action: '导入', menu: 'file', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+I', when: 'always' }] },
  { id: 'import-folder', label: '导入文件夹…', action: '导入文件夹', menu: 'file', scope: 'global', shortcuts: [] },
  { id: 'tags', label: '标签', action: '标签', menu: 'view', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+T', when: 'always' }] },
  { id: 'clippings', label: '剪报', action: '剪报', menu: 'view', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+B', when: 'always' }] },
  // Ctrl/⌘+, is where desktop apps keep their settings (macOS: 报库 → 设置…; elsewhere 文件 → 设置…).
  { id: 'settings', label: '设置…', action: '设置', menu: 'file', scope: 'global', shortcuts: [{ key: 'CmdOrCtrl+,', when: 'always' }] },
  { id: 'about', label: '关于报库', action: '关于', menu: 'help', scope: 'global', shortcuts: [] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((c) => c.id === id)!;
}

/** The menu accelerator of a command: its first `CmdOrCtrl+…` key. */
export function accelerator(id: CommandId): string | undefined {
  return commandSpec(id).shortcuts.find((s) => s.key.startsWith('CmdOrCtrl+'))?.key;
}

/** A key as shown to the user. `style`: `mac` ⌘K, `pc` Ctrl+K, `both` Ctrl/⌘+K (README). */
export function keyLabel(key: string, style: 'mac' | 'pc' | 'both'): string {
  const names: Record<string, string> = { Up: '↑', Down: '↓', Escape: 'Esc' };
  const parts = key.split('+');
  const last = parts.pop()!;
  const mods = parts.map((m) => {
    if (m === 'CmdOrCtrl') return style === 'mac' ? '⌘' : style === 'pc' ? 'Ctrl+' : 'Ctrl/⌘+';
    if (m === 'Shift') return style === 'mac' ? '⇧' : 'Shift+';
    return `${m}+`;
  });
  return mods.join('') + (names[last] ?? last);
}

/** The keys of one command as shown to the user, e.g. `Ctrl+K 或 /`; '' when it has none. */
export function shortcutLabel(id: CommandId, style: 'mac' | 'pc' | 'both'): string {
  const c = commandSpec(id);
  return c.shortcuts.map((s) => keyLabel(s.key, style)).join(c.join === '/' ? '/' : ' 或 ');
}

/**
 * The help text listing every shortcut, in table order. `markdown` puts each
 * key in backticks (README's 快捷键 line is exactly `快捷键：${shortcutHelp('both', true)}。`).
 */
export function shortcutHelp(style: 'mac' | 'pc' | 'both', markdown = false): string {
  const q = (s: string) => (markdown ? `\`${s}\`` : s);
  return COMMANDS.filter((c) => c.shortcuts.length > 0)
    .map((c) => {
      const spec: CommandSpec = c;
      return `${spec.shortcuts.map((s) => q(keyLabel(s.key, style))).join(spec.join === '/' ? '/' : ' 或 ')} ${spec.action}`;
    })
    .join('，');
}

/** What `commandForKey` reads of a keyboard event. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const DOM_KEY: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown' };

function matches(shortcut: string, e: KeyInput, mac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const wantMod = parts.includes('CmdOrCtrl');
  const wantShift = parts.includes('Shift');
  // Either Ctrl or ⌘ counts as the modifier (a Mac keyboard on a PC browser and vice versa).
  const mod = mac ? e.metaKey || e.ctrlKey : e.ctrlKey || e.metaKey;
  if (mod !== wantMod) return false;
  // Shift matters in chords; a lone key such as `/` may need Shift on some layouts.
  if (wantMod && e.shiftKey !== wantShift) return false;
  if (wantMod && e.altKey) return false;
  return e.key.toLowerCase() === (DOM_KEY[key] ?? key).toLowerCase();
}

/**
 * The command a key press stands for in `scope`, or undefined. `editing`: a
 * text field has focus (then `not-editing` shortcuts do not apply).
 */
export function commandForKey(e: KeyInput, ctx: { mac: boolean; editing: boolean; scope: CommandScope }): CommandId | undefined {
  for (const c of COMMANDS) {
    if (c.scope !== ctx.scope) continue;
    for (const s of c.shortcuts as readonly CommandShortcut[]) {
      if (s.when === 'not-editing' && ctx.editing) continue;
      if (matches(s.key, e, ctx.mac)) return c.id;
    }
  }
  return undefined;
}

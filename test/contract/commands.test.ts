/**
 * One command table (src/shared/commands.ts) for the menu, the renderer's keys
 * and the help text: the menu's accelerators, the key → command mapping and
 * README's 快捷键 line all come out of it and agree.
 */
import { readFileSync } from 'node:fs';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/menu-template';
import { accelerator, COMMANDS, commandForKey, keyLabel, shortcutHelp, type CommandId, type CommandSpec, type KeyInput } from '../../src/shared/commands';
import { MENU_COMMANDS, type MenuCommand } from '../../src/shared/desktop';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const TABLE: readonly CommandSpec[] = COMMANDS;

/** The key press a table key stands for (`CmdOrCtrl` as Ctrl, or ⌘ on macOS). */
function press(key: string, mac: boolean): KeyInput {
  const parts = key.split('+');
  const last = parts.pop()!;
  const mod = parts.includes('CmdOrCtrl');
  const dom: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown' };
  return { key: dom[last] ?? (mod ? last.toLowerCase() : last), ctrlKey: mod && !mac, metaKey: mod && mac, shiftKey: parts.includes('Shift'), altKey: false };
}

describe('command table', () => {
  it('has unique ids and unique keys', () => {
    expect(new Set(TABLE.map((c) => c.id)).size).toBe(TABLE.length);
    const keys = TABLE.flatMap((c) => c.shortcuts.map((s) => s.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('binds import to Ctrl+I and search to Ctrl+K (as README always said), not Ctrl+O / Ctrl+F', () => {
    expect(accelerator('import')).toBe('CmdOrCtrl+I');
    expect(accelerator('focus-search')).toBe('CmdOrCtrl+K');
  });

  it('opens 设置 with Ctrl/⌘+, (where desktop apps keep settings), even from a text field', () => {
    const none = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(accelerator('settings')).toBe('CmdOrCtrl+,');
    expect(commandForKey({ ...none, key: ',', ctrlKey: true }, { mac: false, editing: true, scope: 'global' })).toBe('settings');
    expect(commandForKey({ ...none, key: ',', metaKey: true }, { mac: true, editing: false, scope: 'global' })).toBe('settings');
    // A comma typed alone is text.
    expect(commandForKey({ ...none, key: ',' }, { mac: false, editing: false, scope: 'global' })).toBeUndefined();
    expect(keyLabel('CmdOrCtrl+,', 'pc')).toBe('Ctrl+,');
  });

  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`gives the menu (${platform}) exactly the table's labels and accelerators`, () => {
      const sent: MenuCommand[] = [];
      const items = flatten(menuTemplate({ isDev: true, platform, send: (c) => sent.push(c) }));
      const withClick = items.filter((i) => typeof i.click === 'function');
      for (const i of withClick) (i.click as () => void)();
      // Every menu command of the table is in the menu, with its label and accelerator.
      expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
      withClick.forEach((i, n) => {
        const c = TABLE.find((t) => t.id === sent[n])!;
        expect(i.label).toBe(c.label);
        expect(i.accelerator, c.id).toBe(accelerator(c.id as CommandId));
      });
      // No accelerator in the menu that the table does not have (roles such as 退出 aside).
      const menuKeys = items.filter((i) => i.accelerator && !i.role).map((i) => i.accelerator);
      const tableKeys = TABLE.filter((c) => c.menu).flatMap((c) => (accelerator(c.id as CommandId) ? [accelerator(c.id as CommandId)] : []));
      expect(menuKeys.sort()).toEqual(tableKeys.sort());
    });
  }

  for (const mac of [false, true]) {
    it(`maps every table shortcut to its command (${mac ? 'macOS' : 'Windows/Linux'})`, () => {
      for (const c of TABLE) {
        for (const s of c.shortcuts) {
          const e = press(s.key, mac);
          expect(commandForKey(e, { mac, editing: false, scope: c.scope }), s.key).toBe(c.id);
          // In a text field only `always` shortcuts apply (`/` there is text).
          expect(commandForKey(e, { mac, editing: true, scope: c.scope }), s.key).toBe(s.when === 'always' ? c.id : undefined);
        }
      }
    });
  }

  it('leaves other keys alone', () => {
    const none = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    const ctx = { mac: false, editing: false, scope: 'global' as const };
    expect(commandForKey({ ...none, key: 'k' }, ctx)).toBeUndefined();
    expect(commandForKey({ ...none, key: 'o', ctrlKey: true }, ctx)).toBeUndefined();
    expect(commandForKey({ ...none, key: 'f', ctrlKey: true }, ctx)).toBeUndefined();
    expect(commandForKey({ ...none, key: 'i', ctrlKey: true, shiftKey: true }, ctx)).toBeUndefined();
    expect(commandForKey({ ...none, key: '/', ctrlKey: true }, ctx)).toBeUndefined();
    // Either modifier works in a browser: Ctrl on a Mac, ⌘ elsewhere.
    expect(commandForKey({ ...none, key: 'K', metaKey: true }, ctx)).toBe('focus-search');
    expect(commandForKey({ ...none, key: 'k', ctrlKey: true }, { ...ctx, mac: true })).toBe('focus-search');
    // Search-page keys are not global.
    expect(commandForKey({ ...none, key: 'ArrowDown' }, ctx)).toBeUndefined();
  });

  it('shows keys per platform', () => {
    expect(keyLabel('CmdOrCtrl+K', 'pc')).toBe('Ctrl+K');
    expect(keyLabel('CmdOrCtrl+K', 'mac')).toBe('⌘K');
    expect(keyLabel('CmdOrCtrl+K', 'both')).toBe('Ctrl/⌘+K');
    expect(keyLabel('Escape', 'pc')).toBe('Esc');
    expect(shortcutHelp('pc')).toContain('Ctrl+K 或 / 搜索');
  });

  it("README's 快捷键 line lists exactly the table's shortcuts", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const lines = readme.split('\n').filter((l) => l.startsWith('快捷键：'));
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.startsWith(`快捷键：${shortcutHelp('both', true)}`)).toBe(true);
    const listed = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((k) => !k.includes('/shared/'));
    const table = TABLE.flatMap((c) => c.shortcuts.map((s) => keyLabel(s.key, 'both')));
    expect(listed.sort()).toEqual(table.sort());
  });
});

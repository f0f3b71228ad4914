/**
 * The native menu's template: Chinese labels, commands sent to the renderer,
 * dev-only items only in unpackaged runs, macOS application menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/menu-template';
import { MENU_COMMANDS, type MenuCommand } from '../../src/shared/desktop';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(isDev: boolean, platform: NodeJS.Platform) {
  const sent: MenuCommand[] = [];
  const items = flatten(menuTemplate({ isDev, platform, send: (c) => sent.push(c) }));
  const byLabel = (label: string) => items.find((i) => i.label === label);
  const click = (label: string) => (byLabel(label)!.click as () => void)();
  return { items, sent, byLabel, click, top: menuTemplate({ isDev, platform, send: () => undefined }).map((m) => m.label) };
}

describe('menuTemplate', () => {
  it('has 文件/编辑/视图/帮助 with the required items', () => {
    const m = build(false, 'linux');
    expect(m.top).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const label of ['导入文件…', '导入文件夹…', '导出剪报…', '退出', '撤销', '重做', '剪切', '复制', '粘贴', '全选', '搜索', '标签', '剪报', '实际大小', '放大', '缩小', '全屏', '关于报库', '设置…']) {
      expect(m.byLabel(label), label).toBeDefined();
    }
    expect(m.byLabel('复制')!.role).toBe('copy');
    expect(m.byLabel('全屏')!.role).toBe('togglefullscreen');
  });

  it('sends each UI command to the renderer', () => {
    const m = build(false, 'win32');
    for (const label of ['搜索', '导入文件…', '导入文件夹…', '导出剪报…', '标签', '剪报', '关于报库', '设置…']) m.click(label);
    expect(m.sent).toEqual(['focus-search', 'import', 'import-folder', 'export', 'tags', 'clippings', 'about', 'settings']);
    expect(new Set(m.sent)).toEqual(new Set(MENU_COMMANDS));
  });

  it('offers 重新载入 and 开发者工具 only in development', () => {
    expect(build(false, 'linux').byLabel('开发者工具')).toBeUndefined();
    expect(build(false, 'linux').byLabel('重新载入')).toBeUndefined();
    expect(build(true, 'linux').byLabel('开发者工具')!.role).toBe('toggleDevTools');
    expect(build(true, 'linux').byLabel('重新载入')!.role).toBe('reload');
  });

  it('puts 退出 in the application menu on macOS', () => {
    const m = build(false, 'darwin');
    expect(m.top).toEqual(['报库', '文件', '编辑', '视图', '帮助']);
    expect(m.byLabel('退出')).toBeUndefined();
    expect(m.byLabel('退出报库')!.role).toBe('quit');
  });

  it('puts 设置… (Ctrl/⌘+,) in 文件, and in the application menu on macOS, once', () => {
    const inMenu = (platform: NodeJS.Platform, top: string) => {
      const menu = menuTemplate({ isDev: false, platform, send: () => undefined }).find((m) => m.label === top)!;
      return (menu.submenu as { label?: string; accelerator?: string }[]).filter((i) => i.label === '设置…');
    };
    expect(inMenu('linux', '文件')).toEqual([expect.objectContaining({ accelerator: 'CmdOrCtrl+,' })]);
    expect(inMenu('win32', '文件')).toHaveLength(1);
    expect(inMenu('darwin', '报库')).toEqual([expect.objectContaining({ accelerator: 'CmdOrCtrl+,' })]);
    expect(inMenu('darwin', '文件')).toHaveLength(0);
  });
});

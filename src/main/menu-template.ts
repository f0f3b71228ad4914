/**
 * Template of the native menu bar, in Chinese: 文件 / 编辑 / 视图 / 帮助 (plus
 * the application menu on macOS). Commands for the UI go to the renderer as
 * `MenuCommand`s through `send`; their labels and accelerators come from the
 * command table (src/shared/commands.ts). Type-only Electron import: unit-tested under Node.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, commandSpec } from '../shared/commands';
import type { MenuCommand } from '../shared/desktop';

export interface MenuOptions {
  /** Unpackaged run: adds 重新载入 and 开发者工具. */
  isDev: boolean;
  platform: NodeJS.Platform;
  send(command: MenuCommand): void;
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const cmd = (command: MenuCommand) => () => opts.send(command);
  /** A menu item for a command of the table: its label, its accelerator, sends it. */
  const item = (command: MenuCommand): MenuItemConstructorOptions => {
    const key = accelerator(command);
    return { label: commandSpec(command).label, ...(key ? { accelerator: key } : {}), click: cmd(command) };
  };

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      item('import'),
      item('import-folder'),
      { type: 'separator' },
      item('export'),
      // 设置… sits in the application menu on macOS (where ⌘, is looked for), here elsewhere.
      ...(mac ? [] : ([{ type: 'separator' }, item('settings'), { type: 'separator' }, { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' }] as MenuItemConstructorOptions[])),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      item('focus-search'),
      item('tags'),
      item('clippings'),
      { type: 'separator' },
      ...(opts.isDev
        ? ([
            { label: '重新载入', role: 'reload' },
            { label: '开发者工具', role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [item('about')],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: '报库',
    submenu: [
      item('about'),
      { type: 'separator' },
      item('settings'),
      { type: 'separator' },
      { label: '隐藏报库', role: 'hide' },
      { label: '隐藏其他', role: 'hideOthers' },
      { label: '全部显示', role: 'unhide' },
      { type: 'separator' },
      { label: '退出报库', role: 'quit' },
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, help];
}

/**
 * The native menu bar (template in `menu-template.ts`).
 */
import { Menu } from 'electron';
import { menuTemplate, type MenuOptions } from './menu-template';

export type { MenuOptions } from './menu-template';

export function buildMenu(opts: MenuOptions): Menu {
  return Menu.buildFromTemplate(menuTemplate(opts));
}

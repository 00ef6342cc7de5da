/**
 * The native menu, localized. Pure: returns Electron's template; commands the renderer handles are
 * sent to it as `menu` events, everything else is a role or a callback from index.ts.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/api.js';

/** Every string the main process shows, with its English text (the source of locales/en). */
export const MAIN_STRINGS = {
  'menu.file': 'File',
  'menu.openFolder': 'Open Folder…',
  'menu.openRecent': 'Open Recent',
  'menu.noRecent': 'No recent projects',
  'menu.save': 'Save',
  'menu.export': 'Export…',
  'menu.exportAll': 'Export All…',
  'menu.settings': 'Settings…',
  'menu.report': 'Review Report…',
  'menu.projectSettings': 'Project Settings…',
  'menu.importMqm': 'Import MQM Annotations…',
  'menu.quit': 'Quit',
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.view': 'View',
  'menu.review': 'Review',
  'menu.changes': 'Changes',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.resetZoom': 'Actual Size',
  'menu.toggleFullScreen': 'Toggle Full Screen',
  'menu.toggleDevTools': 'Toggle Developer Tools',
  'menu.window': 'Window',
  'menu.help': 'Help',
  'menu.about': 'About Calque',
  'menu.hide': 'Hide Calque',
  'menu.hideOthers': 'Hide Others',
  'menu.showAll': 'Show All',
  'menu.services': 'Services',
  'dialog.chooseProject': 'Open a project folder',
  'dialog.exportTo': 'Export the translation',
  'dialog.exportAllTo': 'Export all translations to a folder',
} as const;
export type MainStringKey = keyof typeof MAIN_STRINGS;

/** Adapt an i18next `t` to the menu's lookup; the English text shows while a locale still lacks a key. */
export function translator(t: (key: string, options: { defaultValue: string }) => unknown): (key: MainStringKey) => string {
  return (key) => String(t(key, { defaultValue: MAIN_STRINGS[key] }));
}

export interface MenuOptions {
  /** Dev tools only in development builds. */
  isPackaged: boolean;
  /** Open a recent project (main opens it; the renderer is told). Absent: the items are disabled. */
  openRecent?: (root: string) => void;
  appName?: string;
}

/**
 * The application menu. `t` gives localized labels (MAIN_STRINGS keys), `recent` the Open Recent
 * items, `send` delivers commands the renderer handles.
 */
export function buildMenuTemplate(
  t: (key: MainStringKey) => string,
  platform: NodeJS.Platform,
  recent: readonly string[],
  send: (command: MenuCommand) => void,
  options: MenuOptions = { isPackaged: true },
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: MainStringKey, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const settings = command('menu.settings', 'settings', 'CmdOrCtrl+,');
  const about: MenuItemConstructorOptions = { label: t('menu.about'), role: 'about' };

  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((root) => ({
        // Paths are shown as they are (not a translatable string); '&' would become a mnemonic on Windows.
        label: root.replace(/&/g, '&&'),
        enabled: !!options.openRecent,
        click: () => options.openRecent?.(root),
      }))
    : [{ label: t('menu.noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      command('menu.openFolder', 'openFolder', 'CmdOrCtrl+O'),
      { label: t('menu.openRecent'), submenu: recentItems },
      sep,
      command('menu.save', 'save', 'CmdOrCtrl+S'),
      command('menu.export', 'export', 'CmdOrCtrl+E'),
      command('menu.exportAll', 'exportAll', 'CmdOrCtrl+Shift+E'),
      command('menu.report', 'report', 'CmdOrCtrl+Shift+R'),
      sep,
      command('menu.importMqm', 'importMqm'),
      command('menu.projectSettings', 'projectSettings'),
      // macOS keeps Settings and Quit in the application menu.
      ...(mac ? [] : [sep, settings, sep, { label: t('menu.quit'), role: 'quit' } as MenuItemConstructorOptions]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { label: t('menu.undo'), role: 'undo' },
      { label: t('menu.redo'), role: 'redo' },
      sep,
      { label: t('menu.cut'), role: 'cut' },
      { label: t('menu.copy'), role: 'copy' },
      { label: t('menu.paste'), role: 'paste' },
      { label: t('menu.selectAll'), role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      command('menu.review', 'review', 'CmdOrCtrl+1'),
      command('menu.changes', 'changes', 'CmdOrCtrl+2'),
      sep,
      { label: t('menu.resetZoom'), role: 'resetZoom' },
      { label: t('menu.zoomIn'), role: 'zoomIn' },
      { label: t('menu.zoomOut'), role: 'zoomOut' },
      sep,
      { label: t('menu.toggleFullScreen'), role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [sep, { label: t('menu.toggleDevTools'), role: 'toggleDevTools' } as MenuItemConstructorOptions]),
    ],
  };

  const help: MenuItemConstructorOptions = { label: t('menu.help'), role: 'help', submenu: mac ? [] : [about] };

  if (!mac) return [file, edit, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName ?? 'Calque',
    submenu: [
      about,
      sep,
      settings,
      sep,
      { label: t('menu.services'), role: 'services' },
      sep,
      { label: t('menu.hide'), role: 'hide' },
      { label: t('menu.hideOthers'), role: 'hideOthers' },
      { label: t('menu.showAll'), role: 'unhide' },
      sep,
      { label: t('menu.quit'), role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { label: t('menu.window'), role: 'windowMenu' }, help];
}

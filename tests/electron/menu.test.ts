import type { MenuItemConstructorOptions } from 'electron';
import { createInstance } from 'i18next';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../main/contract/api.js';
import { buildMenuTemplate, MAIN_STRINGS, translator } from '../../main/electron/menu.js';

function nest(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(flat)) {
    const [group, name] = key.split('.') as [string, string];
    (out[group] ??= {})[name] = value;
  }
  return out;
}
// A pseudo-locale: every string changed, so an unlocalized label shows up.
const pseudo = Object.fromEntries(Object.entries(MAIN_STRINGS).map(([k, v]) => [k, `«${v}»`]));
function tFor(lng: 'en' | 'xx') {
  const i18n = createInstance();
  void i18n.init({
    lng,
    initAsync: false,
    resources: { en: { translation: nest({ ...MAIN_STRINGS }) }, xx: { translation: nest(pseudo) } },
    interpolation: { escapeValue: false },
  });
  return translator((key, options) => i18n.t(key, options));
}

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
const labels = (menu: MenuItemConstructorOptions[]) => items(menu).map((i) => i.label).filter((l): l is string => !!l);
const byLabel = (menu: MenuItemConstructorOptions[], label: string) => {
  const found = items(menu).find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('buildMenuTemplate', () => {
  const recent = ['/home/me/articles', '/home/me/R&D'];

  it('localizes every label', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const en = labels(buildMenuTemplate(tFor('en'), platform, recent, () => {}, { isPackaged: false }));
      const xx = labels(buildMenuTemplate(tFor('xx'), platform, recent, () => {}, { isPackaged: false }));
      expect(en).toContain('File');
      expect(en).toContain('Open Folder…');
      expect(xx).toContain('«File»');
      expect(en).toHaveLength(xx.length);
      // Only the paths of recent projects and the app name are not translated.
      const same = en.filter((l, i) => l === xx[i]);
      expect(same.every((l) => l === 'Calque' || l.startsWith('/home/me/')), same.join(', ')).toBe(true);
    }
  });

  it('has the File, Edit, View and Help menus with accelerators', () => {
    const menu = buildMenuTemplate(tFor('en'), 'linux', recent, () => {}, { isPackaged: true });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(byLabel(menu, 'Open Folder…').accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel(menu, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel(menu, 'Export…').accelerator).toBeTruthy();
    expect(byLabel(menu, 'Export All…').accelerator).toBeTruthy();
    expect(byLabel(menu, 'Quit').role).toBe('quit');
    expect(byLabel(menu, 'About Calque').role).toBe('about');
    const editRoles = items(menu.find((m) => m.label === 'Edit')!.submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(editRoles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('sends the renderer commands as menu events', () => {
    const send = vi.fn<(c: MenuCommand) => void>();
    const menu = buildMenuTemplate(tFor('en'), 'win32', [], send, { isPackaged: true });
    const expected: [string, MenuCommand][] = [
      ['Open Folder…', 'openFolder'],
      ['Save', 'save'],
      ['Export…', 'export'],
      ['Export All…', 'exportAll'],
      ['Review Report…', 'report'],
      ['Import MQM Annotations…', 'importMqm'],
      ['Project Settings…', 'projectSettings'],
      ['Settings…', 'settings'],
      ['Review', 'review'],
      ['Changes', 'changes'],
    ];
    for (const [label, command] of expected) {
      click(byLabel(menu, label));
      expect(send).toHaveBeenLastCalledWith(command);
    }
    expect(send).toHaveBeenCalledTimes(expected.length);
  });

  it('lists recent projects, opening them through the callback', () => {
    const openRecent = vi.fn();
    const menu = buildMenuTemplate(tFor('en'), 'linux', recent, () => {}, { isPackaged: true, openRecent });
    const sub = byLabel(menu, 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(sub.map((i) => i.label)).toEqual(['/home/me/articles', '/home/me/R&&D']);
    click(sub[1]!);
    expect(openRecent).toHaveBeenCalledWith('/home/me/R&D');
    const empty = buildMenuTemplate(tFor('en'), 'linux', [], () => {}, { isPackaged: true });
    expect(byLabel(empty, 'No recent projects').enabled).toBe(false);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (packaged: boolean) => items(buildMenuTemplate(tFor('en'), 'linux', [], () => {}, { isPackaged: packaged })).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
  });

  it('follows macOS conventions: app menu with Settings and Quit, Window menu', () => {
    const menu = buildMenuTemplate(tFor('en'), 'darwin', [], () => {}, { isPackaged: true });
    expect(menu.map((m) => m.label)).toEqual(['Calque', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appItems = menu[0]!.submenu as MenuItemConstructorOptions[];
    expect(appItems.map((i) => i.role ?? i.label)).toContain('quit');
    expect(appItems.map((i) => i.label)).toContain('Settings…');
    const fileLabels = labels([menu[1]!]);
    expect(fileLabels).not.toContain('Quit');
  });
});

describe('main-process strings and locales/en', () => {
  const en = fileURLToPath(new URL('../../locales/en/translation.json', import.meta.url));
  it('every menu and dialog string is in locales/en (so every locale has it), with the same English text', () => {
    const json = JSON.parse(readFileSync(en, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [key, english] of Object.entries(MAIN_STRINGS)) {
      const [group, name] = key.split('.') as [string, string];
      expect(json[group]?.[name], key).toBe(english);
    }
  });
});

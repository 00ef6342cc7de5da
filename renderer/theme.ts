import { editor } from 'monaco-editor/editor';

export type ThemeSetting = 'system' | 'light' | 'dark' | 'high-contrast';
export const THEME_SETTINGS: ThemeSetting[] = ['system', 'light', 'dark', 'high-contrast'];
const STORAGE_KEY = 'calque.theme';

export function savedTheme(): ThemeSetting {
  const v = localStorage.getItem(STORAGE_KEY);
  return (THEME_SETTINGS as string[]).includes(v ?? '') ? (v as ThemeSetting) : 'system';
}

function resolve(setting: ThemeSetting): 'light' | 'dark' | 'hc-dark' | 'hc-light' {
  if (setting === 'light' || setting === 'dark') return setting;
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  if (setting === 'high-contrast') return dark ? 'hc-dark' : 'hc-light';
  if (window.matchMedia('(forced-colors: active)').matches || window.matchMedia('(prefers-contrast: more)').matches) {
    return dark ? 'hc-dark' : 'hc-light';
  }
  return dark ? 'dark' : 'light';
}

const MONACO_THEME = { light: 'vs', dark: 'vs-dark', 'hc-dark': 'hc-black', 'hc-light': 'hc-light' } as const;

/** Apply a theme to the page and to Monaco together; "system" follows changes of the OS setting. */
export function applyTheme(setting: ThemeSetting): () => void {
  localStorage.setItem(STORAGE_KEY, setting);
  const apply = () => {
    const resolved = resolve(setting);
    document.documentElement.dataset.theme = resolved;
    editor.setTheme(MONACO_THEME[resolved]);
  };
  apply();
  const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)'].map((q) => window.matchMedia(q));
  for (const q of queries) q.addEventListener('change', apply);
  return () => queries.forEach((q) => q.removeEventListener('change', apply));
}

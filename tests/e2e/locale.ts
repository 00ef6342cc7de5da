import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Tree = { [k: string]: string | Tree };

/** A UI string as the given locale has it, so tests find controls by their real accessible names. */
export function ui(lng: string, key: string, params: Record<string, string | number> = {}): string {
  const tree = JSON.parse(readFileSync(resolve(fileURLToPath(new URL('../../locales', import.meta.url)), lng, 'translation.json'), 'utf8')) as Tree;
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no string ${key} in ${lng}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** A UI string with its parameters left open, as a pattern (language names come from the browser's Intl). */
export function uiPattern(lng: string, key: string): RegExp {
  const text = ui(lng, key);
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+')}$`);
}

import i18next from 'i18next';

/**
 * Translate a key that is only known at run time (finding messages from core, MQM category keys).
 * The typed `t` accepts only literal keys of `translation`; these come with their namespace ("checks:…").
 */
export function tDynamic(key: string, params?: Record<string, string | number>): string {
  return (i18next.t as unknown as (k: string, o?: object) => string)(key, params ?? {});
}

export function hasKey(key: string): boolean {
  return i18next.exists(key);
}

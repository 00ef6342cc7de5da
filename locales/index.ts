/**
 * Every shipped UI language. `en` is the source of truth: the other files must have every key
 * (tests/locales.test.ts) and the key types come from it (renderer/i18n.ts).
 */
import ar from './ar/translation.json';
import de from './de/translation.json';
import en from './en/translation.json';
import es from './es/translation.json';
import fr from './fr/translation.json';
import ptBR from './pt-BR/translation.json';
import zhHans from './zh-Hans/translation.json';

export const LOCALES = ['en', 'pt-BR', 'es', 'fr', 'de', 'ar', 'zh-Hans'] as const;
export type LocaleCode = (typeof LOCALES)[number];

/** The name of each language in itself, for the language picker. */
export const LOCALE_NAMES: Record<LocaleCode, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ar: 'العربية',
  'zh-Hans': '简体中文',
};

export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar']);

export const resources = {
  en: { translation: en },
  'pt-BR': { translation: ptBR },
  es: { translation: es },
  fr: { translation: fr },
  de: { translation: de },
  ar: { translation: ar },
  'zh-Hans': { translation: zhHans },
} as const;

/** The best shipped UI language for a list of preferred tags (browser, system, LANG). */
export function pickLocale(preferred: readonly string[]): LocaleCode {
  for (const p of preferred) {
    const tag = p.replace('_', '-').split('.')[0]!;
    const exact = LOCALES.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const lang = tag.split('-')[0]!.toLowerCase();
    const primary = LOCALES.find((l) => l.split('-')[0]!.toLowerCase() === lang);
    if (primary) return primary;
  }
  return 'en';
}

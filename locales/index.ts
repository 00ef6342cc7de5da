/**
 * Every shipped UI language. `en` is the source of truth: the other files must have every key
 * (tests/locales.test.ts) and the key types come from it (renderer/i18n.ts).
 */
import ar from './ar/translation.json';
import arChecks from './ar/checks.json';
import arQa from './ar/qa.json';
import arMqm from './ar/mqm.json';
import arReport from './ar/report.json';
import de from './de/translation.json';
import deChecks from './de/checks.json';
import deQa from './de/qa.json';
import deMqm from './de/mqm.json';
import deReport from './de/report.json';
import en from './en/translation.json';
import enChecks from './en/checks.json';
import enQa from './en/qa.json';
import enMqm from './en/mqm.json';
import enReport from './en/report.json';
import es from './es/translation.json';
import esChecks from './es/checks.json';
import esQa from './es/qa.json';
import esMqm from './es/mqm.json';
import esReport from './es/report.json';
import fr from './fr/translation.json';
import frChecks from './fr/checks.json';
import frQa from './fr/qa.json';
import frMqm from './fr/mqm.json';
import frReport from './fr/report.json';
import ptBR from './pt-BR/translation.json';
import ptBRChecks from './pt-BR/checks.json';
import ptBRQa from './pt-BR/qa.json';
import ptBRMqm from './pt-BR/mqm.json';
import ptBRReport from './pt-BR/report.json';
import zhHans from './zh-Hans/translation.json';
import zhHansChecks from './zh-Hans/checks.json';
import zhHansQa from './zh-Hans/qa.json';
import zhHansMqm from './zh-Hans/mqm.json';
import zhHansReport from './zh-Hans/report.json';

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

/**
 * Namespaces: `translation` (the UI), `checks` and `qa` (check messages), `mqm` (the MQM typology),
 * `report` (review reports). Finding messages carry their namespace, e.g. "checks:stackedPrepositions".
 */
export const NAMESPACES = ['translation', 'checks', 'qa', 'mqm', 'report'] as const;

export const resources = {
  ar: { translation: ar, checks: arChecks, qa: arQa, mqm: arMqm, report: arReport },
  de: { translation: de, checks: deChecks, qa: deQa, mqm: deMqm, report: deReport },
  en: { translation: en, checks: enChecks, qa: enQa, mqm: enMqm, report: enReport },
  es: { translation: es, checks: esChecks, qa: esQa, mqm: esMqm, report: esReport },
  fr: { translation: fr, checks: frChecks, qa: frQa, mqm: frMqm, report: frReport },
  'pt-BR': { translation: ptBR, checks: ptBRChecks, qa: ptBRQa, mqm: ptBRMqm, report: ptBRReport },
  'zh-Hans': { translation: zhHans, checks: zhHansChecks, qa: zhHansQa, mqm: zhHansMqm, report: zhHansReport },
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

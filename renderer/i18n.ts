import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, RTL_LOCALES, pickLocale, resources, type LocaleCode } from '../locales/index';
import type en from '../locales/en/translation.json';
import { numberInterpolation } from './lib/number-interpolation';
import type enChecks from '../locales/en/checks.json';
import type enQa from '../locales/en/qa.json';
import type enMqm from '../locales/en/mqm.json';
import type enReport from '../locales/en/report.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en; checks: typeof enChecks; qa: typeof enQa; mqm: typeof enMqm; report: typeof enReport };
  }
}

const STORAGE_KEY = 'calque.uiLanguage';

/** `?lng=xx` in the URL, then the language chosen in settings, then the browser's or system's. */
export function initialLanguage(): LocaleCode {
  const fromUrl = new URLSearchParams(window.location.search).get('lng');
  if (fromUrl) return pickLocale([fromUrl]);
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as LocaleCode;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = RTL_LOCALES.has(lng) ? 'rtl' : 'ltr';
}

export async function setupI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).use(numberInterpolation).init({
    resources,
    lng,
    fallbackLng: 'en',
    // React escapes (we never build HTML from strings); every number in the UI language (number-interpolation.ts).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  applyToDocument(lng);
  i18next.on('languageChanged', applyToDocument);
  return i18next;
}

export async function changeLanguage(lng: LocaleCode): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lng);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lng')) {
    url.searchParams.set('lng', lng);
    window.history.replaceState(null, '', url);
  }
  await i18next.changeLanguage(lng);
}

import { createInstance, type i18n } from 'i18next';
import type { ErrorInfo } from '../contract/api.js';
import { pickLocale, resources } from '../../locales/index.js';

export { pickLocale };

/** Localized messages for the command line and the native menus (the renderer has its own i18next). */
let instance: i18n | null = null;

/**
 * The shared instance. `lng` sets its language (the desktop's menus follow the UI language); without it
 * the first call picks the system's (LC_ALL, LC_MESSAGES, LANG) and later calls leave it as it is.
 */
export function messages(lng?: string): i18n {
  if (!instance) {
    const wanted = lng ?? pickLocale([process.env.LC_ALL ?? '', process.env.LC_MESSAGES ?? '', process.env.LANG ?? ''].filter(Boolean));
    instance = createInstance();
    void instance.init({ resources, lng: wanted, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  } else if (lng && instance.language !== lng) void instance.changeLanguage(lng);
  return instance;
}

/** The localized sentence for an error, in `lng` (default: the current language) without changing it. */
export function describeError(info: ErrorInfo, lng?: string): string {
  const i18n = messages();
  return i18n.getFixedT(lng ?? i18n.language)(`errors.${info.code}`, { ...(info.params ?? {}) });
}

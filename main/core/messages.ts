import { createInstance, type i18n } from 'i18next';
import type { ErrorInfo } from '../contract/api.js';
import { pickLocale, resources } from '../../locales/index.js';

export { pickLocale };

/** Localized messages for the command line and the native menus (the renderer has its own i18next). */
let instance: i18n | null = null;

export function messages(lng?: string): i18n {
  const wanted = lng ?? pickLocale([process.env.LC_ALL ?? '', process.env.LC_MESSAGES ?? '', process.env.LANG ?? ''].filter(Boolean));
  if (!instance) {
    instance = createInstance();
    void instance.init({ resources, lng: wanted, fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  } else if (instance.language !== wanted) void instance.changeLanguage(wanted);
  return instance;
}

export function describeError(info: ErrorInfo, lng?: string): string {
  return messages(lng).t(`errors.${info.code}`, { ...(info.params ?? {}) });
}

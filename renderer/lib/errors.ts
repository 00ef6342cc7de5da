import i18next from 'i18next';
import type { UiError } from '../api';

/** The localized sentence for an error that crossed the boundary. */
export function errorMessage(err: UiError): string {
  const key = `errors.${err.code}` as const;
  return i18next.exists(key) ? i18next.t(key as 'errors.internal', err.params ?? {}) : i18next.t('errors.internal');
}

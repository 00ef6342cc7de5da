import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, type LocaleCode } from '../../locales/index';
import { changeLanguage } from '../i18n';
import { THEME_SETTINGS, type ThemeSetting } from '../theme';
import { keysList } from '../review/keymap';
import { Modal } from './Modal';

// The keys list is the review view's keymap itself (review/keymap.ts): one truth for what a key does.
const SHORTCUTS = keysList();

export function SettingsDialog(props: { theme: ThemeSetting; onTheme: (t: ThemeSetting) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal title={t('settings.title')} onClose={props.onClose}>
      <label className="field">
        <span>{t('settings.language')}</span>
        <select value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as LocaleCode)}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select value={props.theme} onChange={(e) => props.onTheme(e.target.value as ThemeSetting)}>
          {THEME_SETTINGS.map((s) => (
            <option key={s} value={s}>
              {t(`settings.themes.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <h3>{t('keys.title')}</h3>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, label }) => (
          <div key={label}>
            <dt>
              <kbd dir="ltr">{keys}</kbd>
            </dt>
            <dd>{t(`keys.${label}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={props.onClose}>
          {t('settings.close')}
        </button>
      </div>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';

/** A dismissible status line (what just happened), announced politely to screen readers. */
export function Notice(props: { message: string | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!props.message) return null;
  return (
    <div role="status" className="banner banner-info">
      <span>{props.message}</span>
      <button type="button" onClick={props.onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { tDynamic } from '../lib/dynamic-t';
import { formatNumber } from '../lib/format';

/**
 * What just happened, kept as a message key and its parameters, not as a sentence: the banner is
 * written in the UI language of the moment, and follows a change of language. A parameter may itself
 * be a key (`{ key: 'status.done' }`); numbers are formatted in the UI language.
 */
export interface NoticeMessage {
  key: string;
  params?: Record<string, string | number | { key: string }>;
}

export function noticeText(n: NoticeMessage): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(n.params ?? {})) params[k] = typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : tDynamic(v.key);
  return tDynamic(n.key, params);
}

/** A dismissible status line, announced politely to screen readers. */
export function Notice(props: { message: NoticeMessage | null; onDismiss: () => void }) {
  const { t } = useTranslation(); // re-renders on a change of language
  if (!props.message) return null;
  return (
    <div role="status" className="banner banner-info">
      <span>{noticeText(props.message)}</span>
      <button type="button" onClick={props.onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

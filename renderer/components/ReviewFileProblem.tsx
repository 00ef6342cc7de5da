import { useTranslation } from 'react-i18next';
import type { ArticleSummary, ErrorInfo } from '../../main/contract/api';
import { api, toUiError, type UiError } from '../api';
import { errorMessage } from '../lib/errors';

/**
 * A review file Calque cannot read (a git merge, a newer format) is left as it is; this says so and
 * offers the only replacement, on request, which keeps the old file as a backup.
 */
export function ReviewFileProblem(props: { id: string; error: ErrorInfo; onReplaced: (s: ArticleSummary) => void; onError: (e: UiError) => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-text" role="note">
      {errorMessage(props.error)}{' '}
      <button type="button" onClick={() => void api.resetReview({ id: props.id }).then(props.onReplaced, (e) => props.onError(toUiError(e)))}>
        {t('list.resetReview', { name: props.id })}
      </button>
    </div>
  );
}

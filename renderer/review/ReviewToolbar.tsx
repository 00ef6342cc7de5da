import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STATUSES, type ReviewStatus } from '../../main/contract/api';
import type { DocumentState } from './article-document';

export type ReviewMode = 'review' | 'changes';

/** The article's toolbar: back, the view mode, the review status, reverts, export, report, save. */
export const ReviewToolbar = forwardRef<
  HTMLDivElement,
  {
    id: string;
    mode: ReviewMode;
    onMode: (m: ReviewMode) => void;
    status: ReviewStatus;
    onStatus: (s: ReviewStatus) => void;
    doc: DocumentState;
    onBack: () => void;
    onRevertParagraph: () => void;
    onRevertArticle: () => void;
    onExport: () => void;
    onReport: () => void;
    onSave: () => void;
  }
>(function ReviewToolbar(props, ref) {
  const { t } = useTranslation();
  const { mode, doc } = props;
  return (
    <div ref={ref} className="review-toolbar" role="toolbar" aria-label={props.id}>
      <button type="button" onClick={props.onBack}>
        {t('review.back')}
      </button>
      <h2 className="article-title" title={props.id}>
        {props.id}
      </h2>
      <div className="segmented" role="group" aria-label={t('review.modes')}>
        <button type="button" aria-pressed={mode === 'review'} onClick={() => props.onMode('review')}>
          {t('review.reviewMode')}
        </button>
        <button type="button" aria-pressed={mode === 'changes'} onClick={() => props.onMode('changes')}>
          {t('review.changesMode')}
        </button>
      </div>
      <label className="field field-inline">
        <span>{t('status.label')}</span>
        <select value={props.status} onChange={(e) => props.onStatus(e.target.value as ReviewStatus)}>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onRevertParagraph} title={t('review.revertParagraphHelp')}>
        {t('review.revertParagraph')}
      </button>
      <button type="button" onClick={props.onRevertArticle}>
        {t('review.revertArticle')}
      </button>
      <button type="button" onClick={props.onExport}>
        {t('review.export')}
      </button>
      <button type="button" onClick={props.onReport}>
        {t('report.open')}
      </button>
      <button type="button" className="primary" onClick={props.onSave} aria-keyshortcuts="Control+S">
        {t('review.save')}
      </button>
      <span className={doc.dirty ? 'save-state unsaved' : 'save-state'} role="status" aria-live="polite">
        {doc.dirty ? (
          <>
            <span aria-hidden="true">● </span>
            {t('review.unsaved')}
          </>
        ) : doc.saveState === 'saving' ? (
          t('review.saving')
        ) : (
          t('review.allSaved')
        )}
      </span>
    </div>
  );
});

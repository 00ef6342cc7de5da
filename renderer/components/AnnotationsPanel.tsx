import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_SEVERITIES, type Annotation } from '../../main/contract/review';
import { matchesQuery } from './AnnotateDialog';

/**
 * The article's annotations: filter by severity and text, jump to one, edit or delete it. Annotations
 * whose text could not be found after the file changed are listed apart as orphaned, never dropped.
 */
export function AnnotationsPanel(props: {
  annotations: readonly Annotation[];
  categoryName: (c: string) => string;
  current: string | null;
  invalidLines: number;
  onJump: (a: Annotation) => void;
  onEdit: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
}) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState('');
  const [query, setQuery] = useState('');
  const shown = props.annotations.filter(
    (a) => (!severity || a.severity === severity) && matchesQuery(query, props.categoryName(a.category), a.category, a.comment, a.quote.exact, a.baseline?.exact ?? ''),
  );
  const placed = shown.filter((a) => !a.orphaned);
  const orphaned = shown.filter((a) => a.orphaned);

  const item = (a: Annotation) => (
    <li key={a.id} className={a.id === props.current ? 'annotation current' : 'annotation'}>
      <button type="button" className="finding-main" onClick={() => props.onJump(a)} disabled={a.orphaned} aria-current={a.id === props.current || undefined}>
        <span className={`sev-badge sev-${a.severity}`}>{t(`severity.${a.severity}`)}</span>
        <span className="finding-category">{props.categoryName(a.category)}</span>
        {a.side === 'source' ? <span className="muted">{t('annotations.sourceSide')}</span> : null}
        <span className="finding-text" dir="auto">“{a.quote.exact}”</span>
        {a.baseline && a.baseline.exact !== a.quote.exact ? (
          <span className="finding-mt" dir="auto">
            {t('annotations.mtWords', { text: a.baseline.exact })}
          </span>
        ) : null}
        {a.comment ? <span className="finding-message" dir="auto">{a.comment}</span> : null}
      </button>
      <div className="finding-actions">
        <button type="button" className="small" onClick={() => props.onEdit(a)} aria-label={t('annotations.editOne', { quote: a.quote.exact })}>
          {t('annotations.edit')}
        </button>
        <button type="button" className="small" onClick={() => props.onDelete(a)} aria-label={t('annotations.deleteOne', { quote: a.quote.exact })}>
          {t('annotations.delete')}
        </button>
      </div>
    </li>
  );

  return (
    <div className="side-panel-body">
      <div className="panel-filters">
        <label className="field">
          <span>{t('annotations.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">{t('annotations.allSeverities')}</option>
            {MQM_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('annotations.filter')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      {props.invalidLines ? (
        <p className="error-text" role="alert">
          {t('annotations.invalidLines', { count: props.invalidLines })}
        </p>
      ) : null}
      <p className="panel-status" role="status" aria-live="polite">
        {props.annotations.length === 0 ? t('annotations.none') : t('annotations.shown', { count: shown.length })}
      </p>
      <ul className="finding-list" aria-label={t('annotations.title')}>
        {placed.map(item)}
      </ul>
      {orphaned.length ? (
        <>
          <h3 className="panel-subheading">{t('annotations.orphaned', { count: orphaned.length })}</h3>
          <p className="muted small-text">{t('annotations.orphanedExplain')}</p>
          <ul className="finding-list" aria-label={t('annotations.orphanedList')}>
            {orphaned.map(item)}
          </ul>
        </>
      ) : null}
    </div>
  );
}

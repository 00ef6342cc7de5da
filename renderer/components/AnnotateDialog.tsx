import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_CATEGORIES, MQM_SEVERITIES, type MqmCategory, type MqmSeverity } from '../../main/contract/review';
import { Modal } from './Modal';

export interface AnnotationDraft {
  severity: MqmSeverity;
  category: MqmCategory;
  comment: string;
}

/** Case- and accent-insensitive words, so "pont" finds "Pontuação" and "Punctuation". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** Every word of the query starts a word of the localized or the English name (type-ahead). */
export function matchesQuery(query: string, ...names: string[]): boolean {
  const words = fold(query).split(/[\s/]+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = names.flatMap((n) => fold(n).split(/[^\p{L}\p{N}!]+/u));
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

/**
 * Annotate a span: severity (keys 1–4 while the focus is outside the text fields), an MQM category from a
 * type-ahead list (arrows and Enter), and a comment; Ctrl/Cmd+Enter saves from anywhere in the dialog.
 */
export function AnnotateDialog(props: {
  quote: string;
  side: 'target' | 'source';
  initial: AnnotationDraft;
  isNew: boolean;
  categoryName: (c: string) => string;
  onSave: (draft: AnnotationDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<MqmSeverity>(props.initial.severity);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<MqmCategory>(props.initial.category);
  // The list opens on the chosen category, so arrows and Enter start from it.
  const [highlight, setHighlight] = useState(() => Math.max(0, MQM_CATEGORIES.indexOf(props.initial.category)));
  const [comment, setComment] = useState(props.initial.comment);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const categoryRef = useRef<HTMLInputElement>(null);
  // The dialog focuses its first control when it opens; typing should go to the category filter.
  useEffect(() => categoryRef.current?.focus(), []);
  const listId = useId();
  const { categoryName } = props; // stable per UI language
  const matches = useMemo(() => MQM_CATEGORIES.filter((c) => matchesQuery(query, categoryName(c), c)), [query, categoryName]);
  const save = () => props.onSave({ severity, category, comment: comment.trim() });

  return (
    <Modal title={props.isNew ? t('annotate.title') : t('annotate.editTitle')} onClose={props.onCancel}>
      <div
        className="annotate"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
            return;
          }
          const inText = e.target instanceof HTMLInputElement && e.target.type === 'text';
          if (!inText && !(e.target instanceof HTMLTextAreaElement) && /^[1-4]$/.test(e.key)) {
            e.preventDefault();
            setSeverity(MQM_SEVERITIES[Number(e.key) - 1]!);
          }
        }}
      >
        <blockquote className="annotate-quote" lang={undefined}>
          <span className="muted">{props.side === 'source' ? t('annotate.inSource') : t('annotate.inTranslation')}</span>{' '}
          {/* Isolated in its own direction: English quoted in Arabic keeps its marks around it, not swapped. */}
          <span dir="auto">“{props.quote}”</span>
        </blockquote>
        <fieldset className="severity-choice">
          <legend>{t('annotate.severity')}</legend>
          {MQM_SEVERITIES.map((s, i) => (
            <label key={s} className={`chip sev-${s}`}>
              <input type="radio" name="severity" value={s} checked={severity === s} onChange={() => setSeverity(s)} aria-keyshortcuts={String(i + 1)} />
              <span>
                <kbd>{i + 1}</kbd> {t(`severity.${s}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('annotate.category')}</span>
          <input
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches[highlight] ? `${listId}-${highlight}` : undefined}
            aria-describedby={`${listId}-chosen`}
            ref={categoryRef}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setHighlight(e.target.value ? 0 : Math.max(0, MQM_CATEGORIES.indexOf(category)));
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                const n = matches.length;
                if (n) setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
              } else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                const picked = matches[highlight];
                if (picked) {
                  setCategory(picked);
                  setQuery('');
                  setHighlight(MQM_CATEGORIES.indexOf(picked));
                  commentRef.current?.focus();
                }
              }
            }}
          />
        </label>
        {/* The chosen category said as chosen, not as a grey placeholder that reads as "nothing yet". */}
        <p id={`${listId}-chosen`} className="chosen-category">
          {t('annotate.chosen', { category: props.categoryName(category) })}
        </p>
        <ul id={listId} role="listbox" className="category-list" aria-label={t('annotate.category')}>
          {matches.map((c, i) => (
            <li
              key={c}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={c === category}
              className={i === highlight ? 'option highlighted' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setCategory(c);
                setQuery('');
                setHighlight(MQM_CATEGORIES.indexOf(c));
                commentRef.current?.focus();
              }}
            >
              {props.categoryName(c)}
            </li>
          ))}
          {matches.length === 0 ? <li className="muted">{t('annotate.noCategory')}</li> : null}
        </ul>
        <label className="field">
          <span>{t('annotate.comment')}</span>
          <textarea ref={commentRef} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            {t('annotate.cancel')}
          </button>
          <button type="button" className="primary" onClick={save} aria-keyshortcuts="Control+Enter">
            {t('annotate.save')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSearch, SearchMatch } from '../../main/contract/api';
import { errorMessage } from '../lib/errors';
import type { NoticeMessage } from './Notice';
import { Modal } from './Modal';
import { useProjectSearch, type OpenArticleEdits } from './use-project-search';

/** Matches rendered at first; "show more" adds as many again. */
const PAGE = 300;

const keyOf = (m: SearchMatch) => `${m.article}\u0000${m.start}`;

/**
 * Search the project (issue 11): find and replace in every article's translation or source, plain or
 * regular expression, case and whole-word options; a preview of every match in context with what it
 * becomes; replace the selected ones or all. With the source and "concordance", each match shows how
 * the project translated its sentence.
 */
export function ProjectSearchDialog(props: { onClose: () => void; onDone: (n: NoticeMessage) => void; openArticle?: OpenArticleEdits; onReplaced?: () => void }) {
  const { t } = useTranslation();
  const search = useProjectSearch(props.openArticle);
  const [pattern, setPattern] = useState('');
  const [side, setSide] = useState<'target' | 'source'>('target');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [replacement, setReplacement] = useState('');
  const [concordance, setConcordance] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  /** The last replacement the host saved, while it can be undone. */
  const [undoId, setUndoId] = useState<string | null>(null);
  const { result, job, query } = search;
  const replacing = query?.side === 'target' && query.replacement !== undefined;

  const byArticle = useMemo(() => {
    const groups = new Map<string, SearchMatch[]>();
    for (const m of (result?.matches ?? []).slice(0, limit)) groups.set(m.article, [...(groups.get(m.article) ?? []), m]);
    return [...groups.entries()];
  }, [result, limit]);

  const submit = () => {
    const q: ProjectSearch = { pattern, side, regex, caseSensitive, wholeWord, ...(side === 'target' ? { replacement } : { concordance }) };
    setSelected(new Set());
    setLimit(PAGE);
    void search.run(q);
  };

  const replace = async (matches: SearchMatch[]) => {
    const res = await search.replace(matches.filter((m) => typeof m.replacement === 'string'));
    if (!res) return;
    props.onDone({ key: 'search.replaced', params: { count: res.replaced, articles: res.articles.length, conflicts: res.conflicts.length, stale: res.stale } });
    setUndoId(res.undoId ?? null);
    props.onReplaced?.();
    if (query) void search.run(query); // what is left
  };

  const undo = async () => {
    if (!undoId) return;
    setUndoId(null);
    const res = await search.undo(undoId);
    if (!res) return;
    props.onDone({ key: 'search.undone', params: { restored: res.restored.length, conflicts: res.conflicts.length } });
    props.onReplaced?.();
    if (query) void search.run(query);
  };

  const toggle = (m: SearchMatch) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(keyOf(m))) next.delete(keyOf(m));
      else next.add(keyOf(m));
      return next;
    });
  const chosen = (result?.matches ?? []).filter((m) => selected.has(keyOf(m)));

  return (
    <Modal title={t('search.title')} onClose={props.onClose} wide>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{t('search.pattern')}</span>
          <input type="search" value={pattern} onChange={(e) => setPattern(e.target.value)} required maxLength={1000} dir="auto" />
        </label>
        <fieldset className="inline-fieldset">
          <legend>{t('search.side')}</legend>
          {(['target', 'source'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="search-side" checked={side === s} onChange={() => setSide(s)} /> {t(`search.sides.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="search-options">
          <label>
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> {t('search.regex')}
          </label>
          <label>
            <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> {t('search.caseSensitive')}
          </label>
          <label>
            <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> {t('search.wholeWord')}
          </label>
          {side === 'source' ? (
            <label>
              <input type="checkbox" checked={concordance} onChange={(e) => setConcordance(e.target.checked)} /> {t('search.concordance')}
            </label>
          ) : null}
        </div>
        {side === 'target' ? (
          <label className="field">
            <span>{t('search.replacement')}</span>
            <input type="text" value={replacement} onChange={(e) => setReplacement(e.target.value)} maxLength={10_000} dir="auto" />
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={search.running || !pattern}>
            {t('search.find')}
          </button>
          {search.running ? (
            <button type="button" onClick={search.cancel}>
              {t('search.cancel')}
            </button>
          ) : null}
          <button type="button" onClick={props.onClose}>
            {t('search.close')}
          </button>
        </div>
      </form>
      {search.error ? (
        <p role="alert" className="error-text">
          {errorMessage(search.error)}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="panel-status">
        {search.running ? t('search.progress', { done: job?.done ?? 0, total: job?.total ?? 0 }) : job?.state === 'cancelled' ? t('search.cancelled') : result ? t('search.found', { count: result.matches.length, articles: byArticleCount(result.matches) }) : ''}
        {result?.truncated ? ` ${t('search.truncated')}` : ''}
      </p>
      {undoId ? (
        <div className="dialog-actions">
          <button type="button" onClick={() => void undo()}>
            {t('search.undo')}
          </button>
        </div>
      ) : null}
      {result && replacing && result.matches.length ? (
        <div className="dialog-actions">
          <button type="button" onClick={() => void replace(chosen)} disabled={!chosen.length}>
            {t('search.replaceSelected', { count: chosen.length })}
          </button>
          <button type="button" onClick={() => void replace(result.matches)}>
            {t('search.replaceAll', { count: result.matches.length })}
          </button>
        </div>
      ) : null}
      <div className="search-results">
        {byArticle.map(([article, matches]) => (
          <section key={article} aria-label={article}>
            <h3 className="panel-subheading">{article}</h3>
            <ul className="finding-list" aria-label={t('search.matchesIn', { article })}>
              {matches.map((m) => (
                <li key={keyOf(m)} className="search-match">
                  {replacing ? (
                    <input type="checkbox" checked={selected.has(keyOf(m))} onChange={() => toggle(m)} disabled={typeof m.replacement !== 'string'} aria-label={t('search.selectMatch', { segment: m.segment, text: m.text, article })} />
                  ) : null}
                  <span className="finding-segment">{t('problems.segment', { n: m.segment })}</span>
                  <span className="search-context" dir="auto">
                    …{m.before}
                    <mark>{m.text}</mark>
                    {replacing && typeof m.replacement === 'string' ? <ins>{m.replacement}</ins> : null}
                    {m.after}…
                  </span>
                  {m.aligned !== undefined ? (
                    <span className="search-aligned" dir="auto">
                      {t('search.translatedAs')} {m.aligned || t('search.noAligned')}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {result && result.matches.length > limit ? (
          <button type="button" className="small" onClick={() => setLimit((l) => l + PAGE)}>
            {t('problems.showMore', { count: Math.min(PAGE, result.matches.length - limit) })}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

function byArticleCount(matches: readonly SearchMatch[]): number {
  return new Set(matches.map((m) => m.article)).size;
}

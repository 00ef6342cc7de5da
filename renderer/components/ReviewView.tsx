import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STATUSES, type ArticleView, type DiffStats, type ReviewStatus } from '../../main/contract/api';
import { splitParagraphs, type Paragraph } from '../../main/common/paragraphs';
import { wordDiff, type WordChange } from '../../main/common/word-diff';
import { api, toUiError, type UiError } from '../api';
import { downloadBase64 } from '../lib/download';
import { formatPercent, languageName } from '../lib/format';
import { mapParagraphs } from '../lib/paragraph-map';
import { followTextDirection } from '../monaco/direction';
import { monaco, PROSE_FONT, wrappingFor } from '../monaco/setup';
import { ChangesSummary } from './ChangesSummary';
import { ConflictDialog } from './ConflictDialog';
import { SourcePane } from './SourcePane';

type Editor = monaco.editor.IStandaloneCodeEditor;
type DiffEditor = monaco.editor.IStandaloneDiffEditor;

/** How long typing must pause before an autosave, and before live counts are recomputed. */
const AUTOSAVE_MS = 1500;
const RECOUNT_MS = 200;
/** Height of the source pane's sticky heading: paragraphs scrolled to the top sit just below it. */
const SOURCE_HEADING_PX = 40;

function paragraphAtLine(paras: Paragraph[], line: number): number {
  let best = 0;
  for (const p of paras) {
    if (p.startLine <= line) best = p.index;
    else break;
  }
  return best;
}

export function ReviewView(props: { id: string; onBack: () => void; onError: (e: UiError) => void }) {
  const { t } = useTranslation();
  const { id, onError } = props;
  const [view, setView] = useState<ArticleView | null>(null);
  const [mode, setMode] = useState<'review' | 'changes'>('review');
  const [sideBySide, setSideBySide] = useState(true);
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [stats, setStats] = useState<DiffStats | null>(null);
  const [status, setStatus] = useState<ReviewStatus>('not-started');
  const [activePara, setActivePara] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ theirs: string | null; revision: string } | null>(null);

  const editorHost = useRef<HTMLDivElement>(null);
  const diffHost = useRef<HTMLDivElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const diffRef = useRef<DiffEditor | null>(null);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  const baselineModelRef = useRef<monaco.editor.ITextModel | null>(null);
  const revisionRef = useRef('');
  const savedVersionRef = useRef(0);
  const deletedRef = useRef(false);
  const savingRef = useRef<Promise<void> | null>(null);
  const parasRef = useRef<Paragraph[]>([]);
  const syncRef = useRef<{ origin: 'editor' | 'source'; until: number } | null>(null);
  const decorationsRef = useRef<{ active?: monaco.editor.IEditorDecorationsCollection; del?: monaco.editor.IEditorDecorationsCollection; ins?: monaco.editor.IEditorDecorationsCollection }>({});
  const timers = useRef<{ save?: number; count?: number }>({});
  const changesRef = useRef<WordChange[]>([]);

  const sourceParas = useMemo(() => (view ? splitParagraphs(view.source.text) : []), [view]);
  const baselineParas = useMemo(() => (view ? splitParagraphs(view.baseline) : []), [view]);

  const activeEditor = useCallback((): Editor | null => {
    if (mode === 'changes' && diffRef.current) return diffRef.current.getModifiedEditor();
    return editorRef.current;
  }, [mode]);

  // ---- saving -------------------------------------------------------------------------------------
  const save = useCallback(
    async (force = false): Promise<void> => {
      if (savingRef.current) await savingRef.current;
      const model = modelRef.current;
      if (!model || model.isDisposed()) return;
      const version = model.getAlternativeVersionId();
      if (version === savedVersionRef.current && !force) return;
      const text = model.getValue();
      setSaveState('saving');
      const run = (async () => {
        try {
          const res = await api.saveArticle({ id, text, expectedRevision: revisionRef.current, force: force || deletedRef.current || undefined });
          revisionRef.current = res.revision;
          savedVersionRef.current = version;
          if (model.getAlternativeVersionId() === version) setStats(res.stats);
          deletedRef.current = false;
          if (!model.isDisposed()) setDirty(model.getAlternativeVersionId() !== version);
          setSaveState('saved');
          setStatus((s) => (s === 'not-started' ? 'in-review' : s));
        } catch (err) {
          setSaveState('idle');
          const e = toUiError(err);
          if (e.code === 'conflict') {
            const disk = await api.readDisk({ id }).catch(() => null);
            setConflict({ theirs: disk?.text ?? null, revision: disk?.revision ?? '' });
          } else onError(e);
        }
      })();
      savingRef.current = run;
      await run;
      savingRef.current = null;
    },
    [id, onError],
  );

  const recount = useCallback(() => {
    const model = modelRef.current;
    if (!model || model.isDisposed() || !view) return;
    const text = model.getValue();
    parasRef.current = splitParagraphs(text);
    const diff = wordDiff(view.baseline, text, view.target.lang);
    setStats(diff.stats);
    changesRef.current = diff.changes;
    const d = diffRef.current;
    const base = baselineModelRef.current;
    if (d && base) {
      // Whole-word highlights from our own diff (Monaco's inner changes can split words).
      const toRange = (m: monaco.editor.ITextModel, [s, e]: [number, number]) => {
        const a = m.getPositionAt(s);
        const b = m.getPositionAt(e);
        return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
      };
      const dels = diff.changes.filter((c) => c.baseline[1] > c.baseline[0]).map((c) => ({ range: toRange(base, c.baseline), options: { inlineClassName: 'word-deleted' } }));
      const ins = diff.changes.filter((c) => c.current[1] > c.current[0]).map((c) => ({ range: toRange(model, c.current), options: { inlineClassName: c.kind === 'replaced' ? 'word-replaced' : 'word-inserted' } }));
      decorationsRef.current.del ??= d.getOriginalEditor().createDecorationsCollection();
      decorationsRef.current.ins ??= d.getModifiedEditor().createDecorationsCollection();
      decorationsRef.current.del.set(dels);
      decorationsRef.current.ins.set(ins);
    }
  }, [view]);

  // ---- loading ------------------------------------------------------------------------------------
  useEffect(() => {
    let cancelled = false;
    api.getArticle({ id }).then(
      (v) => {
        if (cancelled) return;
        revisionRef.current = v.revision;
        setStatus(v.status);
        setStats(v.stats);
        setView(v);
      },
      (err) => {
        if (!cancelled) {
          onError(toUiError(err));
          props.onBack();
        }
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  // ---- the editor ---------------------------------------------------------------------------------
  useEffect(() => {
    if (!view || !editorHost.current) return;
    const model = monaco.editor.createModel(view.target.text, 'plaintext');
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
    const baseline = monaco.editor.createModel(view.baseline, 'plaintext');
    modelRef.current = model;
    baselineModelRef.current = baseline;
    savedVersionRef.current = model.getAlternativeVersionId();
    parasRef.current = splitParagraphs(view.target.text);
    const editor = monaco.editor.create(editorHost.current, {
      model,
      wordWrap: 'on',
      wrappingStrategy: wrappingFor(view.target.text),
      minimap: { enabled: false },
      automaticLayout: true,
      lineNumbers: 'on',
      glyphMargin: false,
      folding: false,
      renderLineHighlight: 'line',
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true },
      ariaLabel: t('review.translationEditor', { lang: languageName(view.target.lang) }),
      fontFamily: PROSE_FONT,
      fontSize: 15,
      lineHeight: 24,
      padding: { top: 8 },
      scrollBeyondLastLine: false,
    });
    editorRef.current = editor;
    const direction = followTextDirection(editor, view.target.dir);
    decorationsRef.current.active = editor.createDecorationsCollection();
    const pending = timers.current;

    const onChange = model.onDidChangeContent(() => {
      setDirty(model.getAlternativeVersionId() !== savedVersionRef.current);
      setSaveState('idle');
      window.clearTimeout(pending.save);
      window.clearTimeout(pending.count);
      pending.save = window.setTimeout(() => void save(), AUTOSAVE_MS);
      pending.count = window.setTimeout(recountRef.current, RECOUNT_MS);
    });
    return () => {
      onChange.dispose();
      direction.dispose();
      window.clearTimeout(pending.save);
      window.clearTimeout(pending.count);
      // Autosave when leaving the article (switching article, back to the list).
      if (model.getAlternativeVersionId() !== savedVersionRef.current) {
        const text = model.getValue();
        void api.saveArticle({ id, text, expectedRevision: revisionRef.current }).catch((err) => onError(toUiError(err)));
      }
      editor.dispose();
      diffRef.current?.dispose();
      diffRef.current = null;
      decorationsRef.current = {};
      model.dispose();
      baseline.dispose();
      editorRef.current = null;
      modelRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  const recountRef = useRef(recount);
  recountRef.current = recount;

  /** Mark the translation's paragraph `index` as the partner of the source's active one (Review only). */
  const highlightParagraph = (index: number) => {
    const p = parasRef.current[index];
    decorationsRef.current.active?.set(
      p && mode === 'review' ? [{ range: new monaco.Range(p.startLine, 1, p.endLine, 1), options: { isWholeLine: true, className: 'para-active-line' } }] : [],
    );
  };

  // Cursor and scrolling bring the partner paragraph into view and highlight both.
  useEffect(() => {
    const editor = activeEditor();
    if (!editor) return;
    const scrollSourceTo = (index: number, block: 'nearest' | 'start') => {
      const el = sourceRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (!el || !sourceRef.current) return;
      syncRef.current = { origin: 'editor', until: Date.now() + 200 };
      if (block === 'start') sourceRef.current.scrollTop = el.offsetTop - SOURCE_HEADING_PX;
      else el.scrollIntoView({ block: 'nearest' });
    };
    const cursor = editor.onDidChangeCursorPosition((e) => {
      const index = paragraphAtLine(parasRef.current, e.position.lineNumber);
      setActivePara(index);
      highlightParagraph(index);
      scrollSourceTo(index, 'nearest');
    });
    const scroll = editor.onDidScrollChange((e) => {
      if (!e.scrollTopChanged) return;
      if (syncRef.current?.origin === 'source' && Date.now() < syncRef.current.until) return;
      const top = editor.getVisibleRanges()[0]?.startLineNumber ?? 1;
      scrollSourceTo(paragraphAtLine(parasRef.current, top), 'start');
    });
    highlightParagraph(activePara);
    return () => {
      cursor.dispose();
      scroll.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeEditor, view, mode]);

  const onSourceScroll = () => {
    const pane = sourceRef.current;
    const editor = activeEditor();
    if (!pane || !editor) return;
    if (syncRef.current?.origin === 'editor' && Date.now() < syncRef.current.until) return;
    const els = Array.from(pane.querySelectorAll<HTMLElement>('[data-index]'));
    const top = pane.scrollTop + SOURCE_HEADING_PX;
    const first = els.find((el) => el.offsetTop + el.offsetHeight > top);
    const p = first ? parasRef.current[Number(first.dataset.index)] : undefined;
    if (!p) return;
    syncRef.current = { origin: 'source', until: Date.now() + 200 };
    editor.setScrollTop(editor.getTopForLineNumber(p.startLine));
  };

  /** Keyboard in the source pane: step to a paragraph and show its partner, leaving the cursor alone. */
  const stepSource = (index: number) => {
    const clamped = Math.max(0, Math.min(index, sourceParas.length - 1));
    setActivePara(clamped);
    // Focus follows, so a screen reader reads the paragraph; keys still reach the pane's handler.
    sourceRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus();
    const p = parasRef.current[clamped];
    const editor = activeEditor();
    if (!p || !editor) return;
    syncRef.current = { origin: 'source', until: Date.now() + 300 };
    highlightParagraph(clamped);
    editor.revealLineNearTop(p.startLine);
  };

  const pickParagraph = (index: number) => {
    const editor = activeEditor();
    const p = parasRef.current[index];
    if (!editor || !p) return;
    editor.setPosition({ lineNumber: p.startLine, column: 1 });
    editor.revealLineNearTop(p.startLine);
    editor.focus();
  };

  // ---- changes mode -------------------------------------------------------------------------------
  useEffect(() => {
    if (mode !== 'changes') {
      // A hidden diff editor would still re-diff the whole article on every keystroke: drop it.
      diffRef.current?.dispose();
      diffRef.current = null;
      decorationsRef.current.del = undefined;
      decorationsRef.current.ins = undefined;
      return;
    }
    if (!diffHost.current || !modelRef.current || !baselineModelRef.current) return;
    if (!diffRef.current) {
      const diff = monaco.editor.createDiffEditor(diffHost.current, {
        renderSideBySide: sideBySide,
        originalEditable: false,
        automaticLayout: true,
        wordWrap: 'on',
        diffWordWrap: 'on',
        wrappingStrategy: wrappingFor(modelRef.current.getValue()),
        ignoreTrimWhitespace: false,
        minimap: { enabled: false },
        renderOverviewRuler: true,
        unicodeHighlight: { ambiguousCharacters: false },
        originalAriaLabel: t('changes.baseline'),
        ariaLabel: t('changes.current'),
        fontFamily: PROSE_FONT,
        fontSize: 15,
        lineHeight: 24,
        scrollBeyondLastLine: false,
      });
      diff.setModel({ original: baselineModelRef.current, modified: modelRef.current });
      const dir = view?.target.dir ?? 'ltr';
      const directions = [followTextDirection(diff.getOriginalEditor(), dir), followTextDirection(diff.getModifiedEditor(), dir)];
      diff.onDidDispose(() => directions.forEach((d) => d.dispose()));
      diffRef.current = diff;
      decorationsRef.current.del = undefined;
      decorationsRef.current.ins = undefined;
    }
    recount();
    diffRef.current.layout();
  }, [mode, recount, sideBySide, t, view]);

  useEffect(() => {
    diffRef.current?.updateOptions({ renderSideBySide: sideBySide });
  }, [sideBySide]);

  /**
   * Next or previous change from the cursor, by Calque's word diff (a paragraph is one line, so line
   * changes would skip every other change in it), in whichever editor is active; the change is
   * selected, so typing replaces it.
   */
  const goToChange = useCallback(
    (target: 'next' | 'previous') => {
      const editor = activeEditor();
      const model = modelRef.current;
      if (!editor || !model) return;
      recountRef.current(); // the list must reflect the latest keystroke
      const changes = changesRef.current;
      if (!changes.length) return;
      const sel = editor.getSelection() ?? new monaco.Selection(1, 1, 1, 1);
      const selStart = model.getOffsetAt(sel.getStartPosition());
      const selEnd = model.getOffsetAt(sel.getEndPosition());
      // Next: starts after the cursor (or at it, if not yet selected). Previous: ends before it.
      const pick =
        target === 'next'
          ? (changes.find((c) => c.current[0] > selStart || (c.current[0] === selStart && c.current[1] > selEnd)) ?? changes[0]!)
          : ([...changes].reverse().find((c) => c.current[1] < selStart) ?? changes[changes.length - 1]!);
      const a = model.getPositionAt(pick.current[0]);
      const b = model.getPositionAt(pick.current[1]);
      editor.setSelection(new monaco.Selection(a.lineNumber, a.column, b.lineNumber, b.column));
      editor.revealRangeInCenterIfOutsideViewport(new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column));
      editor.focus();
    },
    [activeEditor],
  );

  // ---- reverts (one undoable edit each) -----------------------------------------------------------
  const replaceRange = (range: monaco.IRange, text: string, source: string) => {
    const editor = activeEditor();
    if (!editor) return;
    editor.pushUndoStop();
    editor.executeEdits(source, [{ range, text, forceMoveMarkers: true }]);
    editor.pushUndoStop();
    editor.focus();
  };

  const revertParagraph = () => {
    const model = modelRef.current;
    const editor = activeEditor();
    if (!model || !editor) return;
    const current = splitParagraphs(model.getValue());
    const line = editor.getPosition()?.lineNumber ?? 1;
    const index = paragraphAtLine(current, line);
    const p = current[index];
    const from = mapParagraphs(baselineParas, current)[index] ?? -1;
    const b = baselineParas[from];
    if (!p || !b || p.text === b.text) return;
    const a = model.getPositionAt(p.start);
    const z = model.getPositionAt(p.end);
    replaceRange(new monaco.Range(a.lineNumber, a.column, z.lineNumber, z.column), b.text, 'calque.revertParagraph');
  };

  const revertArticle = () => {
    const model = modelRef.current;
    if (!model || !view) return;
    replaceRange(model.getFullModelRange(), view.baseline, 'calque.revertArticle');
  };

  // ---- export, status -----------------------------------------------------------------------------
  const exportArticle = useCallback(async () => {
    await save();
    try {
      const res = await api.exportArticle({ id });
      if (res.dataBase64) {
        downloadBase64(res.fileName, res.dataBase64);
        setNotice(t('review.exported', { name: res.fileName }));
      } else if (res.savedPath) setNotice(t('review.exportedTo', { path: res.savedPath }));
    } catch (err) {
      onError(toUiError(err));
    }
  }, [id, onError, save, t]);

  const changeStatus = async (next: ReviewStatus) => {
    setStatus(next);
    try {
      await api.setStatus({ id, status: next });
      setNotice(t('review.statusChanged', { status: t(`status.${next}`) }));
    } catch (err) {
      onError(toUiError(err));
    }
  };

  // ---- outside changes ----------------------------------------------------------------------------
  const replaceAll = useCallback((text: string, revision: string) => {
    const model = modelRef.current;
    if (!model) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    revisionRef.current = revision;
    savedVersionRef.current = model.getAlternativeVersionId();
    setDirty(false);
  }, []);

  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name === 'menu') {
          const command = (payload as { command: string }).command;
          if (command === 'save') void save();
          else if (command === 'export') void exportArticle();
          else if (command === 'changes' || command === 'review') setMode(command);
          return;
        }
        if (name !== 'articleChangedOnDisk') return;
        const change = payload as { id: string; revision: string; deleted: boolean };
        if (change.id !== id || change.revision === revisionRef.current) return;
        if (change.deleted) {
          deletedRef.current = true;
          setNotice(t('review.deleted'));
          return;
        }
        const model = modelRef.current;
        const unsaved = !!model && model.getAlternativeVersionId() !== savedVersionRef.current;
        void api.readDisk({ id }).then(
          (disk) => {
            if (disk.revision === revisionRef.current) return;
            deletedRef.current = false;
            if (unsaved) setConflict({ theirs: disk.text, revision: disk.revision });
            else {
              replaceAll(disk.text, disk.revision);
              setNotice(t('review.reloaded'));
            }
          },
          (err) => onError(toUiError(err)),
        );
      }),
    [exportArticle, id, onError, replaceAll, save, t],
  );

  // ---- keyboard and leaving -----------------------------------------------------------------------
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      } else if (e.altKey && e.key === 'F5') {
        e.preventDefault();
        goToChange(e.shiftKey ? 'previous' : 'next');
      }
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      const model = modelRef.current;
      if (model && model.getAlternativeVersionId() !== savedVersionRef.current) {
        void save();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [goToChange, save]);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${id} — Calque`;
    return () => {
      document.title = 'Calque';
    };
  }, [dirty, id]);

  const back = async () => {
    await save();
    props.onBack();
  };

  return (
    <section className="review" aria-label={id}>
      <div className="review-toolbar" role="toolbar" aria-label={id}>
        <button type="button" onClick={() => void back()}>
          {t('review.back')}
        </button>
        <h2 className="article-title">{id}</h2>
        <div className="segmented" role="group" aria-label={t('review.modes')}>
          <button type="button" aria-pressed={mode === 'review'} onClick={() => setMode('review')}>
            {t('review.reviewMode')}
          </button>
          <button type="button" aria-pressed={mode === 'changes'} onClick={() => setMode('changes')}>
            {t('review.changesMode')}
          </button>
        </div>
        <label className="field field-inline">
          <span>{t('status.label')}</span>
          <select value={status} onChange={(e) => void changeStatus(e.target.value as ReviewStatus)}>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={revertParagraph}>
          {t('review.revertParagraph')}
        </button>
        <button type="button" onClick={revertArticle}>
          {t('review.revertArticle')}
        </button>
        <button type="button" onClick={() => void exportArticle()}>
          {t('review.export')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} aria-keyshortcuts="Control+S">
          {t('review.save')}
        </button>
        <span className={dirty ? 'save-state unsaved' : 'save-state'} role="status" aria-live="polite">
          {dirty ? (
            <>
              <span aria-hidden="true">● </span>
              {t('review.unsaved')}
            </>
          ) : saveState === 'saving' ? (
            t('review.saving')
          ) : (
            t('review.allSaved')
          )}
        </span>
      </div>
      {notice ? (
        <div className="banner banner-info" role="status">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      {stats ? (
        <ChangesSummary
          stats={stats}
          mode={mode}
          sideBySide={sideBySide}
          onSideBySide={setSideBySide}
          onNext={() => goToChange('next')}
          onPrevious={() => goToChange('previous')}
          editRate={formatPercent(stats.editRate)}
        />
      ) : null}
      <div className={mode === 'review' ? 'panes' : 'panes hidden'} aria-hidden={mode !== 'review'}>
        {view ? (
          <SourcePane
            ref={sourceRef}
            paragraphs={sourceParas}
            lang={view.source.lang}
            dir={view.source.dir}
            active={activePara}
            onPick={pickParagraph}
            onStep={stepSource}
            onScroll={onSourceScroll}
          />
        ) : null}
        <div className="editor-pane" lang={view?.target.lang}>
          <div className="pane-heading" dir={view?.target.dir}>
            {t('review.translation')} {view ? `(${languageName(view.target.lang)})` : ''}
          </div>
          {/* Monaco lays itself out left to right; right-to-left text gets RTL lines (followTextDirection). */}
          <div ref={editorHost} className="monaco-host" dir="ltr" />
        </div>
      </div>
      <div className={mode === 'changes' ? 'diff-pane' : 'diff-pane hidden'}>
        <div ref={diffHost} className="monaco-host" dir="ltr" />
      </div>
      {conflict && view ? (
        <ConflictDialog
          path={view.target.path}
          mine={modelRef.current?.getValue() ?? ''}
          theirs={conflict.theirs}
          onKeepMine={() => {
            setConflict(null);
            void save(true);
          }}
          onTakeTheirs={() => {
            if (conflict.theirs !== null) replaceAll(conflict.theirs, conflict.revision);
            setConflict(null);
          }}
        />
      ) : null}
    </section>
  );
}

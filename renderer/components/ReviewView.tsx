import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STATUSES, type ArticleView, type DiffStats, type ReviewStatus } from '../../main/contract/api';
import type { Annotation, Finding, MqmCategory, MqmSeverity, Sentence, TextEdit } from '../../main/contract/review';
import { indexLinks, partnersOf, sentenceAt, shiftSentences } from '../../main/common/alignment-lookup';
import { mapThroughEdits, newAnnotationId, quoteAt } from '../../main/common/annotations/anchor';
import { splitParagraphs, type Paragraph } from '../../main/common/paragraphs';
import { wordDiff, type WordChange } from '../../main/common/word-diff';
import { api, toUiError, type UiError } from '../api';
import { downloadBase64 } from '../lib/download';
import { tDynamic } from '../lib/dynamic-t';
import { categoryName as mqmCategoryName } from '../lib/mqm-names';
import { formatPercent, languageName } from '../lib/format';
import { mapParagraphs } from '../lib/paragraph-map';
import { followTextDirection } from '../monaco/direction';
import { monaco, PROSE_FONT, wrappingFor } from '../monaco/setup';
import { ChangesSummary } from './ChangesSummary';
import { clearFindings, fixOperations, showFindings } from '../review/finding-actions';
import { useChecks } from '../review/use-checks';
import { segmentAtOffset, useLiveMetrics } from '../review/use-live-metrics';
import { AnnotateDialog, type AnnotationDraft } from './AnnotateDialog';
import { AnnotationsPanel } from './AnnotationsPanel';
import { ConflictDialog } from './ConflictDialog';
import { MetricsBar } from './MetricsBar';
import { ProblemsPanel } from './ProblemsPanel';
import { ReportDialog } from './ReportDialog';
import { Notice } from './Notice';
import { SourcePane, sourceSelection, type SourceMark } from './SourcePane';

type Editor = monaco.editor.IStandaloneCodeEditor;
type DiffEditor = monaco.editor.IStandaloneDiffEditor;

/** How long typing must pause before an autosave, and before live counts are recomputed. */
const AUTOSAVE_MS = 1500;
const RECOUNT_MS = 200;
/** Height of the source pane's sticky heading: paragraphs scrolled to the top sit just below it. */
const SOURCE_HEADING_PX = 40;

/** A pause this long between keystrokes is not editing time (LiveMetrics counts the same way). */
const IDLE_MS = 30_000;
const SEVERITY_KEYS: readonly MqmSeverity[] = ['neutral', 'minor', 'major', 'critical'];

/** Hover text is rendered by Monaco as markdown: escape it so comments and document text stay text. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, '\\$&');
}

function sameSentences(a: readonly Sentence[] | null, b: readonly Sentence[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b[i]!.start || a[i]!.end !== b[i]!.end) return false;
  return true;
}

function sameSet(a: ReadonlySet<number>, b: readonly number[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

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
  const [panel, setPanel] = useState<'problems' | 'annotations'>('problems');
  const [reportOpen, setReportOpen] = useState(false);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [invalidLines, setInvalidLines] = useState(0);
  const [annotating, setAnnotating] = useState<{ side: 'target' | 'source'; start: number; end: number; initial: AnnotationDraft; existing?: Annotation } | null>(null);
  const [activeSource, setActiveSource] = useState<ReadonlySet<number>>(new Set());
  const [currentFinding, setCurrentFinding] = useState(-1);
  const [currentAnnotation, setCurrentAnnotation] = useState<string | null>(null);
  const { checks, checking, attach: attachChecks, schedule: scheduleChecks, runNow: runChecks } = useChecks(id, onError);
  const [cursorOffset, setCursorOffset] = useState(0);
  /** Editing time not yet stored, per segment key; and when the last keystroke was. */
  const editingRef = useRef<{ pending: Record<string, number>; last: number }>({ pending: {}, last: 0 });
  const cursorTimer = useRef<number | undefined>(undefined);

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
  /** Target sentences of the last alignment, moved through every edit since (highlights stay put while typing). */
  const targetSentencesRef = useRef<Sentence[]>([]);
  const annotationsRef = useRef<Annotation[]>([]);
  const annotationsLoaded = useRef(false);
  const annotationTimer = useRef<number | undefined>(undefined);
  const annotationDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  const live = useLiveMetrics(useMemo(() => (view ? { baseline: view.baseline, lang: view.target.lang, text: view.target.text } : null), [view]));
  const liveRef = useRef(live);
  liveRef.current = live;
  const metrics = live.snapshot;
  const cursorSegment = useMemo(() => segmentAtOffset(metrics, cursorOffset), [metrics, cursorOffset]);
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
          flushEditingTimeRef.current();
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
    liveRef.current.update(text);
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

  // ---- editing time -------------------------------------------------------------------------------
  /** Store the editing time gathered since the last save with the article's review. */
  /**
   * A keystroke at `offset`: the time since the previous one counts for the segment it is in, unless it
   * was a pause. Kept here, not in the worker, so it can be stored synchronously when the view closes.
   */
  const recordEditing = (offset: number) => {
    const now = performance.now();
    const gap = now - editingRef.current.last;
    editingRef.current.last = now;
    liveRef.current.activity(offset);
    const snapshot = liveRef.current.snapshot;
    const key = snapshot?.segments[segmentAtOffset(snapshot, offset)]?.key;
    if (key && gap < IDLE_MS) editingRef.current.pending[key] = (editingRef.current.pending[key] ?? 0) + Math.round(gap);
  };

  /** Store the editing time gathered since the last call with the article's review. */
  const flushEditingTime = useCallback(() => {
    const segments = editingRef.current.pending;
    if (!Object.keys(segments).length) return;
    editingRef.current.pending = {};
    void api.recordEditingTime({ id, segments }).catch((err) => onError(toUiError(err)));
  }, [id, onError]);

  // ---- annotations --------------------------------------------------------------------------------
  // Dynamic keys (from core's findings and the MQM typology) go through i18next.t; `t` in the deps re-renders on language change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const describe = useCallback((f: Finding) => tDynamic(f.message.key, f.message.params), [t]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const categoryName = useCallback((c: string) => mqmCategoryName(c), [t]);
  const fixLabel = useCallback(
    (fix: Finding['fixes'][number]) => {
      if (fix.labelKey) return tDynamic(fix.labelKey, { text: fix.edits.map((e) => e.text).join(' … ') });
      const texts = fix.edits.map((e) => e.text).filter(Boolean);
      return texts.length ? t('problems.replaceWith', { text: texts.join(' … ') }) : t('problems.removeText');
    },
    [t],
  );

  /** Write the annotations a moment after the last change (offsets move with every keystroke). */
  const persistAnnotations = useCallback(
    (next: Annotation[], immediately = false) => {
      annotationsRef.current = next;
      setAnnotations(next);
      window.clearTimeout(annotationTimer.current);
      const write = () => {
        annotationTimer.current = undefined;
        if (!annotationsLoaded.current) return;
        void api.saveAnnotations({ id, annotations: annotationsRef.current }).catch((err) => onError(toUiError(err)));
      };
      if (immediately) write();
      else annotationTimer.current = window.setTimeout(write, AUTOSAVE_MS);
    },
    [id, onError],
  );

  const saveDraft = (draft: AnnotationDraft) => {
    const a = annotating;
    const model = modelRef.current;
    if (!a || !model || !view) return;
    const now = new Date().toISOString();
    const text = a.side === 'target' ? model.getValue() : view.source.text;
    const next = a.existing
      ? annotationsRef.current.map((x) => (x.id === a.existing!.id ? { ...x, ...draft, modified: now } : x))
      : [
          ...annotationsRef.current,
          { id: newAnnotationId(), side: a.side, start: a.start, end: a.end, quote: quoteAt(text, a.start, a.end), ...draft, created: now, modified: now } satisfies Annotation,
        ];
    persistAnnotations(next, true);
    setAnnotating(null);
    setPanel('annotations');
    setNotice(t(a.existing ? 'annotations.updated' : 'annotations.added'));
    returnFocus(a.side);
  };

  /** Back to where the annotation was made once the dialog has closed (keyboard-first: keep typing). */
  const returnFocus = (side: 'target' | 'source') => {
    window.setTimeout(() => {
      if (side === 'target') activeEditor()?.focus();
      else sourceRef.current?.focus();
    }, 0);
  };

  /** Open the annotation dialog on the selection (translation editor, or source pane), severity preset. */
  const annotateSelection = useCallback(
    (severity: MqmSeverity) => {
      const model = modelRef.current;
      const editor = activeEditor();
      const fromSource = sourceSelection(sourceRef.current);
      const initial = { severity, category: 'Style/Awkward' as MqmCategory, comment: '' };
      if (fromSource) {
        setAnnotating({ side: 'source', ...fromSource, initial });
        return;
      }
      const sel = editor?.getSelection();
      if (!model || !sel || sel.isEmpty()) {
        setNotice(t('annotations.selectFirst'));
        return;
      }
      setAnnotating({ side: 'target', start: model.getOffsetAt(sel.getStartPosition()), end: model.getOffsetAt(sel.getEndPosition()), initial });
    },
    [activeEditor, t],
  );

  const annotateFinding = useCallback(
    (f: Finding) => {
      const model = modelRef.current;
      if (!model || !view) return;
      const text = f.side === 'target' ? model.getValue() : view.source.text;
      const now = new Date().toISOString();
      const a: Annotation = {
        id: newAnnotationId(),
        side: f.side,
        start: f.start,
        end: f.end,
        quote: quoteAt(text, f.start, f.end),
        category: f.category,
        severity: f.severity,
        comment: describe(f),
        created: now,
        modified: now,
        rule: f.rule,
      };
      persistAnnotations([...annotationsRef.current, a], true);
      setNotice(t('annotations.added'));
    },
    [describe, persistAnnotations, t, view],
  );

  const deleteAnnotation = (a: Annotation) => {
    persistAnnotations(
      annotationsRef.current.filter((x) => x.id !== a.id),
      true,
    );
    setNotice(t('annotations.deleted'));
  };

  const rangeOf = (model: monaco.editor.ITextModel, start: number, end: number) => {
    const a = model.getPositionAt(start);
    const b = model.getPositionAt(end);
    return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
  };

  const jumpToAnnotation = (a: Annotation) => {
    setCurrentAnnotation(a.id);
    if (a.side === 'source') {
      sourceRef.current?.querySelector<HTMLElement>(`[data-start="${a.start}"]`)?.scrollIntoView({ block: 'center' });
      return;
    }
    const editor = activeEditor();
    const model = modelRef.current;
    if (!editor || !model) return;
    const r = rangeOf(model, a.start, a.end);
    editor.setSelection(r);
    editor.revealRangeInCenterIfOutsideViewport(r);
    editor.focus();
  };

  // Annotation highlights in the translation (hover: category, severity and comment as plain text).
  useEffect(() => {
    const editor = editorRef.current;
    const model = modelRef.current;
    if (!editor || !model) return;
    annotationDecorations.current ??= editor.createDecorationsCollection();
    annotationDecorations.current.set(
      annotations
        .filter((a) => a.side === 'target' && !a.orphaned)
        .map((a) => ({
          range: rangeOf(model, a.start, Math.max(a.end, a.start)),
          options: {
            inlineClassName: `ann ann-${a.severity}${a.id === currentAnnotation ? ' ann-current' : ''}`,
            hoverMessage: { value: escapeMarkdown(`${categoryName(a.category)} · ${t(`severity.${a.severity}`)}${a.comment ? ` — ${a.comment}` : ''}`) },
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annotations, currentAnnotation, view, categoryName]);

  // Typing moves translation annotations on every keystroke; the source's marks change only when a
  // source annotation does, and the source pane (thousands of spans in a book) re-renders only then.
  const sourceAnnotationsKey = JSON.stringify(
    annotations.filter((a) => a.side === 'source' && !a.orphaned).map((a) => [a.start, a.end, a.severity, a.category, a.comment]),
  );
  const sourceMarks = useMemo<SourceMark[]>(
    () =>
      (JSON.parse(sourceAnnotationsKey) as [number, number, MqmSeverity, MqmCategory, string][]).map(([start, end, severity, category, comment]) => ({
        start,
        end,
        className: `ann ann-${severity}`,
        title: `${categoryName(category)} · ${t(`severity.${severity}`)}${comment ? ` — ${comment}` : ''}`,
      })),
    [sourceAnnotationsKey, categoryName, t],
  );

  // ---- checks -------------------------------------------------------------------------------------
  const findings = useMemo(() => checks?.findings ?? [], [checks]);

  const applyFix = useCallback(
    (f: Finding, k: number) => {
      const editor = activeEditor();
      const model = modelRef.current;
      const fix = f.fixes[k];
      if (!editor || !model || !fix) return;
      // One undo step for the whole fix, however many edits it has.
      editor.pushUndoStop();
      editor.executeEdits('calque.fix', fixOperations(model, fix));
      editor.pushUndoStop();
      editor.focus();
      void runChecks();
    },
    [activeEditor, runChecks],
  );

  const ignore = useCallback(
    (f: Finding, scope: 'here' | 'project') => {
      void api.ignoreFinding({ id, rule: f.rule, text: f.text, scope }).then(
        () => {
          setNotice(t(scope === 'here' ? 'problems.ignoredHere' : 'problems.ignoredRule', { rule: f.rule }));
          void runChecks();
        },
        (err) => onError(toUiError(err)),
      );
    },
    [id, onError, runChecks, t],
  );

  const addWord = useCallback(
    (f: Finding) => {
      void api.addToWordList({ word: f.text }).then(
        () => {
          setNotice(t('problems.addedToWordList', { word: f.text }));
          void runChecks();
        },
        (err) => onError(toUiError(err)),
      );
    },
    [onError, runChecks, t],
  );

  useEffect(() => {
    const model = modelRef.current;
    if (!model || !checks) return;
    targetSentencesRef.current = checks.alignment.target;
    showFindings(model, {
      findings,
      describe,
      fixLabel,
      labels: {
        ignoreHere: t('problems.ignoreHere'),
        ignoreRule: (rule) => t('problems.ignoreRuleNamed', { rule }),
        annotate: t('problems.annotate'),
        addWord: (word) => t('problems.addToWordList', { word }),
      },
      onIgnore: ignore,
      onAddWord: addWord,
      onAnnotate: annotateFinding,
    });
  }, [checks, findings, describe, fixLabel, ignore, annotateFinding, addWord, t]);

  // Stable handlers, so the (memoised) problems panel does not re-render on every keystroke.
  const panelActions = useMemo(
    () => ({
      fix: (i: number, k: number) => applyFix(findings[i]!, k),
      annotate: (i: number) => annotateFinding(findings[i]!),
      ignore: (i: number, scope: 'here' | 'project') => ignore(findings[i]!, scope),
      addWord: (i: number) => addWord(findings[i]!),
    }),
    [applyFix, annotateFinding, ignore, addWord, findings],
  );

  const jumpToFinding = useCallback(
    (index: number) => {
      const f = findings[index];
      const editor = activeEditor();
      const model = modelRef.current;
      if (!f || !editor || !model) return;
      setCurrentFinding(index);
      setPanel('problems');
      if (f.side === 'source') {
        sourceRef.current?.querySelector<HTMLElement>(`[data-start="${f.start}"]`)?.scrollIntoView({ block: 'center' });
        return;
      }
      const r = rangeOf(model, f.start, f.end);
      editor.setSelection(r);
      editor.revealRangeInCenterIfOutsideViewport(r);
      editor.focus();
    },
    [activeEditor, findings],
  );

  /** F8 / Shift+F8: the next or previous finding from the cursor, selected. */
  const goToFinding = useCallback(
    (direction: 'next' | 'previous') => {
      const editor = activeEditor();
      const model = modelRef.current;
      const list = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.side === 'target');
      if (!editor || !model || !list.length) return;
      const sel = editor.getSelection() ?? new monaco.Selection(1, 1, 1, 1);
      const at = model.getOffsetAt(sel.getStartPosition());
      const atEnd = model.getOffsetAt(sel.getEndPosition());
      const pick =
        direction === 'next'
          ? (list.find(({ f }) => f.start > at || (f.start === at && f.end > atEnd)) ?? list[0]!)
          : ([...list].reverse().find(({ f }) => f.start < at) ?? list[list.length - 1]!);
      jumpToFinding(pick.i);
    },
    [activeEditor, findings, jumpToFinding],
  );

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

    attachChecks(model);
    annotationsLoaded.current = false;
    void api.getAnnotations({ id, text: view.target.text }).then(
      (res) => {
        if (model.isDisposed()) return;
        annotationsLoaded.current = true;
        annotationsRef.current = res.annotations;
        setAnnotations(res.annotations);
        setInvalidLines(res.invalidLines);
      },
      (err) => onError(toUiError(err)),
    );

    const onChange = model.onDidChangeContent((e) => {
      setDirty(model.getAlternativeVersionId() !== savedVersionRef.current);
      setSaveState('idle');
      window.clearTimeout(pending.save);
      window.clearTimeout(pending.count);
      pending.save = window.setTimeout(() => void save(), AUTOSAVE_MS);
      pending.count = window.setTimeout(recountRef.current, RECOUNT_MS);
      scheduleChecks();
      recordEditingRef.current(e.changes[0]?.rangeOffset ?? 0);
      // Monaco's changes of one event are relative to the text before it.
      const edits: TextEdit[] = e.changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      for (const c of [...e.changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
        targetSentencesRef.current = shiftSentences(targetSentencesRef.current, c.rangeOffset, c.rangeLength, c.text.length);
      }
      if (annotationsRef.current.some((a) => a.side === 'target')) {
        persistAnnotationsRef.current(mapThroughEdits(annotationsRef.current, edits, { side: 'target', newText: model.getValue() }));
      }
    });
    return () => {
      onChange.dispose();
      attachChecks(null);
      clearFindings(model);
      annotationDecorations.current = null;
      // Leaving the article: write pending annotation moves now.
      if (annotationTimer.current !== undefined) {
        window.clearTimeout(annotationTimer.current);
        annotationTimer.current = undefined;
        if (annotationsLoaded.current) void api.saveAnnotations({ id, annotations: annotationsRef.current }).catch((err) => onError(toUiError(err)));
      }
      direction.dispose();
      window.clearTimeout(pending.save);
      window.clearTimeout(pending.count);
      // Autosave when leaving the article (switching article, back to the list), with the editing time.
      flushEditingTimeRef.current();
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

  const flushEditingTimeRef = useRef(flushEditingTime);
  flushEditingTimeRef.current = flushEditingTime;
  const recordEditingRef = useRef(recordEditing);
  recordEditingRef.current = recordEditing;
  const recountRef = useRef(recount);
  recountRef.current = recount;
  const persistAnnotationsRef = useRef(persistAnnotations);
  persistAnnotationsRef.current = persistAnnotations;

  const alignment = checks?.alignment ?? null;
  // The source never changes while reviewing, so neither do its sentences: keep one array, so the source
  // pane is not re-rendered each time the checks send a new alignment.
  const sourceSentencesRef = useRef<Sentence[] | null>(null);
  const incoming = alignment?.source ?? null;
  if (incoming && !sameSentences(sourceSentencesRef.current, incoming)) sourceSentencesRef.current = incoming;
  const sourceSentences = sourceSentencesRef.current;
  const alignmentRef = useRef(alignment);
  alignmentRef.current = alignment;
  const linksRef = useRef<ReturnType<typeof indexLinks> | null>(null);
  linksRef.current = useMemo(() => (alignment ? indexLinks(alignment) : null), [alignment]);
  const activeSourceRef = useRef(-1);

  /** Highlight translation ranges (the partner sentences, or a paragraph before the alignment is known). */
  const highlightRanges = (ranges: monaco.Range[]) => {
    decorationsRef.current.active?.set(mode === 'review' ? ranges.map((range) => ({ range, options: { className: 'sent-active-range', isWholeLine: false } })) : []);
  };

  /** Mark the translation's paragraph `index` as the partner of the source's active one (before alignment). */
  const highlightParagraph = (index: number) => {
    const p = parasRef.current[index];
    decorationsRef.current.active?.set(
      p && mode === 'review' ? [{ range: new monaco.Range(p.startLine, 1, p.endLine, 1), options: { isWholeLine: true, className: 'para-active-line' } }] : [],
    );
  };

  /** The translation's sentences of link `link`, as ranges of the current text. */
  const targetRangesOfLink = (link: number): monaco.Range[] => {
    const model = modelRef.current;
    const a = alignmentRef.current;
    if (!model || !a) return [];
    return a.links[link]!.target.map((i) => targetSentencesRef.current[i]).filter((s): s is Sentence => !!s).map((s) => rangeOf(model, s.start, s.end));
  };

  /** Scroll the source pane to a sentence or paragraph (a `data-…` attribute), marking the scroll as the editor's. */
  const scrollSourceTo = (selector: string, block: 'nearest' | 'start') => {
    const el = sourceRef.current?.querySelector<HTMLElement>(selector);
    if (!el || !sourceRef.current) return;
    syncRef.current = { origin: 'editor', until: Date.now() + 200 };
    if (block === 'start') sourceRef.current.scrollTop = el.offsetTop - SOURCE_HEADING_PX;
    else el.scrollIntoView({ block: 'nearest' });
  };
  const scrollSourceToSentence = (index: number, block: 'nearest' | 'start') => scrollSourceTo(`[data-sentence="${index}"]`, block);

  // Cursor and scrolling bring the partner sentence (or paragraph) into view and highlight both.
  useEffect(() => {
    const editor = activeEditor();
    const model = modelRef.current;
    if (!editor || !model) return;
    const scrollSourceToPara = (index: number, block: 'nearest' | 'start') => scrollSourceTo(`[data-index="${index}"]`, block);
    const follow = (offset: number, line: number) => {
      // The metrics bar follows the cursor a moment later: re-rendering the view on every keystroke costs a book its frame.
      window.clearTimeout(cursorTimer.current);
      cursorTimer.current = window.setTimeout(() => setCursorOffset(offset), 150);
      const a = alignmentRef.current;
      const links = linksRef.current;
      if (a && links) {
        const ti = sentenceAt(targetSentencesRef.current, offset);
        const partners = ti >= 0 ? partnersOf(a, links, 'target', ti) : null;
        if (partners) {
          highlightRanges(targetRangesOfLink(partners.link));
          setActiveSource((prev) => (sameSet(prev, partners.sentences) ? prev : new Set(partners.sentences)));
          const first = partners.sentences[0];
          if (first !== undefined) {
            activeSourceRef.current = first;
            setActivePara(a.source[first]!.paragraph);
            scrollSourceToSentence(first, 'nearest');
          }
          return;
        }
      }
      const index = paragraphAtLine(parasRef.current, line);
      setActivePara(index);
      highlightParagraph(index);
      scrollSourceToPara(index, 'nearest');
    };
    const cursor = editor.onDidChangeCursorPosition((e) => follow(model.getOffsetAt(e.position), e.position.lineNumber));
    const scroll = editor.onDidScrollChange((e) => {
      if (!e.scrollTopChanged) return;
      if (syncRef.current?.origin === 'source' && Date.now() < syncRef.current.until) return;
      const top = editor.getVisibleRanges()[0]?.getStartPosition();
      if (!top) return;
      const a = alignmentRef.current;
      const links = linksRef.current;
      if (a && links) {
        const ti = sentenceAt(targetSentencesRef.current, model.getOffsetAt(top));
        const first = ti >= 0 ? partnersOf(a, links, 'target', ti)?.sentences[0] : undefined;
        if (first !== undefined) {
          scrollSourceToSentence(first, 'start');
          return;
        }
      }
      scrollSourceToPara(paragraphAtLine(parasRef.current, top.lineNumber), 'start');
    });
    const pos = editor.getPosition();
    if (pos) follow(model.getOffsetAt(pos), pos.lineNumber);
    return () => {
      cursor.dispose();
      scroll.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeEditor, view, mode, alignment]);

  const onSourceScroll = () => {
    const pane = sourceRef.current;
    const editor = activeEditor();
    const model = modelRef.current;
    if (!pane || !editor || !model) return;
    if (syncRef.current?.origin === 'editor' && Date.now() < syncRef.current.until) return;
    const top = pane.scrollTop + SOURCE_HEADING_PX;
    const a = alignmentRef.current;
    const links = linksRef.current;
    if (a && links) {
      const els = Array.from(pane.querySelectorAll<HTMLElement>('[data-sentence]'));
      const first = els.find((el) => el.offsetTop + el.offsetHeight > top);
      const partners = first ? partnersOf(a, links, 'source', Number(first.dataset.sentence)) : null;
      const ti = partners?.sentences[0];
      const s = ti !== undefined ? targetSentencesRef.current[ti] : undefined;
      if (s) {
        syncRef.current = { origin: 'source', until: Date.now() + 200 };
        const p = model.getPositionAt(s.start);
        editor.setScrollTop(editor.getTopForPosition(p.lineNumber, p.column));
        return;
      }
    }
    const els = Array.from(pane.querySelectorAll<HTMLElement>('[data-index]'));
    const first = els.find((el) => el.offsetTop + el.offsetHeight > top);
    const p = first ? parasRef.current[Number(first.dataset.index)] : undefined;
    if (!p) return;
    syncRef.current = { origin: 'source', until: Date.now() + 200 };
    editor.setScrollTop(editor.getTopForLineNumber(p.startLine));
  };

  /** Show the partners of source sentence `index` in the translation, leaving the cursor alone. */
  const showSourceSentence = (index: number) => {
    const a = alignmentRef.current;
    const links = linksRef.current;
    const editor = activeEditor();
    if (!a || !links || !editor) return;
    const clamped = Math.max(0, Math.min(index, a.source.length - 1));
    activeSourceRef.current = clamped;
    setActiveSource((prev) => (sameSet(prev, [clamped]) ? prev : new Set([clamped])));
    setActivePara(a.source[clamped]?.paragraph ?? 0);
    // Focus follows, so a screen reader reads the sentence; keys still reach the pane's handler.
    sourceRef.current?.querySelector<HTMLElement>(`[data-sentence="${clamped}"]`)?.focus();
    const partners = partnersOf(a, links, 'source', clamped);
    if (!partners) return;
    const ranges = targetRangesOfLink(partners.link).concat(
      partners.exact ? [] : partners.sentences.map((i) => targetSentencesRef.current[i]).filter((s): s is Sentence => !!s).map((s) => rangeOf(modelRef.current!, s.start, s.end)),
    );
    syncRef.current = { origin: 'source', until: Date.now() + 300 };
    highlightRanges(ranges);
    if (ranges[0]) editor.revealRangeNearTop(ranges[0]);
  };

  /** Put the translation's cursor at the start of the partner of source sentence `index`. */
  const pickSourceSentence = (index: number) => {
    const a = alignmentRef.current;
    const links = linksRef.current;
    const editor = activeEditor();
    const model = modelRef.current;
    if (!a || !links || !editor || !model) return;
    const ti = partnersOf(a, links, 'source', index)?.sentences[0];
    const s = ti !== undefined ? targetSentencesRef.current[ti] : undefined;
    if (!s) return;
    const p = model.getPositionAt(s.start);
    editor.setPosition(p);
    editor.revealPositionNearTop(p);
    editor.focus();
  };

  /** Keyboard in the source pane: step to a sentence (or paragraph) and show its partner. */
  const stepSource = (delta: 1 | -1) => {
    if (alignmentRef.current) {
      showSourceSentence((activeSourceRef.current < 0 ? 0 : activeSourceRef.current) + (activeSourceRef.current < 0 ? 0 : delta));
      return;
    }
    const clamped = Math.max(0, Math.min(activePara + delta, sourceParas.length - 1));
    setActivePara(clamped);
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
      } else if (e.key === 'F8' && !mod && !e.altKey) {
        e.preventDefault();
        goToFinding(e.shiftKey ? 'previous' : 'next');
      } else if (e.altKey && !mod && !e.shiftKey && /^Digit[1-4]$/.test(e.code) && !document.querySelector('dialog[open]')) {
        // One key per severity: Alt+1 neutral … Alt+4 critical, on the selection (translation or source).
        e.preventDefault();
        annotateSelection(SEVERITY_KEYS[Number(e.code.slice(5)) - 1]!);
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
  }, [goToChange, goToFinding, annotateSelection, save]);

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
        <button
          type="button"
          onClick={() => {
            void save();
            // Pending annotation moves first, so the report shows them where they are.
            if (annotationTimer.current !== undefined) persistAnnotations(annotationsRef.current, true);
            setReportOpen(true);
          }}
        >
          {t('report.open')}
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
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {stats ? (
        <ChangesSummary
          stats={stats}
          mode={mode}
          sideBySide={sideBySide}
          onSideBySide={setSideBySide}
          onNext={() => goToChange('next')}
          onPrevious={() => goToChange('previous')}
          editRate={formatPercent(stats.editRate)}
        >
          {metrics ? <MetricsBar totals={metrics.totals} segment={metrics.segments[cursorSegment] ?? null} segmentIndex={cursorSegment} storedEditingMs={view?.editingMs ?? 0} /> : null}
        </ChangesSummary>
      ) : null}
      <div className="review-body">
      <div className="review-main">
      <div className={mode === 'review' ? 'panes' : 'panes hidden'} aria-hidden={mode !== 'review'}>
        {view ? (
          <SourcePane
            ref={sourceRef}
            text={view.source.text}
            paragraphs={sourceParas}
            sentences={sourceSentences}
            lang={view.source.lang}
            dir={view.source.dir}
            activeParagraph={activePara}
            activeSentences={activeSource}
            marks={sourceMarks}
            onPickParagraph={pickParagraph}
            onPickSentence={pickSourceSentence}
            onStep={stepSource}
            onEnter={() => (alignmentRef.current ? pickSourceSentence(Math.max(0, activeSourceRef.current)) : pickParagraph(activePara))}
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
      </div>
      <aside className="side-panel" aria-label={t('review.sidePanel')}>
        <div className="tabs" role="tablist" aria-label={t('review.sidePanel')}>
          <button type="button" role="tab" id="tab-problems" aria-controls="panel-problems" aria-selected={panel === 'problems'} onClick={() => setPanel('problems')}>
            {t('problems.tab', { count: findings.length })}
          </button>
          <button type="button" role="tab" id="tab-annotations" aria-controls="panel-annotations" aria-selected={panel === 'annotations'} onClick={() => setPanel('annotations')}>
            {t('annotations.tab', { count: annotations.length })}
          </button>
        </div>
        <div role="tabpanel" id="panel-problems" aria-labelledby="tab-problems" hidden={panel !== 'problems'}>
          <ProblemsPanel
            findings={findings}
            describe={describe}
            fixLabel={fixLabel}
            categoryName={categoryName}
            current={currentFinding}
            checking={checking && !checks}
            onJump={jumpToFinding}
            onFix={panelActions.fix}
            onAnnotate={panelActions.annotate}
            onIgnore={panelActions.ignore}
            onAddWord={panelActions.addWord}
          />
        </div>
        <div role="tabpanel" id="panel-annotations" aria-labelledby="tab-annotations" hidden={panel !== 'annotations'}>
          <div className="panel-actions">
            <button type="button" onClick={() => annotateSelection('minor')} aria-keyshortcuts="Alt+1 Alt+2 Alt+3 Alt+4">
              {t('annotations.annotateSelection')}
            </button>
          </div>
          <AnnotationsPanel
            annotations={annotations}
            categoryName={categoryName}
            current={currentAnnotation}
            invalidLines={invalidLines}
            onJump={jumpToAnnotation}
            onEdit={(a) => setAnnotating({ side: a.side, start: a.start, end: a.end, initial: { severity: a.severity, category: a.category, comment: a.comment }, existing: a })}
            onDelete={deleteAnnotation}
          />
        </div>
      </aside>
      </div>
      {reportOpen ? <ReportDialog articleId={id} onClose={() => setReportOpen(false)} onDone={setNotice} /> : null}
      {annotating && view ? (
        <AnnotateDialog
          quote={(annotating.side === 'target' ? (modelRef.current?.getValue() ?? '') : view.source.text).slice(annotating.start, annotating.end)}
          side={annotating.side}
          initial={annotating.initial}
          isNew={!annotating.existing}
          categoryName={categoryName}
          onSave={saveDraft}
          onCancel={() => {
            returnFocus(annotating.side);
            setAnnotating(null);
          }}
        />
      ) : null}
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

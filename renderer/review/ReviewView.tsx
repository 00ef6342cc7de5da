import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleView, ReviewStatus, UnitNote } from '../../main/contract/api';
import { blankTags } from '../../main/common/tags';
import type { Finding, MqmSeverity } from '../../main/contract/review';
import { splitParagraphs } from '../../main/common/paragraphs';
import { api, toUiError, type UiError } from '../api';
import { AnnotateDialog } from '../components/AnnotateDialog';
import { ChangesSummary } from '../components/ChangesSummary';
import { ConflictDialog } from '../components/ConflictDialog';
import { MetricsBar } from '../components/MetricsBar';
import { Notice, type NoticeMessage } from '../components/Notice';
import { ReportDialog } from '../components/ReportDialog';
import { SegmentBar } from '../components/SegmentBar';
import { SourcePane, type SourceMark } from '../components/SourcePane';
import { downloadBase64 } from '../lib/download';
import { formatPercent, languageName } from '../lib/format';
import type { DocumentState } from './article-document';
import { StateCell } from './contrib/contribution';
import { cycleFocus, focusFirstControl } from './focus-cycle';
import type { ReviewCommand } from './keymap';
import { revealSpan } from './ranges';
import { ReviewToolbar, type ReviewMode } from './ReviewToolbar';
import { SidePanel, type PanelName } from './SidePanel';
import { sourceMarks, tagMarks } from './source-marks';
import { useAnnotating } from './use-annotating';
import { useChecks } from './use-checks';
import { useCursorOffset } from './use-cursor-offset';
import { useDiffEditor } from './use-diff-editor';
import { useFindings } from './use-findings';
import { segmentAtOffset, segmentScores, useLiveMetrics } from './use-live-metrics';
import { useReviewKeys } from './use-review-keys';
import { useReviewLabels } from './use-review-labels';
import { useReviewSession } from './use-review-session';
import { useSegmentWorkflow } from './use-segment-workflow';

const IDLE_DOC: DocumentState = { dirty: false, saveState: 'idle', conflict: null };
const NO_SUBSCRIBE = () => () => undefined;
const NO_NOTES: readonly UnitNote[] = [];
const NO_FINDINGS: Finding[] = [];
const SEVERITY_COMMANDS: Partial<Record<ReviewCommand, MqmSeverity>> = {
  annotateNeutral: 'neutral',
  annotateMinor: 'minor',
  annotateMajor: 'major',
  annotateCritical: 'critical',
};

/** A contribution's state in React (its initial value until the session exists). */
function useCell<T>(cell: StateCell<T> | undefined, fallback: T): T {
  return useSyncExternalStore(cell?.subscribe ?? NO_SUBSCRIBE, cell?.get ?? (() => fallback));
}

/**
 * The review of one article: the layout (toolbar, counts and metrics, source | translation or the
 * Changes view, the side panel, dialogs) and the wiring between the article's working copy
 * (ArticleDocument), the editor's contributions (contrib/*), the checks and the keymap.
 */
export function ReviewView(props: { id: string; onBack: () => void; onError: (e: UiError) => void }) {
  const { t, i18n } = useTranslation();
  const { id, onError, onBack } = props;
  const [view, setView] = useState<ArticleView | null>(null);
  const [mode, setMode] = useState<ReviewMode>('review');
  const [sideBySide, setSideBySide] = useState(true);
  const [status, setStatus] = useState<ReviewStatus>('not-started');
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [panel, setPanel] = useState<PanelName>('problems');
  const [reportOpen, setReportOpen] = useState(false);
  const editorHost = useRef<HTMLDivElement>(null);
  const diffHost = useRef<HTMLDivElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const sideRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.getArticle({ id }).then(
      (v) => {
        if (cancelled) return;
        setStatus(v.status);
        setView(v);
      },
      (err) => {
        if (cancelled) return;
        onError(toUiError(err));
        onBack();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, onError, onBack]);

  const checks = useChecks(id, onError);
  const { attach: attachChecks, schedule: scheduleChecks } = checks;
  // The figures are of the text without its inline tags (main/common/metrics/article.ts), as on the server.
  const live = useLiveMetrics(useMemo(() => (view ? { baseline: blankTags(view.baseline, view.baselineTags ?? []), lang: view.target.lang, text: blankTags(view.target.text, view.target.tags ?? []) } : null), [view]));
  const metrics = live.snapshot;
  const session = useReviewSession(id, view, editorHost, {
    onError,
    onSaved: () => setStatus((s) => (s === 'not-started' ? 'in-review' : s)),
    onEdit: (offset) => {
      scheduleChecks();
      live.activity(offset);
      session?.editing.record(metrics?.segments.key[segmentAtOffset(metrics, offset)]);
    },
    onRecount: (text) => live.update(blankTags(text, session?.tags.chips.get() ?? [])),
    onSegmentUpdate: (u) => setStatus(u.status),
    onLockedEdit: (number) => setNotice({ key: 'segments.lockedEditor', params: { number } }),
  });
  const doc = useSyncExternalStore(session?.doc.subscribe ?? NO_SUBSCRIBE, session?.doc.getState ?? (() => IDLE_DOC));
  const annotations = useCell(session?.annotations.state, { annotations: [], invalidLines: 0, current: null });
  const sync = useCell(session?.sync.state, { paragraph: 0, sentences: new Set<number>() });
  const stats = useCell(session?.changes.stats, view?.stats ?? null);
  const currentFinding = useCell(session?.findings.current, -1);
  const sourceParas = useMemo(() => (view ? splitParagraphs(view.source.text) : []), [view]);
  const workflow = useSegmentWorkflow(session, view, { findings: checks.checks?.findings ?? NO_FINDINGS, annotations: annotations.annotations, sourceParagraphs: sourceParas, notify: setNotice });
  const diff = useDiffEditor(session, diffHost, mode === 'changes', {
    sideBySide,
    dir: view?.target.dir ?? 'ltr',
    originalLabel: t('changes.baseline'),
    modifiedLabel: t('changes.current'),
  });
  const activeEditor = useCallback(() => (mode === 'changes' && diff ? diff.getModifiedEditor() : (session?.editor ?? null)), [mode, diff, session]);

  // The editor's accessible name follows the UI language.
  useEffect(() => {
    if (session && view) session.editor.updateOptions({ ariaLabel: t('review.translationEditor', { lang: languageName(view.target.lang) }) });
  }, [session, view, t]);
  useEffect(() => {
    session?.sync.setPane(sourceRef.current);
    session?.sync.setEnabled(mode === 'review');
  }, [session, mode]);
  useEffect(() => {
    if (!session) return;
    attachChecks(session.doc.model);
    return () => attachChecks(null);
  }, [session, attachChecks]);
  const cursorOffset = useCursorOffset(mode === 'changes' && diff ? diff.getModifiedEditor() : session?.editor);
  const { describe, categoryName, fixLabel, describeTag } = useReviewLabels(session);

  // ---- annotations ------------------------------------------------------------------------------
  const annotating = useAnnotating(session, view, activeEditor, sourceRef, setNotice, setPanel);

  // ---- checks -------------------------------------------------------------------------------------
  const { fromFinding } = annotating;
  const annotateFinding = useCallback((f: Finding) => fromFinding(f, describe(f)), [fromFinding, describe]);
  const { findings, actions: findingActions } = useFindings(session, checks, { id, onError, notify: setNotice, describe, fixLabel, annotateFinding, activeEditor, setPanel, sourceText: view?.source.text ?? '' });

  // ---- commands -----------------------------------------------------------------------------------
  const save = useCallback(() => void session?.doc.save(), [session]);
  const exportArticle = useCallback(async () => {
    await session?.doc.save();
    try {
      const res = await api.exportArticle({ id });
      if (res.dataBase64) {
        downloadBase64(res.fileName, res.dataBase64);
        setNotice({ key: 'review.exported', params: { name: res.fileName } });
      } else if (res.savedPath) setNotice({ key: 'review.exportedTo', params: { path: res.savedPath } });
    } catch (err) {
      onError(toUiError(err));
    }
  }, [id, onError, session]);
  const changeStatus = async (next: ReviewStatus) => {
    setStatus(next);
    try {
      await api.setStatus({ id, status: next });
      setNotice({ key: 'review.statusChanged', params: { status: { key: `status.${next}` } } });
    } catch (err) {
      onError(toUiError(err));
    }
  };
  const openReport = () => {
    save();
    session?.annotations.flush(); // pending annotation moves first, so the report shows them where they are
    setReportOpen(true);
  };
  const focusRegions = () => [
    { el: toolbarRef.current, focus: () => focusFirstControl(toolbarRef.current) },
    { el: sourceRef.current, focus: () => sourceRef.current?.focus() },
    { el: (mode === 'changes' ? diffHost : editorHost).current, focus: () => activeEditor()?.focus() },
    { el: sideRef.current, focus: () => sideRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus() },
  ];
  const run = (command: ReviewCommand) => {
    const editor = activeEditor();
    const severity = SEVERITY_COMMANDS[command];
    if (severity) return annotating.fromSelection(severity);
    if (command === 'save') return save();
    if (command === 'nextPane' || command === 'previousPane') return cycleFocus(focusRegions(), command === 'nextPane' ? 1 : -1);
    if (mode === 'review' && workflow.run(command)) return;
    if (!editor || !session) return;
    if (command === 'insertTag') {
      const tag = session.tags.insertNext(editor);
      return setNotice(tag ? { key: 'tags.inserted', params: { tag: describeTag(tag) } } : { key: 'tags.noneMissing' });
    }
    if (command === 'nextChange' || command === 'previousChange') session.changes.goTo(editor, command === 'nextChange' ? 'next' : 'previous');
    else if (command === 'nextProblem' || command === 'previousProblem') {
      setPanel('problems');
      session.findings.goTo(editor, command === 'nextProblem' ? 'next' : 'previous', !!sourceRef.current?.contains(document.activeElement));
    }
  };
  useReviewKeys(run, () => !!session?.doc.isDirty(), save);

  // ---- outside changes and native menus ------------------------------------------------------------
  useEffect(
    () =>
      api.onEvent((name, payload) => {
        if (name === 'menu') {
          const command = (payload as { command: string }).command;
          if (command === 'save') save();
          else if (command === 'export') void exportArticle();
          else if (command === 'changes' || command === 'review') setMode(command);
          return;
        }
        if (name !== 'articleChangedOnDisk' || !session) return;
        const change = payload as { id: string; revision: string; deleted: boolean; byProject?: boolean };
        if (change.id !== id) return;
        session.doc.changedOnDisk(change).then(
          (what) => {
            if (what === 'deleted') setNotice({ key: 'review.deleted' });
            else if (what === 'reloaded') setNotice({ key: change.byProject ? 'review.reloadedByProject' : 'review.reloaded' });
          },
          (err) => onError(toUiError(err)),
        );
      }),
    [exportArticle, id, onError, save, session],
  );

  useEffect(() => {
    document.title = `${doc.dirty ? '● ' : ''}${id} — Calque`;
    return () => {
      document.title = 'Calque';
    };
  }, [doc.dirty, id]);

  const back = async () => {
    await session?.doc.save();
    onBack();
  };
  // Typing moves the translation's annotations, but the source's marks change only when a source
  // annotation does: the source pane (thousands of spans in a book) re-renders only then.
  const marksKey = JSON.stringify([...tagMarks(view?.source.tags ?? [], describeTag), ...sourceMarks(annotations.annotations, categoryName, t)]);
  const marks = useMemo(() => JSON.parse(marksKey) as SourceMark[], [marksKey]);
  const editorNow = activeEditor();

  return (
    <section className="review" aria-label={id}>
      <ReviewToolbar
        ref={toolbarRef}
        id={id}
        mode={mode}
        onMode={setMode}
        status={status}
        onStatus={(s) => void changeStatus(s)}
        doc={doc}
        onBack={() => void back()}
        onRevertParagraph={() => editorNow && session?.changes.revertParagraph(editorNow)}
        onRevertArticle={() => editorNow && session?.changes.revertArticle(editorNow)}
        onExport={() => void exportArticle()}
        onReport={openReport}
        onSave={save}
      />
      <Notice message={notice} onDismiss={() => setNotice(null)} />
      {stats ? (
        <ChangesSummary
          stats={stats}
          mode={mode}
          sideBySide={sideBySide}
          onSideBySide={setSideBySide}
          onNext={() => run('nextChange')}
          onPrevious={() => run('previousChange')}
          editRate={formatPercent(stats.editRate)}
        >
          {metrics ? <MetricsBar totals={metrics.totals} segment={segmentScores(metrics, segmentAtOffset(metrics, cursorOffset))} segmentIndex={segmentAtOffset(metrics, cursorOffset)} storedEditingMs={view?.editingMs ?? 0} tagAccuracy={checks.checks?.tagAccuracy} /> : null}
        </ChangesSummary>
      ) : null}
      {mode === 'review' ? (
        <SegmentBar
          snap={workflow.snap}
          filter={workflow.filter}
          onFilter={workflow.setFilter}
          search={workflow.search}
          onSearch={workflow.setSearch}
          shown={workflow.visible ? workflow.visible.filter(Boolean).length : null}
          onConfirm={() => void workflow.setState('confirmed', true)}
          onReject={() => void workflow.setState('rejected', false)}
          onToggleLock={() => void workflow.toggleLock()}
        />
      ) : null}
      <div className="review-body">
        <div className="review-main">
          <div className={mode === 'review' ? 'panes' : 'panes hidden'} aria-hidden={mode !== 'review'}>
            {view ? (
              <SourcePane
                ref={sourceRef}
                text={view.source.text}
                paragraphs={sourceParas}
                sentences={checks.checks?.alignment.source ?? null}
                lang={view.source.lang}
                dir={view.source.dir}
                activeParagraph={sync.paragraph}
                activeSentences={sync.sentences}
                marks={marks}
                segments={workflow.paragraphSegments}
                onPickParagraph={(i) => session?.sync.pickParagraph(i)}
                onPickSentence={(i) => session?.sync.pickSentence(i)}
                onStep={(d) => session?.sync.step(d)}
                onEnter={() => session?.sync.enter()}
                onScroll={() => session?.sync.sourceScrolled()}
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
            {/* Which side is which, over each half: Monaco lays the two out left to right in every UI language. */}
            <div className={sideBySide ? 'pane-heading diff-headings' : 'pane-heading'} dir="ltr">
              <span dir={i18n.dir()}>{sideBySide ? t('changes.baseline') : t('changes.summary')}</span>
              {sideBySide ? <span dir={i18n.dir()}>{t('changes.current')}</span> : null}
            </div>
            <div ref={diffHost} className="monaco-host" dir="ltr" />
          </div>
        </div>
        <SidePanel
          ref={sideRef}
          panel={panel}
          onPanel={setPanel}
          findings={findings}
          currentFinding={currentFinding}
          checking={checks.checking && !checks.checks}
          describe={describe}
          fixLabel={fixLabel}
          categoryName={categoryName}
          actions={findingActions}
          annotations={annotations}
          onAnnotateSelection={() => annotating.fromSelection('minor')}
          onJumpAnnotation={(a) => session?.annotations.jump(a, activeEditor(), (s, e) => session.sync.showSource(s, e))}
          onEditAnnotation={annotating.edit}
          notes={view?.notes ?? NO_NOTES}
          onJumpNote={(n) => {
            const editor = activeEditor();
            if (editor) revealSpan(editor, n.offset, n.offset);
          }}
          onDeleteAnnotation={(a) => {
            session?.annotations.remove(a);
            setNotice({ key: 'annotations.deleted' });
          }}
        />
      </div>
      {reportOpen ? <ReportDialog articleId={id} onClose={() => setReportOpen(false)} onDone={setNotice} /> : null}
      {annotating.dialog && view ? (
        <AnnotateDialog
          quote={annotating.dialog.quote}
          side={annotating.dialog.side}
          initial={annotating.dialog.initial}
          isNew={!annotating.dialog.existing}
          categoryName={categoryName}
          onSave={annotating.save}
          onCancel={annotating.cancel}
        />
      ) : null}
      {doc.conflict && view && session ? (
        <ConflictDialog
          path={view.target.path}
          mine={session.doc.model.getValue()}
          theirs={doc.conflict.theirs}
          onKeepMine={() => session.doc.resolveConflict('mine')}
          onTakeTheirs={() => session.doc.resolveConflict('theirs')}
        />
      ) : null}
    </section>
  );
}

import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../main/contract/review';
import { api, toUiError, type UiError } from '../api';
import type { NoticeMessage } from '../components/Notice';
import type { Editor } from './contrib/contribution';
import type { FindingActions, PanelName } from './SidePanel';
import type { useChecks } from './use-checks';
import type { ReviewSession } from './use-review-session';
import { ignoreItems, segmentNumbering } from './finding-groups';

const NO_FINDINGS: readonly Finding[] = [];

/**
 * The checks' answers into the editor (findings contribution, sentence sync) and what the problems panel
 * and the quick-fix menu do with a finding: fix, annotate, ignore here or in the project, accept a word.
 */
export function useFindings(
  session: ReviewSession | null,
  checks: ReturnType<typeof useChecks>,
  deps: {
    id: string;
    onError: (e: UiError) => void;
    notify: (n: NoticeMessage) => void;
    describe: (f: Finding) => string;
    fixLabel: (fix: Finding['fixes'][number]) => string;
    annotateFinding: (f: Finding) => void;
    activeEditor: () => Editor | null;
    setPanel: (p: PanelName) => void;
    /** The source text, for the segment numbers of source-side findings. */
    sourceText: string;
  },
): { findings: readonly Finding[]; actions: FindingActions } {
  const { t } = useTranslation();
  const { id, onError, notify, describe, fixLabel, annotateFinding, activeEditor, setPanel, sourceText } = deps;
  const result = checks.checks;
  const findings = result?.findings ?? NO_FINDINGS;
  const { runNow: recheck } = checks;

  const ignore = useCallback(
    (f: Finding, scope: 'here' | 'project') => {
      void api.ignoreFinding({ id, rule: f.rule, text: f.text, scope }).then(
        () => {
          notify({ key: scope === 'here' ? 'problems.ignoredHere' : 'problems.ignoredRule', params: { rule: f.rule } });
          void recheck();
        },
        (err) => onError(toUiError(err)),
      );
    },
    [id, onError, notify, recheck],
  );
  const ignoreAll = useCallback(
    (list: readonly Finding[], scope: 'here' | 'everywhere') => {
      if (!list.length) return;
      void api.ignoreFindings({ id, items: ignoreItems(list), scope }).then(
        () => {
          notify({ key: scope === 'here' ? 'problems.ignoredAllHere' : 'problems.ignoredEverywhere', params: { count: list.length } });
          void recheck();
        },
        (err) => onError(toUiError(err)),
      );
    },
    [id, onError, notify, recheck],
  );
  // Segment numbers of the text the findings were made on (computed once per check, not per render).
  const numbering = useMemo(() => {
    if (!findings.length || !session || session.doc.model.isDisposed()) return () => 0;
    const target = segmentNumbering(session.doc.model.getValue());
    const source = segmentNumbering(sourceText);
    return (f: Finding) => (f.side === 'target' ? target(f.start) : source(f.start));
  }, [session, sourceText, findings]);
  const addWord = useCallback(
    (f: Finding) => {
      void api.addToWordList({ word: f.text }).then(
        () => {
          notify({ key: 'problems.addedToWordList', params: { word: f.text } });
          void recheck();
        },
        (err) => onError(toUiError(err)),
      );
    },
    [onError, notify, recheck],
  );

  useEffect(() => {
    if (!session) return;
    const alignment = result?.alignment ?? null;
    session.sync.setAlignment(alignment);
    session.findings.set(findings, alignment, {
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
  }, [session, result, findings, describe, fixLabel, ignore, addWord, annotateFinding, t]);

  // Stable handlers, so the (memoised) problems panel does not re-render on every keystroke.
  const actions = useMemo<FindingActions>(
    () => ({
      jump: (i) => {
        setPanel('problems');
        session?.findings.jump(i, activeEditor());
      },
      fix: (i, k) => {
        const editor = activeEditor();
        if (editor && session?.findings.applyFix(editor, i, k)) void recheck();
      },
      fixAll: (indices) => {
        const editor = activeEditor();
        const fixed = editor && session ? session.findings.applyFixes(editor, indices) : 0;
        if (fixed) {
          notify({ key: 'problems.fixedAll', params: { count: fixed } });
          void recheck();
        }
      },
      ignoreAll: (indices, scope) => ignoreAll(indices.map((i) => findings[i]!).filter(Boolean), scope),
      segmentOf: (i) => (findings[i] ? numbering(findings[i]) : 0),
      annotate: (i) => annotateFinding(findings[i]!),
      ignore: (i, scope) => ignore(findings[i]!, scope),
      addWord: (i) => addWord(findings[i]!),
    }),
    [session, activeEditor, recheck, annotateFinding, ignore, ignoreAll, addWord, findings, setPanel, numbering, notify],
  );

  return { findings, actions };
}

import { forwardRef, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitNote } from '../../main/contract/api';
import type { Annotation, Finding } from '../../main/contract/review';
import { AnnotationsPanel } from '../components/AnnotationsPanel';
import { NotesPanel } from '../components/NotesPanel';
import { ProblemsPanel } from '../components/ProblemsPanel';
import type { AnnotationsState } from './contrib/annotations';
import { countProblems, totalProblems } from '../../main/common/problems';

export type PanelName = 'problems' | 'annotations' | 'notes';

export interface FindingActions {
  jump: (index: number) => void;
  fix: (index: number, fix: number) => void;
  /** A group's "fix all": one edit operation, one undo step. */
  fixAll: (indices: readonly number[]) => void;
  /** A group's "ignore all": one write, here or for the whole project. */
  ignoreAll: (indices: readonly number[], scope: 'here' | 'everywhere') => void;
  /** The segment number (1-based, as in the gutter) a finding is in. */
  segmentOf: (index: number) => number;
  annotate: (index: number) => void;
  ignore: (index: number, scope: 'here' | 'project') => void;
  addWord: (index: number) => void;
}

/** The side panel: the problems the checks found, the article's annotations and the file's notes, as tabs. */
export const SidePanel = forwardRef<
  HTMLElement,
  {
    panel: PanelName;
    onPanel: (p: PanelName) => void;
    findings: readonly Finding[];
    currentFinding: number;
    checking: boolean;
    describe: (f: Finding) => string;
    fixLabel: (fix: Finding['fixes'][number]) => string;
    categoryName: (c: string) => string;
    actions: FindingActions;
    annotations: AnnotationsState;
    onAnnotateSelection: () => void;
    onJumpAnnotation: (a: Annotation) => void;
    onEditAnnotation: (a: Annotation) => void;
    onDeleteAnnotation: (a: Annotation) => void;
    /** The file's own notes (XLIFF); the tab is shown only when there are some. */
    notes: readonly UnitNote[];
    onJumpNote: (n: UnitNote) => void;
  }
>(function SidePanel(props, ref) {
  const { t } = useTranslation();
  const { panel, findings } = props;
  // Counted once per check answer, not at every render (every keystroke): a book has 22,800 findings.
  const problems = useMemo(() => totalProblems(countProblems(findings)), [findings]);
  return (
    <aside ref={ref} className="side-panel" aria-label={t('review.sidePanel')}>
      <div className="tabs" role="tablist" aria-label={t('review.sidePanel')}>
        <button type="button" role="tab" id="tab-problems" aria-controls="panel-problems" aria-selected={panel === 'problems'} onClick={() => props.onPanel('problems')}>
          {t('problems.tab', { count: problems })}
        </button>
        <button type="button" role="tab" id="tab-annotations" aria-controls="panel-annotations" aria-selected={panel === 'annotations'} onClick={() => props.onPanel('annotations')}>
          {t('annotations.tab', { count: props.annotations.annotations.length })}
        </button>
        {props.notes.length ? (
          <button type="button" role="tab" id="tab-notes" aria-controls="panel-notes" aria-selected={panel === 'notes'} onClick={() => props.onPanel('notes')}>
            {t('notes.tab', { count: props.notes.length })}
          </button>
        ) : null}
      </div>
      <div role="tabpanel" id="panel-problems" aria-labelledby="tab-problems" hidden={panel !== 'problems'}>
        <ProblemsPanel
          findings={props.findings}
          describe={props.describe}
          fixLabel={props.fixLabel}
          categoryName={props.categoryName}
          current={props.currentFinding}
          checking={props.checking}
          actions={props.actions}
        />
      </div>
      <div role="tabpanel" id="panel-annotations" aria-labelledby="tab-annotations" hidden={panel !== 'annotations'}>
        <div className="panel-actions">
          <button type="button" onClick={props.onAnnotateSelection} aria-keyshortcuts="Alt+1 Alt+2 Alt+3 Alt+4">
            {t('annotations.annotateSelection')}
          </button>
        </div>
        <AnnotationsPanel
          annotations={props.annotations.annotations}
          categoryName={props.categoryName}
          current={props.annotations.current}
          invalidLines={props.annotations.invalidLines}
          onJump={props.onJumpAnnotation}
          onEdit={props.onEditAnnotation}
          onDelete={props.onDeleteAnnotation}
        />
      </div>
      {props.notes.length ? (
        <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" hidden={panel !== 'notes'}>
          <NotesPanel notes={props.notes} onJump={props.onJumpNote} />
        </div>
      ) : null}
    </aside>
  );
});

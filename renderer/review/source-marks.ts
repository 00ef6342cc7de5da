import type { TFunction } from 'i18next';
import type { Annotation } from '../../main/contract/review';
import type { SourceMark } from '../components/SourcePane';

/** What the source pane underlines: the source-side annotations, by severity, each explained in its title. */
export function sourceMarks(annotations: readonly Annotation[], categoryName: (c: string) => string, t: TFunction): SourceMark[] {
  return annotations
    .filter((a) => a.side === 'source' && !a.orphaned)
    .map((a) => ({ start: a.start, end: a.end, className: `ann ann-${a.severity}`, title: `${categoryName(a.category)} · ${t(`severity.${a.severity}`)}${a.comment ? ` — ${a.comment}` : ''}` }));
}

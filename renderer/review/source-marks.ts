import type { TFunction } from 'i18next';
import type { TagSpan } from '../../main/contract/api';
import type { Annotation } from '../../main/contract/review';
import type { SourceMark } from '../components/SourcePane';

/** What the source pane underlines: the source-side annotations, by severity, each explained in its title. */
export function sourceMarks(annotations: readonly Annotation[], categoryName: (c: string) => string, t: TFunction): SourceMark[] {
  return annotations
    .filter((a) => a.side === 'source' && !a.orphaned)
    .map((a) => ({ start: a.start, end: a.end, className: `ann ann-${a.severity}`, title: `${categoryName(a.category)} · ${t(`severity.${a.severity}`)}${a.comment ? ` — ${a.comment}` : ''}` }));
}

/** A tag as read out: "Tag <1>: bold, opening". */
export function tagLabel(tag: TagSpan, t: TFunction): string {
  return t('tags.label', { display: tag.display, type: tag.type, kind: t(`tags.kind.${tag.kind}`) });
}

/** The source's inline tags as chips (the same look as in the translation), each named in its title. */
export function tagMarks(tags: readonly TagSpan[], label: (tag: TagSpan) => string): SourceMark[] {
  return tags.map((tag) => ({ start: tag.start, end: tag.end, className: `tag-chip tag-${tag.kind}`, title: label(tag) }));
}

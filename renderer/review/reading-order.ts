import type { DocumentAlignment, Finding } from '../../main/contract/review';
import { indexLinks, partnersOf, sentenceAt } from '../../main/common/alignment-lookup';

/**
 * Where a finding sits in reading order, as an offset of the translation: its own start on the target
 * side; on the source side (a number or name missing from the translation), the start of the partner
 * of the source sentence it is in, so F8 visits it between the translation's neighbouring findings.
 * Returns the findings' indices in that order, with their anchors.
 */
export function readingOrder(findings: readonly Finding[], alignment: DocumentAlignment | null): { index: number; at: number }[] {
  const links = alignment ? indexLinks(alignment) : null;
  const anchor = (f: Finding): number => {
    if (f.side === 'target') return f.start;
    if (!alignment || !links) return Number.MAX_SAFE_INTEGER;
    const si = sentenceAt(alignment.source, f.start);
    const ti = si >= 0 ? partnersOf(alignment, links, 'source', si)?.sentences[0] : undefined;
    return ti !== undefined ? (alignment.target[ti]?.start ?? 0) : 0;
  };
  const keyed = findings.map((f, index) => ({ index, at: anchor(f), source: f.side === 'source' ? 1 : 0, f }));
  keyed.sort((a, b) => a.at - b.at || a.source - b.source || a.f.start - b.f.start || a.f.end - b.f.end || a.index - b.index);
  return keyed.map(({ index, at }) => ({ index, at }));
}

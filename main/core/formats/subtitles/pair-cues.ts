import type { Document, SegmentGroups, Unit } from '../../../contract/document.js';

/**
 * Which cues of a subtitle pair correspond (`talk.pt.srt` + `talk.en.srt`): by timing, not by the
 * sentence aligner, because cue boundaries are what a viewer sees together on screen. Cues overlapping
 * for a good part of the shorter one belong together; a chain of overlaps (the translator merged two
 * cues, or split one) is one group; a cue that overlaps nothing on the other side is a group alone,
 * so the other side shows nothing there instead of shifting every later cue.
 */

interface Timed {
  id?: string;
  startMs: number;
  endMs: number;
}

/** Share of the shorter cue's duration two cues must overlap to be shown together. */
const MIN_OVERLAP = 0.3;

function together(a: Timed, b: Timed): boolean {
  const overlap = Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs);
  const shorter = Math.min(a.endMs - a.startMs, b.endMs - b.startMs);
  if (shorter <= 0) return a.startMs === b.startMs;
  return overlap >= MIN_OVERLAP * shorter;
}

/** Groups of cue indices, in file order, that the two panes show side by side. */
export function pairCues(source: readonly Timed[], target: readonly Timed[]): SegmentGroups['groups'] {
  const groups: SegmentGroups['groups'] = [];
  let i = 0;
  let j = 0;
  while (i < source.length || j < target.length) {
    if (i < source.length && j < target.length && together(source[i]!, target[j]!)) {
      const g = { source: [i++], target: [j++] };
      for (;;) {
        if (i < source.length && together(source[i]!, target[g.target[g.target.length - 1]!]!)) g.source.push(i++);
        else if (j < target.length && together(target[j]!, source[g.source[g.source.length - 1]!]!)) g.target.push(j++);
        else break;
      }
      groups.push(g);
    } else if (j >= target.length || (i < source.length && source[i]!.startMs <= target[j]!.startMs)) groups.push({ source: [i++], target: [] });
    else groups.push({ source: [], target: [j++] });
  }
  return groups;
}

const timedUnits = (doc: Document): (Timed & Unit)[] | null => (doc.units.every((u) => u.timing) ? doc.units.map((u) => ({ ...u, ...u.timing! })) : null);

/** The segment groups of a subtitle pair read as documents (one segment per cue), or undefined when a side has no timings. */
export function subtitleGroups(source: Document, target: Document): SegmentGroups | undefined {
  const s = timedUnits(source);
  const t = timedUnits(target);
  if (!s || !t) return undefined;
  return { source: s.length, target: t.length, groups: pairCues(s, t) };
}

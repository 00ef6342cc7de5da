import { detectLineEnding } from '../../text/encoding.js';
import { escapeStyleOf, type Patch, type XmlElement } from '../xml/index.js';
import { spliceXml } from '../xml/splice.js';
import { targetTexts, type ParsedXliff, type SegmentSite, type UnitSite } from './parse.js';

/**
 * The parse of the file a save wrote, from the parse it patched: a save changes a few units of a file
 * that may be 10 MB, and reading all of it again costs more than the save's whole budget. The units
 * a patch touched are read again from the new text; every other unit's site is its old one on the
 * copied tree. Null when a patch is not inside a unit or a unit reads back differently than it should
 * (then the file is parsed as usual). tests/core/formats/xliff-rebase.test.ts compares the result
 * with a fresh parse of the same text.
 */
export function rebasedParse(file: ParsedXliff, raw: string, patches: readonly Patch[], path: string): ParsedXliff | null {
  const touched = new Map<UnitSite, true>();
  for (const p of patches) {
    const unit = unitAround(file.units, p);
    if (!unit) return null;
    touched.set(unit, true);
  }
  const spliced = spliceXml(file.xml, raw, patches, [...touched.keys()].map((u) => u.el), path);
  const units: UnitSite[] = [];
  for (const old of file.units) {
    const fresh = spliced.reparsed.get(old.el);
    if (fresh) {
      let k = 0;
      const unit = file.reread(fresh, old.id, raw, () => old.segments[k++]?.id ?? '');
      if (!sameSegments(old, unit)) return null;
      units.push(unit);
    } else units.push(movedSite(old, spliced.moved));
  }
  return { ...file, text: { ...file.text, raw }, xml: spliced.xml, units, newline: detectLineEnding(raw), style: escapeStyleOf(targetTexts(raw, units)) };
}

/** The unit whose element holds the patch (units are in document order, none inside another). */
function unitAround(units: readonly UnitSite[], p: Patch): UnitSite | undefined {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = units[mid]!.el;
    if (p.end <= el.start) hi = mid - 1;
    else if (p.start >= el.end) lo = mid + 1;
    else return p.start > el.start && p.end < el.end ? units[mid] : undefined;
  }
  return undefined;
}

/** A patch never changes a unit's sources: the same segments, by id and mid, must read back. */
function sameSegments(a: UnitSite, b: UnitSite): boolean {
  return a.segments.length === b.segments.length && a.segments.every((s, i) => s.id === b.segments[i]!.id && s.mid === b.segments[i]!.mid);
}

/** An untouched unit's site on the new tree (its pieces hold no offsets and are shared); itself when its element is shared. */
function movedSite(u: UnitSite, moved: (el: XmlElement) => XmlElement): UnitSite {
  const el = moved(u.el);
  if (el === u.el) return u;
  // Assignments, not spreads of optional fields: this runs for every unit of a 10 MB file on each save.
  const out: UnitSite = { ...u, el, segments: u.segments.map((s) => movedSegment(s, moved)) };
  if (u.sourceEl) out.sourceEl = moved(u.sourceEl);
  if (u.segSourceEl) out.segSourceEl = moved(u.segSourceEl);
  if (u.targetEl) out.targetEl = moved(u.targetEl);
  return out;
}

function movedSegment(s: SegmentSite, moved: (el: XmlElement) => XmlElement): SegmentSite {
  const out: SegmentSite = { ...s, el: moved(s.el) };
  if (s.targetEl) out.targetEl = moved(s.targetEl);
  if (s.stateSite) out.stateSite = { ...s.stateSite, el: moved(s.stateSite.el) };
  return out;
}

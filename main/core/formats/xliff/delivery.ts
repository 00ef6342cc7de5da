import type { Document, InlineTag, Piece } from '../../../contract/document.js';
import { segmentAt } from '../../../contract/document.js';
import type { DeliveryAnnotation, DeliveryReview } from '../registry.js';
import { escapeAttribute } from '../xml/index.js';
import { writeXliff } from './write.js';

/**
 * The XLIFF a reviewer delivers: the file with each segment's state set from the review (the state
 * is written in the dialect's own terms: a reviewed segment becomes Trados ApprovedTranslation,
 * memoQ Reviewer1Confirmed, Phrase confirmed, 1.2 signed-off) and the MQM annotations in it — as
 * `<note>`s in XLIFF 1.2, as ITS 2.0 `locQualityIssue` marks around the annotated text in 2.x (a
 * `<note>` when the range crosses a tag, where a mark could not nest).
 */

export type DeliveryOptions = Partial<DeliveryReview>;

export function xliffForDelivery(doc: Document, original: Uint8Array, opts: DeliveryOptions = {}): Uint8Array {
  const v2 = doc.dialect?.xliff === 'xliff2';
  const notes = new Map<string, string[]>();
  const marks = new Map<string, { from: number; to: number; a: DeliveryAnnotation }[]>();
  for (const a of opts.annotations ?? []) {
    const seg = segmentAt(doc, 'target', a.start);
    const t = seg?.target;
    if (!seg || !t) continue;
    const unit = doc.units.find((u) => u.segments.includes(seg))!;
    const from = a.start - t.start;
    const to = Math.min(a.end, t.end) - t.start;
    const segMarks = marks.get(seg.id) ?? [];
    if (v2 && to > from && !crossesTag(t.content, from, to) && !segMarks.some((m) => overlaps(m, from, to))) marks.set(seg.id, [...segMarks, { from, to, a }]);
    else (notes.get(unit.id) ?? notes.set(unit.id, []).get(unit.id)!).push(noteText(a, doc.text.target.slice(a.start, a.end)));
  }
  let n = 0;
  const units = doc.units.map((u) => ({
    ...u,
    ...(notes.has(u.id) ? { notes: [...(u.notes ?? []), ...notes.get(u.id)!] } : {}),
    segments: u.segments.map((s) => {
      const state = opts.states?.[s.id];
      const ms = marks.get(s.id);
      const target = ms && s.target ? { ...s.target, content: withMarks(s.target.content, ms, () => `lqi${++n}`) } : s.target;
      return { ...s, ...(state ? { state, ...(state !== s.state ? { subState: undefined } : {}) } : {}), ...(target ? { target } : {}) };
    }),
  }));
  return writeXliff({ ...doc, units: units.map((u) => ({ ...u, segments: u.segments.map(dropUndefined) })) }, original);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function noteText(a: DeliveryAnnotation, quote: string): string {
  return `MQM ${a.category} · ${a.severity}: “${quote}”${a.comment ? ` — ${a.comment}` : ''}`;
}

/** Ranges that overlap without one containing the other: their marks could not nest (a note says the second). */
function overlaps(m: { from: number; to: number }, from: number, to: number): boolean {
  return from < m.to && m.from < to && !(m.from <= from && to <= m.to) && !(from <= m.from && m.to <= to);
}

/** Whether [from, to) of a segment's text contains or cuts a tag. */
function crossesTag(content: readonly Piece[], from: number, to: number): boolean {
  let at = 0;
  for (const p of content) {
    const len = p.kind === 'text' ? p.text.length : p.display.length;
    if (p.kind !== 'text' && at + len > from && at < to) return true;
    at += len;
  }
  return false;
}

/** ITS 2.0's issue types (locQualityIssueType) for the MQM categories Calque uses. */
const ITS_TYPE: Record<string, string> = {
  Addition: 'addition',
  Omission: 'omission',
  Mistranslation: 'mistranslation',
  'Untranslated text': 'untranslated',
  Punctuation: 'typographical',
  Spelling: 'misspelling',
  Grammar: 'grammar',
  Register: 'register',
  Inconsistency: 'inconsistency',
  'Character encoding': 'characters',
  'Inappropriate for context': 'terminology',
  'Inconsistent use of terminology': 'terminology',
  Awkward: 'style',
  'Non-translation!': 'untranslated',
};
const ITS_SEVERITY: Record<string, number> = { neutral: 0, minor: 10, major: 50, critical: 100 };

function itsType(category: string): string {
  const leaf = category.split('/').pop() ?? category;
  if (ITS_TYPE[leaf]) return ITS_TYPE[leaf];
  return category.startsWith('Locale convention') ? 'locale-violation' : 'other';
}

/** Wrap each annotated range of a text-only stretch in an ITS `<mrk type="its:lqi">` (declaring the ITS namespace on it). */
function withMarks(content: readonly Piece[], ranges: { from: number; to: number; a: DeliveryAnnotation }[], nextId: () => string): Piece[] {
  const cuts: { at: number; other: number; tag: InlineTag }[] = [];
  for (const { from, to, a } of ranges) {
    const id = nextId();
    const attrs = [
      `xmlns:its="http://www.w3.org/2005/11/its"`,
      `id="${id}"`,
      `type="its:lqi"`,
      `its:locQualityIssueType="${itsType(a.category)}"`,
      `its:locQualityIssueSeverity="${ITS_SEVERITY[a.severity] ?? 50}"`,
      `its:locQualityIssueComment="${escapeAttribute(`${a.category} · ${a.severity}${a.comment ? `: ${a.comment}` : ''}`)}"`,
    ].join(' ');
    cuts.push({ at: from, other: to, tag: { kind: 'open', id, partner: `/${id}`, type: 'its:lqi', display: '', original: `<mrk ${attrs}>` } });
    cuts.push({ at: to, other: from, tag: { kind: 'close', id: `/${id}`, partner: id, type: 'its:lqi', display: '', original: '</mrk>' } });
  }
  // Closing marks before opening ones at the same place; of two opening at one place the longer
  // range first, of two closing the one opened last first, so nested ranges nest.
  cuts.sort((x, y) => x.at - y.at || (x.tag.kind === 'close' ? -1 : 1) - (y.tag.kind === 'close' ? -1 : 1) || y.other - x.other);
  const out: Piece[] = [];
  let at = 0;
  let c = 0;
  for (const p of content) {
    const len = p.kind === 'text' ? p.text.length : p.display.length;
    if (p.kind !== 'text') {
      while (c < cuts.length && cuts[c]!.at <= at) out.push(cuts[c++]!.tag);
      out.push(p);
      at += len;
      continue;
    }
    let from = 0;
    while (c < cuts.length && cuts[c]!.at < at + len) {
      const cut = cuts[c++]!;
      const rel = Math.max(0, cut.at - at);
      if (rel > from) out.push({ kind: 'text', text: p.text.slice(from, rel) });
      out.push(cut.tag);
      from = rel;
    }
    if (from < len) out.push({ kind: 'text', text: p.text.slice(from) });
    at += len;
  }
  while (c < cuts.length) out.push(cuts[c++]!.tag);
  return out;
}

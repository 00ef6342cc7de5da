/**
 * A check answer as the change from the answer the page already holds: a book's full answer is about
 * 6.5 MB (tens of thousands of findings, sentences and links), and a pause in typing changes a few of
 * them. Each list is sent as pieces: runs of the held list (moved by the text's edit) and new items.
 * The host only sends a run after checking that each of its items, moved, equals the new item, so the
 * page rebuilds exactly the full answer.
 */
import type { ChecksDelta, Pieces, Shift } from '../contract/api.js';
import type { AlignmentLink, DocumentAlignment, Finding, Fix, Sentence } from '../contract/review.js';
import type { TextEdit } from './text-edit.js';

export interface HeldChecks {
  findings: Finding[];
  alignment: DocumentAlignment;
}

const moved = (x: number, s: Shift) => (x >= s.at ? x + s.by : x);

function shiftFinding(f: Finding, s: Shift): Finding {
  if (!s.by) return f;
  const onTarget = f.side === 'target' && f.start >= s.at;
  const fixes = f.fixes.some((fix) => fix.edits.some((e) => e.start >= s.at || e.end >= s.at))
    ? f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: moved(e.start, s), end: moved(e.end, s) })) }))
    : f.fixes;
  if (!onTarget && fixes === f.fixes) return f; // unmoved items stay the same objects
  return { ...f, ...(onTarget ? { start: f.start + s.by, end: moved(f.end, s) } : {}), fixes };
}

function shiftTargetSentence(x: Sentence, s: Shift): Sentence {
  return x.start >= s.at && (s.by || s.paragraphs) ? { ...x, start: x.start + s.by, end: x.end + s.by, paragraph: x.paragraph + s.paragraphs } : x;
}

function shiftLink(l: AlignmentLink, s: Shift): AlignmentLink {
  return s.sentences && l.target.some((i) => i >= s.sentenceAt) ? { ...l, target: l.target.map((i) => (i >= s.sentenceAt ? i + s.sentences : i)) } : l;
}

const same = <T>(x: T) => x;
const NO_SHIFT: Shift = { at: Infinity, by: 0, paragraphs: 0, sentenceAt: Infinity, sentences: 0 };

/** Structural equality of JSON values (key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

const sameParams = (a: Finding['message']['params'], b: Finding['message']['params']) => a === b || (!!a && !!b && sameJson(a, b));

// The comparisons below tell whether a held item, moved by the shift, equals the new one, without
// building the moved item: a book's 22,800 findings and 11,000 sentences are compared at each answer,
// on the host's request thread. They compare every field of these types; the lists below make a field
// added to one a type error here until it is compared too.
const COMPARED: {
  finding: Record<keyof Finding, true>;
  fix: Record<keyof Fix, true>;
  edit: Record<keyof TextEdit, true>;
  message: Record<keyof Finding['message'], true>;
  sentence: Record<keyof Sentence, true>;
  link: Record<keyof AlignmentLink, true>;
} = {
  finding: { rule: true, category: true, severity: true, side: true, start: true, end: true, text: true, message: true, fixes: true, occurrences: true },
  fix: { labelKey: true, edits: true },
  edit: { start: true, end: true, text: true },
  message: { key: true, params: true },
  sentence: { start: true, end: true, paragraph: true },
  link: { source: true, target: true },
};
void COMPARED;

const sameEdit = (a: TextEdit, b: TextEdit, s: Shift) => moved(a.start, s) === b.start && moved(a.end, s) === b.end && a.text === b.text;
const sameFix = (a: Fix, b: Fix, s: Shift) => a.labelKey === b.labelKey && a.edits.length === b.edits.length && a.edits.every((e, i) => sameEdit(e, b.edits[i]!, s));

function sameMovedFinding(a: Finding, b: Finding, s: Shift): boolean {
  const onTarget = !!s.by && a.side === 'target' && a.start >= s.at;
  if ((onTarget ? a.start + s.by : a.start) !== b.start || (onTarget ? moved(a.end, s) : a.end) !== b.end) return false;
  if (a.rule !== b.rule || a.side !== b.side || a.text !== b.text || a.severity !== b.severity || a.category !== b.category || a.occurrences !== b.occurrences) return false;
  if (a.message.key !== b.message.key || !sameParams(a.message.params, b.message.params)) return false;
  return a.fixes.length === b.fixes.length && a.fixes.every((f, i) => sameFix(f, b.fixes[i]!, s));
}

function sameMovedSentence(a: Sentence, b: Sentence, s: Shift): boolean {
  const on = a.start >= s.at;
  return (on ? a.start + s.by : a.start) === b.start && (on ? a.end + s.by : a.end) === b.end && (on ? a.paragraph + s.paragraphs : a.paragraph) === b.paragraph;
}

const sameIndices = (a: readonly number[], b: readonly number[], from: number, by: number) => a.length === b.length && a.every((x, i) => (x >= from ? x + by : x) === b[i]);
const sameMovedLink = (a: AlignmentLink, b: AlignmentLink, s: Shift) => sameIndices(a.source, b.source, Infinity, 0) && sameIndices(a.target, b.target, s.sentenceAt, s.sentences);

/** A middle this long is searched for moved runs of held items (far-apart changes: a word's count of occurrences). */
const MATCH_MIDDLE = 16;

/** `next` as pieces of `held` moved by `move`: common head and tail, and runs found again in between. */
export function listPieces<T>(held: readonly T[], next: readonly T[], move: (x: T) => T, sameMoved: (held: T, next: T) => boolean = (h, n) => sameJson(move(h), n)): Pieces<T> {
  const max = Math.min(held.length, next.length);
  let head = 0;
  while (head < max && sameMoved(held[head]!, next[head]!)) head++;
  let tail = 0;
  while (tail < max - head && sameMoved(held[held.length - 1 - tail]!, next[next.length - 1 - tail]!)) tail++;
  const pieces: Pieces<T> = head ? [[0, head]] : [];
  const oldEnd = held.length - tail;
  const newEnd = next.length - tail;
  if (newEnd - head >= MATCH_MIDDLE && oldEnd > head) {
    const at = new Map<string, number>();
    for (let j = oldEnd - 1; j >= head; j--) at.set(JSON.stringify(move(held[j]!)), j);
    for (let k = head; k < newEnd; k++) {
      const j = at.get(JSON.stringify(next[k]));
      const last = pieces[pieces.length - 1];
      if (j === undefined) pieces.push(next[k]!);
      else if (Array.isArray(last) && last[0] + last[1] === j) last[1]++;
      else pieces.push([j, 1]);
    }
  } else for (let k = head; k < newEnd; k++) pieces.push(next[k]!);
  if (tail) pieces.push([oldEnd, tail]);
  return pieces;
}

/** The list the pieces stand for; null when a run does not fit the held list. */
export function fromPieces<T>(held: readonly T[], pieces: Pieces<T>, move: (x: T) => T): T[] | null {
  const out: T[] = [];
  for (const p of pieces) {
    if (!Array.isArray(p)) {
      out.push(p);
      continue;
    }
    const [from, count] = p as [number, number];
    if (from < 0 || count < 0 || from + count > held.length) return null;
    for (let i = from; i < from + count; i++) out.push(move(held[i]!));
  }
  // An unchanged list stays the same array, so what the page derived from it need not be worked out again.
  return out.length === held.length && out.every((x, i) => x === held[i]) ? (held as T[]) : out;
}

/** The shift of `held` (checked as `heldText`) to a check of the text after `edit`. */
function shiftFor(held: HeldChecks, next: HeldChecks, edit: TextEdit): Shift {
  const by = edit.text.length - (edit.end - edit.start);
  const lastOld = held.alignment.target[held.alignment.target.length - 1];
  const lastNew = next.alignment.target[next.alignment.target.length - 1];
  let sentenceAt = held.alignment.target.findIndex((x) => x.start >= edit.end);
  if (sentenceAt < 0) sentenceAt = held.alignment.target.length;
  return {
    at: edit.end,
    by,
    paragraphs: lastOld && lastNew && lastOld.start >= edit.end ? lastNew.paragraph - lastOld.paragraph : 0,
    sentenceAt,
    sentences: next.alignment.target.length - held.alignment.target.length,
  };
}

/** The host's side: `next` as the change from `held` (answer `base`), whose text became the new one by `edit`. */
export function checksDelta(base: string, held: HeldChecks, next: HeldChecks, edit: TextEdit): ChecksDelta {
  const shift = shiftFor(held, next, edit);
  return {
    base,
    shift,
    findings: listPieces(held.findings, next.findings, (f) => shiftFinding(f, shift), (h, n) => sameMovedFinding(h, n, shift)),
    source: listPieces(held.alignment.source, next.alignment.source, same, (h, n) => sameMovedSentence(h, n, NO_SHIFT)),
    target: listPieces(held.alignment.target, next.alignment.target, (x) => shiftTargetSentence(x, shift), (h, n) => sameMovedSentence(h, n, shift)),
    links: listPieces(held.alignment.links, next.alignment.links, (l) => shiftLink(l, shift), (h, n) => sameMovedLink(h, n, shift)),
  };
}

/** The page's side: the full findings and alignment a delta stands for; null when it does not fit `held`. */
export function applyChecksDelta(held: HeldChecks, delta: ChecksDelta): HeldChecks | null {
  const s = delta.shift;
  const findings = fromPieces(held.findings, delta.findings, (f) => shiftFinding(f, s));
  const source = fromPieces(held.alignment.source, delta.source, same);
  const target = fromPieces(held.alignment.target, delta.target, (x) => shiftTargetSentence(x, s));
  const links = fromPieces(held.alignment.links, delta.links, (l) => shiftLink(l, s));
  if (!findings || !source || !target || !links) return null;
  const a = held.alignment;
  const alignment = source === a.source && target === a.target && links === a.links ? a : { source, target, links };
  return { findings, alignment };
}

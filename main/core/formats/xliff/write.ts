import type { Document, Segment, Unit } from '../../../contract/document.js';
import { encodeRaw } from '../../text/encoding.js';
import { applyPatches, attr, attributeRange, childElements, escapeAttribute, escapeText, indentOf, parseXml, setAttributePatch, type Patch as XmlPatch, type XmlElement } from '../xml/index.js';
import { samePieces } from '../tag-pieces.js';
import { piecesMarkup } from './inline.js';
import { rebasedParse } from './rebase.js';
import { parseXliffOnce, rememberParse, type ParsedXliff, type SegmentSite, type UnitSite } from './parse.js';
import { valueFor } from './states.js';

/**
 * Document → XLIFF bytes: the original file with patches where the document differs from it — a
 * changed target's content (or a `<target>` inserted after its source, in the file's indentation),
 * a changed state in the dialect's own attribute, notes added to a unit. Every other byte stays.
 */
export function writeXliff(doc: Document, original: Uint8Array, path = ''): Uint8Array {
  const file = parseXliffOnce(original, path);
  const byUnit = new Map(doc.units.map((u) => [u.id, u] as const));
  const patches: Patch[] = [];
  for (const site of file.units) {
    const unit = byUnit.get(site.id);
    if (unit) patches.push(...unitPatches(file, site, unit, path));
  }
  if (!patches.length) return original;
  // The result must still be XML the next tool (and Calque) can read: each new piece of markup is
  // checked on its own, in the root's namespaces, before anything is written (the rest is the file's).
  const namespaces = file.xml.root.attrs
    .filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'))
    .map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`)
    .join('');
  for (const p of patches) {
    const fragment = p.fragment ?? p.text;
    if (fragment.includes('<')) parseXml(`<calque-check${namespaces}>${fragment}</calque-check>`, path);
  }
  const applied = dedupe(patches);
  const raw = applyPatches(file.text.raw, applied);
  const bytes = encodeRaw(raw, file.text.encoding);
  rememberRebased(file, raw, applied, bytes, path);
  return bytes;
}

/**
 * The reads after a save (the service reads what it wrote; the next save patches it) find its parse
 * made from this one. Best effort: a unit that does not read back leaves the file to a full read,
 * which reports the problem as a read of the file would.
 */
function rememberRebased(file: ParsedXliff, raw: string, patches: readonly XmlPatch[], bytes: Uint8Array, path: string): void {
  try {
    const parsed = rebasedParse(file, raw, patches, path);
    if (parsed) rememberParse(bytes, parsed);
  } catch {
    // the full read will say what is wrong
  }
}

/** A patch, and the markup it adds when that is not its whole text (a `<target/>` opened up). */
interface Patch extends XmlPatch {
  fragment?: string;
}

/** Several segments of a unit may set the same attribute (memoQ's status is per trans-unit): the last wins. */
function dedupe(patches: Patch[]): XmlPatch[] {
  const byRange = new Map<string, Patch>();
  for (const p of patches) byRange.set(`${p.start}:${p.end}:${p.start === p.end ? p.text : ''}`, p);
  return [...byRange.values()];
}

function unitPatches(file: ParsedXliff, site: UnitSite, unit: Unit, path: string): Patch[] {
  const raw = file.xml.raw;
  const out: Patch[] = [];
  const byId = new Map(unit.segments.map((s) => [s.id, s] as const));
  /** New target markup of the segments whose target has to be created (Trados: inside one new `<target>`). */
  const created = new Map<SegmentSite, string>();
  for (const seg of site.segments) {
    const edited = byId.get(seg.id);
    if (!edited) continue;
    const content = edited.target?.content ?? [];
    const contentChanged = !samePieces(seg.target ?? [], content);
    if (contentChanged) {
      const markup = piecesMarkup(content, file.style, file.newline, path);
      if (seg.targetEl) out.push(contentPatch(raw, seg.targetEl, markup));
      else created.set(seg, markup);
    }
    if (edited.state && edited.state !== seg.state) out.push(...statePatches(file, seg, edited, created.has(seg)));
  }
  if (created.size) out.push(...createTargets(file, site, created, byId));
  const added = addedNotes(site.notes, unit.notes ?? []);
  if (added.length) out.push(notesPatch(file, site, added));
  return out;
}

function contentPatch(raw: string, el: XmlElement, markup: string): Patch {
  if (!el.selfClosing) return { start: el.openEnd, end: el.closeStart, text: markup };
  // `<target/>`: keep its start tag's attributes, turn "/>" into ">…</target>".
  const slash = raw.lastIndexOf('/', el.openEnd - 1);
  return { start: slash, end: el.openEnd, text: `>${markup}</${el.name}>`, fragment: markup };
}

function statePatches(file: ParsedXliff, seg: SegmentSite, edited: Segment, inserting: boolean): Patch[] {
  const state = edited.state!;
  const site = seg.stateSite;
  if (!site || (inserting && file.dialect === 'xliff1')) return []; // a new 1.2 target carries its state itself
  const raw = file.xml.raw;
  const value = valueFor(file.dialect, state, edited.subState);
  const out = [setAttributePatch(raw, site.el, site.name, value)];
  if (site.subName) {
    const sub = attributeRange(raw, site.el, site.subName);
    if (edited.subState !== undefined && edited.subState !== seg.subState) out.push(setAttributePatch(raw, site.el, site.subName, edited.subState));
    else if (sub && edited.subState === undefined) {
      let start = sub.start;
      while (start > site.el.start && /\s/.test(raw[start - 1]!)) start--;
      out.push({ start, end: sub.end, text: '' });
    }
  }
  return out;
}

/** Targets the file does not have yet: a `<mrk mtype="seg">` in an existing target, or a new `<target>` after the source. */
function createTargets(file: ParsedXliff, site: UnitSite, created: Map<SegmentSite, string>, byId: Map<string, Segment>): Patch[] {
  const raw = file.xml.raw;
  const nl = file.newline;
  const out: Patch[] = [];
  const stateAttr = (seg: SegmentSite) => {
    const s = byId.get(seg.id)?.state;
    return file.dialect === 'xliff1' && s ? ` state="${valueFor('xliff1', s, byId.get(seg.id)?.subState)}"` : '';
  };
  if (file.dialect === 'xliff2') {
    for (const [seg, markup] of created) {
      const source = childElements(seg.el, 'source')[0]!;
      const tag = source.name.replace(/source$/, 'target');
      out.push({ start: source.end, end: source.end, text: `${breakAndIndent(raw, source, nl)}<${tag}>${markup}</${tag}>` });
    }
    return out;
  }
  const source = site.segSourceEl ?? site.sourceEl!;
  const tag = site.sourceEl!.name.replace(/source$/, 'target');
  const marked = [...created.keys()].filter((s) => s.mid !== undefined && site.segSourceEl);
  if (!marked.length) {
    const [seg, markup] = [...created][0]!;
    // Like its source: xml:lang (in the target language) and xml:space when the source has them.
    const lang = attr(site.sourceEl!, 'xml:lang') !== undefined && file.targetLang ? ` xml:lang="${escapeAttribute(file.targetLang)}"` : '';
    const space = attr(site.sourceEl!, 'xml:space');
    const attrs = `${lang}${space !== undefined ? ` xml:space="${escapeAttribute(space)}"` : ''}${stateAttr(seg)}`;
    out.push({ start: source.end, end: source.end, text: `${breakAndIndent(raw, source, nl)}<${tag}${attrs}>${markup}</${tag}>` });
    return out;
  }
  const mrk = (seg: SegmentSite, markup: string) => `<mrk mtype="seg" mid="${escapeAttribute(seg.mid!)}">${markup}</mrk>`;
  if (site.targetEl && !site.targetEl.selfClosing) {
    for (const seg of marked) out.push({ start: site.targetEl.closeStart, end: site.targetEl.closeStart, text: mrk(seg, created.get(seg)!) });
    return out;
  }
  // No target yet: the seg-source's skeleton with each sentence's new text (empty for those not edited), as Trados writes it.
  const seg = site.segSourceEl!;
  const byMid = new Map(marked.map((s) => [s.mid!, created.get(s)!] as const));
  const inner: Patch[] = [];
  for (const s of site.segments) {
    const m = findMark(seg, s.mid!);
    if (m) inner.push({ start: m.openEnd - seg.openEnd, end: m.closeStart - seg.openEnd, text: byMid.get(s.mid!) ?? '' });
  }
  const skeleton = applyPatches(raw.slice(seg.openEnd, seg.closeStart), inner);
  const target = `${breakAndIndent(raw, seg, nl)}<${tag}>${skeleton}</${tag}>`;
  if (site.targetEl) out.push({ start: site.targetEl.start, end: site.targetEl.end, text: target.trimStart() });
  else out.push({ start: seg.end, end: seg.end, text: target });
  return out;
}

function findMark(el: XmlElement, mid: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.local === 'mrk' && attr(c, 'mtype') === 'seg' && attr(c, 'mid') === mid) return c;
    const inner = findMark(c, mid);
    if (inner) return inner;
  }
  return undefined;
}

/** A line break and the element's own indentation, or nothing when the element does not start its line. */
function breakAndIndent(raw: string, el: XmlElement, nl: string): string {
  const indent = indentOf(raw, el);
  const atLineStart = indent !== '' || el.start === 0 || raw[el.start - 1] === '\n' || raw[el.start - 1] === '\r';
  return atLineStart ? nl + indent : '';
}

/** Notes the document adds after the file's own (the export's MQM annotations). */
function addedNotes(before: readonly string[], after: readonly string[]): string[] {
  if (after.length <= before.length || before.some((n, i) => after[i] !== n)) return [];
  return after.slice(before.length);
}

function notesPatch(file: ParsedXliff, site: UnitSite, notes: string[]): Patch {
  const raw = file.xml.raw;
  const nl = file.newline;
  const note = (text: string) => `<note>${escapeText(text, file.style)}</note>`;
  if (file.dialect !== 'xliff2') {
    const last = childElements(site.el).pop()!;
    return { start: last.end, end: last.end, text: notes.map((n) => breakAndIndent(raw, last, nl) + note(n)).join('') };
  }
  const notesEl = childElements(site.el, 'notes')[0];
  if (notesEl) {
    const last = childElements(notesEl).pop();
    if (last) return { start: last.end, end: last.end, text: notes.map((n) => breakAndIndent(raw, last, nl) + note(n)).join('') };
  }
  const first = childElements(site.el)[0]!;
  const indent = indentOf(raw, first);
  const inner = notes.map((n) => `${nl}${indent}  ${note(n)}`).join('');
  const block = `<notes>${inner}${nl}${indent}</notes>${indent ? nl + indent : ''}`;
  if (notesEl) return { start: notesEl.start, end: notesEl.end, text: block.trimEnd() };
  return { start: first.start, end: first.start, text: block };
}


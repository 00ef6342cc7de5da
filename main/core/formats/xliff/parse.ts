import { createHash } from 'node:crypto';
import { CalqueError } from '../../../contract/api.js';
import type { Piece, SegmentState } from '../../../contract/document.js';
import { decodeRaw, detectLineEnding, type RawText } from '../../text/encoding.js';
import { attr, childElements, escapeStyleOf, firstChild, parseXml, textContent, type EscapeStyle, type XmlDocument, type XmlElement } from '../xml/index.js';
import { contentPieces, type InlineContext } from './inline.js';
import { NS, stateOf, type Dialect } from './states.js';

/**
 * An XLIFF file read into units and segments, each knowing where it sits in the file: what the
 * reader turns into a Document and what the writer patches. One parse serves both, so reading and
 * writing can never disagree on which element a segment is.
 */

/** Where a segment's state is written: an attribute of an element (Trados sdl:seg, memoQ trans-unit…). */
export interface StateSite {
  el: XmlElement;
  /** Qualified attribute name as the file declares its prefix ("sdl:conf" is "conf" on sdl:seg). */
  name: string;
  /** XLIFF 2's subState, removed when a new state no longer matches it. */
  subName?: string;
}

export interface SegmentSite {
  id: string;
  source: Piece[];
  /** Undefined when the file has no target for the segment yet. */
  target?: Piece[];
  state?: SegmentState;
  subState?: string;
  locked?: boolean;
  /** The element whose content is the target text: `<target>`, or Trados' `<mrk mtype="seg">` in it. */
  targetEl?: XmlElement;
  /** Trados and seg-source files: the segment's mid. */
  mid?: string;
  /** XLIFF 2: the `<segment>` element; 1.2: the trans-unit. */
  el: XmlElement;
  stateSite?: StateSite;
}

export interface UnitSite {
  id: string;
  el: XmlElement;
  notes: string[];
  segments: SegmentSite[];
  /** 1.2: `<source>`, `<seg-source>` and `<target>` of the trans-unit. */
  sourceEl?: XmlElement;
  segSourceEl?: XmlElement;
  targetEl?: XmlElement;
}

export interface ParsedXliff {
  text: RawText;
  xml: XmlDocument;
  version: string;
  dialect: Dialect;
  sourceLang?: string;
  targetLang?: string;
  units: UnitSite[];
  style: EscapeStyle;
  /** The file's line ending, for new markup. */
  newline: string;
  /** Prefix the root declares for a namespace URI ("sdl", "mq"…). */
  prefixOf(uri: string): string | undefined;
  /** Reads one unit element again as the file's reader does (rebase.ts: after a save patched it). */
  reread: UnitReader;
}

/** A unit element → its site: `id` is the unit's id in the file, `segmentId` makes each segment's id. */
export type UnitReader = (el: XmlElement, id: string, raw: string, segmentId: (raw: string) => string) => UnitSite;

/**
 * Parses of the last files seen, by their bytes' hash: opening an article reads the same XLIFF as its
 * source, its translation and its baseline, and saving parses it again; a large file is parsed once.
 * Parses are never changed after they are made, so sharing one is safe.
 */
const recent: { key: string; parsed: ParsedXliff }[] = [];
const RECENT = 2;

export function parseXliffOnce(bytes: Uint8Array, path: string): ParsedXliff {
  const key = keyOf(bytes);
  const hit = recent.findIndex((r) => r.key === key);
  if (hit !== -1) {
    const [entry] = recent.splice(hit, 1);
    recent.unshift(entry!);
    return entry!.parsed;
  }
  const parsed = parseXliff(bytes, path);
  recent.unshift({ key, parsed });
  recent.length = Math.min(recent.length, RECENT);
  return parsed;
}

/** The parse of bytes a save just wrote, made from the parse it patched (rebase.ts), for the reads that follow. */
export function rememberParse(bytes: Uint8Array, parsed: ParsedXliff): void {
  recent.unshift({ key: keyOf(bytes), parsed });
  recent.length = Math.min(recent.length, RECENT);
}

/**
 * The same bytes come back as the same array (a save's result is remembered, then read by the
 * service), so the 10 MB hash is taken once per array. Bytes read or written are never changed.
 */
const keys = new WeakMap<Uint8Array, string>();

function keyOf(bytes: Uint8Array): string {
  let key = keys.get(bytes);
  if (key === undefined) {
    key = `${bytes.length}:${createHash('sha1').update(bytes).digest('hex')}`;
    keys.set(bytes, key);
  }
  return key;
}

export function parseXliff(bytes: Uint8Array, path: string): ParsedXliff {
  const text = decodeRaw(bytes, path);
  const xml = parseXml(text.raw, path);
  const root = xml.root;
  if (root.local !== 'xliff') throw new CalqueError('xliffNotXliff', { path, root: root.name });
  const version = attr(root, 'version') ?? '';
  const prefixes = new Map<string, string>();
  for (const a of root.attrs) if (a.name.startsWith('xmlns:')) prefixes.set(a.value, a.local);
  const prefixOf = (uri: string) => prefixes.get(uri);
  const base = { text, xml, version, newline: detectLineEnding(text.raw), prefixOf };
  let parsed: Omit<ParsedXliff, 'style'>;
  if (/^1\.[012]$/.test(version)) parsed = { ...base, ...readV1(xml, path, prefixOf) };
  else if (/^2\.[012]$/.test(version)) parsed = { ...base, ...readV2(xml, path) };
  else throw new CalqueError('xliffVersionUnknown', { path, version: version || '—' });
  return { ...parsed, style: escapeStyleOf(targetTexts(xml.raw, parsed.units)) };
}

/** The raw text nodes of the targets (or of the sources, when nothing is translated yet). */
export function* targetTexts(raw: string, units: readonly UnitSite[]): Generator<string> {
  let n = 0;
  for (const u of units) {
    for (const s of u.segments) {
      const el = s.targetEl ?? u.sourceEl;
      if (!el) continue;
      for (const c of el.children) if (c.type === 'text' && !c.cdata) yield raw.slice(c.start, c.end);
      if (++n > 2000) return;
    }
  }
}

/** trans-units (1.2) or units (2.x) in document order, through any groups. */
function collect(el: XmlElement, name: string, out: XmlElement[]): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.local === name) out.push(c);
    else if (c.local === 'group' || c.local === 'body' || c.local === 'file') collect(c, name, out);
  }
  return out;
}

function uniqueIds() {
  const seen = new Set<string>();
  return (id: string) => {
    let out = id;
    for (let n = 2; seen.has(out); n++) out = `${id}~${n}`;
    seen.add(out);
    return out;
  };
}

function dialectOf(root: XmlElement, prefixOf: (uri: string) => string | undefined): Dialect {
  if (prefixOf(NS.sdl)) return 'trados';
  if (prefixOf(NS.memoq)) return 'memoq';
  if (prefixOf(NS.phrase)) return 'phrase';
  void root;
  return 'xliff1';
}

function readV1(xml: XmlDocument, path: string, prefixOf: (uri: string) => string | undefined) {
  const root = xml.root;
  const dialect = dialectOf(root, prefixOf);
  const files = childElements(root, 'file');
  const first = files[0];
  const sourceLang = first && attr(first, 'source-language');
  const targetLang = first && attr(first, 'target-language');
  const tagNames = new Map<string, string>();
  const comments = new Map<string, string[]>();
  if (dialect === 'trados') readTradosHeader(root, tagNames, comments);
  const unique = uniqueIds();
  // Segment ids are unique too (a file with a mid twice in one unit still gets one id per segment).
  const env: V1Env = { raw: xml.raw, path, dialect, tagNames, comments, prefixOf, segmentId: uniqueIds() };
  const units: UnitSite[] = [];
  for (const file of files) {
    for (const tu of collect(file, 'trans-unit', [])) {
      if (attr(tu, 'translate') === 'no') continue; // structure the tool does not give for translation
      units.push(readV1Unit(tu, unique(attr(tu, 'id') ?? `tu${units.length + 1}`), env));
    }
  }
  return { dialect, ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}), units, reread: ((el, id, raw, segmentId) => readV1Unit(el, id, { ...env, raw, segmentId })) as UnitReader };
}

/** What reading a 1.2 trans-unit needs from the rest of the file. */
interface V1Env {
  raw: string;
  path: string;
  dialect: Dialect;
  tagNames: Map<string, string>;
  comments: Map<string, string[]>;
  prefixOf: (uri: string) => string | undefined;
  /** A segment's id from the one its unit and mid give (made unique in the file). */
  segmentId: (raw: string) => string;
}

function readV1Unit(tu: XmlElement, unitId: string, env: V1Env): UnitSite {
  const { path, dialect, prefixOf } = env;
  const sourceEl = firstChild(tu, 'source');
  if (!sourceEl) throw new CalqueError('xliffMissingSource', { path, unit: unitId });
  const segSourceEl = firstChild(tu, 'seg-source');
  const targetEl = firstChild(tu, 'target');
  const ctx: InlineContext = { raw: env.raw, numbers: new Map(), tagNames: env.tagNames, path };
  const unit: UnitSite = { id: unitId, el: tu, notes: childElements(tu, 'note').map((n) => textContent(n)), segments: [], sourceEl, ...(segSourceEl ? { segSourceEl } : {}), ...(targetEl ? { targetEl } : {}) };
  const segDefs = dialect === 'trados' ? tradosSegDefs(tu) : new Map<string, XmlElement>();
  const marks = segSourceEl ? segmentMarks(segSourceEl, []) : [];
  if (marks.length) {
    const targetMarks = new Map((targetEl ? segmentMarks(targetEl, []) : []).map((m) => [attr(m, 'mid') ?? '', m] as const));
    for (const m of marks) {
      const mid = attr(m, 'mid') ?? String(unit.segments.length + 1);
      const tm = targetMarks.get(mid);
      const seg: SegmentSite = { id: env.segmentId(`${unitId}:${mid}`), mid, el: tu, source: sidePieces(m, ctx, path, unitId), ...(tm ? { targetEl: tm, target: sidePieces(tm, ctx, path, unitId) } : {}) };
      applyV1State(seg, dialect, tu, tm ? targetEl : undefined, segDefs.get(mid), prefixOf);
      unit.segments.push(seg);
    }
  } else {
    const seg: SegmentSite = { id: env.segmentId(unitId), el: tu, source: sidePieces(sourceEl, ctx, path, unitId), ...(targetEl ? { targetEl, target: sidePieces(targetEl, ctx, path, unitId) } : {}) };
    applyV1State(seg, dialect, tu, targetEl, segDefs.values().next().value, prefixOf);
    unit.segments.push(seg);
  }
  if (env.comments.size) unit.notes.push(...tradosComments(tu, env.comments));
  return unit;
}

/** The `<mrk mtype="seg">` sentence segments of a seg-source or target, at any depth (Trados puts some inside `<g>`). */
function segmentMarks(el: XmlElement, out: XmlElement[]): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.local === 'mrk' && attr(c, 'mtype') === 'seg') out.push(c);
    else segmentMarks(c, out);
  }
  return out;
}

function sidePieces(el: XmlElement, ctx: InlineContext, path: string, unit: string): Piece[] {
  const pieces = contentPieces(el, ctx);
  // 1.2 requires bpt/ept and bx/ex halves in the same segment; `it` is for halves outside it.
  for (const p of pieces) {
    if (p.kind !== 'text' && p.kind !== 'standalone' && !p.partner && !/^<it\b/.test(p.original) && !/^<(sc|ec)\b[^>]*isolated="yes"/.test(p.original)) {
      throw new CalqueError('xliffTagsUnpaired', { path, tag: `${p.display} (${unit})` });
    }
  }
  return pieces;
}

function applyV1State(seg: SegmentSite, dialect: Dialect, tu: XmlElement, target: XmlElement | undefined, sdlSeg: XmlElement | undefined, prefixOf: (uri: string) => string | undefined): void {
  let value: string | undefined;
  const p = (uri: string, fallback: string) => prefixOf(uri) ?? fallback;
  if (dialect === 'trados' && sdlSeg) {
    value = attr(sdlSeg, 'conf');
    seg.stateSite = { el: sdlSeg, name: 'conf' };
    if (attr(sdlSeg, 'locked') === 'true') seg.locked = true;
    if (value === undefined) seg.state = 'initial';
  } else if (dialect === 'memoq') {
    const name = `${p(NS.memoq, 'mq')}:status`;
    value = attr(tu, name);
    seg.stateSite = { el: tu, name };
    if (attr(tu, `${p(NS.memoq, 'mq')}:locked`) === 'locked') seg.locked = true;
  } else if (dialect === 'phrase') {
    const name = `${p(NS.phrase, 'm')}:confirmed`;
    value = attr(tu, name);
    seg.stateSite = { el: tu, name };
    if (attr(tu, `${p(NS.phrase, 'm')}:locked`) === 'true') seg.locked = true;
  } else {
    if (target) {
      value = attr(target, 'state');
      seg.stateSite = { el: target, name: 'state' };
    }
    if (value === undefined && attr(tu, 'approved') === 'yes') seg.state = 'reviewed';
  }
  if (value !== undefined) {
    const state = stateOf(dialect === 'trados' && !sdlSeg ? 'xliff1' : dialect, value);
    if (state) seg.state = state;
    seg.subState = value;
  }
}

/** Trados: sdl:seg-defs of a trans-unit, by segment id (mid). */
function tradosSegDefs(tu: XmlElement): Map<string, XmlElement> {
  const defs = childElements(tu).find((c) => c.uri === NS.sdl && c.local === 'seg-defs');
  return new Map((defs ? childElements(defs, 'seg') : []).map((s) => [attr(s, 'id') ?? '', s] as const));
}

/** Trados header: tag-defs (tag id → its name, for the code's type) and cmt-defs (comment id → texts). */
function readTradosHeader(root: XmlElement, tagNames: Map<string, string>, comments: Map<string, string[]>): void {
  const visit = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.local === 'tag' && c.parent?.local === 'tag-defs') {
        const id = attr(c, 'id');
        const def = childElements(c)[0];
        const name = def && attr(def, 'name');
        if (id && name) tagNames.set(id, name);
      } else if (c.local === 'cmt-def') {
        const id = attr(c, 'id');
        if (id) comments.set(id, descendants(c, 'Comment').map((x) => textContent(x).trim()).filter(Boolean));
      } else if (c.local !== 'trans-unit') visit(c);
    }
  };
  visit(root);
}

function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** The texts of the Trados comments a trans-unit's markers refer to (sdl:cmt on mrk x-sdl-comment or seg). */
function tradosComments(tu: XmlElement, comments: Map<string, string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (el: XmlElement) => {
    for (const c of childElements(el)) {
      const ref = c.attrs.find((a) => a.uri === NS.sdl && a.local === 'cmt')?.value ?? (c.uri === NS.sdl && c.local === 'cmt' ? attr(c, 'id') : undefined);
      if (ref && !seen.has(ref)) {
        seen.add(ref);
        out.push(...(comments.get(ref) ?? []));
      }
      visit(c);
    }
  };
  visit(tu);
  return out;
}

function readV2(xml: XmlDocument, path: string) {
  const root = xml.root;
  const sourceLang = attr(root, 'srcLang');
  const targetLang = attr(root, 'trgLang');
  const unique = uniqueIds();
  const uniqueSeg = uniqueIds();
  const units: UnitSite[] = [];
  for (const file of childElements(root, 'file')) {
    for (const u of collect(file, 'unit', [])) {
      if (attr(u, 'translate') === 'no') continue;
      units.push(readV2Unit(u, unique(attr(u, 'id') ?? `u${units.length + 1}`), xml.raw, path, uniqueSeg));
    }
  }
  const reread: UnitReader = (el, id, raw, segmentId) => readV2Unit(el, id, raw, path, segmentId);
  return { dialect: 'xliff2' as const, ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}), units, reread };
}

function readV2Unit(u: XmlElement, unitId: string, raw: string, path: string, segmentId: (raw: string) => string): UnitSite {
  const notesEl = firstChild(u, 'notes');
  const unit: UnitSite = { id: unitId, el: u, notes: notesEl ? childElements(notesEl, 'note').map((n) => textContent(n)) : [], segments: [] };
  const ctx: InlineContext = { raw, numbers: new Map(), path };
  const segs = childElements(u, 'segment');
  for (const [i, s] of segs.entries()) {
    const sourceEl = firstChild(s, 'source');
    if (!sourceEl) throw new CalqueError('xliffMissingSource', { path, unit: unitId });
    const targetEl = firstChild(s, 'target');
    const sid = attr(s, 'id');
    const seg: SegmentSite = {
      id: segmentId(segs.length === 1 && !sid ? unitId : `${unitId}:${sid ?? i + 1}`),
      el: s,
      source: contentPieces(sourceEl, ctx),
      ...(targetEl ? { targetEl, target: contentPieces(targetEl, ctx) } : {}),
      stateSite: { el: s, name: 'state', subName: 'subState' },
    };
    const state = stateOf('xliff2', attr(s, 'state'));
    if (state) seg.state = state;
    const sub = attr(s, 'subState');
    if (sub !== undefined) seg.subState = sub;
    unit.segments.push(seg);
  }
  checkV2Pairs(unit, path);
  return unit;
}

/** XLIFF 2: an `<ec startRef>` needs its `<sc>` in the same unit (they may sit in different segments), and the other way round unless isolated. */
function checkV2Pairs(unit: UnitSite, path: string): void {
  for (const side of ['source', 'target'] as const) {
    const pieces = unit.segments.flatMap((s) => s[side] ?? []);
    const opens = new Set<string>();
    const closes = new Set<string>();
    for (const p of pieces) {
      if (p.kind === 'text' || /isolated\s*=\s*["']yes/.test(p.original)) continue;
      if (p.kind === 'open') opens.add(p.id);
      if (p.kind === 'close') closes.add(p.id.slice(1));
    }
    for (const id of closes) if (!opens.has(id)) throw new CalqueError('xliffTagsUnpaired', { path, tag: `${id} (${unit.id})` });
    for (const id of opens) if (!closes.has(id)) throw new CalqueError('xliffTagsUnpaired', { path, tag: `${id} (${unit.id})` });
  }
}

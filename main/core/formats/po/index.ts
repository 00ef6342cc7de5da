import { createHash } from 'node:crypto';
import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';
import type { Document, Segment, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import { canonicalTag, isLanguageTag } from '../../project/languages.js';
import { decodeRaw, detectLineEnding, encodeRaw } from '../../text/encoding.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, withSegmentText } from '../segment-text.js';
import { headerFields, parsePo, type PoEntry } from './parse.js';
import { applyEdits, fieldLiterals, fuzzyEdit, type TextEdit } from './write.js';

/**
 * gettext PO files as one bilingual article: each entry a unit (msgid the source, msgstr the target;
 * a plural entry has one segment per msgstr[n], its source msgid for [0] and msgid_plural after),
 * comments, references, context and the previous msgid (`#|`) as notes, `#, fuzzy` as the segment
 * state. The header entry (msgid "") is not a segment; its Language is the target language.
 * Saving patches only the msgstr literals that changed, and the fuzzy flag when the state changed.
 */

const norm = (s: string) => s.replace(/\r\n?/g, '\n').normalize('NFC');

interface Parsed {
  raw: string;
  encoding: Document['file']['encoding'];
  entries: { entry: PoEntry; id: string }[];
  header?: PoEntry;
  /** Each entry's msgstr values as the editor shows them (NFC, "\n"), computed once per parse. */
  targets?: string[][];
}

function targetsOf(p: Parsed): string[][] {
  return (p.targets ??= p.entries.map(({ entry }) => entry.msgstr.map((f) => norm(f.value))));
}

/**
 * The last parse of each byte array: a save reads the file and then writes over the same bytes, so the
 * writer does not parse a large file a second time. Keyed by the array itself (bytes are never mutated).
 */
const parsed = new WeakMap<Uint8Array, Parsed>();

function parse(bytes: Uint8Array, path: string): Parsed {
  const hit = parsed.get(bytes);
  if (hit) return hit;
  const result = parseUncached(bytes, path);
  parsed.set(bytes, result);
  return result;
}

function parseUncached(bytes: Uint8Array, path: string): Parsed {
  if (bytes.length > MAX_FILE_BYTES) throw new CalqueError('fileTooLarge', { path, size: bytes.length, limit: MAX_FILE_BYTES });
  const { raw, encoding } = decodeRaw(bytes, path);
  const { entries } = parsePo(raw, path);
  const used = new Set<string>();
  let header: PoEntry | undefined;
  const out: Parsed['entries'] = [];
  for (const entry of entries) {
    if (entry.msgid.value === '' && !entry.msgctxt && !header && !out.length) {
      header = entry;
      continue;
    }
    // gettext's own key (context EOT msgid): stable while the source string stays the same.
    const key = `${entry.msgctxt?.value ?? ''}\u0004${entry.msgid.value}`;
    let id = 'e' + createHash('sha256').update(key).digest('hex').slice(0, 12);
    if (used.has(id)) id = `${id}~${entry.line}`;
    used.add(id);
    out.push({ entry, id });
  }
  return { raw, encoding, entries: out, ...(header ? { header } : {}) };
}

function notesOf(e: PoEntry): string[] {
  const notes: string[] = [];
  if (e.msgctxt) notes.push(`msgctxt: ${e.msgctxt.value}`);
  notes.push(...e.extractedComments.map((c) => `#. ${c}`), ...e.translatorComments.map((c) => `# ${c}`));
  if (e.references.length) notes.push(`#: ${e.references.join(' ')}`);
  const flags = e.flags.filter((f) => f !== 'fuzzy');
  if (flags.length) notes.push(`#, ${flags.join(', ')}`);
  if (e.previous.msgctxt !== undefined) notes.push(`#| msgctxt: ${e.previous.msgctxt}`);
  if (e.previous.msgid !== undefined) notes.push(`#| msgid: ${e.previous.msgid}`);
  if (e.previous.msgidPlural !== undefined) notes.push(`#| msgid_plural: ${e.previous.msgidPlural}`);
  return notes;
}

function stateOf(e: PoEntry): Pick<Segment, 'state' | 'subState'> {
  if (e.flags.includes('fuzzy')) return { state: 'initial', subState: 'fuzzy' };
  return { state: e.msgstr.some((s) => s.value !== '') ? 'translated' : 'initial' };
}

/** The entry is fuzzy in the document: a segment the review has not confirmed. */
const wantsFuzzy = (segs: readonly Segment[]) => segs.some((s) => s.state === 'initial' && s.subState === 'fuzzy');

export const po: FileFormat = {
  id: 'po',
  extensions: ['po', 'pot'],
  bilingual: true,
  capabilities: { inlineTags: false, segmentStates: true, notes: true, freeText: false },

  read(bytes, ctx) {
    const p = parse(bytes, ctx.path);
    const layout: { unit: number; source: string; target: string; id: string }[] = [];
    const targets = targetsOf(p);
    p.entries.forEach(({ entry, id }, u) => {
      entry.msgstr.forEach((s, k) => {
        const source = k === 0 || !entry.msgidPlural ? entry.msgid.value : entry.msgidPlural.value;
        layout.push({ unit: u, source: norm(source), target: targets[u]![k]!, id: entry.msgidPlural ? `${id}[${k}]` : id });
      });
    });
    const src = joinSegments(layout.map((l) => l.source));
    const tgt = joinSegments(layout.map((l) => l.target));
    const units: Unit[] = p.entries.map(({ entry, id }) => {
      const notes = notesOf(entry);
      return { id, kind: 'entry', segments: [], ...(notes.length ? { notes } : {}) };
    });
    layout.forEach((l, i) => {
      const [ss, se] = src.ranges[i]!;
      const [ts, te] = tgt.ranges[i]!;
      units[l.unit]!.segments.push({
        id: l.id,
        source: { content: [{ kind: 'text', text: l.source }], start: ss, end: se },
        target: { content: [{ kind: 'text', text: l.target }], start: ts, end: te },
        ...stateOf(p.entries[l.unit]!.entry),
      });
    });
    const fields = p.header ? headerFields(p.header.msgstr[0]!.value) : new Map<string, string>();
    const lang = (v?: string) => {
      const tag = v?.replace(/_/g, '-').replace(/[.@].*$/, '');
      return tag && isLanguageTag(tag) ? canonicalTag(tag) : undefined;
    };
    const targetLang = lang(fields.get('language'));
    const sourceLang = lang(fields.get('x-source-language'));
    return {
      format: 'po',
      bilingual: true,
      ...(sourceLang ? { sourceLang } : {}),
      ...(targetLang ? { targetLang } : {}),
      units,
      text: { source: src.text, target: tgt.text },
      file: { encoding: p.encoding, lineEnding: detectLineEnding(p.raw), finalNewline: /[\r\n]$/.test(p.raw) },
    };
  },

  write(doc, original) {
    const p = parse(original, '');
    const byId = new Map(doc.units.map((u) => [u.id, u] as const));
    const newline = doc.file.lineEnding;
    const edits: TextEdit[] = [];
    const targets = targetsOf(p);
    for (const [u, { entry, id }] of p.entries.entries()) {
      const unit = byId.get(id);
      if (!unit) continue;
      entry.msgstr.forEach((field, k) => {
        const seg = unit.segments[k];
        const text = seg?.target ? piecesText(seg.target.content) : undefined;
        if (text === undefined || text === targets[u]![k]) return;
        edits.push({ start: field.start, end: field.end, text: fieldLiterals(field, text, newline) });
      });
      const fuzzy = fuzzyEdit(entry, wantsFuzzy(unit.segments), newline, p.raw);
      if (fuzzy) edits.push(fuzzy);
    }
    return edits.length ? encodeRaw(applyEdits(p.raw, edits), p.encoding) : original;
  },

  withText(doc, side, text) {
    return withSegmentText(doc, side, text);
  },

  // Entry k's msgid is segment k's source: an untranslated entry (empty msgstr) pairs with its msgid
  // instead of letting the sentence aligner shift the entries after it.
  groupSegments(source, target) {
    const count = (d: Document) => d.units.reduce((n, u) => n + u.segments.length, 0);
    const n = count(target);
    if (count(source) !== n) return undefined;
    return { source: n, target: n, groups: Array.from({ length: n }, (_, k) => ({ source: [k], target: [k] })) };
  },
};

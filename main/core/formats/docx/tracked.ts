import type { Document, Piece } from '../../../contract/document.js';
import { loadDocx, type LoadedDocx } from './load.js';
import { patchPart, repackage } from './patch.js';
import type { RevisionInfo } from './rewrite.js';
import { paragraphEdits } from './write.js';
import { escapeAttr, escapeText } from './xml.js';
import { readEntry } from './zip.js';

/**
 * The reviewer's deliverable for a Word client: the original document (the baseline, the machine
 * translation as first opened) with the differences to the corrected text as Word revisions (word by
 * word, `w:ins`/`w:del` with id, author and date, the runs' formatting kept), and the MQM annotations
 * as Word comments anchored on the text they mark. Revisions already in the file are kept as they are.
 */

export interface TrackedComment {
  /** [start, end) in the corrected text (Document.text.target). */
  start: number;
  end: number;
  text: string;
}

export interface TrackedOptions {
  author: string;
  /** ISO 8601 without fractions, as Word writes it. */
  date: string;
  comments?: TrackedComment[];
}

const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

export function trackedDocx(baseline: Uint8Array, current: Document, opts: TrackedOptions): Uint8Array {
  const loaded = loadDocx(baseline, 'baseline');
  const side = current.side ?? 'target';
  const byId = new Map(current.units.map((u) => [u.id, u.segments[0]?.[side]] as const));
  let next = maxId(loaded) + 1;
  const tracked: RevisionInfo = { author: opts.author, date: opts.date, nextId: () => next++ };

  // Comments: ids after the file's own, anchors by unit and offset in the unit's text.
  let commentId = Math.max(-1, ...[...loaded.comments.keys()].map(Number).filter(Number.isFinite)) + 1;
  const anchors = new Map<string, { at: number; xml: string; end?: boolean }[]>();
  const added: string[] = [];
  for (const c of opts.comments ?? []) {
    const first = unitAt(current, side, c.start);
    const last = unitAt(current, side, Math.max(c.start, c.end));
    if (!first || !last) continue;
    const id = commentId++;
    const push = (unit: string, a: { at: number; xml: string; end?: boolean }) => anchors.set(unit, [...(anchors.get(unit) ?? []), a]);
    push(first.id, { at: c.start - first.start, xml: `<w:commentRangeStart w:id="${id}"/>` });
    push(last.id, { at: Math.max(c.start, c.end) - last.start, end: true, xml: `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>` });
    added.push(commentXml(id, opts, c.text));
  }

  const edits = paragraphEdits(
    loaded,
    (id) => byId.get(id)?.content as Piece[] | undefined,
    (id) => ({ tracked, anchors: anchors.get(id) ?? [] }),
  );
  const parts = new Map([...edits].map(([name, list]) => [name, patchPart(loaded.parts.get(name)!.raw, list)] as const));
  const newParts: { name: string; text: string }[] = [];
  if (added.length) addComments(loaded, added, parts, newParts);
  return repackage(loaded, parts, newParts);
}

function unitAt(doc: Document, side: 'source' | 'target', offset: number): { id: string; start: number } | undefined {
  for (const u of doc.units) {
    const s = u.segments[0]?.[side];
    if (s && offset >= s.start && offset <= s.end) return { id: u.id, start: s.start };
  }
  return undefined;
}

/** The largest w:id of any revision, bookmark or comment in the stories (new revision ids go above it). */
function maxId(loaded: LoadedDocx): number {
  let max = 0;
  for (const xml of loaded.parts.values()) {
    for (const m of xml.raw.matchAll(/\sw:id="(\d{1,9})"/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

function commentXml(id: number, opts: TrackedOptions, text: string): string {
  const initials = opts.author
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 4);
  const paragraphs = text.split('\n').map((line, i) => `<w:p>${i === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeText(line)}</w:t></w:r></w:p>`);
  return `<w:comment w:id="${id}" w:author="${escapeAttr(opts.author)}" w:date="${opts.date}" w:initials="${escapeAttr(initials)}">${paragraphs.join('')}</w:comment>`;
}

/** Append comments to comments.xml, or create it with its relationship and content type. */
function addComments(loaded: LoadedDocx, comments: string[], parts: Map<string, string>, newParts: { name: string; text: string }[]): void {
  const { pkg } = loaded;
  if (pkg.comments) {
    const xml = readText(loaded, pkg.comments);
    const close = xml.lastIndexOf('</w:comments>');
    parts.set(pkg.comments, close >= 0 ? xml.slice(0, close) + comments.join('') + xml.slice(close) : xml.replace(/<w:comments([^>]*)\/>/, `<w:comments$1>${comments.join('')}</w:comments>`));
    return;
  }
  const main = pkg.stories.find((s) => s.kind === 'document')!.name;
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const commentsName = `${dir}comments.xml`;
  newParts.push({
    name: commentsName,
    text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${comments.join('')}</w:comments>`,
  });
  const ct = pkg.contentTypes;
  parts.set('[Content_Types].xml', ct.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsName}" ContentType="${COMMENTS_CT}"/></Types>`));
  const relsName = `${dir}_rels/${main.slice(dir.length)}.rels`;
  const rel = `<Relationship Id="rIdCalqueComments" Type="${COMMENTS_REL}" Target="comments.xml"/>`;
  if (pkg.entries.has(relsName)) {
    const rels = readText(loaded, relsName);
    parts.set(relsName, rels.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`));
  } else {
    newParts.push({ name: relsName, text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>` });
  }
}

function readText(loaded: LoadedDocx, name: string): string {
  const entry = loaded.pkg.entries.get(name)!;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readEntry(entry, loaded.pkg.path, loaded.pkg.budget));
}

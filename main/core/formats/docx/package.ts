import { CalqueError } from '../../../contract/api.js';
import { InflateBudget, openZip, readEntry, type ZipArchive, type ZipEntry } from './zip.js';
import { parseXml, type XmlDocument, type XmlElement } from './xml.js';

/**
 * A Word package: the zip, its content types, and the XML parts Calque reads (the stories with text:
 * the main document, footnotes, endnotes, headers and footers; and the comments), parsed lazily.
 */

const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';
export const STORY_TYPES: Record<string, string> = {
  [`${CT}document.main+xml`]: 'document',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'document',
  [`${CT}template.main+xml`]: 'document',
  [`${CT}footnotes+xml`]: 'footnotes',
  [`${CT}endnotes+xml`]: 'endnotes',
  [`${CT}header+xml`]: 'header',
  [`${CT}footer+xml`]: 'footer',
};
export const COMMENTS_TYPE = `${CT}comments+xml`;

export interface Story {
  /** Zip entry name ("word/document.xml"). */
  name: string;
  kind: string;
  /** Short name used in unit ids ("document", "header1", "footnotes"). */
  short: string;
}

export interface DocxPackage {
  path: string;
  bytes: Uint8Array;
  archive: ZipArchive;
  entries: Map<string, ZipEntry>;
  /** Stories in reading order: the document, then footnotes, endnotes, headers, footers. */
  stories: Story[];
  comments?: string;
  contentTypes: string;
  budget: InflateBudget;
}

const ORDER = ['document', 'footnotes', 'endnotes', 'header', 'footer'];

export function openPackage(bytes: Uint8Array, path: string): DocxPackage {
  const archive = openZip(bytes, path);
  const entries = new Map(archive.entries.map((e) => [e.name, e]));
  const budget = new InflateBudget();
  const ctEntry = entries.get('[Content_Types].xml');
  if (!ctEntry) throw new CalqueError('docxInvalid', { path, reason: 'no [Content_Types].xml' });
  const contentTypes = decodeUtf8(readEntry(ctEntry, path, budget), `${path}:[Content_Types].xml`);
  const ct = parseXml(contentTypes, `${path}:[Content_Types].xml`);
  const stories: Story[] = [];
  let comments: string | undefined;
  for (const o of ct.root.children) {
    if (o.type !== 'element' || o.local !== 'Override') continue;
    const part = o.attrs.find((a) => a.local === 'PartName')?.value.replace(/^\//, '');
    const type = o.attrs.find((a) => a.local === 'ContentType')?.value ?? '';
    if (!part || !entries.has(part)) continue;
    const kind = STORY_TYPES[type];
    if (kind) stories.push({ name: part, kind, short: part.replace(/^word\//, '').replace(/\.xml$/, '') });
    else if (type === COMMENTS_TYPE) comments = part;
  }
  if (!stories.some((s) => s.kind === 'document')) throw new CalqueError('docxInvalid', { path, reason: 'no main document part' });
  stories.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  return { path, bytes, archive, entries, stories, ...(comments ? { comments } : {}), contentTypes, budget };
}

/** A part's text and parsed XML. */
export function readPart(pkg: DocxPackage, name: string): XmlDocument {
  const entry = pkg.entries.get(name);
  if (!entry) throw new CalqueError('docxInvalid', { path: pkg.path, reason: `no ${name}` });
  const where = `${pkg.path}:${name}`;
  return parseXml(decodeUtf8(readEntry(entry, pkg.path, pkg.budget), where), where);
}

export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CalqueError('invalidEncoding', { path: where, encoding: 'UTF-8' });
  }
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'element' && (!local || c.local === local));
}

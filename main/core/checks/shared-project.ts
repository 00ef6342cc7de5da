/**
 * A check's project data as the host keeps it and hands it to a check worker: big glossaries stay the
 * JSON the worker that parsed them wrote into shared memory, and the consistency context stays packed
 * (consistency-context.ts). A 100,000-term glossary crossed the host twice as objects (worker → host →
 * worker, about 200 ms of the request thread, issue 12); now the host only passes shared buffers on.
 * `projectCheckData` is what the check engine reads, worked out the same way on either side.
 */
import { mergeTranslations, type ConsistencyContext, type Translations } from './consistency-context.js';
import type { GlossaryEntry, ProjectCheckData } from './types.js';

/** A glossary file's entries as UTF-8 JSON in a SharedArrayBuffer, and how many there are. */
export interface PackedGlossary {
  json: Uint8Array;
  count: number;
}

/** One glossary file: its entries, or (read in a worker) packed. */
export type GlossaryPart = GlossaryEntry[] | PackedGlossary;

export interface SharedProjectData {
  /** The project's glossary files in order. */
  glossary: GlossaryPart[];
  wordList: string[];
  context?: ConsistencyContext;
}

export function packGlossary(entries: GlossaryEntry[]): PackedGlossary {
  const bytes = Buffer.from(JSON.stringify(entries), 'utf8');
  const json = new Uint8Array(new SharedArrayBuffer(bytes.length));
  json.set(bytes);
  return { json, count: entries.length };
}

export function unpackGlossary(p: PackedGlossary): GlossaryEntry[] {
  return JSON.parse(Buffer.from(p.json.buffer, p.json.byteOffset, p.json.byteLength).toString('utf8')) as GlossaryEntry[];
}

export function glossaryCount(parts: readonly GlossaryPart[]): number {
  return parts.reduce((n, p) => n + (Array.isArray(p) ? p.length : p.count), 0);
}

/** Remembers what was unpacked or merged, by the shared object it came from (the host's memo). */
export interface UnpackMemo {
  glossaries: WeakMap<PackedGlossary, GlossaryEntry[]>;
  translations: WeakMap<ConsistencyContext, Translations>;
}

export function unpackMemo(): UnpackMemo {
  return { glossaries: new WeakMap(), translations: new WeakMap() };
}

/** The project data the check engine reads: every glossary's entries in order, the context merged. */
export function projectCheckData(data: SharedProjectData, memo: UnpackMemo = unpackMemo()): ProjectCheckData {
  const glossary = data.glossary.flatMap((p) => {
    if (Array.isArray(p)) return p;
    let entries = memo.glossaries.get(p);
    if (!entries) memo.glossaries.set(p, (entries = unpackGlossary(p)));
    return entries;
  });
  const context = data.context;
  let translations = context && memo.translations.get(context);
  if (context && !translations) memo.translations.set(context, (translations = mergeTranslations(context)));
  return { glossary, wordList: data.wordList, ...(translations ? { translations } : {}) };
}

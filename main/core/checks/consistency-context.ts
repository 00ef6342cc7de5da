/**
 * The project consistency context as it is kept and passed around: each article's sentence pairs
 * packed in two shared arrays, not as millions of small strings and arrays. A million-line article's
 * million pairs, held as objects on serve's request thread, made its garbage collections stop the
 * thread for half a second and more (issue 12); packed, the host holds two buffers per article and
 * hands them to the check worker without copying (SharedArrayBuffer), and the worker merges them into
 * the lookup the consistency check reads (`mergeTranslations`, the one definition on either side).
 */
import type { ProjectCheckData } from './types.js';

/** An article's [normalised source sentence, target sentence] pairs: all their UTF-16 units, and where each text ends. */
export interface PackedPairs {
  units: Uint16Array;
  ends: Uint32Array;
}

/** Every article's packed pairs; a new object whenever any article's pairs change (workers cache by it). */
export interface ConsistencyContext {
  articles: ReadonlyMap<string, PackedPairs>;
  pairs: number;
}

export type Translations = NonNullable<ProjectCheckData['translations']>;

const shared = (bytes: number) => (typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));

export function packPairs(pairs: readonly (readonly [string, string])[]): PackedPairs {
  const ends = new Uint32Array(shared(pairs.length * 2 * 4));
  let at = 0;
  for (let i = 0; i < pairs.length; i++) {
    ends[2 * i] = at += pairs[i]![0].length;
    ends[2 * i + 1] = at += pairs[i]![1].length;
  }
  const units = new Uint16Array(shared(at * 2));
  // One write of the joined texts (native), not one per text.
  Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(pairs.map((p) => p[0] + p[1]).join(''), 0, 'utf16le');
  return { units, ends };
}

export function pairCount(p: PackedPairs): number {
  return p.ends.length / 2;
}

/** The pairs back, in order (their texts are slices of one decoded string). */
export function unpackPairs(p: PackedPairs): [string, string][] {
  const all = Buffer.from(p.units.buffer, p.units.byteOffset, p.units.byteLength).toString('utf16le');
  const out: [string, string][] = [];
  for (let i = 0, at = 0; i < p.ends.length; i += 2) {
    const mid = p.ends[i]!;
    const end = p.ends[i + 1]!;
    out.push([all.slice(at, mid), all.slice(mid, end)]);
    at = end;
  }
  return out;
}

export function contextOf(articles: ReadonlyMap<string, PackedPairs>): ConsistencyContext {
  let pairs = 0;
  for (const p of articles.values()) pairs += pairCount(p);
  return { articles: new Map(articles), pairs };
}

/** Normalised source sentence → its translations in every article (what qa/consistency.ts reads). */
export function mergeTranslations(context: ConsistencyContext): Translations {
  const map = new Map<string, { articleId: string; target: string }[]>();
  for (const [articleId, packed] of context.articles) {
    for (const [key, target] of unpackPairs(packed)) {
      const list = map.get(key);
      if (list) list.push({ articleId, target });
      else map.set(key, [{ articleId, target }]);
    }
  }
  return map;
}

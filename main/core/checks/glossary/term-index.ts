/**
 * A token trie over a glossary's source terms, so the glossary check looks only at the terms that can
 * occur in a segment instead of running one regular expression per term (a 10,000-term glossary cost
 * 8–11 s per check of one sentence). Words are runs of letters, marks and digits, the same classes the
 * check's word boundaries use, folded so that every case-insensitive match is found (the index may
 * propose a few terms too many; the check's own match decides). Build cost is linear in the glossary and
 * paid once per glossary array; a lookup is linear in the segment's words times the terms' lengths.
 */
import type { GlossaryEntry } from '../types.js';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/**
 * Upper then lower case, one sigma: a superset of the regular expressions' /iu simple case folding
 * (ſ→s, K→k, ς→σ; lower-casing alone picks ς or σ by position, and a plural ending moves it).
 */
const fold = (w: string) => w.toUpperCase().toLowerCase().replace(/ς/g, 'σ');

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** Entries whose source term's words end at this node. */
  ends?: number[];
}

export interface GlossaryIndex {
  /** The usable entries (non-empty string terms), in glossary order; candidates index into it. */
  entries: readonly GlossaryEntry[];
  /** Entries whose source has no word at all ("&", "—"): always candidates. */
  wordless: readonly number[];
  root: TrieNode;
}

/**
 * A term the check can match: a regular expression is built from it, and one of 20,000 words overflowed
 * the stack (a fuzzed glossary). No real term is longer than a sentence.
 */
const MAX_TERM_CHARS = 300;
const isTerm = (t: unknown): t is string => typeof t === 'string' && t.trim() !== '' && t.length <= MAX_TERM_CHARS;

/** Only well-formed entries reach the check: a glossary may come from any file or from project.json. */
function usable(e: unknown): GlossaryEntry | null {
  if (typeof e !== 'object' || e === null) return null;
  const { source, target, alternatives, caseSensitive } = e as Record<string, unknown>;
  if (!isTerm(source) || !isTerm(target)) return null;
  const alts = Array.isArray(alternatives) ? alternatives.filter(isTerm) : [];
  return { source, target, ...(alts.length ? { alternatives: alts } : {}), ...(caseSensitive === true ? { caseSensitive: true } : {}) };
}

const cache = new WeakMap<readonly GlossaryEntry[], GlossaryIndex>();

export function glossaryIndex(glossary: readonly GlossaryEntry[]): GlossaryIndex {
  let index = cache.get(glossary);
  if (index) return index;
  const entries: GlossaryEntry[] = [];
  const wordless: number[] = [];
  const root: TrieNode = {};
  for (const raw of Array.isArray(glossary) ? glossary : []) {
    const entry = usable(raw);
    if (!entry) continue;
    const i = entries.push(entry) - 1;
    const words = entry.source.match(WORD);
    if (!words) {
      wordless.push(i);
      continue;
    }
    let node = root;
    for (const w of words) {
      node.next ??= new Map();
      const key = fold(w);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = {}));
      node = child;
    }
    (node.ends ??= []).push(i);
  }
  index = { entries, wordless, root };
  cache.set(glossary, index);
  return index;
}

/** Indexes (into index.entries, ascending) of the entries whose source term may occur in one of `texts`. */
export function candidateEntries(index: GlossaryIndex, texts: readonly string[]): number[] {
  const found = new Set<number>(index.wordless);
  const add = (node: TrieNode | undefined) => {
    if (node?.ends) for (const i of node.ends) found.add(i);
  };
  for (const text of texts) {
    const words = (text.match(WORD) ?? []).map(fold);
    for (let start = 0; start < words.length; start++) {
      let node: TrieNode | undefined = index.root;
      for (let j = start; j < words.length && node?.next; j++) {
        const w = words[j]!;
        // The check accepts a plural ending (-s, -es) right after the term's last word.
        if (w.endsWith('s')) {
          add(node.next.get(w.slice(0, -1)));
          if (w.endsWith('es')) add(node.next.get(w.slice(0, -2)));
        }
        node = node.next.get(w);
        add(node);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

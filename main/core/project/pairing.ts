import type { ErrorInfo, LanguagePair, UnpairedFile } from '../../contract/api.js';
import { formatForPath } from '../formats/registry.js';
import { canonicalTag, isLanguageTag, tagMatches } from './languages.js';

/** A source file and its translation, found by name. */
export interface PairedArticle {
  /** Relative path without the language part, e.g. "news/story.txt": the article's stable id. */
  id: string;
  sourcePath: string;
  targetPath: string;
  sourceLang: string;
  targetLang: string;
  /** One bilingual file (a table, XLIFF) holding both sides: sourcePath === targetPath. */
  bilingual?: true;
}

/** Languages a bilingual file declares itself (a table's header), read by the project session; `error` when it cannot be read. */
export type DeclaredLanguages = ReadonlyMap<string, { sourceLang?: string; targetLang?: string; error?: ErrorInfo }>;

export interface PairingResult {
  articles: PairedArticle[];
  unpaired: UnpairedFile[];
  languagesSeen: string[];
  /** Language pairs proposed from the file names (direction guessed; see `ambiguous`). */
  proposedPairs: LanguagePair[];
  /** True when the direction of some proposed pair cannot be told from the files. */
  ambiguous: boolean;
}

interface Member {
  path: string;
  lang?: string;
  role?: 'source' | 'target';
}

/** How one file names its language: "story.pt.txt", "pt/story.txt", or "source/story.txt". */
function classify(path: string): { key: string; lang?: string; role?: 'source' | 'target' } | null {
  const segs = path.split('/');
  const file = segs[segs.length - 1]!;
  const parts = file.split('.');
  if (parts.length >= 3 && isLanguageTag(parts[parts.length - 2]!)) {
    const lang = canonicalTag(parts[parts.length - 2]!);
    const name = [...parts.slice(0, -2), parts[parts.length - 1]].join('.');
    return { key: [...segs.slice(0, -1), name].join('/'), lang };
  }
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    const rest = [...segs.slice(0, i), ...segs.slice(i + 1)].join('/');
    if (isLanguageTag(seg)) return { key: rest, lang: canonicalTag(seg) };
    const lower = seg.toLowerCase();
    if (lower === 'source' || lower === 'target') return { key: rest, role: lower };
  }
  return null;
}

/**
 * Pair source and translation files by name. `configured` are the project's language pairs; when
 * empty, the pairs proposed from the files are used so the list is never empty for lack of settings.
 */
export function pairFiles(paths: string[], configured: LanguagePair[], declared: DeclaredLanguages = new Map()): PairingResult {
  const groups = new Map<string, Member[]>();
  const unpaired: UnpairedFile[] = [];
  const seen = new Set<string>();
  const bilingual: PairedArticle[] = [];
  for (const path of paths) {
    if (formatForPath(path).bilingual) {
      bilingual.push(bilingualArticle(path, declared.get(path) ?? {}));
      continue;
    }
    const c = classify(path);
    if (!c) {
      unpaired.push({ path, reason: 'no-language' });
      continue;
    }
    if (c.lang) seen.add(c.lang);
    const list = groups.get(c.key) ?? [];
    list.push({ path, lang: c.lang, role: c.role });
    groups.set(c.key, list);
  }

  const { proposed: guessed, ties } = proposePairs(groups);
  // A bilingual file that names its languages says the direction itself: propose its pair too, and it
  // settles a tie between the same two languages in file names (a pt/en pair beside a pt→en table).
  let proposed = guessed;
  for (const b of bilingual) {
    if (!b.sourceLang || !b.targetLang) continue;
    const forward = (p: LanguagePair) => tagMatches(b.sourceLang, p.source) && tagMatches(b.targetLang, p.target);
    const backward = (p: LanguagePair) => tagMatches(b.sourceLang, p.target) && tagMatches(b.targetLang, p.source);
    for (const t of [...ties]) if (forward(t) || backward(t)) ties.delete(t);
    // A guess the other way round is turned; the file names' own tags are kept.
    proposed = proposed.map((p) => (backward(p) ? { source: p.target, target: p.source } : p));
    if (!proposed.some(forward)) proposed.push({ source: b.sourceLang, target: b.targetLang });
  }
  const ambiguous = ties.size > 0;
  const pairs = configured.length ? configured : proposed;
  const articles: PairedArticle[] = [];
  const ids = new Set<string>();
  for (const b of bilingual) {
    // Languages the file does not declare are the project's (its first pair).
    const article = { ...b, sourceLang: b.sourceLang || pairs[0]?.source || '', targetLang: b.targetLang || pairs[0]?.target || '' };
    if (!article.sourceLang || !article.targetLang) {
      // A file that cannot be read names no languages: say why it is not an article.
      const error = declared.get(b.sourcePath)?.error;
      unpaired.push(error ? { path: b.sourcePath, reason: 'unreadable', error } : { path: b.sourcePath, reason: 'no-language' });
      continue;
    }
    seen.add(article.sourceLang).add(article.targetLang);
    ids.add(article.id);
    articles.push(article);
  }
  for (const [key, members] of groups) {
    const used = new Set<Member>();
    const found: Omit<PairedArticle, 'id'>[] = [];
    const src = members.find((m) => m.role === 'source');
    const tgt = members.find((m) => m.role === 'target');
    if (src && tgt) {
      const p = pairs[0];
      found.push({ sourcePath: src.path, targetPath: tgt.path, sourceLang: p?.source ?? 'und', targetLang: p?.target ?? 'und' });
      used.add(src).add(tgt);
    }
    for (const p of pairs) {
      const s = members.find((m) => m.lang && tagMatches(m.lang, p.source));
      const t = members.find((m) => m.lang && m !== s && tagMatches(m.lang, p.target));
      if (s && t) {
        found.push({ sourcePath: s.path, targetPath: t.path, sourceLang: s.lang!, targetLang: t.lang! });
        used.add(s).add(t);
      }
    }
    for (const f of found) {
      let id = key;
      if (found.length > 1 || ids.has(id)) {
        const dot = key.lastIndexOf('.');
        id = `${key.slice(0, dot)}.${f.sourceLang}-${f.targetLang}${key.slice(dot)}`;
      }
      if (ids.has(id)) {
        unpaired.push({ path: f.targetPath, reason: 'duplicate' });
        continue;
      }
      ids.add(id);
      articles.push({ id, ...f });
    }
    for (const m of members) {
      if (used.has(m)) continue;
      const inProject = !configured.length || !m.lang || pairs.some((p) => tagMatches(m.lang!, p.source) || tagMatches(m.lang!, p.target));
      const reason = members.length === 1 ? 'no-partner' : !inProject ? 'language-not-in-project' : found.length ? 'duplicate' : 'no-partner';
      unpaired.push({ path: m.path, reason });
    }
  }
  articles.sort((x, y) => x.id.localeCompare(y.id));
  unpaired.sort((x, y) => x.path.localeCompare(y.path));
  return { articles, unpaired, languagesSeen: [...seen].sort(), proposedPairs: proposed, ambiguous: ambiguous && !configured.length };
}

/** A bilingual file is an article by itself; its id is its path. */
function bilingualArticle(path: string, langs: { sourceLang?: string; targetLang?: string }): PairedArticle {
  const sourceLang = langs.sourceLang ? canonicalTag(langs.sourceLang) : '';
  const targetLang = langs.targetLang ? canonicalTag(langs.targetLang) : '';
  return { id: path, sourcePath: path, targetPath: path, sourceLang, targetLang, bilingual: true };
}

/**
 * Guess the direction of each pair of languages that occur together: the language shared by the most
 * articles is the translation's (a project usually translates several sources into one language).
 * A tie cannot be told from names; English is then proposed as the target, and the user is asked.
 */
function proposePairs(groups: Map<string, Member[]>): { proposed: LanguagePair[]; ties: Set<LanguagePair> } {
  const freq = new Map<string, number>();
  const combos = new Map<string, [string, string]>();
  for (const members of groups.values()) {
    const tags = [...new Set(members.map((m) => m.lang).filter((l): l is string => !!l))].sort();
    for (const t of tags) freq.set(t, (freq.get(t) ?? 0) + 1);
    for (let i = 0; i < tags.length; i++)
      for (let j = i + 1; j < tags.length; j++) combos.set(`${tags[i]}|${tags[j]}`, [tags[i]!, tags[j]!]);
  }
  const ties = new Set<LanguagePair>();
  const proposed: LanguagePair[] = [];
  for (const [a, b] of combos.values()) {
    const fa = freq.get(a)!;
    const fb = freq.get(b)!;
    if (fa === fb) {
      const aIsEnglish = a.split('-')[0] === 'en';
      const guess = aIsEnglish ? { source: b, target: a } : { source: a, target: b };
      ties.add(guess);
      proposed.push(guess);
    } else proposed.push(fa > fb ? { source: b, target: a } : { source: a, target: b });
  }
  // One target per source: drop weaker duplicates (e.g. pt→es when pt→en and es→en exist).
  const bySource = new Map<string, LanguagePair>();
  for (const p of proposed) {
    const prev = bySource.get(p.source);
    if (!prev || (freq.get(p.target) ?? 0) > (freq.get(prev.target) ?? 0)) bySource.set(p.source, p);
  }
  const result = [...bySource.values()].filter((p) => !bySource.has(p.target) || bySource.get(p.target)!.target !== p.source);
  return { proposed: result.sort((x, y) => x.source.localeCompare(y.source)), ties };
}

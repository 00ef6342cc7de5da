/**
 * The check engine: aligns source and translation, runs every check that applies to the language pair
 * (rule packs, code checks, QA checks), applies the project's settings and the editor's ignores, and
 * returns Findings sorted by position. `CheckSession` is the editor's incremental form: per-segment
 * results are cached by the segment's texts, so a keystroke re-runs one segment plus document checks.
 */
import type { SegmentGroups } from '../../contract/document.js';
import type { DocumentAlignment, Finding } from '../../contract/review.js';
import { cutsTag, maskTags } from '../../common/tags.js';
import { CODE_CHECKS } from './code/index.js';
import { documentDate, type SimpleDate } from './dates.js';
import { packChecks } from './packs/index.js';
import { maskProtected, outsideProtected, type ProtectedRanges } from './protected.js';
import { QA_CHECKS } from './qa/index.js';
import { buildSegments } from './segments.js';
import type { CheckContext, CheckDefinition, CheckSettings, CheckTags, Ignore, ProjectCheckData, RawFinding, SegmentView } from './types.js';

export { documentDate };

export interface CheckInput {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  project?: ProjectCheckData;
  settings?: CheckSettings;
  ignores?: Ignore[];
  articleId?: string;
  /** Which segments of the two files correspond, when the format knows (subtitle cues by timing). */
  segmentGroups?: SegmentGroups;
  /** Subtitle articles: each translation cue's time on screen (CheckContext.cueTimings). */
  cueTimings?: { startMs: number; endMs: number }[];
  /** What is not text to translate in each text (Document.protectedRanges): not read, not reported. */
  protected?: ProtectedRanges;
  /** Inline tags of the two texts: masked for every check but the tag check, which reads them. */
  tags?: CheckTags;
}

const EMPTY_PROJECT: ProjectCheckData = { glossary: [], wordList: [] };

/** Every check Calque knows, whatever the languages. */
export function allChecks(): CheckDefinition[] {
  return [...packChecks(), ...CODE_CHECKS, ...QA_CHECKS];
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** The checks for a language pair (primary subtags): English-target rules never run on a German target. */
export function checksFor(sourceLang: string, targetLang: string, settings?: CheckSettings): CheckDefinition[] {
  const s = primary(sourceLang);
  const t = primary(targetLang);
  const off = new Set(settings?.disabled ?? []);
  return [...packChecks(sourceLang, targetLang), ...CODE_CHECKS, ...QA_CHECKS].filter(
    (c) => !off.has(c.id) && (!c.sourceLangs || c.sourceLangs.some((l) => primary(l) === s)) && (!c.targetLangs || c.targetLangs.some((l) => primary(l) === t)),
  );
}

/** A context's texts as they are (CheckContext has them with protected ranges and tags masked). */
const texts = new WeakMap<CheckContext, { source: string; target: string }>();
const textOf = (ctx: CheckContext, side: 'source' | 'target') => texts.get(ctx)?.[side] ?? ctx[side];

function toFinding(def: CheckDefinition, raw: RawFinding, ctx: CheckContext, settings: CheckSettings | undefined): Finding {
  const side = raw.side ?? 'target';
  const text = textOf(ctx, side);
  return {
    rule: def.id,
    category: def.category,
    severity: settings?.severity?.[def.id] ?? raw.severity ?? def.severity,
    side,
    start: raw.start,
    end: raw.end,
    text: text.slice(raw.start, raw.end),
    message: raw.message,
    fixes: raw.fixes ?? [],
  };
}

/** True when an ignore covers the finding: same rule and text, and the recorded context (if any) still around it. */
export function isIgnored(f: Finding, ignores: readonly Ignore[], doc: string): boolean {
  for (const ig of ignores) {
    if (ig.rule !== f.rule || ig.text !== f.text) continue;
    if (!ig.context) return true;
    const before = doc.slice(Math.max(0, f.start - ig.context.prefix.length), f.start);
    const after = doc.slice(f.end, f.end + ig.context.suffix.length);
    if (before === ig.context.prefix && after === ig.context.suffix) return true;
  }
  return false;
}

/**
 * One finding per span: when a general QA check ("to to" repeated) and a specific rule ("to to" stacked
 * prepositions) report the very same span, the editor sees the specific one, which explains more.
 */
function withoutDuplicates(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => !f.rule.startsWith('qa.')).map((f) => `${f.side}:${f.start}:${f.end}`));
  return findings.filter((f) => !f.rule.startsWith('qa.') || !specific.has(`${f.side}:${f.start}:${f.end}`));
}

/** Rules whose findings of the same text in one article are one problem, with a fix for all of them. */
const GROUPED_RULES = new Set(['qa.spelling']);

/**
 * One misspelled word repeated through an article is one problem: each occurrence keeps its squiggle and
 * gets the count (`occurrences`), and each suggestion gets a second fix that replaces every occurrence.
 */
function grouped(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!GROUPED_RULES.has(f.rule) || f.side !== 'target') continue;
    const key = `${f.rule}\u0000${f.text}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const suggestions = [...new Set(members[0]!.fixes.flatMap((x) => (x.edits.length === 1 ? [x.edits[0]!.text] : [])))];
    const fixAll = suggestions.map((text) => ({ labelKey: 'qa:fixAll', edits: members.map((m) => ({ start: m.start, end: m.end, text })) }));
    for (const m of members) {
      m.occurrences = members.length;
      m.fixes = [...m.fixes, ...fixAll];
    }
  }
  return findings;
}

/** `texts`: the texts as given (the context's are blanked where protected), for the ignores' recorded context. */
/**
 * A tag is one token to the checks: a finding that starts or ends inside a tag, or lies within one, is
 * not the tag check's and is dropped; so is a fix that would cut a tag (masking makes both rare).
 */
function outsideTags(findings: Finding[], tags: CheckTags | undefined): Finding[] {
  if (!tags || (!tags.source.length && !tags.target.length)) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.rule !== TAG_RULE && cutsTag(f.side === 'target' ? tags.target : tags.source, f.start, f.end)) continue;
    const fixes = f.fixes.filter((x) => x.edits.every((e) => !cutsTag(tags.target, e.start, e.end)));
    out.push(fixes.length === f.fixes.length ? f : { ...f, fixes });
  }
  return out;
}

/** The tag check's findings sit on markup, which is protected (HTML): they are exempt from that filter. */
const TAG_RULE = 'qa.tags';

function finish(findings: Finding[], texts: { source: string; target: string }, ignores: readonly Ignore[] | undefined, prot: ProtectedRanges | undefined, tags?: CheckTags): Finding[] {
  const all = withoutDuplicates(findings);
  const unique = outsideTags([...outsideProtected(all.filter((f) => f.rule !== TAG_RULE), prot), ...all.filter((f) => f.rule === TAG_RULE)], tags);
  const kept = grouped(ignores?.length ? unique.filter((f) => !isIgnored(f, ignores, f.side === 'target' ? texts.target : texts.source)) : unique);
  return kept.sort((a, b) => (a.side === b.side ? 0 : a.side === 'source' ? 1 : -1) || a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The context of the texts as they are: protected ranges blanked and tags masked for the checks. */
function contextOf(input: CheckInput, sourceText: string, targetText: string, prot: ProtectedRanges | undefined): CheckContext {
  const tags = input.tags;
  const source = maskTags(maskProtected(sourceText, prot?.source), tags?.source ?? []);
  const target = maskTags(maskProtected(targetText, prot?.target), tags?.target ?? []);
  const { alignment, segments } = buildSegments(source, target, input.sourceLang, input.targetLang, input.segmentGroups);
  const ctx: CheckContext = {
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    source,
    target,
    ...(tags ? { tags } : {}),
    alignment,
    segments,
    documentDate: documentDate(source, target),
    project: input.project ?? EMPTY_PROJECT,
    articleId: input.articleId,
    ...(input.settings ? { settings: input.settings } : {}),
    ...(input.cueTimings ? { cueTimings: input.cueTimings } : {}),
  };
  texts.set(ctx, { source: sourceText, target: targetText });
  return ctx;
}

/** Check one article. Offsets are in the NFC, "\n" text (pass text in that form to use them directly). */
export function runChecks(input: CheckInput): Finding[] {
  const source = normalise(input.source);
  const target = normalise(input.target);
  const ctx = contextOf(input, source, target, input.protected);
  const checks = checksFor(input.sourceLang, input.targetLang, input.settings);
  const out: Finding[] = [];
  // Segment by segment, every check on it in turn: what the checks derive from one segment (its tokens,
  // the packs' literal hits) is then needed only while it is checked, not kept for the whole book. The
  // order of the findings is the same per check, and `finish` sorts them.
  const segmentChecks = checks.filter((def) => def.scope !== 'document');
  for (const seg of ctx.segments) for (const def of segmentChecks) for (const raw of def.run(ctx, seg)) out.push(toFinding(def, raw, ctx, input.settings));
  for (const def of checks) if (def.scope === 'document') for (const raw of def.run(ctx)) out.push(toFinding(def, raw, ctx, input.settings));
  return finish(out, { source, target }, input.ignores, input.protected, input.tags);
}

/** A segment's raw findings with offsets relative to the segment (target: targetStart, source: sourceStart). */
interface CachedSegment {
  findings: { def: CheckDefinition; raw: RawFinding }[];
  generation: number;
  /** Checks that reported an `incomplete` finding here: re-run on the next update, the others stay cached. */
  pending: CheckDefinition[];
}

/**
 * Slow optional work (spelling suggestions) may run until this long after an update began, so an update
 * stays well under the editor's 20 ms; a long suggestion search continues over the next updates.
 */
const UPDATE_TARGET_MS = 6;
/** ...but gets at least this much per update, so it progresses even when the rest of the update is slow. */
const MIN_SLOW_WORK_MS = 1;

/** Runs `defs` on one segment into `into`, noting the checks whose findings are not complete yet. */
function runSegmentChecks(defs: readonly CheckDefinition[], ctx: CheckContext, seg: SegmentView, into: CachedSegment): void {
  for (const def of defs) {
    const raws = def.run(ctx, seg);
    if (raws.some((r) => r.incomplete)) into.pending.push(def);
    for (const raw of raws) into.findings.push({ def, raw: relative(raw, seg) });
  }
}

/**
 * The editor's incremental checker. `update(source, target)` after each (debounced) edit returns the
 * same findings `runChecks` would, re-running segment checks only for segments whose texts changed.
 */
export class CheckSession {
  private cache = new Map<string, CachedSegment>();
  private generation = 0;
  /** The document date at the last update (date fixes depend on it: all segments are stale when it changes). */
  private dateKey = '';
  /** Each check's document key at the last update (CheckDefinition.documentKey). */
  private docKeys = new Map<CheckDefinition, string>();
  private checks: CheckDefinition[];
  /** The sentence alignment of the last update (the review view shows it). */
  alignment: DocumentAlignment | null = null;
  /**
   * True when the last update returned findings whose fixes are still being computed (spelling
   * suggestions over the time budget): calling `update` again, even with the same texts, continues them.
   */
  pending = false;

  constructor(private readonly options: Omit<CheckInput, 'source' | 'target'>) {
    this.checks = checksFor(options.sourceLang, options.targetLang, options.settings);
  }

  /** New settings or ignores (e.g. the user ignored a finding): the cache stays valid for ignores only. */
  configure(changes: Partial<Pick<CheckInput, 'settings' | 'ignores' | 'project' | 'segmentGroups' | 'cueTimings'>>): void {
    Object.assign(this.options, changes);
    if (changes.settings || changes.project) {
      this.checks = checksFor(this.options.sourceLang, this.options.targetLang, this.options.settings);
      this.cache.clear();
      this.docKeys.clear();
    }
  }

  /**
   * The project context changed without changing segment results (the caller knows: same settings,
   * glossaries and word list; only the consistency context, which a document check reads, is new).
   */
  setProjectContext(project: ProjectCheckData): void {
    this.options.project = project;
  }

  /**
   * Findings for the current texts. `slowWorkMs`, when given, is the time for slow optional work
   * (spelling suggestions) in this update, instead of what remains of UPDATE_TARGET_MS: an idle
   * re-update while `pending` may pass more to finish sooner.
   */
  update(sourceText: string, targetText: string, slowWorkMs?: number, prot?: ProtectedRanges, tags?: CheckTags): Finding[] {
    const started = performance.now();
    const source = normalise(sourceText);
    const target = normalise(targetText);
    const input: CheckInput = { ...this.options, source, target, ...(tags ? { tags } : {}) };
    const ctx: CheckContext = contextOf(input, source, target, prot);
    const aligned = performance.now();
    ctx.deadline = slowWorkMs === undefined ? Math.max(started + UPDATE_TARGET_MS, aligned + MIN_SLOW_WORK_MS) : aligned + slowWorkMs;
    this.alignment = ctx.alignment;
    const date = ctx.documentDate as SimpleDate | undefined;
    const dateKey = date ? `${date.year}-${date.month}-${date.day}` : '';
    // Date fixes depend on the document date: when it changes, every cached segment is stale. Some
    // checks depend on the rest of the document (CheckDefinition.documentKey): when a check's key
    // changes, only that check re-runs on the cached segments (a new capitalised name used to re-run
    // every check on every segment: 6.5 s on a 200,000-word book).
    if (dateKey !== this.dateKey) {
      this.cache.clear();
      this.dateKey = dateKey;
    }
    const stale: CheckDefinition[] = [];
    for (const c of this.checks) {
      if (!c.documentKey) continue;
      const key = c.documentKey(ctx);
      if (this.docKeys.has(c) && this.docKeys.get(c) !== key && c.scope === 'segment') stale.push(c);
      this.docKeys.set(c, key);
    }
    const gen = ++this.generation;
    const segmentChecks = this.checks.filter((c) => c.scope === 'segment');
    const out: Finding[] = [];
    let pending = false;
    for (const seg of ctx.segments) {
      const key = `${seg.first ? 1 : 0}\u0000${seg.source}\u0000${seg.target}`;
      let cached = this.cache.get(key);
      if (!cached) {
        cached = { findings: [], generation: gen, pending: [] };
        runSegmentChecks(segmentChecks, ctx, seg, cached);
        this.cache.set(key, cached);
      } else if (cached.pending.length || stale.length) {
        const redo = [...new Set([...cached.pending, ...stale])];
        cached.findings = cached.findings.filter((f) => !redo.includes(f.def));
        cached.pending = [];
        runSegmentChecks(redo, ctx, seg, cached);
      }
      if (cached.pending.length) pending = true;
      cached.generation = gen;
      for (const { def, raw } of cached.findings) out.push(toFinding(def, absolute(raw, seg), ctx, this.options.settings));
    }
    for (const def of this.checks) if (def.scope === 'document') for (const raw of def.run(ctx)) out.push(toFinding(def, raw, ctx, this.options.settings));
    // Forget segments that are gone (keeps memory bounded while typing).
    for (const [k, v] of this.cache) if (v.generation !== gen) this.cache.delete(k);
    this.pending = pending;
    return finish(out, { source, target }, this.options.ignores, prot, tags);
  }
}

function shiftRaw(raw: RawFinding, seg: SegmentView, sign: 1 | -1): RawFinding {
  const base = (raw.side === 'source' ? seg.sourceStart : seg.targetStart) * sign;
  const tBase = seg.targetStart * sign;
  return {
    ...raw,
    start: raw.start + base,
    end: raw.end + base,
    // Fix edits are always in the translation.
    fixes: raw.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + tBase, end: e.end + tBase })) })),
  };
}

const relative = (raw: RawFinding, seg: SegmentView) => shiftRaw(raw, seg, -1);
const absolute = (raw: RawFinding, seg: SegmentView) => shiftRaw(raw, seg, 1);

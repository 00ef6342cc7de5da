/**
 * Calque's findings on the real MT of ../shared/eval, one record per finding with a stable key, shared by
 * the realmt conformance part and the judge-sample writer (so both name a finding the same way).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../main/contract/review.js';
import { runChecks } from '../main/core/checks/engine.js';
import { EVAL_DIR } from './eval-data.js';
import { readMlqe, readTed, type MlqeSegment, type TedSegment } from './realmt-data.js';
import { existsSync } from 'node:fs';

export interface RealSegment {
  corpus: 'ted-zhen' | 'mlqe-ro-en' | 'mlqe-et-en';
  id: string;
  sourceLang: string;
  source: string;
  target: string;
  ted?: TedSegment;
  mlqe?: MlqeSegment;
}

export interface KeyedFinding {
  key: string;
  segment: RealSegment;
  /** The finding with offsets in the segment's own texts (its fixes' edits too). */
  finding: Finding;
  /** What was checked (a whole TED talk, an MLQE-PE sentence) and the finding as found there. */
  unit: CheckUnit;
  inUnit: Finding;
}

/** The corpora that are present (a missing one is left out with a message). */
export function realSegments(log = true): RealSegment[] {
  const dir = EVAL_DIR.replace(/\/$/, '');
  const out: RealSegment[] = [];
  if (existsSync(`${dir}/mqm-ted-zhen-dev`)) {
    for (const s of readTed(`${dir}/mqm-ted-zhen-dev`)) out.push({ corpus: 'ted-zhen', id: s.id, sourceLang: 'zh', source: s.source, target: s.target, ted: s });
  } else if (log) console.log(`  skipped mqm-ted-zhen-dev: ${dir}/mqm-ted-zhen-dev is absent`);
  for (const [name, lang] of [['ro-en-dev', 'ro'], ['et-en-dev', 'et']] as const) {
    const d = `${dir}/mlqe-pe/${name}`;
    if (!existsSync(d)) {
      if (log) console.log(`  skipped mlqe-pe/${name}: ${d} is absent`);
      continue;
    }
    for (const s of readMlqe(d, name)) out.push({ corpus: `mlqe-${lang}-en`, id: s.id, sourceLang: lang, source: s.source, target: s.target, mlqe: s });
  }
  return out;
}

/**
 * What one check run sees. A TED talk as one system translated it is one article, its segments joined
 * by blank lines and paired one to one, as a reviewer reads it (a talk-wide house style, a word
 * repeated through the talk, are the talk's); an MLQE-PE sentence (unrelated Wikipedia lines) stands alone.
 */
export interface CheckUnit {
  segments: RealSegment[];
  source: string;
  target: string;
  sourceLang: string;
  /** Where each segment starts in the unit's texts. */
  sourceStarts: number[];
  targetStarts: number[];
}

const SEPARATOR = '\n\n';

function unitOf(segments: RealSegment[]): CheckUnit {
  const starts = (texts: string[]) => texts.map((_, i) => texts.slice(0, i).reduce((n, t) => n + t.length + SEPARATOR.length, 0));
  return {
    segments,
    source: segments.map((s) => s.source).join(SEPARATOR),
    target: segments.map((s) => s.target).join(SEPARATOR),
    sourceLang: segments[0]!.sourceLang,
    sourceStarts: starts(segments.map((s) => s.source)),
    targetStarts: starts(segments.map((s) => s.target)),
  };
}

export function checkUnits(segments: RealSegment[]): CheckUnit[] {
  const talks = new Map<string, RealSegment[]>();
  const out: CheckUnit[] = [];
  for (const s of segments) {
    if (s.ted) talks.set(s.ted.doc, [...(talks.get(s.ted.doc) ?? []), s]);
    else out.push(unitOf([s]));
  }
  for (const talk of talks.values()) out.push(unitOf(talk.sort((a, b) => a.ted!.order - b.ted!.order)));
  return out;
}

export function checkUnit(unit: CheckUnit, target = unit.target): Finding[] {
  const n = unit.segments.length;
  const groups = { source: n, target: n, groups: unit.segments.map((_, i) => ({ source: [i], target: [i] })) };
  return runChecks({ source: unit.source, target, sourceLang: unit.sourceLang, targetLang: 'en', ...(n > 1 ? { segmentGroups: groups } : {}) });
}

/** One segment checked alone (MLQE-PE: a unit of one; its post-edit in place of the MT). */
export function checkSegment(seg: RealSegment, target = seg.target): Finding[] {
  return runChecks({ source: seg.source, target, sourceLang: seg.sourceLang, targetLang: 'en' });
}

/** Stable key: corpus segment, rule, side and span text (and which occurrence of that text). */
export function findingKey(segId: string, f: Pick<Finding, 'rule' | 'side' | 'text'>, occurrence: number): string {
  const h = createHash('sha1').update(`${segId}\u0000${f.rule}\u0000${f.side}\u0000${f.text}\u0000${occurrence}`).digest('hex');
  return h.slice(0, 16);
}

/** The segment holding an offset of the unit's text on one side. */
function segmentAt(starts: number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
  return i;
}

export function keyedFindings(segments: RealSegment[]): KeyedFinding[] {
  const out: KeyedFinding[] = [];
  for (const unit of checkUnits(segments)) {
    const seen = new Map<string, number>();
    for (const inUnit of checkUnit(unit)) {
      const i = segmentAt(inUnit.side === 'target' ? unit.targetStarts : unit.sourceStarts, inUnit.start);
      const segment = unit.segments[i]!;
      const base = (inUnit.side === 'target' ? unit.targetStarts : unit.sourceStarts)[i]!;
      const tBase = unit.targetStarts[i]!;
      const finding: Finding = {
        ...inUnit,
        start: inUnit.start - base,
        end: inUnit.end - base,
        fixes: inUnit.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start - tBase, end: e.end - tBase })) })),
      };
      const k = `${segment.id}\u0000${finding.rule}\u0000${finding.side}\u0000${finding.text}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      out.push({ key: findingKey(segment.id, finding, n), segment, finding, unit, inUnit });
    }
  }
  return out;
}

// ---------- messages in English, as the user reads them ----------

const localeDir = fileURLToPath(new URL('../locales/en/', import.meta.url));
const strings = new Map<string, Record<string, string>>();

export function englishMessage(f: Finding): string {
  const [ns = 'checks', key = ''] = f.message.key.includes(':') ? f.message.key.split(':') : ['checks', f.message.key];
  let table = strings.get(ns);
  if (!table) strings.set(ns, (table = JSON.parse(readFileSync(`${localeDir}${ns}.json`, 'utf8')) as Record<string, string>));
  const raw = table[key] ?? f.message.key;
  return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, p: string) => String(f.message.params?.[p] ?? ''));
}

// ---------- stored blind judgements ----------

export type Verdict = 'true' | 'false' | 'debatable';
export const JUDGEMENTS_FILE = fileURLToPath(new URL('./judgements/realmt.jsonl', import.meta.url));

export function readJudgements(file = JUDGEMENTS_FILE): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line) as { key?: string; verdict?: string; judgement?: string };
    const v = String(j.verdict ?? j.judgement ?? '').toLowerCase();
    if (j.key && (v === 'true' || v === 'false' || v === 'debatable')) out.set(j.key, v);
  }
  return out;
}

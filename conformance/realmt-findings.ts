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
  finding: Finding;
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

export function checkSegment(seg: RealSegment, target = seg.target): Finding[] {
  return runChecks({ source: seg.source, target, sourceLang: seg.sourceLang, targetLang: 'en' });
}

/** Stable key: corpus segment, rule, side and span text (and which occurrence of that text). */
export function findingKey(segId: string, f: Pick<Finding, 'rule' | 'side' | 'text'>, occurrence: number): string {
  const h = createHash('sha1').update(`${segId}\u0000${f.rule}\u0000${f.side}\u0000${f.text}\u0000${occurrence}`).digest('hex');
  return h.slice(0, 16);
}

export function keyedFindings(segments: RealSegment[]): KeyedFinding[] {
  const out: KeyedFinding[] = [];
  for (const segment of segments) {
    const seen = new Map<string, number>();
    for (const finding of checkSegment(segment)) {
      const k = `${finding.rule}\u0000${finding.side}\u0000${finding.text}`;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      out.push({ key: findingKey(segment.id, finding, n), segment, finding });
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

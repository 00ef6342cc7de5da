/** The QA checks over the labelled corpus tests/corpus/checks/qa-*.jsonl (their rules only). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QA_CHECKS } from '../../../main/core/checks/qa/index.js';
import { makeContext, runCheck } from './qa-context.js';

interface Line {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
  expect: { rule: string; text: string }[];
}

const dir = new URL('../../corpus/checks/', import.meta.url);
const files = readdirSync(dir).filter((f) => /^qa-.*\.jsonl$/.test(f));

describe('QA checks on the labelled corpus', () => {
  it('meet precision >= 0.9 and recall >= 0.8', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const file of files) {
      for (const raw of readFileSync(new URL(file, dir), 'utf8').split('\n').filter(Boolean)) {
        const line = JSON.parse(raw) as Line;
        const ctx = makeContext(line);
        const got = new Set(QA_CHECKS.flatMap((c) => runCheck(c, ctx).map((f) => `${c.id}\u0000${f.text}`)));
        const want = new Set(line.expect.map((e) => `${e.rule}\u0000${e.text}`));
        for (const g of got) if (want.has(g)) tp++; else fp++;
        for (const w of want) if (!got.has(w)) fn++;
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8);
  }, 180_000);
});

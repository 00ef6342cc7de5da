import { describe, expect, it } from 'vitest';
import { MQM_SEVERITIES } from '../../main/contract/review.js';
import { wordDiff } from '../../main/common/word-diff.js';
import { collectArticle, collectProject, hterHistogram } from '../../main/core/report/collect.js';
import { harbourArticle, libraryArticle, projectInput } from './report-fixture.js';

describe('hterHistogram', () => {
  it('puts each score in its tenth, an HTER of exactly 1 in the last bin, and loses none', () => {
    const scores = [0, 0.05, 0.1, 0.3, 0.7, 0.95, 0.999, 1];
    const bins = hterHistogram(scores);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 1, 0, 0, 0, 1, 0, 3]);
    expect(bins[3]).toMatchObject({ from: 0.3, to: 0.4 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(scores.length);
  });
});

describe('collectArticle', () => {
  const input = harbourArticle();
  const report = collectArticle(input);

  it('lists placed annotations in document order, target side first, and keeps orphaned ones apart', () => {
    const placedTarget = report.annotations.filter((a) => a.side === 'target');
    expect(placedTarget.map((a) => a.start)).toEqual([...placedTarget.map((a) => a.start)].sort((x, y) => x - y));
    expect(report.annotations.findIndex((a) => a.side === 'source')).toBe(placedTarget.length);
    expect(report.orphaned.map((a) => a.id)).toEqual(input.annotations.filter((a) => a.orphaned).map((a) => a.id));
    expect(report.annotations.some((a) => a.orphaned)).toBe(false);
    expect(report.totals.annotations.total).toBe(input.annotations.length);
    expect(report.totals.annotations.orphaned).toBe(report.orphaned.length);
  });

  it('attaches each placed annotation to the segment its span lies in, on its own side', () => {
    const segmentOf = (id: string) => report.segments.find((s) => s.annotationIds.includes(id));
    for (const ann of report.annotations) {
      const seg = segmentOf(ann.id)!;
      expect(seg, ann.id).toBeDefined();
      expect(ann.side === 'target' ? seg.after : seg.source).toContain(ann.quote.exact);
    }
    expect(report.segments.flatMap((s) => s.annotationIds)).not.toContain(report.orphaned[0]!.id);
  });

  it('sums counts and penalty points by category and severity to the totals the scorer gave', () => {
    const rows = Object.values(report.mqm.byCategory);
    const penalty = rows.reduce((n, r) => n + MQM_SEVERITIES.reduce((m, s) => m + r[s].penalty, 0), 0);
    const count = rows.reduce((n, r) => n + MQM_SEVERITIES.reduce((m, s) => m + r[s].count, 0), 0);
    expect(penalty).toBe(input.mqm.penalty);
    expect(count).toBe(input.annotations.length);
    const mistranslation = report.mqm.byCategory['Accuracy/Mistranslation']!;
    expect(mistranslation.major.count + mistranslation.critical.count).toBe(input.annotations.filter((a) => a.category === 'Accuracy/Mistranslation').length);
    // Typology order: Accuracy before Locale convention before Source error.
    const keys = Object.keys(report.mqm.byCategory);
    expect(keys.indexOf('Accuracy/Mistranslation')).toBeLessThan(keys.indexOf('Locale convention/Currency'));
    expect(keys.indexOf('Locale convention/Currency')).toBeLessThan(keys.indexOf('Source error'));
  });

  it('pools HTER over segments (edits over reference words) and counts words like the diff does', () => {
    const edits = input.segments.reduce((n, s) => n + s.metrics.hter.edits, 0);
    const ref = input.segments.reduce((n, s) => n + s.metrics.hter.refLength, 0);
    expect(report.totals.hter).toBeCloseTo(edits / ref, 12);
    const stats = wordDiff(input.baseline, input.final, input.targetLang).stats;
    expect(report.totals).toMatchObject({ words: stats.words, baselineWords: stats.baselineWords, wordsChanged: stats.changed });
    expect(report.totals.editingMs).toBe(input.segments.reduce((n, s) => n + s.metrics.editingMs, 0));
    expect(report.hterHistogram.reduce((n, b) => n + b.count, 0)).toBe(input.segments.length);
  });

  it('uses a document chrF when one is given, else weighs segment scores by reference length', () => {
    expect(collectArticle({ ...input, chrf: 61.5 }).totals.chrf).toBe(61.5);
    const lo = Math.min(...input.segments.map((s) => s.metrics.chrf));
    const hi = Math.max(...input.segments.map((s) => s.metrics.chrf));
    expect(report.totals.chrf).toBeGreaterThanOrEqual(lo);
    expect(report.totals.chrf).toBeLessThanOrEqual(hi);
  });
});

describe('collectProject', () => {
  it('counts passed and failed articles and fails the project when one article fails', () => {
    const input = projectInput();
    const report = collectProject(input);
    const passed = report.articles.filter((a) => a.mqm.passed).length;
    expect(report.mqm.articlesPassed).toBe(passed);
    expect(report.mqm.articlesFailed).toBe(report.articles.length - passed);
    expect(report.mqm.passed).toBe(report.mqm.articlesFailed === 0);
    expect(report.mqm.penalty).toBe(input.articles.reduce((n, a) => n + a.mqm.penalty, 0));
    expect(report.totals.articles).toBe(2);
    expect(report.hterHistogram.reduce((n, b) => n + b.count, 0)).toBe(input.articles.reduce((n, a) => n + a.segments.length, 0));
  });

  it("takes the scorer's project verdict over the per-article rule when it gives one", () => {
    const report = collectProject({ ...projectInput(), mqm: { score: 12.5, passed: true, threshold: 20 } });
    expect(report.mqm).toMatchObject({ score: 12.5, passed: true, threshold: 20 });
  });

  it('leaves the verdict out when no article has a threshold', () => {
    const plain = libraryArticle();
    const { passed: _p, threshold: _t, ...mqm } = plain.mqm;
    const report = collectProject({ ...projectInput(), articles: [{ ...plain, mqm }] });
    expect(report.mqm.passed).toBeUndefined();
    expect(report.mqm.articlesPassed + report.mqm.articlesFailed).toBe(0);
  });
});

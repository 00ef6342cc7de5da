/**
 * One truth per figure (issue 8): an edited sample article's HTER, chrF and editing time are the same
 * figure, to the printed precision, in the article list, the report (HTML and its model), the metrics
 * definition the editor's bar uses, and `calque ter|chrf --document`.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chrfCommand } from '../../main/cli/commands/chrf.js';
import { terCommand } from '../../main/cli/commands/ter.js';
import { articleMetrics, formatChrf, formatDuration, formatHter } from '../../main/common/metrics/article.js';
import { renderHtml } from '../../main/core/report/html.js';
import { CalqueService } from '../../main/core/service.js';

const ID = 'news/flood-recife.txt';
let root: string;
let service: CalqueService;
let baseline: string;
let edited: string;

beforeAll(async () => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-metrics-'));
  fs.cpSync(join(import.meta.dirname, '../../samples'), root, { recursive: true });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  const view = await service.getArticle({ id: ID });
  baseline = view.baseline;
  // A post-edit: the dateline fixed, a false friend and a stacked preposition corrected, a sentence added.
  edited = baseline
    .replace('date 2024-03-13 ', 'RECIFE, March 13 (EFE) – ')
    .replace('Actually', 'Currently')
    .replace('the the', 'the')
    .replace('\n\n', ' Rescue teams worked through the night.\n\n');
  expect(edited).not.toBe(baseline);
  await service.saveArticle({ id: ID, text: edited, expectedRevision: view.revision });
  // 1 min 23 s of editing, partly in a segment key that no longer exists: none of it may be lost.
  await service.recordEditingTime({ id: ID, segments: { 'b0.0': 60_000, 'b1.0': 20_000, 'bgone.9': 3_000 } });
});
afterAll(() => {
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function cliOut(cmd: (argv: string[]) => Promise<number>, argv: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  try {
    expect(await cmd(argv)).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('article figures agree everywhere', () => {
  it('HTER and chrF: article list, report, metrics definition and CLI', async () => {
    const live = articleMetrics(baseline, edited, 'en').totals; // what the editor's metrics bar shows
    const listed = (await service.openProject({})).articles.find((a) => a.id === ID)!;
    const report = await service.buildReport({ id: ID, lng: 'en' });
    const article = report.articles[0]!;
    expect(live.hter.score).toBeGreaterThan(0);
    expect(listed.hter).toBe(live.hter.score);
    expect(listed.chrf).toBe(live.chrf);
    expect(article.totals.hter).toBe(live.hter.score);
    expect(article.totals.chrf).toBe(live.chrf);
    // A one-article report's project totals are that article's figures (chrF pooled, not averaged).
    expect(report.totals.chrf).toBe(live.chrf);
    expect(report.totals.hter).toBe(live.hter.score);

    fs.writeFileSync(join(root, 'mt.en.txt'), baseline);
    const hyp = join(root, 'mt.en.txt');
    const ref = join(root, 'news/flood-recife.en.txt');
    const ter = JSON.parse(await cliOut(terCommand, ['--document', '--hyp', hyp, '--ref', ref, '--format', 'json']));
    expect(ter.hter).toBe(live.hter.score);
    const chrf = JSON.parse(await cliOut(chrfCommand, ['--document', '--hyp', hyp, '--ref', ref, '--format', 'json']));
    expect(chrf.chrf).toBe(live.chrf);

    // Printed: the same strings in the CLI's text, the report's HTML (and so the bar, same formatters).
    expect(await cliOut(terCommand, ['--document', '--hyp', hyp, '--ref', ref])).toContain(`HTER ${formatHter(live.hter.score, 'en')} `);
    expect(await cliOut(chrfCommand, ['--document', '--hyp', hyp, '--ref', ref])).toBe(`chrF ${formatChrf(live.chrf, 'en')}\n`);
    const html = renderHtml(report, 'en');
    expect(html).toContain(formatHter(live.hter.score, 'en'));
    expect(html).toContain(formatChrf(live.chrf, 'en'));
  });

  it('editing time: one stored figure, one formatter', async () => {
    const view = await service.getArticle({ id: ID });
    expect(view.editingMs).toBe(83_000);
    const report = await service.buildReport({ id: ID, lng: 'en' });
    expect(report.articles[0]!.totals.editingMs).toBe(83_000);
    expect(renderHtml(report, 'en')).toContain(formatDuration(83_000, 'en'));
    expect(formatDuration(83_000, 'en')).toMatch(/1.*min.*23.*s/);
  });
});

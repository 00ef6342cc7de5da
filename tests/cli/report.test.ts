import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qaCsvPath, reportCommand, segmentsCsvPath, type ReportCollectOptions, type ReportDeps } from '../../main/cli/commands/report.js';
import { UsageError } from '../../main/cli/usage-error.js';
import { fixtureProject } from '../core/report-fixture.js';

function setup(env: Record<string, string | undefined> = { LANG: 'en_US.UTF-8' }) {
  const dir = mkdtempSync(join(tmpdir(), 'calque-report-cli-'));
  const calls: { folder: string; opts: ReportCollectOptions }[] = [];
  const logs: string[] = [];
  const errors: string[] = [];
  const deps: ReportDeps = {
    collect: async (folder, opts) => {
      calls.push({ folder, opts });
      const report = fixtureProject();
      return opts.article ? { ...report, articles: report.articles.filter((a) => a.id === opts.article) } : report;
    },
    log: (l) => logs.push(l),
    error: (l) => errors.push(l),
    env,
    cwd: dir,
  };
  return { dir, deps, calls, logs, errors };
}

describe('calque report', () => {
  it('writes a self-contained HTML report in the asked UI language', async () => {
    const { dir, deps, calls } = setup();
    expect(await reportCommand(['project', '--out', 'out/../report.html', '--lang', 'ar'], deps)).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(calls).toEqual([{ folder: join(dir, 'project'), opts: { uiLanguage: 'ar' } }]);
    // Atomic write: no temp file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes the UI language from the environment when --lang is not given', async () => {
    const { dir, deps, calls } = setup({ LANG: 'de_DE.UTF-8' });
    await reportCommand(['p', '--out', 'r.htm'], deps);
    expect(calls[0]!.opts.uiLanguage).toBe('de');
    expect(readFileSync(join(dir, 'r.htm'), 'utf8')).toContain('<html lang="de" dir="ltr">');
  });

  it('writes annotations, segment metrics and QA findings as three CSV files with a byte order mark', async () => {
    const { dir, deps, logs } = setup();
    expect(await reportCommand(['p', '--out', 'review.csv'], deps)).toBe(0);
    const annotations = readFileSync(join(dir, 'review.csv'), 'utf8');
    const segments = readFileSync(segmentsCsvPath(join(dir, 'review.csv')), 'utf8');
    expect(segmentsCsvPath('/x/review.csv')).toBe('/x/review.segments.csv');
    expect(annotations.startsWith('\uFEFFarticle,annotation,segment,')).toBe(true);
    expect(segments.startsWith('\uFEFFarticle,segment,source,')).toBe(true);
    expect(logs.join('\n')).toContain('review.segments.csv');
    const qa = readFileSync(qaCsvPath(join(dir, 'review.csv')), 'utf8');
    expect(qaCsvPath('/x/review.csv')).toBe('/x/review.qa.csv');
    expect(qa.startsWith('\uFEFFfile,segment,rule,severity,source,target,text,message,ignored\r\n')).toBe(true);
    expect(logs.join('\n')).toContain('review.qa.csv');
  });

  it('writes versioned JSON for one article with --article', async () => {
    const { dir, deps, calls } = setup();
    expect(await reportCommand(['p', '--out', 'one.json', '--article', 'library-hours'], deps)).toBe(0);
    expect(calls[0]!.opts.article).toBe('library-hours');
    const json = JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8')) as { formatVersion: number; articles: { id: string }[] };
    expect(json.formatVersion).toBe(1);
    expect(json.articles.map((a) => a.id)).toEqual(['library-hours']);
  });

  it('fails with exit code 1 and writes nothing for an unknown article', async () => {
    const { dir, deps, errors } = setup();
    expect(await reportCommand(['p', '--out', 'x.html', '--article', 'no-such'], deps)).toBe(1);
    expect(errors.join('\n')).toContain('no-such');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a bad command line before collecting anything', async () => {
    const { deps, calls } = setup();
    await expect(reportCommand(['p', '--out', 'report.pdf'], deps)).rejects.toThrow(UsageError);
    await expect(reportCommand(['p'], deps)).rejects.toThrow(UsageError);
    await expect(reportCommand(['p', 'q', '--out', 'a.html'], deps)).rejects.toThrow(UsageError);
    await expect(reportCommand(['p', '--out', 'a.html', '--lang', 'not a tag'], deps)).rejects.toThrow(UsageError);
    expect(calls).toEqual([]);
  });
});

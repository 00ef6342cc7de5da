/**
 * The HTML review report as a reader sees it: rendered from a fixture project in English and Arabic,
 * opened from file:// in Chromium, checked by role and text, and screenshotted (screen and print).
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (path: string) => resolve(fileURLToPath(new URL(path, import.meta.url)));
const screenshots = resolve(fileURLToPath(new URL('../screenshots', import.meta.url)));
const localeFile = (lng: string, ns: string) => JSON.parse(readFileSync(resolve(fileURLToPath(new URL('../../locales', import.meta.url)), lng, `${ns}.json`), 'utf8')) as Record<string, never>;
const strings = (lng: string) => localeFile(lng, 'report');
interface ReportStrings {
  title: string;
  summary: string;
  verdict: { pass: string; fail: string };
  mqmTableCaption: string;
  mqmChartTitle: string;
  hterTableCaption: string;
}
/** The category name as the mqm namespace gives it, or the typology's English string. */
function mistranslation(lng: string): string {
  const names = (localeFile(lng, 'mqm') as { category?: Record<string, string> }).category ?? {};
  return names.accuracy && names.accuracy_mistranslation ? `${names.accuracy} / ${names.accuracy_mistranslation}` : 'Accuracy/Mistranslation';
}

/**
 * Rendered in a tsx child process: Playwright's loader refuses the JSON imports of locales/index.ts
 * (Node wants an import attribute there, which the rest of the build does not use).
 */
function render(lng: string, project: 'fixtureProject' | 'projectWithSegmentStates' = 'fixtureProject'): { html: string; maliciousComment: string } {
  const code = `
    import { renderHtml } from ${JSON.stringify(pathToFileURL(here('../../main/core/report/html.ts')).href)};
    import { ${project} as project, MALICIOUS_COMMENT } from ${JSON.stringify(pathToFileURL(here('../core/report-fixture.ts')).href)};
    process.stdout.write(JSON.stringify({ html: renderHtml(project(), ${JSON.stringify(lng)}, { timeZone: 'UTC' }), maliciousComment: MALICIOUS_COMMENT }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 16 << 20 })) as { html: string; maliciousComment: string };
}

async function openReport(page: Page, lng: string, project?: Parameters<typeof render>[1]): Promise<{ requests: string[]; maliciousComment: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'calque-report-'));
  const file = join(dir, `report-${lng}.html`);
  const { html, maliciousComment } = render(lng, project);
  writeFileSync(file, html);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { requests, maliciousComment };
}

for (const lng of ['en', 'ar'] as const) {
  test(`report in ${lng}: summary, charts with data tables, verdicts, annotations as text`, async ({ page }) => {
    const s = strings(lng) as unknown as ReportStrings;
    const { requests, maliciousComment } = await openReport(page, lng);

    await expect(page.locator('html')).toHaveAttribute('dir', lng === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: s.summary })).toBeVisible();
    // Both articles have their own heading; the Arabic translation's text block is right-to-left.
    await expect(page.getByRole('heading', { level: 2, name: /harbour-festival/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /library-hours/ })).toBeVisible();
    await expect(page.locator('#article-1 .text[lang="ar"]')).toHaveAttribute('dir', 'rtl');

    // PASS/FAIL: the harbour article fails its threshold, the library article passes.
    await expect(page.locator('#article-0 .summary-line .verdict')).toHaveText(new RegExp(s.verdict.fail));
    await expect(page.locator('#article-1 .summary-line .verdict')).toHaveText(new RegExp(s.verdict.pass));

    // Each chart comes with a data table of the same numbers.
    const mqmTable = page.getByRole('table', { name: s.mqmTableCaption }).first();
    await expect(mqmTable).toBeVisible();
    await expect(mqmTable.getByRole('row').filter({ hasText: mistranslation(lng) })).toHaveCount(1);
    await expect(page.getByRole('table', { name: s.hterTableCaption }).first()).toBeVisible();
    await expect(page.getByRole('img', { name: s.mqmChartTitle }).first()).toBeVisible();

    // The malicious comment is shown as text and nothing in it ran.
    await expect(page.getByText(maliciousComment, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.title)).not.toBe('pwned');
    expect(await page.locator('script, img').count()).toBe(0);
    // Nothing outside the file was fetched.
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

    await page.screenshot({ path: join(screenshots, `report-${lng}.png`), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(screenshots, `report-${lng}-print.png`), fullPage: true });
  });
}

interface StateStrings {
  segmentStates: string;
  segmentStatesCaption: string;
  segmentLocked: string;
  segmentState: Record<'not-reviewed' | 'edited' | 'confirmed' | 'rejected', string>;
  column: { total: string };
}

for (const lng of ['en', 'ar'] as const) {
  test(`report in ${lng}: the segment states, counted per article and for the project, and listed segment by segment`, async ({ page }) => {
    const s = strings(lng) as unknown as StateStrings;
    await openReport(page, lng, 'projectWithSegmentStates');
    const n = (x: number) => new Intl.NumberFormat(lng).format(x);
    // The harbour article: one segment in each state, the not-reviewed one locked; four in all.
    await expect(page.locator('#article-0').getByRole('heading', { level: 3, name: s.segmentStates })).toBeVisible();
    const counts = page.locator('#article-0').getByRole('table', { name: s.segmentStatesCaption });
    const cell = (table: typeof counts, header: string) => table.getByRole('cell').nth(['not-reviewed', 'edited', 'confirmed', 'rejected', 'locked', 'total'].indexOf(header));
    for (const state of ['not-reviewed', 'edited', 'confirmed', 'rejected'] as const) {
      await expect(counts.getByRole('columnheader', { name: s.segmentState[state] })).toBeVisible();
      await expect(cell(counts, state)).toHaveText(n(1));
    }
    await expect(cell(counts, 'locked')).toHaveText(n(1));
    await expect(cell(counts, 'total')).toHaveText(n(4));
    // Each segment's row: its number, state, lock and the start of its text.
    const rows = page.locator('#article-0 table.segment-states').getByRole('row');
    await expect(rows).toHaveCount(5);
    await expect(rows.nth(2).getByRole('rowheader')).toHaveText(n(2));
    await expect(rows.nth(2).getByRole('cell').nth(0)).toHaveText(s.segmentState['not-reviewed']);
    await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText(s.segmentLocked);
    await expect(rows.nth(2)).toContainText('The fishing boats will be decorated');
    await expect(rows.nth(3).getByRole('cell').nth(0)).toHaveText(s.segmentState.rejected);
    await expect(rows.nth(3).getByRole('cell').nth(1)).toHaveText('');
    // The Arabic article's text cells are right to left; both its segments confirmed.
    await expect(page.locator('#article-1 table.segment-states .seg-text').first()).toHaveAttribute('dir', 'rtl');
    await expect(cell(page.locator('#article-1').getByRole('table', { name: s.segmentStatesCaption }), 'confirmed')).toHaveText(n(2));
    // The project summary adds both articles up: three confirmed of six.
    const project = page.getByRole('table', { name: s.segmentStatesCaption }).first();
    await expect(cell(project, 'confirmed')).toHaveText(n(3));
    await expect(cell(project, 'total')).toHaveText(n(6));
    await page.locator('#article-0 table.segment-states').screenshot({ path: join(screenshots, `report-segment-states-${lng}.png`) });
  });
}

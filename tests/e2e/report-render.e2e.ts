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
function render(lng: string): { html: string; maliciousComment: string } {
  const code = `
    import { renderHtml } from ${JSON.stringify(pathToFileURL(here('../../main/core/report/html.ts')).href)};
    import { fixtureProject, MALICIOUS_COMMENT } from ${JSON.stringify(pathToFileURL(here('../core/report-fixture.ts')).href)};
    process.stdout.write(JSON.stringify({ html: renderHtml(fixtureProject(), ${JSON.stringify(lng)}, { timeZone: 'UTC' }), maliciousComment: MALICIOUS_COMMENT }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 16 << 20 })) as { html: string; maliciousComment: string };
}

async function openReport(page: Page, lng: string): Promise<{ requests: string[]; maliciousComment: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'calque-report-'));
  const file = join(dir, `report-${lng}.html`);
  const { html, maliciousComment } = render(lng);
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

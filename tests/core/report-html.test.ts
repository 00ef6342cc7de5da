import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/contract/review.js';
import { escapeHtml, html } from '../../main/core/report/escape.js';
import { REPORT_CSP, renderHtml } from '../../main/core/report/html.js';
import { annotatedText, diffMarkup, type NumberedAnnotation } from '../../main/core/report/markup.js';
import { fixtureProject, MALICIOUS_COMMENT } from './report-fixture.js';
import de from '../../locales/de/report.json';
import fr from '../../locales/fr/report.json';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const textOf = (markup: string) => unescape(markup.replace(/<[^>]*>/g, ''));

describe('escapeHtml and the html template', () => {
  it('escapes markup, ampersands and both quotes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('escapes every interpolated value, including inside arrays, and keeps built pieces as markup', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"onmouseover="x'}">${['<a>', inner, null, false]}</p>`.value).toBe('<p title="&quot;onmouseover=&quot;x">&lt;a&gt;<b>&lt;i&gt;</b></p>');
  });
});

describe('renderHtml', () => {
  const report = fixtureProject();
  const en = renderHtml(report, 'en', { timeZone: 'UTC' });

  it('is one self-contained file: strict CSP, no scripts, no external resources', () => {
    expect(en).toMatch(/^<!doctype html>/);
    expect(unescape(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(en)![1]!)).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(en).not.toMatch(/<script|<img|<link|<iframe|<object|<[^>]*\son\w+=/i);
    expect(en).not.toMatch(/(?:src|href)="(?!#)|url\((?!#)/);
  });

  it('shows comments and names as text: the malicious comment comes out escaped', () => {
    expect(en).toContain(escapeHtml(MALICIOUS_COMMENT));
    expect(en).toContain(escapeHtml(report.name));
    expect(en).not.toContain(report.name);
  });

  it('sets the UI language and direction, and each text block its own content language', () => {
    const ar = renderHtml(report, 'ar', { timeZone: 'UTC' });
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(en).toMatch(/<html lang="en" dir="ltr">/);
    // The English translation stays left-to-right inside the Arabic UI, the Arabic one right-to-left in English.
    expect(ar).toContain('<div class="text" lang="en" dir="ltr">');
    expect(en).toContain('<div class="text" lang="ar" dir="rtl">');
  });

  it('marks every placed annotation in its text with its severity and a numbered link to its entry', () => {
    for (const [i, article] of report.articles.entries()) {
      article.annotations.forEach((ann, k) => {
        const anchor = `article-${i}-annotation-${k + 1}`;
        expect(en).toContain(`<mark class="sev-${ann.severity} `);
        expect(en).toMatch(new RegExp(`<a class="ref sev-${ann.severity}" href="#${anchor}"[^>]*>${k + 1}</a>`));
        expect(en).toContain(`id="${anchor}"`);
      });
    }
    expect(en).toContain(escapeHtml(report.articles[0]!.orphaned[0]!.comment));
  });

  it('writes numbers, dates and verdicts in the UI language through Intl', () => {
    const out = renderHtml(report, 'de', { timeZone: 'UTC' });
    const chrf = new Intl.NumberFormat('de', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(report.articles[0]!.totals.chrf);
    expect(out).toContain(`<dd>${chrf}`);
    const date = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(report.generatedAt));
    expect(out).toContain(escapeHtml(de.generated.replace('{{date}}', date)));
    expect(out).toContain(de.verdict.fail);
    expect(renderHtml(report, 'fr')).toContain(escapeHtml(fr.verdict.pass));
  });

  it('gives each chart a data table with the same numbers', () => {
    const bins = report.hterHistogram.map((b) => `<td class="num${b.count === 0 ? ' zero' : ''}">${b.count}</td>`).join('');
    expect(en).toContain(bins);
    const caption = en.match(/<caption>Errors per category and severity, with penalty points<\/caption>/g);
    expect(caption).toHaveLength(1 + report.articles.length);
    expect(en.match(/<svg class="chart" role="img"/g)).toHaveLength(2 * (1 + report.articles.length));
  });
});

describe('annotatedText', () => {
  const ann = (id: string, start: number, end: number, severity: Annotation['severity']): NumberedAnnotation => ({
    annotation: { id, side: 'target', start, end, quote: { exact: '', prefix: '', suffix: '' }, category: 'Fluency/Grammar', severity, comment: '', created: '', modified: '' },
    n: Number(id),
    anchor: `a${id}`,
  });
  const name = (s: string) => s;

  it('keeps the text intact, escapes it, and marks overlaps with the most severe annotation', () => {
    const text = 'Ships <dock> at dawn & dusk';
    const out = annotatedText(text, [ann('1', 0, 12, 'minor'), ann('2', 6, 20, 'critical')], name).value;
    expect(textOf(out.replace(/<a [^>]*>\d+<\/a>/g, ''))).toBe(text);
    expect(out).toContain('<mark class="sev-minor cat-fluency-grammar">Ships </mark>');
    expect(out).toContain('<mark class="sev-critical cat-fluency-grammar">&lt;dock&gt;</mark>');
    // Each reference follows the end of its own span.
    expect(out.indexOf('href="#a1"')).toBeLessThan(out.indexOf(' at dawn'));
    expect(out.indexOf('href="#a2"')).toBeGreaterThan(out.indexOf(' at dawn'));
  });

  it('shows a zero-length annotation (an omission) as a caret with its reference', () => {
    const out = annotatedText('one two', [ann('3', 3, 3, 'major')], name).value;
    expect(out).toMatch(/^one<span class="caret"[^>]*>‸<\/span><a class="ref sev-major" href="#a3"/);
  });
});

describe('diffMarkup', () => {
  it('shows deleted words in <del> and inserted words in <ins>; dropping <del> gives the post-edit', () => {
    const before = 'The city hall waits ten visitors in the dock.';
    const after = 'The city council expects ten visitors on the quay & pier.';
    const out = diffMarkup(before, after, 'en').value;
    expect(out).toContain('<del>hall waits</del><ins>council expects</ins>');
    expect(textOf(out.replace(/<del>.*?<\/del>/g, ''))).toBe(after);
    expect(out).toContain('&amp;');
  });

  it('keeps the space of a pure deletion inside <del> so the neighbours do not run together', () => {
    const out = diffMarkup('a very small boat', 'a small boat', 'en').value;
    expect(out).toBe('a <del>very </del>small boat');
  });
});

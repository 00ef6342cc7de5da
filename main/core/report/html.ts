/**
 * The review report as ONE self-contained HTML file: inline CSS and SVG, no scripts, no external
 * resources, a CSP that forbids everything else. Written in the UI language `lng` (report namespace),
 * while each text block carries its own content language and direction. Built from small template
 * functions over `html` (escape.ts), so every piece of document text is escaped on the way in.
 */
import type { TFunction } from 'i18next';
import { MQM_SEVERITIES, type Annotation, type MqmSeverity } from '../../contract/review.js';
import { RTL_LOCALES } from '../../../locales/index.js';
import { categoryKeys } from '../../common/mqm/typology.js';
import { messages } from '../messages.js';
import { directionOf } from '../project/languages.js';
import { histogramChart, mqmChart, severityDefs, severitySwatch } from './charts.js';
import { html, trustedHtml, type Html } from './escape.js';
import { reportFormat, type ReportFormat } from './format.js';
import { annotatedText, categoryClass, diffMarkup, type NumberedAnnotation } from './markup.js';
import type { ArticleReport, ArticleTotals, HistogramBin, MqmBreakdown, ProjectReport } from './model.js';
import { segmentCountsTable, segmentStatesBlock } from './segment-states-html.js';
import { REPORT_CSS } from './styles.js';
import { findingMessage } from './finding-message.js';

/** Nothing may load or run: styles are inline, images (if any) are data: URLs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface RenderOptions {
  /** IANA time zone for the date line (default: the machine's). */
  timeZone?: string;
}

interface Ctx {
  t: TFunction;
  lng: string;
  f: ReportFormat;
  rtl: boolean;
  category(category: string): string;
  severity(s: MqmSeverity): string;
}

function context(lng: string, options: RenderOptions): Ctx {
  const i18n = messages();
  const t = i18n.getFixedT(lng, 'report');
  // Category and severity names come from the mqm namespace (keys from main/common/mqm/typology.ts)
  // when it has them; otherwise our own severity names and the typology's English strings.
  const fromMqm = (keys: string[]): string | undefined => {
    for (const key of keys) if (i18n.exists(`mqm:${key}`, { lng })) return i18n.getFixedT(lng, 'mqm')(key);
    return undefined;
  };
  return {
    t,
    lng,
    f: reportFormat(lng, options.timeZone),
    rtl: RTL_LOCALES.has(lng.split('-')[0]!),
    category: (c) => {
      const keys = categoryKeys(c);
      const top = fromMqm([`category.${keys.top}`]);
      if (!top) return c;
      if (keys.sub === undefined) return top;
      const sub = fromMqm([`category.${keys.sub}`]);
      return sub ? `${top} / ${sub}` : c;
    },
    severity: (s) => fromMqm([`severity.${s}`]) ?? t(`severity.${s}`),
  };
}

const langAttrs = (tag: string) => html`lang="${tag}" dir="${directionOf(tag)}"`;

function verdict(ctx: Ctx, passed: boolean | undefined): Html {
  if (passed === undefined) return html`<span class="verdict none">${ctx.t('verdict.none')}</span>`;
  return passed ? html`<span class="verdict pass">${ctx.t('verdict.pass')}</span>` : html`<span class="verdict fail">${ctx.t('verdict.fail')}</span>`;
}

function card(label: string, value: string, note?: string, extraClass = ''): Html {
  return html`<div class="card ${extraClass}"><dt>${label}</dt><dd>${value}${note ? html`<small>${note}</small>` : ''}</dd></div>`;
}

const editRate = (t: ArticleTotals) => (t.baselineWords === 0 ? (t.wordsChanged > 0 ? 1 : 0) : Math.min(1, t.wordsChanged / t.baselineWords));
// The same printed figures as the metrics bar and the article list (main/common/metrics/article.ts).
const hter = (ctx: Ctx, n: number) => ctx.f.hter(n);
const chrf = (ctx: Ctx, n: number) => ctx.f.chrf(n);
/** Zero counts are muted so the non-zero cells of a table stand out. */
const countCell = (ctx: Ctx, n: number) => html`<td class="num${n === 0 ? ' zero' : ''}">${ctx.f.integer(n)}</td>`;

function metricCards(ctx: Ctx, totals: ArticleTotals & { articles?: number }, mqm: { score?: number; perWords?: number; penalty: number }): Html {
  const { t, f } = ctx;
  const orphanNote = totals.annotations.orphaned > 0 ? t('orphanedCount', { count: totals.annotations.orphaned, formattedCount: f.integer(totals.annotations.orphaned) }) : undefined;
  return html`<dl class="cards">${[
    totals.articles !== undefined ? card(t('metric.articles'), f.integer(totals.articles)) : '',
    card(t('metric.words'), f.integer(totals.words)),
    card(t('metric.wordsChanged'), f.integer(totals.wordsChanged), `${t('column.editRate')}: ${f.percent(editRate(totals))}`),
    card(t('metric.hter'), hter(ctx, totals.hter)),
    card(t('metric.chrf'), chrf(ctx, totals.chrf)),
    totals.tagAccuracy ? card(t('metric.tagAccuracy'), f.tagAccuracy(totals.tagAccuracy)) : '',
    card(t('metric.editingTime'), f.duration(totals.editingMs)),
    card(t('metric.annotations'), f.integer(totals.annotations.total), orphanNote),
    mqm.score !== undefined ? card(t('metric.mqmScore'), f.decimal(mqm.score, 2), mqm.perWords ? t('scorePerWords', { words: f.integer(mqm.perWords) }) : undefined, 'score') : '',
    card(t('metric.penalty'), f.decimal(mqm.penalty, 2)),
  ]}</dl>`;
}

function summaryLine(ctx: Ctx, passed: boolean | undefined, threshold: number | undefined, extra: (Html | string)[] = []): Html {
  return html`<div class="summary-line">${verdict(ctx, passed)}${threshold !== undefined ? html`<span>${ctx.t('threshold', { value: ctx.f.decimal(threshold, 2) })}</span>` : ''}${extra.map((e) => html`<span>${e}</span>`)}</div>`;
}

function header(report: ProjectReport, ctx: Ctx): Html {
  return html`<header class="report-head"><h1>${ctx.t('title')}</h1><div class="meta"><span>${ctx.t('projectLine', { name: report.name })}</span><span>${ctx.t('generated', { date: ctx.f.date(report.generatedAt) })}</span></div></header>`;
}

function languagePair(ctx: Ctx, a: ArticleReport): string {
  return ctx.t('languagePair', { source: ctx.f.language(a.sourceLang), target: ctx.f.language(a.targetLang) });
}

function summarySection(report: ProjectReport, ctx: Ctx): Html {
  const judged = report.mqm.articlesPassed + report.mqm.articlesFailed;
  const extra = judged > 0 && report.articles.length > 1 ? [ctx.t('articlesPassed', { passed: ctx.f.integer(report.mqm.articlesPassed), total: ctx.f.integer(judged) })] : [];
  return html`<section aria-labelledby="summary-h"><h2 id="summary-h">${ctx.t('summary')}</h2>${summaryLine(ctx, report.mqm.passed, report.mqm.threshold, extra)}${metricCards(
    ctx,
    report.articles.length > 1 ? report.totals : { ...report.totals, articles: undefined },
    report.mqm,
  )}${report.totals.segmentCounts ? segmentCountsTable(ctx, report.totals.segmentCounts, ctx.t('segmentStatesCaption')) : ''}</section>`;
}

function overviewTable(report: ProjectReport, ctx: Ctx): Html {
  const { t, f } = ctx;
  const rows = report.articles.map(
    (a, i) =>
      html`<tr><th scope="row"><a href="#article-${i}"><bdi>${a.id}</bdi></a></th><td>${languagePair(ctx, a)}</td><td>${t(`statusName.${a.status}`)}</td><td class="num">${f.integer(a.totals.words)}</td><td class="num">${f.percent(editRate(a.totals))}</td><td class="num">${hter(ctx, a.totals.hter)}</td><td class="num">${chrf(ctx, a.totals.chrf)}</td><td class="num">${f.decimal(a.mqm.score, 2)}</td><td>${verdict(ctx, a.mqm.passed)}</td></tr>`,
  );
  return html`<section aria-labelledby="overview-h"><h2 id="overview-h">${t('overview')}</h2><table><thead><tr><th scope="col">${t('column.article')}</th><th scope="col">${t('column.languages')}</th><th scope="col">${t('column.status')}</th><th scope="col" class="num">${t('column.words')}</th><th scope="col" class="num">${t('column.editRate')}</th><th scope="col" class="num">${t('column.hter')}</th><th scope="col" class="num">${t('column.chrf')}</th><th scope="col" class="num">${t('column.mqmScore')}</th><th scope="col">${t('column.result')}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function mqmFigure(byCategory: MqmBreakdown, ctx: Ctx, headingId: string): Html {
  const { t, f } = ctx;
  const categories = Object.keys(byCategory);
  if (categories.length === 0) return html`<p class="note">${t('noErrors')}</p>`;
  const legend = html`<ul class="legend" aria-label="${t('legend')}">${MQM_SEVERITIES.map((s) => html`<li>${severitySwatch(s)}<span>${ctx.severity(s)}</span></li>`)}</ul>`;
  const chart = mqmChart(byCategory, { category: ctx.category, number: f.integer }, { rtl: ctx.rtl, title: t('mqmChartTitle') });
  const sumRow = (row: MqmBreakdown[string]) => MQM_SEVERITIES.reduce((n, s) => ({ count: n.count + row[s].count, penalty: n.penalty + row[s].penalty }), { count: 0, penalty: 0 });
  const rows = categories.map((c) => {
    const row = byCategory[c]!;
    const sum = sumRow(row);
    return html`<tr><th scope="row" class="${categoryClass(c)}">${ctx.category(c)}</th>${MQM_SEVERITIES.map((s) => countCell(ctx, row[s].count))}<td class="num">${f.integer(sum.count)}</td><td class="num">${f.decimal(sum.penalty, 2)}</td></tr>`;
  });
  const totals = categories.map((c) => byCategory[c]!);
  const colTotal = (s: MqmSeverity) => totals.reduce((n, r) => n + r[s].count, 0);
  const all = totals.map(sumRow).reduce((a, b) => ({ count: a.count + b.count, penalty: a.penalty + b.penalty }), { count: 0, penalty: 0 });
  const table = html`<table><caption>${t('mqmTableCaption')}</caption><thead><tr><th scope="col">${t('column.category')}</th>${MQM_SEVERITIES.map((s) => html`<th scope="col" class="num">${ctx.severity(s)}</th>`)}<th scope="col" class="num">${t('column.total')}</th><th scope="col" class="num">${t('column.penalty')}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">${t('column.total')}</th>${MQM_SEVERITIES.map((s) => html`<td class="num">${f.integer(colTotal(s))}</td>`)}<td class="num">${f.integer(all.count)}</td><td class="num">${f.decimal(all.penalty, 2)}</td></tr></tfoot></table>`;
  return html`<figure aria-labelledby="${headingId}">${legend}${chart}${table}</figure>`;
}

function histogramFigure(bins: readonly HistogramBin[], ctx: Ctx, headingId: string): Html {
  const { t, f } = ctx;
  const edge = (n: number) => f.decimal(n, 1);
  const chart = histogramChart(bins, { number: f.integer, edge, xTitle: t('axisHter'), yTitle: t('axisSegments') }, { rtl: ctx.rtl, title: t('hterChartTitle') });
  // One row of counts under a header of ranges: ten narrow columns instead of ten long rows.
  const table = html`<table class="bins"><caption>${t('hterTableCaption')}</caption><thead><tr><th scope="col">${t('column.range')}</th>${bins.map((b) => html`<th scope="col" class="num">${t('hterRange', { from: edge(b.from), to: edge(b.to) })}</th>`)}</tr></thead><tbody><tr><th scope="row">${t('column.segments')}</th>${bins.map((b) => countCell(ctx, b.count))}</tr></tbody></table>`;
  return html`<figure aria-labelledby="${headingId}">${chart}${table}</figure>`;
}

function numbered(a: ArticleReport, articleIndex: number): NumberedAnnotation[] {
  return [...a.annotations, ...a.orphaned].map((annotation, k) => ({ annotation, n: k + 1, anchor: `article-${articleIndex}-annotation-${k + 1}` }));
}

function annotationItem(ctx: Ctx, a: ArticleReport, item: NumberedAnnotation): Html {
  const { annotation: ann } = item;
  const lang = ann.side === 'target' ? a.targetLang : a.sourceLang;
  const q = ann.quote;
  return html`<li class="annotation sev-${ann.severity}" id="${item.anchor}"><span class="n">${ctx.f.integer(item.n)}</span><div><div class="ann-head"><span class="badge sev-${ann.severity}">${ctx.severity(ann.severity)}</span><span class="category">${ctx.category(ann.category)}</span><span class="side">${ctx.t(`side.${ann.side}`)}</span>${ann.rule ? html`<span class="rule">${ctx.t('fromCheck', { rule: ann.rule })}</span>` : ''}</div><blockquote ${langAttrs(lang)}>${q.prefix ? html`<span class="context">…${q.prefix}</span>` : ''}<mark class="sev-${ann.severity}">${q.exact}</mark>${q.suffix ? html`<span class="context">${q.suffix}…</span>` : ''}</blockquote>${ann.baseline && ann.baseline.exact !== q.exact ? html`<p class="mt-words">${ctx.t('mtWords')} <q ${langAttrs(lang)}>${ann.baseline.exact}</q></p>` : ''}${ann.comment.trim() ? html`<p class="comment" dir="auto">${ann.comment}</p>` : html`<p class="comment empty">${ctx.t('noComment')}</p>`}</div></li>`;
}

function annotationsBlock(ctx: Ctx, a: ArticleReport, items: NumberedAnnotation[], i: number): Html {
  const placed = items.filter((x) => !x.annotation.orphaned);
  const orphaned = items.filter((x) => x.annotation.orphaned);
  const count = ctx.t('annotationCount', { count: items.length, formattedCount: ctx.f.integer(items.length) });
  const list = (xs: NumberedAnnotation[]) => html`<ol class="annotations">${xs.map((x) => annotationItem(ctx, a, x))}</ol>`;
  return html`<h3 id="article-${i}-annotations-h">${ctx.t('annotations')} <span class="note">(${count})</span></h3>${placed.length ? list(placed) : html`<p class="note">${ctx.t('noAnnotations')}</p>`}${
    orphaned.length
      ? html`<section class="orphaned" aria-labelledby="article-${i}-orphaned-h"><h3 id="article-${i}-orphaned-h">${ctx.t('orphaned')}</h3><p class="note">${ctx.t('orphanedNote')}</p>${list(orphaned)}</section>`
      : ''
  }`;
}

function segmentsBlock(ctx: Ctx, a: ArticleReport, i: number): Html {
  const { t, f } = ctx;
  const edited = a.segments.filter((s) => s.before !== s.after);
  const heading = html`<h3 id="article-${i}-segments-h">${t('editedSegments')}</h3>`;
  if (edited.length === 0) return html`${heading}<p class="note">${t('noEdits')}</p>`;
  const rows = edited.map(
    (s) =>
      html`<tr><th scope="row" class="num">${f.integer(s.index + 1)}</th><td class="seg-text" ${langAttrs(a.sourceLang)}>${s.source}</td><td class="seg-text" ${langAttrs(a.targetLang)}>${diffMarkup(s.before, s.after, a.targetLang)}</td><td class="num">${hter(ctx, s.hter.score)}</td><td class="num">${chrf(ctx, s.chrf)}</td><td class="num">${f.duration(s.editingMs)}</td></tr>`,
  );
  return html`${heading}<p class="note">${t('editedSegmentsNote', { edited: f.integer(edited.length), total: f.integer(a.segments.length) })}</p><table><thead><tr><th scope="col" class="num">${t('column.segment')}</th><th scope="col">${t('column.source')}</th><th scope="col">${t('column.changes')}</th><th scope="col" class="num">${t('column.hter')}</th><th scope="col" class="num">${t('column.chrf')}</th><th scope="col" class="num">${t('column.editingTime')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The checks' findings with the reviewer's decisions: ignored ones are listed and marked, never hidden. */
function qaBlock(ctx: Ctx, a: ArticleReport, i: number): Html {
  if (!a.findings) return html``;
  const { t, f } = ctx;
  const heading = html`<h3 id="article-${i}-qa-h">${t('qa.title')}</h3>`;
  if (!a.findings.length) return html`${heading}<p class="note">${t('qa.none')}</p>`;
  const ignored = a.findings.filter((x) => x.ignored).length;
  const message = findingMessage(ctx.lng);
  const rows = a.findings.map(
    (x) =>
      html`<tr class="${x.ignored ? 'ignored' : ''}"><td class="num">${f.integer(x.segment)}</td><td>${x.severity === 'hint' ? t('qa.hint') : ctx.severity(x.severity)}</td><td><code>${x.rule}</code></td><td ${langAttrs(x.side === 'target' ? a.targetLang : a.sourceLang)}>${x.text}</td><td>${message(x.message)}</td><td>${x.ignored ? t('qa.yes') : t('qa.no')}</td></tr>`,
  );
  return html`${heading}<p class="note">${t('qa.count', { count: f.integer(a.findings.length), ignored: f.integer(ignored) })}</p><table><thead><tr><th scope="col" class="num">${t('column.segment')}</th><th scope="col">${t('qa.severity')}</th><th scope="col">${t('qa.rule')}</th><th scope="col">${t('qa.text')}</th><th scope="col">${t('qa.message')}</th><th scope="col">${t('qa.ignored')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function articleSection(ctx: Ctx, a: ArticleReport, i: number): Html {
  const items = numbered(a, i);
  const onSide = (side: Annotation['side']) => items.filter((x) => !x.annotation.orphaned && x.annotation.side === side);
  const sourceMarks = onSide('source');
  return html`<article class="article" id="article-${i}" aria-labelledby="article-${i}-h"><h2 id="article-${i}-h">${ctx.t('articleHeading', { id: a.id })}</h2>${summaryLine(ctx, a.mqm.passed, a.mqm.threshold, [
    languagePair(ctx, a),
    `${ctx.t('column.status')}: ${ctx.t(`statusName.${a.status}`)}`,
  ])}${metricCards(ctx, a.totals, a.mqm)}<h3>${ctx.t('correctedText')}</h3><div class="text" ${langAttrs(a.targetLang)}>${annotatedText(a.final, onSide('target'), ctx.severity)}</div>${
    sourceMarks.length ? html`<h3>${ctx.t('sourceText')}</h3><div class="text" ${langAttrs(a.sourceLang)}>${annotatedText(a.source, sourceMarks, ctx.severity)}</div>` : ''
  }${annotationsBlock(ctx, a, items, i)}${qaBlock(ctx, a, i)}${segmentsBlock(ctx, a, i)}${segmentStatesBlock(ctx, a, i)}<h3 id="article-${i}-mqm-h">${ctx.t('mqmBreakdown')}</h3>${mqmFigure(a.mqm.byCategory, ctx, `article-${i}-mqm-h`)}<h3 id="article-${i}-hter-h">${ctx.t('hterDistribution')}</h3>${histogramFigure(a.hterHistogram, ctx, `article-${i}-hter-h`)}</article>`;
}

function projectCharts(report: ProjectReport, ctx: Ctx): Html {
  return html`<section aria-labelledby="project-mqm-h"><h2 id="project-mqm-h">${ctx.t('mqmBreakdown')}</h2>${mqmFigure(report.mqm.byCategory, ctx, 'project-mqm-h')}</section><section aria-labelledby="project-hter-h"><h2 id="project-hter-h">${ctx.t('hterDistribution')}</h2>${histogramFigure(report.hterHistogram, ctx, 'project-hter-h')}</section>`;
}

/** The whole report as one HTML document in the UI language `lng`. */
export function renderHtml(report: ProjectReport, lng: string, options: RenderOptions = {}): string {
  const ctx = context(lng, options);
  const many = report.articles.length > 1;
  const title = report.articles.length === 1 ? `${ctx.t('title')}: ${report.articles[0]!.id}` : `${ctx.t('title')}: ${report.name}`;
  const doc = html`<!doctype html>
<html lang="${lng}" dir="${ctx.rtl ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trustedHtml(REPORT_CSS)}</style>
</head>
<body>
${severityDefs()}
${header(report, ctx)}
<main>
${summarySection(report, ctx)}
${many ? overviewTable(report, ctx) : ''}
${many ? projectCharts(report, ctx) : ''}
${report.articles.map((a, i) => articleSection(ctx, a, i))}
</main>
</body>
</html>
`;
  return doc.value;
}

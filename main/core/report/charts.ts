/**
 * Inline SVG charts for reports: MQM errors by category stacked by severity, and the HTER histogram.
 * Built from numbers and escaped labels only; mirrored for right-to-left UIs (the SVG inherits the
 * page's direction, so "start"/"end" text anchors follow it and only x coordinates are flipped).
 * Each chart comes with a data table in html.ts: the SVG is a picture of it (role="img").
 */
import { MQM_SEVERITIES, type MqmSeverity } from '../../contract/review.js';
import { html, joinHtml, type Html } from './escape.js';
import type { HistogramBin, MqmBreakdown } from './model.js';

/**
 * Severity colours from Paul Tol's colour-blind-safe palettes, ordered light to dark so they also read
 * in greyscale print; major and critical add hatching so no reader depends on hue alone.
 */
export const SEVERITY_COLOURS: Record<MqmSeverity, string> = {
  neutral: '#BBBBBB',
  minor: '#4477AA',
  major: '#EE7733',
  critical: '#882255',
};

interface ChartOptions {
  rtl: boolean;
  /** Accessible name of the picture (the data table carries the numbers). */
  title: string;
}

/**
 * The hatching patterns, defined once per document (an invisible SVG at the top of the body) and used
 * by every chart and swatch: inline SVGs of one HTML document share ids.
 */
export function severityDefs(): Html {
  return html`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="sev-major" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${SEVERITY_COLOURS.major}"/><rect width="2" height="6" fill="#FFFFFF" fill-opacity="0.45"/></pattern>
<pattern id="sev-critical" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${SEVERITY_COLOURS.critical}"/><path d="M0 0L6 6M6 0L0 6" stroke="#FFFFFF" stroke-opacity="0.5" stroke-width="1"/></pattern>
</defs></svg>`;
}

/** The fill of a severity: a pattern for the two that carry hatching. */
export function severityFill(s: MqmSeverity): string {
  return s === 'major' || s === 'critical' ? `url(#sev-${s})` : SEVERITY_COLOURS[s];
}

/** A small legend swatch, as SVG so it prints without "background graphics". */
export function severitySwatch(s: MqmSeverity): Html {
  return html`<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><rect x="0.5" y="0.5" width="13" height="13" fill="${severityFill(s)}" stroke="#333333" stroke-width="0.6"/></svg>`;
}

const fmtCoord = (n: number) => String(Math.round(n * 10) / 10);

/** x of a box [x, x + w) in left-to-right coordinates, flipped for RTL. */
function boxX(x: number, w: number, width: number, rtl: boolean): string {
  return fmtCoord(rtl ? width - x - w : x);
}
function pointX(x: number, width: number, rtl: boolean): string {
  return fmtCoord(rtl ? width - x : x);
}

export interface MqmChartLabels {
  category(category: string): string;
  number(n: number): string;
}

/** Horizontal bars, one per category, segments per severity, length = number of errors. */
export function mqmChart(byCategory: MqmBreakdown, labels: MqmChartLabels, opts: ChartOptions): Html {
  const rows = Object.entries(byCategory).map(([category, row]) => ({
    label: labels.category(category),
    parts: MQM_SEVERITIES.map((s) => ({ severity: s, count: row[s].count })),
    total: MQM_SEVERITIES.reduce((n, s) => n + row[s].count, 0),
  }));
  const width = 760;
  const labelWidth = 300;
  const rowHeight = 30;
  const barHeight = 18;
  const top = 8;
  const barsFrom = labelWidth + 12;
  const barsWidth = width - barsFrom - 48;
  const height = top * 2 + Math.max(1, rows.length) * rowHeight;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const unit = barsWidth / max;
  const body = rows.map((row, i) => {
    const y = top + i * rowHeight;
    const barY = y + (rowHeight - barHeight) / 2;
    let x = barsFrom;
    const rects = row.parts
      .filter((p) => p.count > 0)
      .map((p) => {
        const w = p.count * unit;
        const rect = html`<rect x="${boxX(x, w, width, opts.rtl)}" y="${fmtCoord(barY)}" width="${fmtCoord(w)}" height="${barHeight}" fill="${severityFill(p.severity)}" stroke="#FFFFFF" stroke-width="1"/>`;
        x += w;
        return rect;
      });
    const textY = fmtCoord(y + rowHeight / 2 + 4);
    return html`<g><text x="${pointX(labelWidth, width, opts.rtl)}" y="${textY}" text-anchor="end" class="chart-label">${row.label}</text>${rects}<text x="${pointX(x + 6, width, opts.rtl)}" y="${textY}" text-anchor="start" class="chart-value">${labels.number(row.total)}</text></g>`;
  });
  const axis = html`<line x1="${pointX(barsFrom, width, opts.rtl)}" y1="${top - 2}" x2="${pointX(barsFrom, width, opts.rtl)}" y2="${height - top + 2}" stroke="#57606A" stroke-width="1"/>`;
  return html`<svg class="chart" role="img" aria-label="${opts.title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${joinHtml(body)}${axis}</svg>`;
}

/** Round tick step so the y axis has about four gridlines with whole numbers. */
function tickStep(max: number): number {
  const raw = Math.max(1, max / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

export interface HistogramLabels {
  number(n: number): string;
  /** A bin edge, e.g. 0.3. */
  edge(n: number): string;
  xTitle: string;
  yTitle: string;
}

/** Vertical bars, one per HTER bin, with counts above and bin edges below. */
export function histogramChart(bins: readonly HistogramBin[], labels: HistogramLabels, opts: ChartOptions): Html {
  const width = 760;
  const height = 270;
  const left = 56;
  const right = 16;
  const top = 20;
  const bottom = 56;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const step = tickStep(max);
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const slot = plotW / Math.max(1, bins.length);
  const grid: Html[] = [];
  for (let v = 0; v <= yMax; v += step) {
    grid.push(
      html`<line x1="${pointX(left, width, opts.rtl)}" x2="${pointX(left + plotW, width, opts.rtl)}" y1="${fmtCoord(y(v))}" y2="${fmtCoord(y(v))}" stroke="${v === 0 ? '#57606A' : '#D0D7DE'}" stroke-width="1"/><text x="${pointX(left - 8, width, opts.rtl)}" y="${fmtCoord(y(v) + 4)}" text-anchor="end" class="chart-tick">${labels.number(v)}</text>`,
    );
  }
  const bars = bins.map((b, i) => {
    const x = left + i * slot + slot * 0.12;
    const w = slot * 0.76;
    const h = (b.count / yMax) * plotH;
    const centre = pointX(x + w / 2, width, opts.rtl);
    return html`<rect x="${boxX(x, w, width, opts.rtl)}" y="${fmtCoord(y(b.count))}" width="${fmtCoord(w)}" height="${fmtCoord(h)}" fill="#4477AA"/>${b.count > 0 ? html`<text x="${centre}" y="${fmtCoord(y(b.count) - 5)}" text-anchor="middle" class="chart-value">${labels.number(b.count)}</text>` : ''}`;
  });
  const edges = [...bins.map((b) => b.from), bins[bins.length - 1]?.to ?? 1].map(
    (e, i) => html`<text x="${pointX(left + i * slot, width, opts.rtl)}" y="${fmtCoord(top + plotH + 18)}" text-anchor="middle" class="chart-tick">${labels.edge(e)}</text>`,
  );
  const titles = html`<text x="${pointX(left + plotW / 2, width, opts.rtl)}" y="${height - 10}" text-anchor="middle" class="chart-axis">${labels.xTitle}</text><text transform="translate(${opts.rtl ? width - 16 : 16} ${fmtCoord(top + plotH / 2)}) rotate(${opts.rtl ? 90 : -90})" text-anchor="middle" class="chart-axis">${labels.yTitle}</text>`;
  return html`<svg class="chart" role="img" aria-label="${opts.title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${joinHtml(grid)}${joinHtml(bars)}${joinHtml(edges)}${titles}</svg>`;
}

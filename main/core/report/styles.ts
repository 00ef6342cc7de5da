/**
 * The report's stylesheet (inline: the file must stand alone). Severity marks differ by underline
 * style and weight as well as colour, so they survive greyscale print, printers that drop backgrounds
 * and colour-blind readers. Logical properties (inline-start/end) mirror the layout for RTL.
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0a4d8c;
  --neutral: #767676; --minor: #4477aa; --major: #c45a16; --critical: #882255;
  --pass: #1a7f37; --fail: #b42318;
}
* { box-sizing: border-box; }
html { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
body { max-width: 1080px; margin: 0 auto; padding: 36px 40px 72px; }
.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h1 { font-size: 30px; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 22px; margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 17px; margin: 28px 0 10px; }
p { margin: 6px 0; }
.report-head { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 8px; }
.report-head .meta { color: var(--muted); margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px 24px; }
.summary-line { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; margin: 4px 0 16px; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin: 12px 0 8px; padding: 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px 12px; margin: 0; background: #fff; }
.card dt { font-size: 13px; color: var(--muted); }
.card dd { margin: 2px 0 0; font-size: 21px; line-height: 1.3; font-weight: 650; font-variant-numeric: tabular-nums; }
.card dd small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
.card.score { border-color: var(--ink); border-width: 2px; }
.verdict { display: inline-block; padding: 1px 10px; border: 2px solid currentColor; border-radius: 4px; font-weight: 800; letter-spacing: 0.06em; font-size: 14px; }
.verdict.pass { color: var(--pass); }
.verdict.fail { color: var(--fail); }
.verdict.none { color: var(--muted); font-weight: 600; letter-spacing: 0; }
.verdict.pass::before { content: "✓ "; }
.verdict.fail::before { content: "✗ "; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }
caption { text-align: start; font-size: 13px; color: var(--muted); padding: 4px 0 6px; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: start; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 13px; font-weight: 650; white-space: nowrap; }
tbody th { font-weight: 500; }
td.zero { color: #8c959f; }
table.bins th, table.bins td { padding: 6px 6px; font-size: 13px; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td, tfoot th { border-top: 2px solid var(--ink); border-bottom: 0; font-weight: 650; }
tbody tr:nth-child(even) { background: var(--soft); }
a { color: var(--accent); }
.text { white-space: pre-wrap; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; line-height: 1.9; font-size: 15.5px; }
mark { color: inherit; padding: 0 1px; border-radius: 2px; }
mark.sev-neutral { background: #efefef; border-bottom: 2px dotted var(--neutral); }
mark.sev-minor { background: #e1ebf5; border-bottom: 2px solid var(--minor); }
mark.sev-major { background: #fde8d7; border-bottom: 3px dashed var(--major); }
mark.sev-critical { background: #f5dce9; border-bottom: 4px double var(--critical); }
a.ref { font-size: 11px; font-weight: 700; vertical-align: super; line-height: 0; text-decoration: none; padding: 0 2px; margin-inline-start: 1px; }
a.ref.sev-neutral { color: var(--neutral); } a.ref.sev-minor { color: var(--minor); } a.ref.sev-major { color: var(--major); } a.ref.sev-critical { color: var(--critical); }
.caret { color: var(--critical); font-weight: 700; }
ol.annotations { list-style: none; padding: 0; margin: 8px 0; }
li.annotation { display: grid; grid-template-columns: 2.4em 1fr; gap: 4px 10px; padding: 10px 0; border-bottom: 1px solid var(--line); }
li.annotation .n { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--muted); text-align: end; padding-top: 1px; }
.ann-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; padding: 0 8px; border-radius: 10px; border: 1.5px solid currentColor; }
.badge.sev-neutral { color: var(--neutral); } .badge.sev-minor { color: var(--minor); } .badge.sev-major { color: var(--major); } .badge.sev-critical { color: #fff; background: var(--critical); border-color: var(--critical); }
.category { font-weight: 600; }
.side, .rule { color: var(--muted); font-size: 13px; }
blockquote { margin: 4px 0; padding: 2px 12px; border-inline-start: 3px solid var(--line); color: var(--ink); }
blockquote .context { color: var(--muted); }
.comment { margin: 4px 0 0; }
.comment.empty { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: 14px; }
.orphaned { border: 1px dashed var(--muted); border-radius: 8px; padding: 4px 16px 8px; margin-top: 12px; }
del { background: #ffebe9; color: #82071e; text-decoration: line-through; text-decoration-thickness: 1.5px; }
ins { background: #dafbe1; color: #0f5323; text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 2px; }
del + ins { margin-inline-start: 0.2em; }
td.seg-text { white-space: pre-wrap; min-width: 14em; }
td.seg-metrics { white-space: nowrap; color: var(--muted); font-size: 13px; }
figure { margin: 8px 0 20px; }
.chart { display: block; max-width: 100%; height: auto; }
.chart-label, .chart-tick, .chart-axis, .chart-value { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif; fill: #1f2328; }
.chart-tick { fill: #57606a; }
.chart-value { font-weight: 700; }
.chart-axis { fill: #57606a; font-size: 12.5px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 6px 0 8px; font-size: 13px; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { flex: none; }
.dual { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .dual { grid-template-columns: 1fr; } }
article.article { margin-top: 48px; }
article.article > h2 { font-size: 24px; border-bottom: 3px solid var(--ink); }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  article.article { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  .card, figure, li.annotation, tr, .verdict { break-inside: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  .dual { grid-template-columns: 1fr; }
  tbody tr:nth-child(even) { background: none; }
  mark[class] { background: none; }
  .text { border: 0; padding: 0; }
  .badge.sev-critical { color: var(--critical); background: none; }
}
tr.ignored td { opacity: 0.65; }
`;

import type { TFunction } from 'i18next';
import { SEGMENT_REVIEW_STATES } from '../../contract/api.js';
import { directionOf } from '../project/languages.js';
import { html, type Html } from './escape.js';
import type { ReportFormat } from './format.js';
import type { ArticleReport, SegmentStatesReport } from './model.js';

/** Longest piece of a segment's text shown in the states table (the whole text is above it). */
const EXCERPT_CHARS = 90;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** The counts per state as one table row (shared by the article and the project summary). */
export function segmentCountsTable(ctx: { t: TFunction; f: ReportFormat }, counts: SegmentStatesReport['counts'], caption: string): Html {
  const { t, f } = ctx;
  return html`<table class="segment-counts"><caption>${caption}</caption><thead><tr>${SEGMENT_REVIEW_STATES.map((s) => html`<th scope="col" class="num">${t(`segmentState.${s}`)}</th>`)}<th scope="col" class="num">${t('segmentLocked')}</th><th scope="col" class="num">${t('column.total')}</th></tr></thead><tbody><tr>${SEGMENT_REVIEW_STATES.map((s) => html`<td class="num">${f.integer(counts[s])}</td>`)}<td class="num">${f.integer(counts.locked)}</td><td class="num">${f.integer(counts.total)}</td></tr></tbody></table>`;
}

/** An article's segment states: the counts, then every segment with its number, state and lock. */
export function segmentStatesBlock(ctx: { t: TFunction; f: ReportFormat }, a: ArticleReport, i: number): Html {
  const states = a.segmentStates;
  if (!states) return html``;
  const { t, f } = ctx;
  const rows = states.segments.map(
    (s) =>
      html`<tr class="seg-state-${s.state}"><th scope="row" class="num">${f.integer(s.number)}</th><td>${t(`segmentState.${s.state}`)}</td><td>${s.locked ? t('segmentLocked') : ''}</td><td class="seg-text" lang="${a.targetLang}" dir="${directionOf(a.targetLang)}">${excerpt(s.text)}</td></tr>`,
  );
  return html`<h3 id="article-${i}-states-h">${t('segmentStates')}</h3>${segmentCountsTable(ctx, states.counts, t('segmentStatesCaption'))}<table class="segment-states"><thead><tr><th scope="col" class="num">${t('column.segment')}</th><th scope="col">${t('column.state')}</th><th scope="col">${t('segmentLocked')}</th><th scope="col">${t('column.text')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

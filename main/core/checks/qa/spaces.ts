/**
 * Spacing: double spaces inside a segment, spaces at the start or end of a line that the source line has
 * not, and lines of nothing but spaces that the source has not (a Tab or stray spaces between paragraphs).
 */
import type { CheckContext, CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

const DOUBLE = /(?<=\S)[ \u00a0]{2,}(?=\S)/g;

export const doubleSpace: CheckDefinition = {
  id: 'qa.double-space',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target) return [];
    return [...seg.target.matchAll(DOUBLE)].map((m): RawFinding => {
      const start = seg.targetStart + (m.index ?? 0);
      return { start, end: start + m[0].length, message: qaMessage('doubleSpace'), fixes: [replaceFix(start, start + m[0].length, ' ')] };
    });
  },
};

/** The run of spaces and tabs between the line start and `at`, or between `at` and the line end. */
function leading(text: string, at: number): [number, number] | null {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\u00a0')) i--;
  return i < at && (i === 0 || text[i - 1] === '\n') ? [i, at] : null;
}
function trailing(text: string, at: number): [number, number] | null {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i++;
  return i > at && (i === text.length || text[i] === '\n') ? [at, i] : null;
}

function edgeFindings(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const { alignment } = ctx;
  for (const link of alignment.links) {
    if (!link.target.length || !link.source.length) continue;
    const t0 = alignment.target[link.target[0]!]!;
    const t1 = alignment.target[link.target[link.target.length - 1]!]!;
    const s0 = alignment.source[link.source[0]!]!;
    const s1 = alignment.source[link.source[link.source.length - 1]!]!;
    const lead = leading(ctx.target, t0.start);
    if (lead && !leading(ctx.source, s0.start)) {
      out.push({ start: lead[0], end: lead[1], message: qaMessage('leadingSpace'), fixes: [replaceFix(lead[0], lead[1], '')] });
    }
    const trail = trailing(ctx.target, t1.end);
    if (trail && !trailing(ctx.source, s1.end)) {
      out.push({ start: trail[0], end: trail[1], message: qaMessage('trailingSpace'), fixes: [replaceFix(trail[0], trail[1], '')] });
    }
  }
  return out;
}

export const edgeSpaces: CheckDefinition = {
  id: 'qa.edge-spaces',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'document',
  run: (ctx) => edgeFindings(ctx),
};

const BLANK_LINE = /^[ \t\u00a0\u3000]+$/gm;

/**
 * Lines holding only spaces or tabs. The source may have such lines too (its file's own layout, copied
 * by the machine translation): as many of each as the source has are accepted, the rest are reported.
 */
export const whitespaceLines: CheckDefinition = {
  id: 'qa.whitespace-line',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'document',
  run(ctx) {
    const allowed = new Map<string, number>();
    for (const m of ctx.source.matchAll(BLANK_LINE)) allowed.set(m[0], (allowed.get(m[0]) ?? 0) + 1);
    const out: RawFinding[] = [];
    for (const m of ctx.target.matchAll(BLANK_LINE)) {
      const left = allowed.get(m[0]) ?? 0;
      if (left > 0) {
        allowed.set(m[0], left - 1);
        continue;
      }
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, message: qaMessage('whitespaceLine'), fixes: [replaceFix(start, start + m[0].length, '')] });
    }
    return out;
  },
};

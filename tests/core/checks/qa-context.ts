/**
 * Builds CheckContext/SegmentView objects by hand for the QA check tests: one sentence per non-empty
 * line (paragraphs as main/common/paragraphs.ts splits them), linked 1–1 in order (so the tests do not depend on the real splitter and aligner).
 */
import type { DocumentAlignment, Sentence } from '../../../main/contract/review.js';
import type { CheckContext, CheckDefinition, ProjectCheckData, RawFinding, SegmentView } from '../../../main/core/checks/types.js';
import { splitParagraphs } from '../../../main/common/paragraphs.js';

function lineSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = splitParagraphs(text);
  let offset = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    const paragraph = paragraphs.findIndex((p) => p.start <= offset + lead && offset + lead < p.end);
    if (body) out.push({ start: offset + lead, end: offset + lead + body.length, paragraph });
    offset += line.length + 1;
  }
  return out;
}

export interface ContextInput {
  source: string;
  target: string;
  sourceLang?: string;
  targetLang?: string;
  project?: Partial<ProjectCheckData>;
  articleId?: string;
}

export function makeContext(input: ContextInput): CheckContext {
  const source = lineSentences(input.source);
  const target = lineSentences(input.target);
  const n = Math.max(source.length, target.length);
  const links = Array.from({ length: n }, (_, i) => ({ source: i < source.length ? [i] : [], target: i < target.length ? [i] : [] }));
  const alignment: DocumentAlignment = { source, target, links };
  const segments: SegmentView[] = links.map((l, i) => {
    const s = l.source.length ? source[l.source[0]!]! : null;
    const t = l.target.length ? target[l.target[0]!]! : null;
    return {
      index: i,
      source: s ? input.source.slice(s.start, s.end) : '',
      target: t ? input.target.slice(t.start, t.end) : '',
      sourceStart: s?.start ?? 0,
      targetStart: t?.start ?? input.target.length,
      first: i === 0,
    };
  });
  return {
    sourceLang: input.sourceLang ?? 'pt-BR',
    targetLang: input.targetLang ?? 'en',
    source: input.source,
    target: input.target,
    alignment,
    segments,
    project: { glossary: [], wordList: [], ...input.project },
    articleId: input.articleId,
  };
}

export interface ShownFinding extends RawFinding {
  text: string;
}

/** Runs one check over the whole context as the engine would, adding each finding's text. */
export function runCheck(check: CheckDefinition, ctx: CheckContext): ShownFinding[] {
  const raw = check.scope === 'segment' ? ctx.segments.flatMap((s) => check.run(ctx, s)) : check.run(ctx);
  return raw.map((f) => ({ ...f, text: (f.side === 'source' ? ctx.source : ctx.target).slice(f.start, f.end) }));
}

/** Shorthand: the texts of the findings of `check` on one sentence pair. */
export function spans(check: CheckDefinition, source: string, target: string, sourceLang = 'pt-BR', targetLang = 'en'): string[] {
  return runCheck(check, makeContext({ source, target, sourceLang, targetLang })).map((f) => f.text);
}

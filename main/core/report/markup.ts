/**
 * Document text as report HTML: annotations highlighted with numbered references, and word-level
 * before/after changes. Every character of the text passes through `html` (escaped).
 */
import { MQM_SEVERITIES, type Annotation, type MqmSeverity } from '../../contract/review.js';
import { wordDiff } from '../../common/word-diff.js';
import { html, joinHtml, type Html } from './escape.js';

export interface NumberedAnnotation {
  annotation: Annotation;
  /** The number shown in the text and in the list. */
  n: number;
  /** Id of the list entry the reference links to. */
  anchor: string;
}

/** A CSS class name for a category: "Accuracy/Mistranslation" → "cat-accuracy-mistranslation". */
export function categoryClass(category: string): string {
  return `cat-${category.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

const rank = (s: MqmSeverity) => MQM_SEVERITIES.indexOf(s);

function reference(a: NumberedAnnotation, severityName: (s: MqmSeverity) => string): Html {
  return html`<a class="ref sev-${a.annotation.severity}" href="#${a.anchor}" title="${severityName(a.annotation.severity)} · ${a.annotation.category}">${a.n}</a>`;
}

/**
 * `text` with <mark>s over the annotated spans. Overlapping annotations split the text at every start
 * and end: each piece is marked with the most severe annotation covering it, and the reference number
 * follows the piece where an annotation ends. Zero-length annotations (an omission) show a caret.
 * Annotations outside the text are left to the caller (they are listed, not drawn).
 */
export function annotatedText(text: string, annotations: readonly NumberedAnnotation[], severityName: (s: MqmSeverity) => string): Html {
  const inside = annotations.filter((a) => a.annotation.start >= 0 && a.annotation.end <= text.length && a.annotation.start <= a.annotation.end);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((a) => [a.annotation.start, a.annotation.end])])].sort((x, y) => x - y);
  const out: Html[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const from = cuts[i]!;
    for (const a of inside) if (a.annotation.start === from && a.annotation.end === from) out.push(html`<span class="caret" aria-hidden="true">‸</span>${reference(a, severityName)}`);
    if (i === cuts.length - 1) break;
    const to = cuts[i + 1]!;
    const piece = text.slice(from, to);
    const covering = inside.filter((a) => a.annotation.start <= from && a.annotation.end >= to && a.annotation.start < a.annotation.end);
    if (covering.length === 0) out.push(html`${piece}`);
    else {
      const top = covering.reduce((m, a) => (rank(a.annotation.severity) > rank(m.annotation.severity) ? a : m));
      out.push(html`<mark class="sev-${top.annotation.severity} ${categoryClass(top.annotation.category)}">${piece}</mark>`);
    }
    for (const a of covering) if (a.annotation.end === to) out.push(reference(a, severityName));
  }
  return joinHtml(out);
}

/**
 * `after` with the words that changed against `before`: deleted words in <del>, inserted in <ins>,
 * in reading order (deletion first). A pure deletion keeps the space that followed the deleted words
 * inside <del>, so the surrounding words do not run together.
 */
export function diffMarkup(before: string, after: string, lang: string): Html {
  const { changes } = wordDiff(before, after, lang);
  const out: Html[] = [];
  let cursor = 0;
  for (const c of changes) {
    out.push(html`${after.slice(cursor, c.current[0])}`);
    let deleted = before.slice(c.baseline[0], c.baseline[1]);
    if (c.kind === 'deleted') deleted += /^[^\S\n]*/.exec(before.slice(c.baseline[1]))![0];
    if (deleted) out.push(html`<del>${deleted}</del>`);
    const inserted = after.slice(c.current[0], c.current[1]);
    if (inserted) out.push(html`<ins>${inserted}</ins>`);
    cursor = c.current[1];
  }
  out.push(html`${after.slice(cursor)}`);
  return joinHtml(out);
}

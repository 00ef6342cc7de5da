import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** A span of the Markdown text: [start, end) in UTF-16 units. */
export type Span = [number, number];

export interface MarkdownStructure {
  /** The text to translate, block by block (headings, paragraphs in lists, quotes, footnotes, table cells), in order. */
  blocks: Span[];
  /** What is not text to translate: code, inline code, HTML, front matter, URLs and link or image targets. Sorted, merged. */
  protectedSpans: Span[];
}

/** Nodes whose whole source is not text to translate. */
const OPAQUE = new Set(['code', 'inlineCode', 'html', 'yaml', 'toml', 'definition', 'footnoteReference']);
/** Nodes whose inline content is one block of text. */
const BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

/**
 * Markdown by structure (micromark with GFM and front matter), positions only: nothing is ever
 * serialised back (remark's serialiser reformats and escapes; FORMATS.md). The tree is read for
 * where the prose is and where code, URLs and markup are; the file stays the editor's text.
 */
export function markdownStructure(text: string): MarkdownStructure {
  const tree: Root = fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml', 'toml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const blocks: Span[] = [];
  const spans: Span[] = [];
  // Iterative walk: a deeply nested list or quote must not overflow the stack.
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const at = spanOf(node);
    if (OPAQUE.has(node.type)) {
      if (at) spans.push(at);
      continue;
    }
    if (node.type === 'link' || node.type === 'linkReference') spans.push(...targetOf(node, text));
    if (node.type === 'image' || node.type === 'imageReference') spans.push(...imageTargets(node, text));
    if (BLOCKS.has(node.type) && 'children' in node) {
      const inner = contentSpan(node);
      if (inner) blocks.push(inner);
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { blocks, protectedSpans: merge(spans) };
}

function spanOf(node: Nodes): Span | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

/** From the first child's start to the last child's end: a heading without its "## ", a cell without its pipes. */
function contentSpan(node: Parents): Span | null {
  const first = node.children[0] ? spanOf(node.children[0] as Nodes) : null;
  const last = node.children.length ? spanOf(node.children[node.children.length - 1] as Nodes) : null;
  return first && last && last[1] > first[0] ? [first[0], last[1]] : null;
}

/**
 * A link's target: "(url "title")" or "[ref]" after its text. An autolink (<https://…>, a bare
 * www.… or e-mail address) is its own target: all of it.
 */
function targetOf(node: Nodes & Parents, text: string): Span[] {
  const at = spanOf(node);
  if (!at) return [];
  const inner = contentSpan(node);
  const raw = text.slice(at[0], at[1]);
  if (!raw.startsWith('[') || !inner) return [at];
  // "[text](url)": the "]" right after the text closes it; the rest is the target ("[text]" alone has none).
  return inner[1] + 1 < at[1] ? [[inner[1] + 1, at[1]]] : [];
}

/** An image keeps its alt text; the "![", the URL or reference around it are not text. */
function imageTargets(node: Nodes, text: string): Span[] {
  const at = spanOf(node);
  if (!at) return [];
  const raw = text.slice(at[0], at[1]);
  const alt = 'alt' in node && typeof node.alt === 'string' ? node.alt : '';
  const i = alt ? raw.indexOf(alt, 2) : -1;
  if (!raw.startsWith('![') || i < 0) return [at];
  return [
    [at[0], at[0] + i],
    [at[0] + i + alt.length, at[1]],
  ];
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

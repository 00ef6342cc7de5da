import { forwardRef, memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../main/common/paragraphs';
import { cutPieces, type Piece } from '../../main/common/text-pieces';
import type { Sentence } from '../../main/contract/review';
import { languageName } from '../lib/format';
import type { ParagraphSegment } from '../review/use-segment-workflow';

export interface SourceMark {
  start: number;
  end: number;
  className: string;
  title: string;
}

interface PaneProps {
  text: string;
  paragraphs: Paragraph[];
  /** The source's sentences once the alignment is known; until then, paragraphs only. */
  sentences: readonly Sentence[] | null;
  lang: string;
  dir: 'ltr' | 'rtl';
  activeParagraph: number;
  activeSentences: ReadonlySet<number>;
  marks: readonly SourceMark[];
  /** Each paragraph's segment (number, state, hidden by the filter), by paragraph index. */
  segments: readonly (ParagraphSegment | null)[];
  onPickParagraph: (index: number) => void;
  onPickSentence: (index: number) => void;
  onStep: (delta: 1 | -1) => void;
  onEnter: () => void;
  onScroll: () => void;
}

interface ParagraphProps {
  paragraph: Paragraph;
  text: string;
  pieces: Piece[];
  lang: string;
  dir: 'ltr' | 'rtl';
  hasSentences: boolean;
  active: boolean;
  /** The active sentences inside this paragraph, as a key ("3,4"): only paragraphs whose key changes re-render. */
  activeKey: string;
  marks: readonly SourceMark[];
  /** The segment's number, "state locked?" and whether the filter hides it (primitives, for the memo). */
  segmentNumber?: number;
  segmentClass?: string;
  hidden: boolean;
  pick: { paragraph: (index: number) => void; sentence: (index: number) => void };
}

/**
 * One paragraph of the source. Memoised: a book has thousands, and moving the cursor must re-render only
 * the paragraphs whose highlight changes, not the whole pane.
 */
const SourceParagraph = memo(function SourceParagraph(props: ParagraphProps) {
  const { paragraph: p, text, marks } = props;
  const active = new Set(props.activeKey ? props.activeKey.split(',').map(Number) : []);
  return (
    <p
      tabIndex={-1}
      lang={props.lang}
      dir={props.dir}
      data-index={p.index}
      data-segment={props.segmentNumber}
      hidden={props.hidden}
      className={['para', props.active ? 'para-active' : '', props.segmentClass ?? ''].filter(Boolean).join(' ')}
      onClick={() => {
        if (!props.hasSentences) props.pick.paragraph(p.index);
      }}
    >
      {props.pieces.map((piece) => {
        const classes = [];
        if (piece.sentence >= 0) classes.push('sent');
        if (active.has(piece.sentence)) classes.push('sent-active');
        for (const m of piece.marks) classes.push(marks[m]!.className);
        const title = piece.marks.map((m) => marks[m]!.title).join('\n') || undefined;
        return (
          <span
            key={piece.start}
            data-start={piece.start}
            data-sentence={piece.sentence >= 0 ? piece.sentence : undefined}
            tabIndex={piece.sentence >= 0 ? -1 : undefined}
            className={classes.join(' ') || undefined}
            title={title}
            onClick={
              piece.sentence >= 0
                ? (e) => {
                    // A click that ends a selection is for annotating, not for jumping.
                    if (window.getSelection()?.isCollapsed === false) return;
                    e.stopPropagation();
                    props.pick.sentence(piece.sentence);
                  }
                : undefined
            }
          >
            {text.slice(piece.start, piece.end)}
          </span>
        );
      })}
    </p>
  );
});

/**
 * The read-only source, paragraph by paragraph and sentence by sentence, in its own language and
 * direction. Text is rendered as text nodes (React escapes it), never as HTML. Clicking a sentence, or
 * Enter on the one chosen with the arrow keys, moves the translation's cursor to its partner; the
 * partner of the translation's current sentence is highlighted. Each piece carries its offset
 * (data-start) so a selection here can be annotated as a source error.
 */
export const SourcePane = forwardRef<HTMLDivElement, PaneProps>(function SourcePane(props, ref) {
  const { t } = useTranslation();
  const { text, sentences, marks } = props;
  // Stable handlers for the memoised paragraphs, always calling the latest props.
  const latest = useRef(props);
  latest.current = props;
  const pick = useMemo(
    () => ({ paragraph: (i: number) => latest.current.onPickParagraph(i), sentence: (i: number) => latest.current.onPickSentence(i) }),
    [],
  );
  // Each paragraph is cut with its own sentences and marks only: a book has thousands of both.
  const pieces = useMemo(() => {
    const byParagraph = new Map<number, { start: number; end: number; index: number }[]>();
    (sentences ?? []).forEach((s, index) => {
      const list = byParagraph.get(s.paragraph) ?? [];
      list.push({ start: s.start, end: s.end, index });
      byParagraph.set(s.paragraph, list);
    });
    return props.paragraphs.map((p) => {
      const own = byParagraph.get(p.index) ?? [];
      const ownMarks = marks.filter((m) => m.end > p.start && m.start < p.end);
      return cutPieces(p.start, p.end, own, ownMarks).map((piece) => ({
        ...piece,
        sentence: piece.sentence >= 0 ? own[piece.sentence]!.index : -1,
        marks: piece.marks.map((m) => marks.indexOf(ownMarks[m]!)),
      }));
    });
  }, [props.paragraphs, sentences, marks]);
  const activeByParagraph = new Map<number, number[]>();
  if (sentences) {
    for (const i of props.activeSentences) {
      const para = sentences[i]?.paragraph;
      if (para !== undefined) activeByParagraph.set(para, [...(activeByParagraph.get(para) ?? []), i]);
    }
  }
  return (
    <div
      ref={ref}
      className="source-pane"
      role="region"
      aria-label={t('review.sourcePane', { lang: languageName(props.lang) })}
      tabIndex={0}
      onScroll={props.onScroll}
      onKeyDown={(e) => {
        // Up and down step through sentences (the partner follows); Enter edits the partner.
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          props.onStep(e.key === 'ArrowDown' ? 1 : -1);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          props.onEnter();
        }
      }}
    >
      <div className="pane-heading pane-heading-source">
        {t('review.source')} ({languageName(props.lang)})
      </div>
      {blocksOf(props.paragraphs).map((block) => (
        <div key={block[0]!.index} className="para-block" hidden={block.every((p) => props.segments[p.index]?.hidden)}>
          {block.map((p) => (
            <SourceParagraph
              key={p.index}
              paragraph={p}
              text={text}
              pieces={pieces[p.index]!}
              lang={props.lang}
              dir={props.dir}
              hasSentences={!!sentences}
              active={p.index === props.activeParagraph}
              activeKey={(activeByParagraph.get(p.index) ?? []).join(',')}
              marks={marks}
              segmentNumber={props.segments[p.index]?.number}
              segmentClass={segClass(props.segments[p.index])}
              hidden={!!props.segments[p.index]?.hidden}
              pick={pick}
            />
          ))}
        </div>
      ))}
    </div>
  );
});

/**
 * Paragraphs per block of the pane: the blocks out of view skip style, layout and paint
 * (content-visibility). One per paragraph, a book's 2,000 had Chromium check every one of them for
 * visibility at each frame, up to 8 ms of a keystroke's frame; sentence-sync.ts finds paragraphs by it.
 */
export const PARAGRAPHS_PER_BLOCK = 32;

function blocksOf(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const out: Paragraph[][] = [];
  for (let i = 0; i < paragraphs.length; i += PARAGRAPHS_PER_BLOCK) out.push(paragraphs.slice(i, i + PARAGRAPHS_PER_BLOCK));
  return out;
}

function segClass(s: ParagraphSegment | null | undefined): string | undefined {
  return s ? `seg-${s.state}${s.locked ? ' seg-locked' : ''}` : undefined;
}

/** The source offsets of the current DOM selection inside the pane, or null when it is elsewhere or empty. */
export function sourceSelection(pane: HTMLElement | null): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!pane || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const offsetOf = (node: Node, within: number): number | null => {
    const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-start]');
    if (!el || !pane.contains(el)) return null;
    return Number(el.dataset.start) + (node.nodeType === Node.TEXT_NODE ? within : 0);
  };
  const a = offsetOf(range.startContainer, range.startOffset);
  const b = offsetOf(range.endContainer, range.endOffset);
  if (a === null || b === null || b <= a) return null;
  return { start: a, end: b };
}

import { forwardRef, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../main/common/paragraphs';
import { cutPieces } from '../../main/common/text-pieces';
import type { Sentence } from '../../main/contract/review';
import { languageName } from '../lib/format';

export interface SourceMark {
  start: number;
  end: number;
  className: string;
  title: string;
}

/**
 * The read-only source, paragraph by paragraph and sentence by sentence, in its own language and
 * direction. Text is rendered as text nodes (React escapes it), never as HTML. Clicking a sentence, or
 * Enter on the one chosen with the arrow keys, moves the translation's cursor to its partner; the
 * partner of the translation's current sentence is highlighted. Each piece carries its offset
 * (data-start) so a selection here can be annotated as a source error.
 */
export const SourcePane = forwardRef<
  HTMLDivElement,
  {
    text: string;
    paragraphs: Paragraph[];
    /** The source's sentences once the alignment is known; until then, paragraphs only. */
    sentences: readonly Sentence[] | null;
    lang: string;
    dir: 'ltr' | 'rtl';
    activeParagraph: number;
    activeSentences: ReadonlySet<number>;
    marks: readonly SourceMark[];
    onPickParagraph: (index: number) => void;
    onPickSentence: (index: number) => void;
    onStep: (delta: 1 | -1) => void;
    onEnter: () => void;
    onScroll: () => void;
  }
>(function SourcePane(props, ref) {
  const { t } = useTranslation();
  const { text, sentences, marks } = props;
  const pieces = useMemo(
    () => props.paragraphs.map((p) => cutPieces(p.start, p.end, sentences ?? [], marks)),
    [props.paragraphs, sentences, marks],
  );
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
      {props.paragraphs.map((p) => (
        <p
          key={p.index}
          tabIndex={-1}
          lang={props.lang}
          dir={props.dir}
          data-index={p.index}
          className={p.index === props.activeParagraph ? 'para para-active' : 'para'}
          onClick={() => {
            if (!sentences) props.onPickParagraph(p.index);
          }}
        >
          {pieces[p.index]!.map((piece) => {
            const classes = [];
            if (piece.sentence >= 0) classes.push('sent');
            if (props.activeSentences.has(piece.sentence)) classes.push('sent-active');
            for (const m of piece.marks) classes.push(marks[m]!.className);
            const title = piece.marks.map((m) => marks[m]!.title).join('\n') || undefined;
            return (
              <span
                key={piece.start}
                data-start={piece.start}
                data-sentence={piece.sentence >= 0 ? piece.sentence : undefined}
                className={classes.join(' ') || undefined}
                title={title}
                onClick={
                  piece.sentence >= 0
                    ? (e) => {
                        // A click that ends a selection is for annotating, not for jumping.
                        if (window.getSelection()?.isCollapsed === false) return;
                        e.stopPropagation();
                        props.onPickSentence(piece.sentence);
                      }
                    : undefined
                }
              >
                {text.slice(piece.start, piece.end)}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
});

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

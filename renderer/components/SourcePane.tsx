import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../main/common/paragraphs';
import { languageName } from '../lib/format';

/**
 * The read-only source, paragraph by paragraph, in its own language and direction. Text is rendered as
 * text (React escapes it), never as HTML. Clicking a paragraph, or Enter on the one chosen with the
 * arrow keys, moves the translation's cursor to its partner.
 */
export const SourcePane = forwardRef<
  HTMLDivElement,
  {
    paragraphs: Paragraph[];
    lang: string;
    dir: 'ltr' | 'rtl';
    active: number;
    onPick: (index: number) => void;
    onStep: (index: number) => void;
    onScroll: () => void;
  }
>(function SourcePane(props, ref) {
  const { t } = useTranslation();
  return (
    <div
      ref={ref}
      className="source-pane"
      role="region"
      aria-label={t('review.sourcePane', { lang: languageName(props.lang) })}
      tabIndex={0}
      onScroll={props.onScroll}
      onKeyDown={(e) => {
        // Up and down step through paragraphs (the partner follows); Enter edits the partner.
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          props.onStep(props.active + (e.key === 'ArrowDown' ? 1 : -1));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          props.onPick(props.active);
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
          className={p.index === props.active ? 'para para-active' : 'para'}
          onClick={() => props.onPick(p.index)}
        >
          {p.text}
        </p>
      ))}
    </div>
  );
});

import type { DocumentAlignment, Sentence } from '../../../main/contract/review';
import { indexLinks, partnersOf, sentenceAt, shiftSentences, type LinkIndex } from '../../../main/common/alignment-lookup';
import { splitParagraphs, type Paragraph } from '../../../main/common/paragraphs';
import { PARAGRAPHS_PER_BLOCK } from '../../components/SourcePane';
import { monaco } from '../../monaco/setup';
import type { ArticleDocument } from '../article-document';
import { firstEndingBelow } from '../shown';
import { rangeAt } from '../ranges';
import { StateCell, type Editor, type EditorContribution } from './contribution';

/** Height of the source pane's sticky heading: paragraphs scrolled to the top sit just below it. */
const SOURCE_HEADING_PX = 40;
/** A scroll this soon after one pane moved the other is the echo of that move, not the user's. */
const ECHO_MS = 200;

export interface SyncState {
  /** The source paragraph of the translation's cursor (before the alignment is known, the only highlight). */
  paragraph: number;
  /** The source sentences partnering the translation's current sentence. */
  sentences: ReadonlySet<number>;
}

function sameSet(a: ReadonlySet<number>, b: readonly number[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

function paragraphAtLine(paras: readonly Paragraph[], line: number): number {
  let best = 0;
  for (const p of paras) {
    if (p.startLine <= line) best = p.index;
    else break;
  }
  return best;
}

/**
 * The source pane and the translation move together, sentence by sentence: the cursor in a translation
 * sentence highlights its source partner (and the partner scrolls into view), scrolling either pane
 * scrolls the other, and the source pane's keys step through its sentences with their partners.
 * Before the checks send the alignment, paragraphs pair up instead.
 */
export class SentenceSync implements EditorContribution {
  readonly state = new StateCell<SyncState>({ paragraph: 0, sentences: new Set() });
  private editor: Editor | null = null;
  private model: monaco.editor.ITextModel | null = null;
  private alignment: DocumentAlignment | null = null;
  private links: LinkIndex | null = null;
  /** Target sentences of the last alignment, moved through every edit since (highlights stay put while typing). */
  private targetSentences: Sentence[] = [];
  private paras: Paragraph[] = [];
  private activeSource = -1;
  private echo: { origin: 'editor' | 'source'; until: number } | null = null;
  private highlight: monaco.editor.IEditorDecorationsCollection | null = null;
  private enabled = true;
  private pane: HTMLElement | null = null;

  attach(editor: Editor, doc: ArticleDocument): monaco.IDisposable {
    this.editor = editor;
    this.model = doc.model;
    this.paras = splitParagraphs(doc.model.getValue());
    this.highlight = editor.createDecorationsCollection();
    const model = doc.model;
    const onChange = model.onDidChangeContent((e) => {
      for (const c of [...e.changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
        this.targetSentences = shiftSentences(this.targetSentences, c.rangeOffset, c.rangeLength, c.text.length);
      }
    });
    const cursor = editor.onDidChangeCursorPosition((e) => this.follow(model.getOffsetAt(e.position), e.position.lineNumber));
    const scroll = editor.onDidScrollChange((e) => {
      if (e.scrollTopChanged) this.editorScrolled();
    });
    this.refollow();
    return {
      dispose: () => {
        onChange.dispose();
        cursor.dispose();
        scroll.dispose();
        this.highlight?.clear();
        this.editor = null;
        this.model = null;
      },
    };
  }

  setPane(pane: HTMLElement | null): void {
    this.pane = pane;
  }

  /** The paragraphs of the editor's text after a pause in typing. */
  setText(text: string): void {
    this.paras = splitParagraphs(text);
  }

  setAlignment(alignment: DocumentAlignment | null): void {
    if (alignment === this.alignment) return;
    this.alignment = alignment;
    this.links = alignment ? indexLinks(alignment) : null;
    this.targetSentences = alignment?.target ?? [];
    this.refollow();
  }

  /** Off while the Changes view replaces the panes. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (enabled) this.refollow();
    else this.highlight?.clear();
  }

  get hasSentences(): boolean {
    return !!this.alignment;
  }

  private refollow(): void {
    const pos = this.editor?.getPosition();
    if (pos && this.model) this.follow(this.model.getOffsetAt(pos), pos.lineNumber);
  }

  private setActive(paragraph: number, sentences: readonly number[] | null): void {
    const prev = this.state.get();
    const next = sentences && !sameSet(prev.sentences, sentences) ? new Set(sentences) : prev.sentences;
    if (next !== prev.sentences || paragraph !== prev.paragraph) this.state.set({ paragraph, sentences: next });
  }

  /** The cursor moved to `offset`: highlight the partner (sentences, or the paragraph) and bring it into view. */
  private follow(offset: number, line: number): void {
    if (!this.enabled) return;
    const a = this.alignment;
    if (a && this.links) {
      const ti = sentenceAt(this.targetSentences, offset);
      const partners = ti >= 0 ? partnersOf(a, this.links, 'target', ti) : null;
      if (partners) {
        this.paint(this.targetRangesOfLink(partners.link));
        const first = partners.sentences[0];
        if (first !== undefined) {
          this.activeSource = first;
          this.setActive(a.source[first]!.paragraph, partners.sentences);
          this.scrollSourceTo(this.sentenceElement(first), 'nearest');
        } else this.setActive(this.state.get().paragraph, partners.sentences);
        return;
      }
    }
    const index = paragraphAtLine(this.paras, line);
    this.setActive(index, null);
    this.paintParagraph(index);
    this.scrollSourceTo(this.paragraphElement(index), 'nearest');
  }

  private paint(ranges: monaco.Range[]): void {
    this.highlight?.set(this.enabled ? ranges.map((range) => ({ range, options: { className: 'sent-active-range', isWholeLine: false } })) : []);
  }

  private paintParagraph(index: number): void {
    const p = this.paras[index];
    this.highlight?.set(p && this.enabled ? [{ range: new monaco.Range(p.startLine, 1, p.endLine, 1), options: { isWholeLine: true, className: 'para-active-line' } }] : []);
  }

  private targetRanges(indices: readonly number[]): monaco.Range[] {
    const model = this.model;
    if (!model) return [];
    return indices.map((i) => this.targetSentences[i]).filter((s): s is Sentence => !!s).map((s) => rangeAt(model, s.start, s.end));
  }

  private targetRangesOfLink(link: number): monaco.Range[] {
    return this.alignment ? this.targetRanges(this.alignment.links[link]!.target) : [];
  }

  /**
   * The source pane's element of paragraph `index`: the pane's children are its heading, then blocks of
   * paragraphs in order. Looked up, not searched for: a book's pane has tens of thousands of elements,
   * and a querySelector over them on every keystroke cost milliseconds.
   */
  private paragraphElement(index: number): HTMLElement | null {
    const block = this.pane?.children[1 + Math.floor(index / PARAGRAPHS_PER_BLOCK)];
    const el = block?.children[index % PARAGRAPHS_PER_BLOCK] as HTMLElement | undefined;
    if (el?.dataset.index === String(index)) return el;
    return this.pane?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null;
  }

  /** The element of source sentence `index`, inside the paragraph it starts in. */
  private sentenceElement(index: number): HTMLElement | null {
    const paragraph = this.alignment?.source[index]?.paragraph;
    const selector = `[data-sentence="${index}"]`;
    const inParagraph = paragraph === undefined ? null : this.paragraphElement(paragraph)?.querySelector<HTMLElement>(selector);
    return inParagraph ?? this.pane?.querySelector<HTMLElement>(selector) ?? null;
  }

  /** Scroll the source pane to a sentence or paragraph element, marking the scroll as the editor's. */
  private scrollSourceTo(el: HTMLElement | null, block: 'nearest' | 'start'): void {
    const pane = this.pane;
    if (!el || !pane) return;
    this.echo = { origin: 'editor', until: Date.now() + ECHO_MS };
    if (block === 'start') pane.scrollTop = el.offsetTop - SOURCE_HEADING_PX;
    else el.scrollIntoView({ block: 'nearest' });
  }

  private isEcho(of: 'editor' | 'source'): boolean {
    return this.echo?.origin === of && Date.now() < this.echo.until;
  }

  private editorScrolled(): void {
    const editor = this.editor;
    const model = this.model;
    if (!editor || !model || !this.enabled || this.isEcho('source')) return;
    const top = editor.getVisibleRanges()[0]?.getStartPosition();
    if (!top) return;
    const a = this.alignment;
    if (a && this.links) {
      const ti = sentenceAt(this.targetSentences, model.getOffsetAt(top));
      const first = ti >= 0 ? partnersOf(a, this.links, 'target', ti)?.sentences[0] : undefined;
      if (first !== undefined) return this.scrollSourceTo(this.sentenceElement(first), 'start');
    }
    this.scrollSourceTo(this.paragraphElement(paragraphAtLine(this.paras, top.lineNumber)), 'start');
  }

  /** The source pane scrolled: the translation follows, partner to partner. */
  sourceScrolled = (): void => {
    const pane = this.pane;
    const editor = this.editor;
    const model = this.model;
    if (!pane || !editor || !model || this.isEcho('editor')) return;
    const top = pane.scrollTop + SOURCE_HEADING_PX;
    const firstBelow = (selector: string) => firstEndingBelow(pane, pane.querySelectorAll<HTMLElement>(selector), top);
    const a = this.alignment;
    if (a && this.links) {
      const first = firstBelow('[data-sentence]');
      const ti = first ? partnersOf(a, this.links, 'source', Number(first.dataset.sentence))?.sentences[0] : undefined;
      const s = ti !== undefined ? this.targetSentences[ti] : undefined;
      if (s) {
        this.echo = { origin: 'source', until: Date.now() + ECHO_MS };
        const p = model.getPositionAt(s.start);
        editor.setScrollTop(editor.getTopForPosition(p.lineNumber, p.column));
        return;
      }
    }
    const first = firstBelow('[data-index]');
    const p = first ? this.paras[Number(first.dataset.index)] : undefined;
    if (!p) return;
    this.echo = { origin: 'source', until: Date.now() + ECHO_MS };
    editor.setScrollTop(editor.getTopForLineNumber(p.startLine));
  };

  /** Keyboard in the source pane: step to a sentence (or paragraph) and show its partner, leaving the cursor alone. */
  step = (delta: 1 | -1): void => {
    const editor = this.editor;
    const a = this.alignment;
    if (!editor) return;
    if (a && this.links) {
      const index = this.activeSource < 0 ? 0 : this.activeSource + delta;
      const clamped = Math.max(0, Math.min(index, a.source.length - 1));
      this.activeSource = clamped;
      this.setActive(a.source[clamped]?.paragraph ?? 0, [clamped]);
      // Focus follows, so a screen reader reads the sentence; keys still reach the pane's handler.
      this.sentenceElement(clamped)?.focus();
      const partners = partnersOf(a, this.links, 'source', clamped);
      if (!partners) return;
      const ranges = this.targetRangesOfLink(partners.link).concat(partners.exact ? [] : this.targetRanges(partners.sentences));
      this.echo = { origin: 'source', until: Date.now() + 1.5 * ECHO_MS };
      this.paint(ranges);
      if (ranges[0]) editor.revealRangeNearTop(ranges[0]);
      return;
    }
    const clamped = Math.max(0, Math.min(this.state.get().paragraph + delta, this.paras.length - 1));
    this.setActive(clamped, null);
    this.paragraphElement(clamped)?.focus();
    const p = this.paras[clamped];
    if (!p) return;
    this.echo = { origin: 'source', until: Date.now() + 1.5 * ECHO_MS };
    this.paintParagraph(clamped);
    editor.revealLineNearTop(p.startLine);
  };

  /** Put the translation's cursor at the start of the partner of source sentence `index`. */
  pickSentence = (index: number): void => {
    const a = this.alignment;
    const editor = this.editor;
    const model = this.model;
    if (!a || !this.links || !editor || !model) return;
    const ti = partnersOf(a, this.links, 'source', index)?.sentences[0];
    const s = ti !== undefined ? this.targetSentences[ti] : undefined;
    if (!s) return;
    const p = model.getPositionAt(s.start);
    editor.setPosition(p);
    editor.revealPositionNearTop(p);
    editor.focus();
  };

  pickParagraph = (index: number): void => {
    const editor = this.editor;
    const p = this.paras[index];
    if (!editor || !p) return;
    editor.setPosition({ lineNumber: p.startLine, column: 1 });
    editor.revealLineNearTop(p.startLine);
    editor.focus();
  };

  /** Enter in the source pane: edit the partner of the sentence (or paragraph) chosen there. */
  enter = (): void => {
    if (this.alignment) this.pickSentence(Math.max(0, this.activeSource));
    else this.pickParagraph(this.state.get().paragraph);
  };

  /** Show a span of the source (a source-side finding or annotation): scrolled to, selected, focused. */
  showSource = (start: number, end: number): void => {
    const pane = this.pane;
    if (!pane) return;
    // Each piece of the pane carries its offset; the span may cross pieces (sentences, marks).
    const at = (offset: number): { node: Text; offset: number; el: HTMLElement } | null => {
      let found: { node: Text; offset: number; el: HTMLElement } | null = null;
      for (const el of pane.querySelectorAll<HTMLElement>('[data-start]')) {
        const from = Number(el.dataset.start);
        if (from > offset) break;
        const node = el.firstChild;
        if (node?.nodeType === Node.TEXT_NODE) found = { node: node as Text, offset: Math.min(offset - from, (node as Text).length), el };
      }
      return found;
    };
    const a = at(start);
    const b = at(Math.max(start, end));
    if (!a || !b) return;
    pane.focus({ preventScroll: true });
    a.el.scrollIntoView({ block: 'center' });
    // Selected, so Alt+1…Alt+4 annotates it right away.
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  };
}

import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/contract/review.js';
import { compareAnnotations, mapThroughEdits, newAnnotationId, quoteAt, reanchor, reanchorAll } from '../../main/common/annotations/anchor.js';

const TEXT = 'The ferry left the harbour at dawn, and the gulls followed it out to sea.';

function ann(text: string, exact: string, extra: Partial<Annotation> = {}, from = 0): Annotation {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`no ${exact}`);
  return {
    id: extra.id ?? 'a1',
    side: 'target',
    start,
    end: start + exact.length,
    quote: quoteAt(text, start, start + exact.length),
    category: 'Accuracy/Mistranslation',
    severity: 'minor',
    comment: '',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** Apply edits (old-text offsets, non-overlapping) to text. */
function apply(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('quoteAt', () => {
  it('takes the span and up to `context` characters either side, clipped at the ends', () => {
    const q = quoteAt(TEXT, 4, 9, 4);
    expect(q).toEqual({ exact: 'ferry', prefix: 'The ', suffix: ' lef' });
    expect(quoteAt(TEXT, 0, 3, 10).prefix).toBe('');
    expect(quoteAt(TEXT, TEXT.length - 4, TEXT.length, 10).suffix).toBe('');
  });
});

describe('mapThroughEdits', () => {
  const harbour = ann(TEXT, 'harbour');

  it('shifts a span when text is inserted or replaced before it, and not when after it', () => {
    const edits = [{ start: 0, end: 3, text: 'A small' }, { start: TEXT.length - 1, end: TEXT.length, text: '!' }];
    const [moved] = mapThroughEdits([harbour], edits);
    const after = apply(TEXT, edits);
    expect(after.slice(moved!.start, moved!.end)).toBe('harbour');
  });

  it('does not grow a span with text inserted exactly at its start or end', () => {
    const edits = [{ start: harbour.start, end: harbour.start, text: 'old ' }, { start: harbour.end, end: harbour.end, text: ' wall' }];
    const [moved] = mapThroughEdits([harbour], edits);
    expect(apply(TEXT, edits).slice(moved!.start, moved!.end)).toBe('harbour');
  });

  it('grows and shrinks with edits inside the span', () => {
    const span = ann(TEXT, 'left the harbour');
    const edits = [{ start: span.start + 5, end: span.start + 8, text: 'that very' }];
    const [moved] = mapThroughEdits([span], edits);
    expect(apply(TEXT, edits).slice(moved!.start, moved!.end)).toBe('left that very harbour');
  });

  it('trims a span to the surviving characters when an edit overlaps one end', () => {
    const span = ann(TEXT, 'the harbour at');
    const edits = [{ start: span.start - 5, end: span.start + 4, text: 'quit ' }];
    const [moved] = mapThroughEdits([span], edits);
    expect(apply(TEXT, edits).slice(moved!.start, moved!.end)).toBe('harbour at');
  });

  it('keeps a fully deleted span as a collapsed, orphaned annotation', () => {
    const edits = [{ start: harbour.start - 4, end: harbour.end + 3, text: '' }];
    const out = mapThroughEdits([harbour], edits);
    expect(out).toHaveLength(1);
    expect(out[0]!.start).toBe(out[0]!.end);
    expect(out[0]!.orphaned).toBe(true);
    expect(out[0]!.quote.exact).toBe('harbour');
  });

  it('leaves the other side alone and refreshes quotes from the new text', () => {
    const source = { ...harbour, id: 's', side: 'source' as const };
    const edits = [{ start: 0, end: 0, text: 'Yesterday ' }];
    const after = apply(TEXT, edits);
    const [t, s] = mapThroughEdits([harbour, source], edits, { newText: after });
    expect(s).toBe(source);
    expect(t!.quote.prefix.endsWith('left the ')).toBe(true);
    expect(t!.quote.prefix.length).toBeGreaterThan(harbour.quote.prefix.length);
  });
});

describe('reanchor', () => {
  it('keeps an annotation whose span still holds its quote', () => {
    const a = ann(TEXT, 'gulls');
    expect(reanchor(a, TEXT)).toEqual(a);
  });

  it('finds the quote again after the text changed elsewhere', () => {
    const a = ann(TEXT, 'gulls');
    const changed = 'Early that morning, ' + TEXT;
    const r = reanchor(a, changed);
    expect(changed.slice(r.start, r.end)).toBe('gulls');
    expect(r.orphaned).toBeUndefined();
  });

  it('picks the occurrence whose context matches best, tolerating small context changes', () => {
    const text = 'the cat sat by the door; later the cat slept on the mat.';
    const second = ann(text, 'the cat', {}, 10);
    // Both occurrences move; the context of the second changes slightly.
    const changed = 'Then the cat sat by the door; much later the cat slept on a mat.';
    const r = reanchor(second, changed);
    expect(r.start).toBe(changed.lastIndexOf('the cat'));
  });

  it('prefers the occurrence nearest the old position when contexts tie', () => {
    const text = 'ab ab ab ab';
    const a = { ...ann(text, 'ab', {}, 6), quote: { exact: 'ab', prefix: '', suffix: '' }, start: 7, end: 9 };
    const r = reanchor(a, 'xab ab ab ab');
    expect(r.start).toBe(7);
  });

  it('marks an annotation orphaned, with clamped offsets, when the quote is gone', () => {
    const a = ann(TEXT, 'gulls');
    const r = reanchor(a, 'Short.');
    expect(r.orphaned).toBe(true);
    expect(r.end).toBeLessThanOrEqual(6);
    expect(r.quote.exact).toBe('gulls');
  });

  it('re-places an orphan when its words come back', () => {
    const a = { ...ann(TEXT, 'gulls'), start: 3, end: 3, orphaned: true };
    const r = reanchor(a, TEXT);
    expect(r.orphaned).toBeUndefined();
    expect(TEXT.slice(r.start, r.end)).toBe('gulls');
  });

  it('reanchorAll works per side', () => {
    const t = ann(TEXT, 'gulls');
    const s = { ...ann('Las gaviotas lo siguieron.', 'gaviotas'), id: 's', side: 'source' as const };
    const [t2, s2] = reanchorAll([t, s], { target: 'Then the gulls came.' });
    expect(t2!.start).toBe(9);
    expect(s2).toBe(s);
  });
});

describe('ids and order', () => {
  it('makes distinct URL-safe ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newAnnotationId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('orders by side, start, end, created, id', () => {
    const base = ann(TEXT, 'ferry');
    const list = [
      { ...base, id: 'e', side: 'target' as const, start: 1, end: 2 },
      { ...base, id: 'd', side: 'target' as const, start: 1, end: 2, created: '2023-01-01T00:00:00.000Z' },
      { ...base, id: 'c', side: 'target' as const, start: 0, end: 5 },
      { ...base, id: 'b', side: 'target' as const, start: 0, end: 3 },
      { ...base, id: 'a', side: 'source' as const, start: 9, end: 10 },
      { ...base, id: 'f', side: 'target' as const, start: 1, end: 2 },
    ];
    expect(list.sort(compareAnnotations).map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

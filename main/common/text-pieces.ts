/**
 * Cuts a stretch of text into pieces at sentence and mark boundaries, so the source pane can render
 * sentences and annotated spans as plain text nodes (never HTML) with the right ones highlighted.
 */
export interface Piece {
  start: number;
  end: number;
  /** Index of the sentence the piece is in, or -1 between sentences. */
  sentence: number;
  /** Indices (into the `marks` argument) of the marks covering the piece. */
  marks: number[];
}

export function cutPieces(
  from: number,
  to: number,
  sentences: readonly { start: number; end: number }[],
  marks: readonly { start: number; end: number }[],
): Piece[] {
  const cuts = new Set<number>([from, to]);
  const inside = (x: number) => x > from && x < to;
  const relevantSentences: number[] = [];
  sentences.forEach((s, i) => {
    if (s.end <= from || s.start >= to) return;
    relevantSentences.push(i);
    if (inside(s.start)) cuts.add(s.start);
    if (inside(s.end)) cuts.add(s.end);
  });
  const relevantMarks: number[] = [];
  marks.forEach((m, i) => {
    if (m.end <= from || m.start >= to || m.end <= m.start) return;
    relevantMarks.push(i);
    if (inside(m.start)) cuts.add(m.start);
    if (inside(m.end)) cuts.add(m.end);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    const sentence = relevantSentences.find((i) => sentences[i]!.start <= start && sentences[i]!.end >= end) ?? -1;
    const covering = relevantMarks.filter((i) => marks[i]!.start <= start && marks[i]!.end >= end);
    pieces.push({ start, end, sentence, marks: covering });
  }
  return pieces;
}

import type { Document, SegmentState } from '../../contract/document.js';

/**
 * The document with the review's segment states, for an export that writes them into the file (a
 * format's writer maps them onto its own: PO clears `fuzzy` on a confirmed segment, translated,
 * reviewed or final, and sets it on one set back to initial). Segments the states do not name keep theirs.
 */
export function withSegmentStates(doc: Document, states: Readonly<Record<string, SegmentState>>): Document {
  const units = doc.units.map((u) => ({
    ...u,
    segments: u.segments.map((s) => {
      const state = states[s.id];
      if (!state || state === s.state) return s;
      const { subState: _drop, ...rest } = s;
      return state === 'initial' ? { ...rest, state, subState: 'fuzzy' } : { ...rest, state };
    }),
  }));
  return { ...doc, units };
}

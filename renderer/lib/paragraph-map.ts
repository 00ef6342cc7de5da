import { diffArrays } from 'diff';
import type { Paragraph } from '../../main/common/paragraphs';

/**
 * For each paragraph of the current text, the baseline paragraph it came from (or -1 for a new one):
 * unchanged paragraphs match exactly, edited ones pair up in order inside each changed run.
 */
export function mapParagraphs(baseline: Paragraph[], current: Paragraph[]): number[] {
  const out = new Array<number>(current.length).fill(-1);
  const parts = diffArrays(
    baseline.map((p) => p.text),
    current.map((p) => p.text),
  );
  let ia = 0;
  let ib = 0;
  let removedStart = -1;
  let removedCount = 0;
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.removed) {
      removedStart = ia;
      removedCount = n;
      ia += n;
    } else if (part.added) {
      for (let k = 0; k < n; k++) out[ib + k] = k < removedCount ? removedStart + k : -1;
      ib += n;
      removedCount = 0;
    } else {
      for (let k = 0; k < n; k++) out[ib + k] = ia + k;
      ia += n;
      ib += n;
      removedCount = 0;
    }
  }
  return out;
}

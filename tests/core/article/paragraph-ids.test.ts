import { describe, expect, it } from 'vitest';
import { stableParagraphIds, withStableIds } from '../../../main/core/article/paragraph-ids.js';
import { readSide } from '../../../main/core/text/read-text-file.js';

const doc = (paras: string[], path = 'a.en.txt') => readSide(Buffer.from(paras.join('\n\n') + '\n'), path, 'target').doc;
const BASE = ['The river rose in Recife.', 'Four people died in the floods.', 'The rain stopped on Friday.', 'Schools reopen on Monday.'];

describe('stable paragraph ids of plain text and Markdown', () => {
  it('an unchanged file has the baseline numbering', () => {
    expect(stableParagraphIds(doc(BASE), doc(BASE))).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('a paragraph inserted keeps every other paragraph its id; the new one hangs on the one before', () => {
    const cur = [BASE[0]!, 'A new paragraph written by the editor.', BASE[1]!, BASE[2]!, BASE[3]!];
    expect(stableParagraphIds(doc(BASE), doc(cur))).toEqual(['p1', 'p1.1', 'p2', 'p3', 'p4']);
    expect(stableParagraphIds(doc(BASE), doc(['Above all.', ...BASE]))).toEqual(['p0.1', 'p1', 'p2', 'p3', 'p4']);
  });

  it('a paragraph deleted takes its id away; an edited one next to an insertion keeps its id', () => {
    expect(stableParagraphIds(doc(BASE), doc([BASE[0]!, BASE[2]!, BASE[3]!]))).toEqual(['p1', 'p3', 'p4']);
    const cur = [BASE[0]!, 'Four people died in the heavy floods.', 'Something else entirely here.', BASE[2]!, BASE[3]!];
    expect(stableParagraphIds(doc(BASE), doc(cur))).toEqual(['p1', 'p2', 'p2.1', 'p3', 'p4']);
  });

  it('a paragraph moved elsewhere takes its id along', () => {
    const cur = [BASE[3]!, BASE[0]!, BASE[1]!, BASE[2]!];
    expect(stableParagraphIds(doc(BASE), doc(cur))).toEqual(['p4', 'p1', 'p2', 'p3']);
  });

  it('Markdown too; other formats keep their own ids', () => {
    const md = (p: string[]) => doc(p, 'a.en.md');
    expect(withStableIds(md(BASE), md(['# Title', ...BASE])).units.map((u) => u.id)).toEqual(['p0.1', 'p1', 'p2', 'p3', 'p4']);
    const ids = withStableIds(md(BASE), md(['# Title', ...BASE])).units.map((u) => u.segments[0]!.id);
    expect(ids).toEqual(['p0.1', 'p1', 'p2', 'p3', 'p4']);
  });
});

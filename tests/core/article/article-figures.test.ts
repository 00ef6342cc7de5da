import { describe, expect, it } from 'vitest';
import { articleFigures } from '../../../main/common/metrics/article.js';
import { FiguresMemo, inThreadFigures } from '../../../main/core/article/article-figures.js';

const MT = 'The council approved the plan yesterday.\n\nIt will cost two million.\n';
const PE = 'The council passed the plan yesterday.\n\nIt will cost two million euros.\n';

describe('the article figures memo', () => {
  it('works out the figures once per pair of texts and gives the one definition', async () => {
    const asked: string[] = [];
    const memo = new FiguresMemo(async (id, b, f, lang) => {
      asked.push(id);
      return inThreadFigures(id, b, f, lang);
    });
    const first = await memo.get('a', MT, PE, 'en');
    expect(first).toEqual(articleFigures(MT, PE, 'en'));
    expect(await memo.get('a', MT, PE, 'en')).toEqual(first);
    expect(asked).toEqual(['a']);
    // The translation changed: worked out again, and different.
    const edited = PE.replace('euros', 'dollars');
    expect(await memo.get('a', MT, edited, 'en')).toEqual(articleFigures(MT, edited, 'en'));
    expect(asked).toEqual(['a', 'a']);
  });

  it('does not remember a failure', async () => {
    let fail = true;
    const memo = new FiguresMemo(async (id, b, f, lang) => {
      if (fail) throw new Error('worker stopped');
      return inThreadFigures(id, b, f, lang);
    });
    await expect(memo.get('a', MT, PE, 'en')).rejects.toThrow('worker stopped');
    fail = false;
    expect(await memo.get('a', MT, PE, 'en')).toEqual(articleFigures(MT, PE, 'en'));
  });
});

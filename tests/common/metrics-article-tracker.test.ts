import { describe, expect, it } from 'vitest';
import { ArticleFiguresTracker, articleFigures } from '../../main/common/metrics/article.js';

// Successive versions of one article (random word edits, paragraphs split and joined) scored by one
// tracker give exactly the figures a fresh computation gives for each version.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const WORDS = 'the council approved a new plan for roads and schools on Monday while residents said prices rose'.split(' ');

describe('ArticleFiguresTracker', () => {
  it('equals articleFigures on every version of a randomly edited article', () => {
    const r = rng(7);
    const para = () => Array.from({ length: 12 + Math.floor(r() * 20) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ') + '.';
    const baseline = Array.from({ length: 30 }, para).join('\n\n') + '\n';
    const tracker = new ArticleFiguresTracker(baseline, 'en');
    let text = baseline;
    expect(tracker.figures(text)).toEqual(articleFigures(baseline, text, 'en'));
    for (let v = 0; v < 25; v++) {
      const paras = text.trimEnd().split('\n\n');
      const k = Math.floor(r() * paras.length);
      const roll = r();
      if (roll < 0.15 && paras.length > 1) paras.splice(k, 2, paras.slice(k, k + 2).join(' ')); // joined
      else if (roll < 0.3) paras.splice(k, 1, ...paras[k]!.split(/(?<=\w) (?=council|plan)/)); // split
      else {
        const words = paras[k]!.split(' ');
        words[Math.floor(r() * words.length)] = WORDS[Math.floor(r() * WORDS.length)]!;
        paras[k] = words.join(' ');
      }
      text = paras.join('\n\n') + '\n';
      expect(tracker.figures(text), `version ${v}`).toEqual(articleFigures(baseline, text, 'en'));
    }
  });
});

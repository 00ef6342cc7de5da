import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { SUBTITLE_TIMING_ID } from '../../../main/core/checks/qa/subtitle-timing.js';

const cues = (...ms: [number, number][]) => ms.map(([startMs, endMs]) => ({ startMs, endMs }));
const LONG = 'The keeper climbs the stairs of the old lighthouse at dusk'; // 58 characters

function findings(target: string, timings: { startMs: number; endMs: number }[], options?: Record<string, number>, targetLang = 'en') {
  const source = target.split('\n\n').map(() => 'Texto.').join('\n\n');
  return runChecks({ source, target, sourceLang: 'pt', targetLang, cueTimings: timings, settings: options ? { options: { [SUBTITLE_TIMING_ID]: options } } : {} })
    .filter((f) => f.rule === SUBTITLE_TIMING_ID)
    .map((f) => [f.message.key, f.text, f.message.params]);
}

describe('subtitle timing check', () => {
  it('a line over 42 characters, a cue over 2 lines, a cue read faster than 20 characters a second (English)', () => {
    const target = `${LONG}\n\nOne.\nTwo.\nThree.\n\nFast words in a very short time.`;
    expect(findings(target, cues([0, 5000], [5000, 9000], [9000, 9500]))).toEqual([
      ['qa:subtitleLineLength', LONG, { chars: 58, max: 42 }],
      ['qa:subtitleLines', 'One.\nTwo.\nThree.', { lines: 3, max: 2 }],
      ['qa:subtitleReadingSpeed', 'Fast words in a very short time.', { cps: 64, max: 20, seconds: 0.5 }],
    ]);
  });

  it('tags are not read: <i> and {\\an8} do not count; other languages default to 17 a second', () => {
    const target = '<i>Quarenta e dois caracteres cabem numa linha</i>\n\n{\\an8}Dezoito letras/s';
    // 43 visible characters (over 42); 16 visible in 0.9 s = 17.8 a second (over 17 in Portuguese).
    expect(findings(target, cues([0, 5000], [5000, 5900]), undefined, 'pt')).toEqual([
      ['qa:subtitleLineLength', '<i>Quarenta e dois caracteres cabem numa linha</i>', { chars: 43, max: 42 }],
      ['qa:subtitleReadingSpeed', '{\\an8}Dezoito letras/s', { cps: 17.8, max: 17, seconds: 0.9 }],
    ]);
  });

  it('the limits come from the project settings', () => {
    expect(findings(`${LONG}\n\nA.\nB.\nC.`, cues([0, 10_000], [10_000, 20_000]), { maxCharsPerLine: 60, maxLines: 3 })).toEqual([]);
    expect(findings('Short.', cues([0, 1000]), { maxCharsPerSecond: 5 })).toEqual([['qa:subtitleReadingSpeed', 'Short.', { cps: 6, max: 5, seconds: 1 }]]);
  });

  it('says nothing without cue timings (not subtitles) or when the text no longer splits into the cues', () => {
    expect(runChecks({ source: 'Texto.', target: LONG, sourceLang: 'pt', targetLang: 'en' }).filter((f) => f.rule === SUBTITLE_TIMING_ID)).toEqual([]);
    expect(findings(`${LONG}\n\nextra`, cues([0, 1000]))).toEqual([]);
  });
});

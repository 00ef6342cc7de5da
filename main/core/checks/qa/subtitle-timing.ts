/**
 * Subtitle cues a viewer cannot read in time (the limits of Netflix's Timed Text Style Guide, General
 * Requirements: at most 42 characters a line and 2 lines a cue; reading speed up to 17 characters a
 * second for adult programmes in most languages, 20 for English). Runs only on subtitle articles (the
 * check input carries the translation's cue timings). Limits per project in project.json:
 * `checks.options["qa.subtitle-timing"] = { "maxCharsPerLine": 42, "maxLines": 2, "maxCharsPerSecond": 17 }`.
 */
import { SEGMENT_SEPARATOR } from '../../formats/segment-text.js';
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage } from './util.js';

export const SUBTITLE_TIMING_ID = 'qa.subtitle-timing';
export const SUBTITLE_LIMITS = { maxCharsPerLine: 42, maxLines: 2, maxCharsPerSecond: 17 } as const;
const ENGLISH_CPS = 20;

/** What a viewer reads: no formatting tags (`<i>`, `<c.x>`, `<v Name>`) or SRT position codes (`{\an8}`). */
const visible = (line: string) => line.replace(/<[^>\n]*>/g, '').replace(/\{\\[^}\n]*\}/g, '');

export const subtitleTiming: CheckDefinition = {
  id: SUBTITLE_TIMING_ID,
  category: 'Style/Awkward',
  severity: 'minor',
  description: 'A subtitle cue with lines too long, too many lines, or more characters a second than a viewer reads.',
  scope: 'document',
  run(ctx) {
    const timings = ctx.cueTimings;
    if (!timings) return [];
    const options = ctx.settings?.options?.[SUBTITLE_TIMING_ID] ?? {};
    const maxChars = options.maxCharsPerLine ?? SUBTITLE_LIMITS.maxCharsPerLine;
    const maxLines = options.maxLines ?? SUBTITLE_LIMITS.maxLines;
    const maxCps = options.maxCharsPerSecond ?? (ctx.targetLang.toLowerCase().startsWith('en') ? ENGLISH_CPS : SUBTITLE_LIMITS.maxCharsPerSecond);
    const pieces = ctx.target.split(SEGMENT_SEPARATOR);
    // The editor's text no longer splits into the file's cues (an unsaved edit mid-way): nothing to say.
    if (pieces.length !== timings.length) return [];
    const out: RawFinding[] = [];
    let at = 0;
    pieces.forEach((cue, k) => {
      const start = at;
      at += cue.length + SEGMENT_SEPARATOR.length;
      if (!cue) return;
      const lines = cue.split('\n');
      let pos = start;
      let chars = 0;
      for (const line of lines) {
        const n = [...visible(line)].length;
        chars += n;
        if (n > maxChars) out.push({ start: pos, end: pos + line.length, message: qaMessage('subtitleLineLength', { chars: n, max: maxChars }) });
        pos += line.length + 1;
      }
      const end = start + cue.length;
      if (lines.length > maxLines) out.push({ start, end, message: qaMessage('subtitleLines', { lines: lines.length, max: maxLines }) });
      const seconds = (timings[k]!.endMs - timings[k]!.startMs) / 1000;
      if (seconds > 0 && chars / seconds > maxCps) {
        out.push({ start, end, message: qaMessage('subtitleReadingSpeed', { cps: Math.round((chars / seconds) * 10) / 10, max: maxCps, seconds: Math.round(seconds * 100) / 100 }) });
      }
    });
    return out;
  },
};

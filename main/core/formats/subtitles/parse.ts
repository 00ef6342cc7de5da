import { CalqueError } from '../../../contract/api.js';
import { splitRawLines, type RawFileLine } from '../raw-lines.js';

/**
 * SRT and WebVTT read by position: each cue's id, timing line (with VTT cue settings) and text lines
 * with their exact place, so a writer replaces one cue's text and keeps every other byte. The VTT
 * header, NOTE, STYLE and REGION blocks are kept as they are and are not text. Our own parser:
 * `media-captions` parses for playback (no positions, drops what a player ignores) and `subtitle`
 * renumbers cues and rewrites line endings (FORMATS.md).
 */

export interface Cue {
  /** The id line (VTT identifier, SRT number), as written; absent when the cue has none. */
  id?: string;
  /** Milliseconds. */
  startMs: number;
  endMs: number;
  /** The timing line as written (kept, never rewritten). */
  timing: string;
  /** 1-based line of the cue's first line. */
  line: number;
  /** The cue's text lines joined by "\n". */
  text: string;
  /** Where the text is: from the end of the timing line to the end of the last text line (the timing line's end when it has none). */
  textStart: number;
  textEnd: number;
}

export interface SubtitleFile {
  kind: 'srt' | 'vtt';
  cues: Cue[];
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:[ \t].*)?$`);

function ms(h: string | undefined, m: string, s: string, f: string): number {
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f.padEnd(3, '0'));
}

/** The timing line's start and end in milliseconds, or null when it is not one. */
export function parseTiming(line: string): { startMs: number; endMs: number } | null {
  const m = TIMING.exec(line);
  if (!m) return null;
  return { startMs: ms(m[1], m[2]!, m[3]!, m[4]!), endMs: ms(m[5], m[6]!, m[7]!, m[8]!) };
}


const syntax = (path: string, line: number) => new CalqueError('subtitleSyntax', { path, line });

/** Parse a subtitle file; `kind` from its extension. A block that is no cue (no timing line) is refused with its line. */
export function parseSubtitles(raw: string, kind: 'srt' | 'vtt', path: string): SubtitleFile {
  const lines = splitRawLines(raw);
  const blocks: RawFileLine[][] = [];
  let block: RawFileLine[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (block.length) blocks.push(block);
      block = [];
    } else block.push(l);
  }
  if (block.length) blocks.push(block);

  const cues: Cue[] = [];
  blocks.forEach((b, i) => {
    const first = b[0]!.text;
    if (kind === 'vtt') {
      if (i === 0) {
        if (!/^WEBVTT(?:[ \t].*)?$/.test(first)) throw syntax(path, b[0]!.number);
        return;
      }
      if (/^(NOTE|STYLE|REGION)(?:[ \t].*)?$/.test(first)) return;
    }
    const timingAt = b.findIndex((l) => l.text.includes('-->'));
    // A cue is an optional id line, the timing line, then text.
    if (timingAt < 0 || timingAt > 1) throw syntax(path, b[0]!.number);
    const timingLine = b[timingAt]!;
    const time = parseTiming(timingLine.text);
    if (!time) throw syntax(path, timingLine.number);
    const text = b.slice(timingAt + 1);
    const textStart = timingLine.start + timingLine.text.length;
    const last = text[text.length - 1];
    cues.push({
      ...(timingAt === 1 ? { id: first } : {}),
      ...time,
      timing: timingLine.text,
      line: b[0]!.number,
      text: text.map((l) => l.text).join('\n'),
      textStart,
      textEnd: last ? last.start + last.text.length : textStart,
    });
  });
  return { kind, cues };
}

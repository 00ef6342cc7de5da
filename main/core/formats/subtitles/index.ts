import { CalqueError, MAX_FILE_BYTES } from '../../../contract/api.js';
import type { Document, Side, Unit } from '../../../contract/document.js';
import { piecesText } from '../../../contract/document.js';
import { decodeRaw, detectLineEnding, encodeRaw } from '../../text/encoding.js';
import type { FileFormat } from '../registry.js';
import { joinSegments, segmentsWith, withSegmentText } from '../segment-text.js';
import { cuePieces, cueText } from './cue-markup.js';
import { subtitleGroups } from './pair-cues.js';
import { parseSubtitles, type SubtitleFile } from './parse.js';

/**
 * SRT and WebVTT: monolingual files that pair by name (`talk.pt.srt` + `talk.en.srt`), one unit per
 * cue. The editor shows each cue's text with its own line breaks, cues one blank line apart, its
 * markup (`<i>`, `<c.yellow>`, `<v Name>`, timestamps) as inline tags (cue-markup.ts); ids,
 * timings, settings, NOTE/STYLE/REGION blocks, line endings and the BOM are never rewritten, and cues
 * are never renumbered. Saving replaces only the text lines of the cues that changed.
 */

const norm = (s: string) => s.replace(/\r\n?/g, '\n').normalize('NFC');

function parse(bytes: Uint8Array, path: string, kind: 'srt' | 'vtt'): { raw: string; encoding: Document['file']['encoding']; file: SubtitleFile } {
  if (bytes.length > MAX_FILE_BYTES) throw new CalqueError('fileTooLarge', { path, size: bytes.length, limit: MAX_FILE_BYTES });
  const { raw, encoding } = decodeRaw(bytes, path);
  return { raw, encoding, file: parseSubtitles(raw, kind, path) };
}

/** Unit ids: the cue's own id when it has a unique one, else its position. */
function cueIds(file: SubtitleFile): string[] {
  const used = new Set<string>();
  return file.cues.map((c, i) => {
    let id = c.id?.trim() || `cue${i + 1}`;
    if (used.has(id)) id = `${id}~${c.line}`;
    used.add(id);
    return id;
  });
}

function subtitleFormat(id: 'srt' | 'vtt'): FileFormat {
  return {
    id,
    extensions: [id],
    bilingual: false,
    capabilities: { inlineTags: true, segmentStates: false, notes: true, freeText: false },

    read(bytes, ctx) {
      const side: Side = ctx.side ?? 'target';
      const { raw, encoding, file } = parse(bytes, ctx.path, id);
      const ids = cueIds(file);
      const texts = file.cues.map((c) => norm(c.text));
      const laid = joinSegments(texts);
      const units: Unit[] = file.cues.map((c, i) => {
        const [start, end] = laid.ranges[i]!;
        const content = cuePieces(texts[i]!, id);
        return { id: ids[i]!, kind: 'cue', notes: [c.timing.trim()], timing: { startMs: c.startMs, endMs: c.endMs }, segments: [{ id: ids[i]!, [side]: { content, start, end } }] };
      });
      return {
        format: id,
        bilingual: false,
        side,
        units,
        text: { source: side === 'source' ? laid.text : '', target: side === 'target' ? laid.text : '' },
        file: { encoding, lineEnding: detectLineEnding(raw), finalNewline: /[\r\n]$/.test(raw) },
      };
    },

    write(doc, original) {
      const { raw, encoding, file } = parse(original, '', id);
      const side = doc.side ?? 'target';
      const byId = new Map(doc.units.map((u) => [u.id, u.segments[0]] as const));
      const edits: { start: number; end: number; text: string }[] = [];
      cueIds(file).forEach((cueId, i) => {
        const cue = file.cues[i]!;
        const seg = byId.get(cueId)?.[side];
        if (!seg) return;
        const text = cueText(seg.content);
        if (text === norm(cue.text)) return;
        // The cue's own line break (the one after its timing line), else the file's.
        const newline = /^(\r\n|\n|\r)/.exec(raw.slice(cue.textStart))?.[1] ?? doc.file.lineEnding;
        edits.push({ start: cue.textStart, end: cue.textEnd, text: text ? newline + text.split('\n').join(newline) : '' });
      });
      let out = raw;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return edits.length ? encodeRaw(out, encoding) : original;
    },

    withText(doc, side, text) {
      const next = withSegmentText(doc, side, text);
      // A blank line inside a cue would end it in the file: refused like a merge of two cues.
      for (const s of segmentsWith(next, side)) {
        const t = piecesText(s[side]!.content);
        if (t !== '' && t.split('\n').some((l) => l.trim() === '')) throw new CalqueError('segmentsChanged', { path: '' });
      }
      return next;
    },

    groupSegments: subtitleGroups,
  };
}

export const srt = subtitleFormat('srt');
export const vtt = subtitleFormat('vtt');

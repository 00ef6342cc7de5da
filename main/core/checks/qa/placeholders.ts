/**
 * Integrity of what a translation must carry over unchanged: placeholders ({0}, {name}, {{name}}, %s,
 * %1$d, %(name)s, ${name}) and markup tags (<b>…</b>, <br/>), and URLs and e-mail addresses. Compared as
 * multisets per aligned segment: one missing from the translation is reported on the segment, one the
 * translation has and the source has not on itself.
 */
import type { CheckDefinition, RawFinding, SegmentView } from '../types.js';
import { qaMessage } from './util.js';

const PLACEHOLDER = /\{\{\s*[\p{L}\d_.]+\s*\}\}|\{\d+\}|\{[A-Za-z_][\w.]*\}|(?<![\d%])%(?:\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdifuxXeEgGc@](?![\p{L}])|%\([A-Za-z_]\w*\)[sdif]|\$\{[A-Za-z_]\w*\}|<\/?[A-Za-z][\w:-]*(?:\s[^<>]*?)?\/?>/gu;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)[^\s<>"“”«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

interface Item {
  text: string;
  at: number;
}

function items(text: string, re: RegExp, trim: (s: string) => string = (s) => s): Item[] {
  return [...text.matchAll(re)].map((m) => ({ text: trim(m[0]), at: m.index ?? 0 }));
}

/** The source's items the target lacks, and the target's the source lacks (each occurrence counts). */
function difference(source: Item[], target: Item[], same: (a: string, b: string) => boolean): { missing: Item[]; extra: Item[] } {
  const left = [...source];
  const extra: Item[] = [];
  for (const t of target) {
    const i = left.findIndex((s) => same(s.text, t.text));
    if (i >= 0) left.splice(i, 1);
    else extra.push(t);
  }
  return { missing: left, extra };
}

function compare(seg: SegmentView, source: Item[], target: Item[], same: (a: string, b: string) => boolean, keys: { missing: string; extra: string }): RawFinding[] {
  const { missing, extra } = difference(source, target, same);
  const out: RawFinding[] = [];
  for (const m of missing) out.push({ start: seg.targetStart, end: seg.targetStart + seg.target.length, message: qaMessage(keys.missing, { text: m.text }) });
  for (const e of extra) out.push({ start: seg.targetStart + e.at, end: seg.targetStart + e.at + e.text.length, message: qaMessage(keys.extra, { text: e.text }) });
  return out;
}

export const placeholders: CheckDefinition = {
  id: 'qa.placeholders',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  description: 'A placeholder or markup tag of the source missing, changed or added in the translation.',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.source || !seg.target) return [];
    if (!/[{%<$]/.test(seg.source) && !/[{%<$]/.test(seg.target)) return [];
    // A tag's attributes may be translated (title="…"); its name and closing slash may not.
    const tagName = (s: string) => (s.startsWith('<') ? s.replace(/^(<\/?[A-Za-z][\w:-]*)[\s\S]*?(\/?>)$/, '$1$2') : s);
    return compare(seg, items(seg.source, PLACEHOLDER), items(seg.target, PLACEHOLDER), (a, b) => tagName(a) === tagName(b), { missing: 'placeholderMissing', extra: 'placeholderExtra' });
  },
};

const trimUrl = (s: string) => s.replace(/[.,;:!?)\]]+$/u, '');

export const urls: CheckDefinition = {
  id: 'qa.urls',
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  description: 'A URL or e-mail address of the source missing or changed in the translation.',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.source || !seg.target || !/[@.]/.test(seg.source)) return [];
    const source = items(seg.source, URL_OR_EMAIL, trimUrl);
    if (!source.length) return [];
    const target = items(seg.target, URL_OR_EMAIL, trimUrl);
    const { missing, extra } = difference(source, target, (a, b) => a.toLowerCase() === b.toLowerCase());
    const out: RawFinding[] = [];
    // A changed address is reported where it stands; an address the source lacks is not reported when
    // nothing is missing (the translator may add one).
    for (const [i, e] of extra.entries()) {
      const was = missing[i];
      if (!was) break;
      out.push({ start: seg.targetStart + e.at, end: seg.targetStart + e.at + e.text.length, message: qaMessage('urlChanged', { text: e.text, source: was.text }) });
    }
    for (const m of missing.slice(extra.length)) out.push({ start: seg.targetStart, end: seg.targetStart + seg.target.length, message: qaMessage('urlMissing', { text: m.text }) });
    return out;
  },
};

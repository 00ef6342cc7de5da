import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import type { Document, Segment } from '../../../../main/contract/document.js';
import { xliff } from '../../../../main/core/formats/xliff/index.js';
import { parseXliff } from '../../../../main/core/formats/xliff/parse.js';

export const FIXTURES = new URL('../../../fixtures/xliff/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function read(bytes: Uint8Array | string, path = 'f.xlf'): Document {
  return xliff.read(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, { path });
}

export function segment(doc: Document, id: string): Segment {
  const seg = doc.units.flatMap((u) => u.segments).find((s) => s.id === id);
  if (!seg) throw new Error(`no segment ${id}`);
  return seg;
}

export function targetText(doc: Document, id: string): string {
  const t = segment(doc, id).target!;
  return doc.text.target.slice(t.start, t.end);
}

/** The document after replacing `from` by `to` inside one segment's target text, as the editor would. */
export function editTarget(doc: Document, id: string, from: string, to: string): Document {
  const t = segment(doc, id).target!;
  const text = doc.text.target;
  const at = text.indexOf(from, t.start);
  expect(at, `"${from}" in ${id}`).toBeGreaterThanOrEqual(t.start);
  expect(at + from.length).toBeLessThanOrEqual(t.end);
  return xliff.withText(doc, 'target', text.slice(0, at) + to + text.slice(at + from.length));
}

/** The range of the original's decoded text that differs from the output's ([start, end) in the original). */
export function changedRange(before: string, after: string): [number, number] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return [p, before.length - s];
}

/** Where a segment's target content sits in the original file's decoded text. */
export function targetContentRange(bytes: Uint8Array, id: string): [number, number] {
  const site = parseXliff(bytes, 'f').units.flatMap((u) => u.segments).find((s) => s.id === id)!;
  return [site.targetEl!.openEnd, site.targetEl!.closeStart];
}

export const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

export function errorOf(fn: () => unknown): [string, Record<string, unknown>] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CalqueError);
    return [(err as CalqueError).code, (err as CalqueError).params];
  }
  throw new Error('expected a CalqueError');
}

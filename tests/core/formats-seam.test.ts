/**
 * "A new format is one folder plus one registry line" (DESIGN.md): outside main/core/formats/, no
 * product code names an article format's extension, so scan, pairing, the article view, save,
 * baselines, export and the CLI all go through the registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../main/core/formats/registry.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** Files that name an extension for another reason than reading articles. */
const ALLOWED = new Set([
  'main/electron/app-protocol.ts', // MIME types of the renderer's own static files
  'main/core/mqm/import-export.ts', // the MQM import creates plain-text articles, and names them back on export
  'main/core/checks/qa/magnitudes.ts', // French "md" (milliard) is a magnitude word, not an extension
]);

/** Extensions that are also the review report's own formats (`calque report --out x.html|x.csv`). */
const REPORT_FORMATS = new Set(['csv', 'html', 'htm']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the format seam', () => {
  it('no code outside main/core/formats names an article extension', () => {
    const exts = FORMATS.flatMap((f) => f.extensions).filter((e) => !REPORT_FORMATS.has(e));
    const literal = new RegExp(String.raw`['"\x60]\.?(${exts.join('|')})['"\x60]|\\\.(${exts.join('|')})\b`, 'i');
    const offenders = [...sources(join(repo, 'main')), ...sources(join(repo, 'renderer'))]
      .map((f) => relative(repo, f).split('\\').join('/'))
      .filter((rel) => !rel.startsWith('main/core/formats/') && !ALLOWED.has(rel))
      .filter((rel) => literal.test(readFileSync(join(repo, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

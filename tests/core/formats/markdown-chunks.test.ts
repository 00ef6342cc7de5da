/** A long Markdown file is read in chunks (a save re-parses only the chunk it changed): the same structure as one parse. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkedStructure, chunkStarts } from '../../../main/core/formats/markdown/chunks.js';
import { markdownStructure } from '../../../main/core/formats/markdown/structure.js';

const MD = readFileSync(new URL('./fixtures/markdown-article.md', import.meta.url), 'utf8');

describe('Markdown in chunks', () => {
  it('a long article cut into chunks has the blocks and protected spans of one parse', () => {
    const text = [MD, ...Array.from({ length: 40 }, () => MD.replace(/^---[\s\S]*?---\n/, ''))].join('\n');
    expect(chunkStarts(text).length).toBeGreaterThan(2);
    expect(chunkedStructure(text)).toEqual(markdownStructure(text));
  });

  it('never cuts inside fenced code, a multi-line HTML block or before a front matter fence', () => {
    const filler = 'Prose paragraph with *emphasis* and `code`.\n\n'.repeat(400);
    const inside = ['```', 'code line', '', 'Column zero inside the fence', '```', '', '<!--', '', 'A comment line', '-->', '', '---', 'not: front matter', '---', ''].join('\n');
    const text = `${filler}${inside}\n${filler}${inside}\nThe end.\n`;
    const starts = chunkStarts(text);
    for (const at of starts.slice(1)) {
      expect(text.slice(at).startsWith('Prose paragraph') || text.slice(at).startsWith('The end.'), JSON.stringify(text.slice(at, at + 30))).toBe(true);
    }
    expect(chunkedStructure(text)).toEqual(markdownStructure(text));
  });
});

/**
 * Issue 12, "the server never freezes": a 5 MB single-line article got no answer in 150 s (sentence
 * alignment was quadratic inside a paragraph), and a file of 1,000,000 short lines (what an MQM import
 * makes) held the server for over 13 minutes. Both go through the service as `calque serve` runs it
 * (check workers): opened, listed, checked and saved, within the tests' timeouts, losing nothing.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../../main/core/service.js';

let root: string | undefined;
let service: CalqueService | undefined;
afterEach(() => {
  service?.dispose();
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = service = undefined;
});

function project(files: Record<string, string>): CalqueService {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-big-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(join(root, name), text);
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, languages: [{ source: 'pt', target: 'en' }], checkWorkers: 1 });
  return service;
}

/** `n` sentences on one line, about 5 MB for 160,000. */
const oneLine = (sentence: (k: number) => string, n: number) => Array.from({ length: n }, (_, k) => sentence(k)).join(' ') + '\n';

describe('big articles through the service', () => {
  it('a 5 MB single-line article is opened, checked and saved, and nothing is lost', { timeout: 240_000 }, async () => {
    const source = oneLine((k) => `O conselho aprovou o plano ${k}.`, 160_000);
    const target = oneLine((k) => `The council approved plan ${k}.`, 160_000);
    expect(target.length).toBeGreaterThan(4_500_000);
    const s = project({ 'line.pt.txt': source, 'line.en.txt': target });
    await s.openProject({});
    const view = await s.getArticle({ id: 'line.txt' });
    expect(view.target.text).toBe(target.slice(0, -1));
    expect(view.stats).toMatchObject({ changed: 0, words: 160_000 * 4 + 160_000 });
    const checked = await s.checkArticle({ id: 'line.txt', text: view.target.text });
    expect(checked.alignment.links.length).toBeGreaterThan(100_000);
    // An edit in the middle of the line: saved exactly, counted, and the baseline kept.
    const edited = view.target.text.replace('The council approved plan 80000.', 'The council passed plan 80000.');
    const saved = await s.saveArticle({ id: 'line.txt', text: edited, expectedRevision: view.revision });
    expect(saved.stats.changed).toBe(1);
    expect(fs.readFileSync(join(root!, 'line.en.txt'), 'utf8')).toBe(edited + '\n');
    expect(fs.readFileSync(join(root!, 'line.pt.txt'), 'utf8')).toBe(source);
    const again = await s.getArticle({ id: 'line.txt' });
    expect(again.baseline).toBe(target.slice(0, -1));
    expect(again.stats).toEqual(saved.stats);
  });

  it('an article of 1,000,000 short lines is listed and opened', { timeout: 240_000 }, async () => {
    const lines = (word: string) => Array.from({ length: 1_000_000 }, (_, k) => `${word} ${k}.`).join('\n') + '\n';
    const target = lines('Line');
    const s = project({ 'lines.pt.txt': lines('Linha'), 'lines.en.txt': target });
    const listed = await s.openProject({});
    expect(listed.articles.map((a) => [a.id, a.words, a.wordsChanged])).toEqual([['lines.txt', 2_000_000, 0]]);
    const view = await s.getArticle({ id: 'lines.txt' });
    expect(view.target.text.length).toBe(target.length - 1);
    expect(view.target.text.split('\n')[999_999]).toBe('Line 999999.');
    expect(view.stats.words).toBe(2_000_000);
    expect((await s.openProject({})).articles[0]).toMatchObject({ id: 'lines.txt', words: 2_000_000, wordsChanged: 0, editRate: 0 });
  });
});

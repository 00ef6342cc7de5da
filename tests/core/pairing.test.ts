import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directionOf, isLanguageTag, tagMatches } from '../../main/core/project/languages.js';
import { pairFiles } from '../../main/core/project/pairing.js';
import { scanTextFiles } from '../../main/core/project/scan.js';
import { rejectsWith } from '../helpers/errors.js';


describe('pairFiles', () => {
  it('pairs story.pt.txt with story.en.txt by name', () => {
    const r = pairFiles(['story.en.txt', 'story.pt.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toEqual([{ id: 'story.txt', sourcePath: 'story.pt.txt', targetPath: 'story.en.txt', sourceLang: 'pt', targetLang: 'en' }]);
    expect(r.unpaired).toEqual([]);
    expect(r.languagesSeen).toEqual(['en', 'pt']);
  });

  it('reads region and script subtags (pt-BR, zh-Hans)', () => {
    const r = pairFiles(['a.pt-BR.txt', 'a.zh-Hans.txt'], [{ source: 'pt-BR', target: 'zh-Hans' }]);
    expect(r.articles).toEqual([{ id: 'a.txt', sourcePath: 'a.pt-BR.txt', targetPath: 'a.zh-Hans.txt', sourceLang: 'pt-BR', targetLang: 'zh-Hans' }]);
    expect(r.languagesSeen).toEqual(['pt-BR', 'zh-Hans']);
  });

  it('canonicalises the case of tags in file names', () => {
    const r = pairFiles(['a.PT-br.txt', 'a.EN.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ sourceLang: 'pt-BR', targetLang: 'en' });
  });

  it('pairs files in language folders (pt/news/a.md + en/news/a.md)', () => {
    const r = pairFiles(['en/news/a.md', 'pt/news/a.md'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toEqual([{ id: 'news/a.md', sourcePath: 'pt/news/a.md', targetPath: 'en/news/a.md', sourceLang: 'pt', targetLang: 'en' }]);
  });

  it('pairs source/x.txt with target/x.txt', () => {
    const r = pairFiles(['source/x.txt', 'target/x.txt'], [{ source: 'de', target: 'en' }]);
    expect(r.articles).toEqual([{ id: 'x.txt', sourcePath: 'source/x.txt', targetPath: 'target/x.txt', sourceLang: 'de', targetLang: 'en' }]);
    expect(r.unpaired).toEqual([]);
  });

  it('does not pair files of different articles', () => {
    const r = pairFiles(['a.pt.txt', 'b.en.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toEqual([]);
    expect(r.unpaired).toEqual([
      { path: 'a.pt.txt', reason: 'no-partner' },
      { path: 'b.en.txt', reason: 'no-partner' },
    ]);
  });

  it('files with no language tag are unpaired with reason no-language', () => {
    const r = pairFiles(['notes.txt', 'story.final.txt', 'story.pt.txt', 'story.en.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles.map((a) => a.id)).toEqual(['story.txt']);
    expect(r.unpaired).toEqual([
      { path: 'notes.txt', reason: 'no-language' },
      { path: 'story.final.txt', reason: 'no-language' },
    ]);
  });

  it('a lone only.pt.txt is unpaired with reason no-partner', () => {
    const r = pairFiles(['only.pt.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toEqual([]);
    expect(r.unpaired).toEqual([{ path: 'only.pt.txt', reason: 'no-partner' }]);
  });

  it('a configured pair pt → en matches pt-BR files', () => {
    const r = pairFiles(['a.pt-BR.txt', 'a.en.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toEqual([{ id: 'a.txt', sourcePath: 'a.pt-BR.txt', targetPath: 'a.en.txt', sourceLang: 'pt-BR', targetLang: 'en' }]);
  });

  it('a configured pair decides the direction, whatever the file order', () => {
    const r = pairFiles(['a.en.txt', 'a.pt.txt'], [{ source: 'en', target: 'pt' }]);
    expect(r.articles[0]).toMatchObject({ sourcePath: 'a.en.txt', targetPath: 'a.pt.txt' });
  });

  it('files in a language outside the configured pairs are reported as such', () => {
    const r = pairFiles(['a.pt.txt', 'a.en.txt', 'a.fr.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toHaveLength(1);
    expect(r.unpaired).toEqual([{ path: 'a.fr.txt', reason: 'language-not-in-project' }]);
  });

  it('three sources into English: English is proposed as the target, not ambiguous', () => {
    const r = pairFiles(['a.pt.txt', 'a.en.txt', 'b.es.txt', 'b.en.txt', 'c.fr.txt', 'c.en.txt'], []);
    expect(r.proposedPairs).toEqual([
      { source: 'es', target: 'en' },
      { source: 'fr', target: 'en' },
      { source: 'pt', target: 'en' },
    ]);
    expect(r.ambiguous).toBe(false);
    // Without configured pairs the proposals are used, so the list is not empty.
    expect(r.articles.map((a) => [a.id, a.sourceLang, a.targetLang])).toEqual([
      ['a.txt', 'pt', 'en'],
      ['b.txt', 'es', 'en'],
      ['c.txt', 'fr', 'en'],
    ]);
  });

  it('the shared language is the target even when it is not English', () => {
    const r = pairFiles(['a.en.txt', 'a.de.txt', 'b.fr.txt', 'b.de.txt'], []);
    expect(r.proposedPairs).toEqual([
      { source: 'en', target: 'de' },
      { source: 'fr', target: 'de' },
    ]);
    expect(r.ambiguous).toBe(false);
  });

  it('a single pt/en project is ambiguous, and English is proposed as the target', () => {
    const r = pairFiles(['a.pt.txt', 'a.en.txt', 'b.pt.txt', 'b.en.txt'], []);
    expect(r.ambiguous).toBe(true);
    expect(r.proposedPairs).toEqual([{ source: 'pt', target: 'en' }]);
  });

  // When two layouts name the same article (story.pt.txt + story.en.txt and pt/story.txt +
  // en/story.txt), one pair wins; the other files are duplicates, not files of a foreign language.
  it('files left over in a project language are duplicates, not "language-not-in-project"', () => {
    const r = pairFiles(['en/story.txt', 'pt/story.txt', 'story.en.txt', 'story.pt.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.articles).toHaveLength(1);
    expect(r.unpaired).toHaveLength(2);
    for (const u of r.unpaired) expect(u.reason).toBe('duplicate');
  });

  it('configured pairs are never reported as ambiguous', () => {
    const r = pairFiles(['a.pt.txt', 'a.en.txt'], [{ source: 'pt', target: 'en' }]);
    expect(r.ambiguous).toBe(false);
  });
});

describe('languages', () => {
  it.each(['en', 'pt-BR', 'zh-Hans', 'pt', 'ar', 'zh-Hant-TW'])('isLanguageTag accepts %s', (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });

  it.each(['txt', 'md', 'final', 'old', 'draft', 'x', '', 'en_US', 'english'])('isLanguageTag rejects %j', (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });

  it('directionOf', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('zh-Hans')).toBe('ltr');
    expect(directionOf('pt-BR')).toBe('ltr');
  });

  it('tagMatches: a primary language covers its regions, regions do not cover each other', () => {
    expect(tagMatches('pt-BR', 'pt')).toBe(true);
    expect(tagMatches('pt', 'pt-BR')).toBe(true);
    expect(tagMatches('pt-br', 'pt-BR')).toBe(true);
    expect(tagMatches('pt-PT', 'pt-BR')).toBe(false);
    expect(tagMatches('es', 'en')).toBe(false);
  });
});

describe('scanTextFiles', () => {
  let root: string;
  const put = (rel: string, content = 'x') => {
    const full = join(root, rel);
    fs.mkdirSync(dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  };

  beforeAll(() => {
    root = fs.mkdtempSync(join(tmpdir(), 'calque-scan-'));
    put('story.pt.txt');
    put('story.en.txt');
    put('pt/news/a.md');
    put('en/news/a.md');
    put('notes.markdown');
    put('UPPER.TXT');
    put('image.png');
    put('data.json');
    put('doc.pdf');
    put('README');
    put('.hidden.txt');
    put('.calque/baselines/story.txt');
    put('.git/COMMIT_EDITMSG.txt');
    put('node_modules/pkg/readme.md');
    put('.obsidian/notes.md');
    put('sub/.secret/x.txt');
    put('sub/node_modules/y.md');
  });

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds .txt and .md files, skipping .calque, .git, node_modules and hidden folders', async () => {
    expect(await scanTextFiles(root)).toEqual(['UPPER.TXT', 'en/news/a.md', 'notes.markdown', 'pt/news/a.md', 'story.en.txt', 'story.pt.txt'].sort());
  });

  it('a missing folder → folderNotFound', async () => {
    await rejectsWith(scanTextFiles(join(root, 'does-not-exist')), 'folderNotFound');
  });

  it('a file path → notAFolder', async () => {
    const err = await rejectsWith(scanTextFiles(join(root, 'story.pt.txt')), 'notAFolder');
    expect(err.params.path).toBe(join(root, 'story.pt.txt'));
  });
});

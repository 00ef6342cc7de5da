/**
 * The bundled sample project's XLIFF and subtitle articles (issue 10: one XLIFF, one DOCX and one subtitle
 * pair in samples/): opened by name through the service from a copy of samples/, as `npm start` opens
 * them, each one article with its own languages, segments and planted artifacts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';

const root = mkdtempSync(join(tmpdir(), 'calque-samples-'));
cpSync(fileURLToPath(new URL('../../samples/', import.meta.url)), root, { recursive: true });
const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
afterAll(() => {
  service.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('sample project: the bilingual and subtitle articles open by name', () => {
  it('review/biblioteca-porto-alegre.xlf is one article, both sides in the file, one segment per trans-unit', { timeout: 60_000 }, async () => {
    const info = await service.openProject({});
    const row = info.articles.find((a) => a.id === 'review/biblioteca-porto-alegre.xlf');
    expect(row).toMatchObject({ sourcePath: 'review/biblioteca-porto-alegre.xlf', targetPath: 'review/biblioteca-porto-alegre.xlf', sourceLang: 'pt-BR', targetLang: 'en' });
    const view = await service.getArticle({ id: row!.id });
    // The segments are the file's trans-units (ids as written), not paragraphs of a text file.
    const ids = [...readFileSync(join(root, row!.targetPath), 'utf8').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(5);
    expect(view.segments.map((s) => s.id)).toEqual(ids);
    expect(view.segments.every((s) => s.source && s.target)).toBe(true);
    expect(view.source.text).not.toBe(view.target.text);
  });

  it('video/mangue.pt-BR.srt and mangue.en.srt pair into one article whose segments are cues, with the planted "the the"', { timeout: 60_000 }, async () => {
    const info = await service.openProject({});
    const row = info.articles.find((a) => a.targetPath === 'video/mangue.en.srt');
    expect(row).toMatchObject({ sourcePath: 'video/mangue.pt-BR.srt', sourceLang: 'pt-BR', targetLang: 'en' });
    const view = await service.getArticle({ id: row!.id });
    expect(view.target.text).toContain('In the mangrove, the tide rules everything.');
    expect(view.target.text).not.toContain('00:00:01,200');
    const { findings } = await service.checkArticle({ id: row!.id, text: view.target.text });
    expect(findings.map((f) => `${f.rule}: ${f.text}`)).toContain('qa.repeated-words: the the');
  });
});

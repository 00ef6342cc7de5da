import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalqueError } from '../../../../main/contract/api.js';
import { docx } from '../../../../main/core/formats/docx/index.js';
import { createZip, openZip, readEntry } from '../../../../main/core/formats/docx/zip.js';
import { CalqueService } from '../../../../main/core/service.js';
import { describeError } from '../../../../main/core/messages.js';
import { buildDocx, richDocx } from '../../../helpers/docx-fixture.js';
import { writeProject } from '../../../helpers/project.js';

const enc = (s: string) => new TextEncoder().encode(s);

function errorOf(bytes: Uint8Array): CalqueError {
  try {
    docx.read(bytes, { path: 'bad.en.docx' });
  } catch (err) {
    if (err instanceof CalqueError) return err;
    throw err;
  }
  throw new Error('read did not fail');
}

/** The rich fixture with one part's text replaced. */
function withPart(name: string, text: string): Uint8Array {
  const a = openZip(richDocx(), 'x');
  return createZip(a.entries.map((e) => ({ name: e.name, data: e.name === name ? enc(text) : readEntry(e, 'x') })));
}

describe('DOCX bad input', () => {
  it('a file that is not a zip', () => {
    expect(errorOf(enc('This is a plain text file named .docx')).code).toBe('zipInvalid');
  });

  it('a zip that is not a Word document', () => {
    expect(errorOf(createZip([{ name: 'hello.txt', data: enc('hi') }]))).toMatchObject({ code: 'docxInvalid', params: { reason: 'no [Content_Types].xml' } });
  });

  it('a zip bomb in the document part', () => {
    const bomb = createZip([
      { name: '[Content_Types].xml', data: enc('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
      { name: 'word/document.xml', data: new Uint8Array(30 * 1024 * 1024).fill(0x20) },
    ]);
    expect(errorOf(bomb).code).toBe('zipTooLarge');
  });

  it('invalid XML in a part, with where', () => {
    const e = errorOf(withPart('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body></w:document>'));
    expect(e.code).toBe('xmlInvalid');
    expect(e.params.path).toBe('bad.en.docx:word/document.xml');
  });

  it('a DTD with an external entity (XXE) or entity expansion in a part is refused, not expanded', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    expect(errorOf(withPart('word/document.xml', xxe)).code).toBe('xmlDoctype');
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
    expect(errorOf(withPart('word/footnotes.xml', laughs)).code).toBe('xmlDoctype');
    const undeclared = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>';
    expect(errorOf(withPart('word/document.xml', undeclared))).toMatchObject({ code: 'xmlEntity', params: { entity: 'nbsp' } });
  });

  it('every error has a message in the user’s language', () => {
    for (const bytes of [enc('x'), createZip([{ name: 'a', data: enc('a') }])]) {
      const e = errorOf(bytes);
      expect(describeError(e.toInfo())).not.toContain(e.code);
    }
  });

  it('in a project: a broken or 100 MB Word file is an error row with the reason, nothing is written and the app keeps working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calque-docx-bad-'));
    try {
      const root = writeProject(join(dir, 'p'), {
        '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
        'good.pt.docx': Buffer.from(buildDocx({ body: '<w:p><w:r><w:t>Olá.</w:t></w:r></w:p>' })),
        'good.en.docx': Buffer.from(buildDocx({ body: '<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>' })),
        'broken.pt.docx': Buffer.from(richDocx()),
        'broken.en.docx': 'not a zip',
        'huge.pt.docx': Buffer.from(richDocx()),
        'huge.en.docx': '',
      });
      truncateSync(join(root, 'huge.en.docx'), 100 * 1024 * 1024);
      const service = new CalqueService({ root, host: { kind: 'cli' } });
      const info = await service.openProject({});
      const byId = new Map(info.articles.map((a) => [a.id, a]));
      expect(byId.get('broken.docx')?.error?.code).toBe('zipInvalid');
      expect(byId.get('huge.docx')?.error?.code).toBe('fileTooLarge');
      await expect(service.getArticle({ id: 'broken.docx' })).rejects.toMatchObject({ code: 'zipInvalid' });
      await expect(service.getArticle({ id: 'huge.docx' })).rejects.toMatchObject({ code: 'fileTooLarge' });
      expect(readFileSync(join(root, 'broken.en.docx'), 'utf8')).toBe('not a zip');
      expect(existsSync(join(root, '.calque/baselines/broken.docx'))).toBe(false);
      expect(existsSync(join(root, '.calque/baselines/huge.docx'))).toBe(false);
      // The good article still opens and saves.
      const view = await service.getArticle({ id: 'good.docx' });
      await service.saveArticle({ id: 'good.docx', text: 'Hello!', expectedRevision: view.revision });
      expect(docx.read(readFileSync(join(root, 'good.en.docx')), { path: 'x' }).text.target).toBe('Hello!');
      writeFileSync(join(root, 'good.en.docx'), 'garbage');
      await expect(service.saveArticle({ id: 'good.docx', text: 'Hi', expectedRevision: 'x', force: true })).rejects.toMatchObject({ code: 'zipInvalid' });
      expect(readFileSync(join(root, 'good.en.docx'), 'utf8')).toBe('garbage');
      service.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

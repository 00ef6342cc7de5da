/**
 * Issue 12: `glossaries` in project.json may name files outside the project (project.json may come
 * from anyone). A path that leaves the project, or a glossary that is a symbolic link, is refused with
 * its own error instead of being read.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, toErrorInfo } from '../../main/core/api-schemas.js';
import { CalqueService } from '../../main/core/service.js';

let tmp: string;
let service: CalqueService | null = null;
afterEach(() => {
  service?.dispose();
  service = null;
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A project in tmp/p whose glossaries are `glossaries`, with a secret glossary beside it at tmp/outside.csv. */
async function checkWith(glossaries: string[], prepare?: (root: string) => void) {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-glossary-outside-'));
  const root = join(tmp, 'p');
  fs.mkdirSync(join(root, '.calque'), { recursive: true });
  fs.writeFileSync(join(tmp, 'outside.csv'), 'source,target\nprefeito,secret-term\n');
  fs.writeFileSync(join(root, 'a.pt.txt'), 'O prefeito falou.\n');
  fs.writeFileSync(join(root, 'a.en.txt'), 'The mayor spoke.\n');
  fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }], glossaries }));
  prepare?.(root);
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  return dispatch(service, 'checkArticle', { id: 'a.txt' }).then(
    (r) => ({ ok: true as const, text: JSON.stringify(r) }),
    (e: unknown) => ({ ok: false as const, info: toErrorInfo(e) }),
  );
}

describe('glossaries named in project.json are read from inside the project only', () => {
  it('a path that climbs out of the project is refused, and the outside file is not read', async () => {
    const got = await checkWith(['../outside.csv']);
    expect(got).toEqual({ ok: false, info: { code: 'pathOutsideProject', params: { path: '../outside.csv' } } });
  });

  it('an absolute path outside the project is refused', async () => {
    const got = await checkWith([join(tmpdir(), 'nowhere', 'outside.csv')]);
    expect(got.ok ? got.text : got.info.code).toBe('pathOutsideProject');
  });

  it('a glossary inside the project that is a symbolic link to an outside file is refused, not followed', async () => {
    const got = await checkWith(['.calque/glossary.csv'], (root) => fs.symlinkSync(join(tmp, 'outside.csv'), join(root, '.calque/glossary.csv')));
    expect(got).toEqual({ ok: false, info: { code: 'symlinkRefused', params: { path: '.calque/glossary.csv' } } });
  });

  it('a real glossary file inside the project is read', async () => {
    const got = await checkWith(['terms.csv'], (root) => fs.writeFileSync(join(root, 'terms.csv'), 'source,target\nprefeito,mayor\n'));
    expect(got.ok).toBe(true);
  });
});

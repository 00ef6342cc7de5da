import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textEdit } from '../../../main/common/text-edit.js';
import type { ArticleChecks } from '../../../main/contract/api.js';
import { dispatch } from '../../../main/core/api-schemas.js';
import { CalqueService } from '../../../main/core/service.js';
import { rejectsWith } from '../../helpers/errors.js';
import { writeProject } from '../../helpers/project.js';

let tmp: string;
let service: CalqueService;

const FIRST = 'The drougth came to the north. The farmers left.\n\nThe rains came back in may.\n';
const SECOND = 'The drougth came to the north. The farmers left their farmm.\n\nThe rains came back in may.\n';
const THIRD = 'The drought came to the north. The farmers left their farmm.\n\nThe rains came back in May.\n';

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-check-edits-'));
  const root = writeProject(join(tmp, 'p'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': 'A seca chegou ao norte. Os agricultores saíram.\n\nAs chuvas voltaram em maio.\n',
    'a.en.txt': FIRST,
    'b.pt.txt': 'A seca voltou.\n',
    'b.en.txt': 'The drougth returned.\n',
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});

afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** What a check found and where (spelling suggestions are left out: they arrive over several checks). */
const found = (c: ArticleChecks) => ({ alignment: c.alignment, ignored: c.ignored, findings: c.findings.map(({ fixes: _f, ...f }) => f) });

describe('checks sent as one edit against the last checked text', () => {
  it('answer exactly as a check of the whole edited text, one edit after another', async () => {
    const first = await dispatch(service, 'checkArticle', { id: 'a.txt', text: FIRST });
    expect(first.textKey).toBeTruthy();
    const second = await dispatch(service, 'checkArticle', { id: 'a.txt', edit: { base: first.textKey!, ...textEdit(FIRST, SECOND) } });
    const third = await dispatch(service, 'checkArticle', { id: 'a.txt', edit: { base: second.textKey!, ...textEdit(SECOND, THIRD) } });
    expect(second.findings.map((f) => f.text)).toContain('farmm');
    expect(third.findings.map((f) => f.text)).not.toContain('drougth');
    expect(found(second)).toEqual(found(await dispatch(service, 'checkArticle', { id: 'a.txt', text: SECOND })));
    expect(found(third)).toEqual(found(await dispatch(service, 'checkArticle', { id: 'a.txt', text: THIRD })));
  });

  it('are refused against a text the host no longer holds, or another article\'s, so the editor sends the whole text', async () => {
    const first = await dispatch(service, 'checkArticle', { id: 'a.txt', text: FIRST });
    await dispatch(service, 'checkArticle', { id: 'a.txt', text: SECOND }); // the host now holds SECOND
    await rejectsWith(dispatch(service, 'checkArticle', { id: 'a.txt', edit: { base: first.textKey!, ...textEdit(FIRST, THIRD) } }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'checkArticle', { id: 'b.txt', edit: { base: first.textKey!, start: 0, end: 0, text: 'x' } }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'checkArticle', { id: 'a.txt', edit: { base: 'nope', start: 0, end: 0, text: '' } }), 'invalidRequest');
  });

  it('must fit the text they edit, and come without a whole text', async () => {
    const first = await dispatch(service, 'checkArticle', { id: 'a.txt', text: FIRST });
    await rejectsWith(dispatch(service, 'checkArticle', { id: 'a.txt', edit: { base: first.textKey!, start: 5, end: FIRST.length + 10, text: 'x' } }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'checkArticle', { id: 'a.txt', text: SECOND, edit: { base: first.textKey!, start: 0, end: 0, text: '' } }), 'invalidRequest');
  });

  it('a check of the text on disk names no text to edit', async () => {
    expect((await dispatch(service, 'checkArticle', { id: 'a.txt' })).textKey).toBeUndefined();
  });
});

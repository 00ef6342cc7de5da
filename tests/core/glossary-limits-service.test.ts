import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch, toErrorInfo } from '../../main/core/api-schemas.js';
import { CalqueService } from '../../main/core/service.js';
import { describeError } from '../../main/core/messages.js';

let tmp: string;
let service: CalqueService | null = null;
afterEach(() => {
  service?.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('a glossary over a limit makes checks fail with its own localized error, not HTTP 500 (internal)', async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-glossary-svc-'));
  fs.writeFileSync(join(tmp, 'a.pt.txt'), 'O prefeito falou.\n');
  fs.writeFileSync(join(tmp, 'a.en.txt'), 'The mayor spoke.\n');
  fs.mkdirSync(join(tmp, '.calque'));
  fs.writeFileSync(join(tmp, '.calque/glossary.tbx'), '<martif>' + '<x>'.repeat(100_000) + '</martif>');
  service = new CalqueService({ root: tmp, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  const err = await dispatch(service, 'checkArticle', { id: 'a.txt' }).catch((e: unknown) => e);
  const info = toErrorInfo(err);
  expect(info).toEqual({ code: 'glossaryTooDeep', params: { path: '.calque/glossary.tbx', limit: 64 } });
  expect(describeError(info, 'de')).toBe('Das Glossar .calque/glossary.tbx verschachtelt seine Elemente tiefer als 64 Ebenen; es wurde nicht gelesen.');
});

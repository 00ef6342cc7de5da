import * as fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../../main/core/service.js';
import { rejectsWith } from '../../helpers/errors.js';
import { PT_EN_PROJECT, writeProject } from '../../helpers/project.js';

let root: string;
let service: CalqueService;
const realChmod = fsp.chmod;

beforeEach(async () => {
  root = writeProject(fs.mkdtempSync(join(tmpdir(), 'calque-replaced-')), PT_EN_PROJECT);
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});
afterEach(() => {
  fsp.chmod = realChmod;
  syncBuiltinESMExports();
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Another program acts while our temp file is being finished: after the revision check, before the rename. */
function whileSaving(act: () => void): void {
  let done = false;
  fsp.chmod = (async (path: fs.PathLike, mode: fs.Mode) => {
    if (!done && String(path).includes('.a.en.txt.calque-')) {
      done = true;
      act();
    }
    return realChmod(path, mode);
  }) as typeof fsp.chmod;
  syncBuiltinESMExports();
}

describe('a file replaced by another program during a save', () => {
  it('replaced by rename (an editor saving atomically): a conflict, and the other program’s file stays', async () => {
    const { revision } = await service.getArticle({ id: 'a.txt' });
    whileSaving(() => {
      fs.writeFileSync(join(root, 'other.tmp'), 'Written by another editor.\n');
      fs.renameSync(join(root, 'other.tmp'), join(root, 'a.en.txt'));
    });
    await rejectsWith(service.saveArticle({ id: 'a.txt', text: 'Mine.', expectedRevision: revision }), 'conflict');
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('Written by another editor.\n');
    expect(fs.readdirSync(join(root, '.calque/tmp'))).toEqual([]); // our temp file is gone
  });

  it('rewritten in place with the same size: a conflict too', async () => {
    const { revision } = await service.getArticle({ id: 'a.txt' });
    whileSaving(() => fs.writeFileSync(join(root, 'a.en.txt'), 'The dog sleep.\n'));
    await rejectsWith(service.saveArticle({ id: 'a.txt', text: 'Mine.', expectedRevision: revision }), 'conflict');
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe('The dog sleep.\n');
  });
});

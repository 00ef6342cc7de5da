/** Protected ranges (code, URLs, front matter) reach every check through the one check service, on disk and while editing. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskProtected, touchesProtected } from '../../../main/core/checks/protected.js';
import { CalqueService } from '../../../main/core/service.js';
import { PT_EN_PROJECT, writeProject } from '../../helpers/project.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-protected-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('protected ranges', () => {
  it('blank out all but line breaks, and a span touches a range only when it overlaps it', () => {
    expect(maskProtected('a `b c` d\n```\nx\n```', [[2, 7], [10, 19]])).toBe('a       d\n   \n \n   ');
    const r: [number, number][] = [[5, 10], [20, 30]];
    expect(touchesProtected(r, 0, 5)).toBe(false);
    expect(touchesProtected(r, 0, 6)).toBe(true);
    expect(touchesProtected(r, 10, 20)).toBe(false);
    expect(touchesProtected(r, 29, 31)).toBe(true);
    expect(touchesProtected(r, 5, 5)).toBe(false); // an insertion point at a range's edge is outside it
    expect(touchesProtected(r, 7, 7)).toBe(true);
  });

  it('the check service skips code and URLs of a Markdown article, on disk and in the editor text', async () => {
    const root = writeProject(join(tmp, 'p'), {
      '.calque/project.json': PT_EN_PROJECT['.calque/project.json'],
      'guia.pt.md': '# Guia\n\nRode `make 42` e leia https://exemplo.org/docs.\n\nSão 30 passos.\n',
      'guia.en.md': '# Guide\n\nRun `make 43` and read https://example.org/recieve.\n\nThere are 30 steps.\n',
    });
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    services.push(service);
    await service.openProject({});
    const onDisk = await service.checkArticle({ id: 'guia.md' });
    expect(onDisk.findings.map((f) => `${f.rule}:${f.text}`)).toEqual([]);
    // The editor's text: a misspelling and a wrong number in prose are found; the code and URL still are not.
    const view = await service.getArticle({ id: 'guia.md' });
    const edited = view.target.text.replace('There are 30 steps.', 'There are 31 stepps.');
    const live = await service.checkArticle({ id: 'guia.md', text: edited });
    const rules = live.findings.map((f) => `${f.rule}:${f.side}:${f.text}`);
    expect(rules).toEqual(expect.arrayContaining(['qa.numbers:target:31', 'qa.spelling:target:stepps']));
    const code = edited.indexOf('`make 43`');
    const url = edited.indexOf('https://');
    expect(live.findings.filter((f) => f.side === 'target' && f.start >= code && f.start < url + 30)).toEqual([]);
  });
});

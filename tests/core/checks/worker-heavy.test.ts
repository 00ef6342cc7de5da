/**
 * Issue 12: a 100,000-term glossary held a one-sentence article's check on the request thread (the
 * term index is built where the check runs). A big glossary sends even a short article to a worker,
 * and the worker's check finds the glossary's terms as the host's would.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import { openProjectChecks } from '../../../main/core/checks/service.js';
import { belongsInWorker, WORKER_GLOSSARY_THRESHOLD } from '../../../main/core/checks/worker/heavy.js';

const terms = (n: number) => Array.from({ length: n }, (_, i) => ({ source: `termo${i}`, target: `term${i}` }));

describe('which checks go to a worker', () => {
  it('a long text, or a short one with a big glossary; a short text with a small glossary stays', () => {
    expect(belongsInWorker({ source: 'x'.repeat(20_000), target: 'y'.repeat(10_000), project: { glossary: [] } })).toBe(true);
    expect(belongsInWorker({ source: 'Uma frase.', target: 'A sentence.', project: { glossary: [terms(100_000)] } })).toBe(true);
    expect(belongsInWorker({ source: 'Uma frase.', target: 'A sentence.', project: { glossary: [terms(WORKER_GLOSSARY_THRESHOLD - 1)] } })).toBe(false);
  });

  let root: string | undefined;
  afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('a short article with a big glossary, checked in a worker, gets the glossary finding', { timeout: 120_000 }, async () => {
    root = fs.mkdtempSync(join(tmpdir(), 'calque-heavy-'));
    fs.writeFileSync(join(root, 'a.pt.txt'), 'O relatório cita o termo1234 duas vezes.\n');
    fs.writeFileSync(join(root, 'a.en.txt'), 'The report cites the word twice.\n');
    fs.mkdirSync(join(root, '.calque'));
    fs.writeFileSync(join(root, '.calque/glossary.csv'), 'source,target\n' + terms(WORKER_GLOSSARY_THRESHOLD * 2).map((t) => `${t.source},${t.target}`).join('\n'));
    const { service, articles } = await openProjectChecks(root, { pairs: [{ source: 'pt', target: 'en' }], workers: 1 });
    try {
      const { findings } = await service.findingsOnDisk(articles[0]!);
      expect(findings.filter((f) => f.rule === 'qa.glossary').map((f) => f.text)).toEqual(['termo1234']);
    } finally {
      service.dispose();
    }
  });

  it('a glossary is read in the worker, and its limits still answer with their own error', { timeout: 120_000 }, async () => {
    root = fs.mkdtempSync(join(tmpdir(), 'calque-heavy-'));
    fs.writeFileSync(join(root, 'a.pt.txt'), 'O prefeito falou.\n');
    fs.writeFileSync(join(root, 'a.en.txt'), 'The mayor spoke.\n');
    fs.mkdirSync(join(root, '.calque'));
    fs.writeFileSync(join(root, '.calque/glossary.tbx'), '<martif>' + '<x>'.repeat(100_000) + '</martif>');
    const { service, articles } = await openProjectChecks(root, { pairs: [{ source: 'pt', target: 'en' }], workers: 1 });
    try {
      const err = await service.findingsOnDisk(articles[0]!).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CalqueError);
      expect((err as CalqueError).toInfo()).toEqual({ code: 'glossaryTooDeep', params: { path: '.calque/glossary.tbx', limit: 64 } });
    } finally {
      service.dispose();
    }
  });
});

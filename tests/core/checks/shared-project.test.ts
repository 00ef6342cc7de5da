/**
 * Issue 12: a big glossary's entries crossed serve's request thread twice as objects (worker → host →
 * worker). The worker that reads it answers it packed, the host passes it on, and the checks read the
 * same entries, in the same order, wherever they run.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProjectChecks } from '../../../main/core/checks/service.js';
import { glossaryCount, packGlossary, projectCheckData, unpackGlossary } from '../../../main/core/checks/shared-project.js';
import { belongsInWorker, WORKER_GLOSSARY_BYTES } from '../../../main/core/checks/worker/heavy.js';

const entries = [{ source: 'conselho', target: 'council', alternatives: ['board'] }, { source: 'São Paulo', target: 'São Paulo 🏙', caseSensitive: true }];

describe('a packed glossary', () => {
  it('unpacks to the entries packed, and the project data keeps the files in order', () => {
    const packed = packGlossary(entries);
    expect(packed.count).toBe(2);
    expect(packed.json.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(unpackGlossary(packed)).toEqual(entries);
    const first = [{ source: 'plano', target: 'plan' }];
    const parts = [first, packed, [{ source: 'rio', target: 'river' }]];
    expect(glossaryCount(parts)).toBe(4);
    expect(projectCheckData({ glossary: parts, wordList: ['Recife'] })).toEqual({ glossary: [...first, ...entries, { source: 'rio', target: 'river' }], wordList: ['Recife'] });
  });

  it('sends the check of a short article to a worker, however few its entries', () => {
    expect(belongsInWorker({ source: 'Uma frase.', target: 'A sentence.', project: { glossary: [packGlossary(entries)] } })).toBe(true);
    expect(belongsInWorker({ source: 'Uma frase.', target: 'A sentence.', project: { glossary: [entries] } })).toBe(false);
  });
});

describe('a glossary file read in a worker', () => {
  let root: string | undefined;
  afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('gives the short article checked in the worker the findings of a check in this thread', { timeout: 120_000 }, async () => {
    root = fs.mkdtempSync(join(tmpdir(), 'calque-shared-glossary-'));
    fs.writeFileSync(join(root, 'a.pt.txt'), 'O relatório cita o termo1234 e o termo77 duas vezes.\n');
    fs.writeFileSync(join(root, 'a.en.txt'), 'The report cites the term77 twice.\n');
    fs.mkdirSync(join(root, '.calque'));
    const rows = Array.from({ length: 30_000 }, (_, i) => `termo${i},term${i}`);
    fs.writeFileSync(join(root, '.calque/glossary.csv'), 'source,target\n' + rows.join('\n') + '\n');
    expect(fs.statSync(join(root, '.calque/glossary.csv')).size).toBeGreaterThanOrEqual(WORKER_GLOSSARY_BYTES);
    const findingsOf = async (workers: number) => {
      const { service, articles } = await openProjectChecks(root!, { pairs: [{ source: 'pt', target: 'en' }], workers });
      try {
        return (await service.findingsOnDisk(articles[0]!)).findings;
      } finally {
        service.dispose();
      }
    };
    const inWorker = await findingsOf(1);
    expect(inWorker.filter((f) => f.rule === 'qa.glossary').map((f) => f.text)).toEqual(['termo1234']);
    expect(inWorker).toEqual(await findingsOf(0));
  });
});

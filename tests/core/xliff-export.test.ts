/**
 * An XLIFF article exported in its own format carries the review (issue 10, "What the reviewer
 * delivers"): confirmed segments in the dialect's approved state, the MQM annotations as 1.2 notes or
 * XLIFF 2 ITS locQualityIssue marks; the API's Export, Export all and `calque export` write the same bytes.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import type { CalqueEvents } from '../../main/contract/api.js';
import type { Annotation } from '../../main/contract/review.js';
import { xliff } from '../../main/core/formats/xliff/index.js';
import { CalqueService } from '../../main/core/service.js';
import { captureCli } from '../helpers/cli-io.js';
import { writeProject } from '../helpers/project.js';

const io = captureCli('calque-xliff-export-');
const FIXTURES = new URL('../fixtures/xliff/', import.meta.url);
const fixture = (name: string) => fs.readFileSync(new URL(name, FIXTURES));
const services: CalqueService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
});

function project(file: string, bytes: Buffer, pair: { source: string; target: string }): { root: string; service: CalqueService } {
  const root = writeProject(join(io.dir, 'project'), { '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [pair] }), [file]: bytes });
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  services.push(service);
  return { root, service };
}

function annotation(text: string, exact: string, over: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = start + exact.length;
  return { id: `a${start}`, side: 'target', start, end, quote: { exact, prefix: text.slice(Math.max(0, start - 8), start), suffix: text.slice(end, end + 8) }, category: 'Accuracy/Mistranslation', severity: 'major', comment: 'hottest', created: '2026-12-04T10:00:00Z', modified: '2026-12-04T10:00:00Z', ...over };
}

/** The segment's text in the editor's target text (segments one blank line apart). */
const segmentText = (text: string, n: number) => text.split('\n\n')[n]!;

async function exportAllTo(service: CalqueService, out: string): Promise<void> {
  const events: CalqueEvents['job'][] = [];
  service.on((name, payload) => name === 'job' && events.push(payload as CalqueEvents['job']));
  const started = await service.exportAll({ outDir: out });
  expect(started.jobId).not.toBe('');
  await expect.poll(() => events.find((e) => e.state !== 'running')?.state).toBe('finished');
}

describe('exporting an XLIFF article writes the review into it', () => {
  it('memoQ (1.2): a confirmed segment becomes Reviewer1Confirmed, an annotation a note; Export, Export all and the CLI agree', async () => {
    const bytes = fixture('memoq.mqxliff');
    const { root, service } = project('clima.mqxliff', bytes, { source: 'de', target: 'en' });
    await service.openProject({});
    const view = await service.getArticle({ id: 'clima.mqxliff' });
    await service.setSegmentState({ id: view.id, segments: [{ id: '1', text: segmentText(view.target.text, 0) }], state: 'confirmed' });
    await service.saveAnnotations({ id: view.id, annotations: [annotation(view.target.text, 'warmest')] });

    const res = await service.exportArticle({ id: view.id });
    expect(res.fileName).toBe('clima.mqxliff');
    const exported = Buffer.from(res.dataBase64!, 'base64');
    const expected = bytes
      .toString('utf8')
      .replace('<trans-unit id="1" mq:status="ManuallyConfirmed"', '<trans-unit id="1" mq:status="Reviewer1Confirmed"')
      .replace('beginning of the measurements.</target>\r\n', 'beginning of the measurements.</target>\r\n        <note>MQM Accuracy/Mistranslation · major: “warmest” — hottest</note>\r\n');
    // Byte for byte the original but for the state and the note (BOM and CRLF kept).
    expect(exported.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(xliff.read(exported, { path: 'x' }).units[0]!.notes).toEqual(['MQM Accuracy/Mistranslation · major: “warmest” — hottest']);
    // The project's file itself is not touched by an export.
    expect(fs.readFileSync(join(root, 'clima.mqxliff')).equals(bytes)).toBe(true);

    const out = join(io.dir, 'out');
    await exportAllTo(service, out);
    expect(fs.readFileSync(join(out, 'clima.mqxliff')).equals(exported)).toBe(true);

    service.dispose();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const cliOut = join(io.dir, 'cli-out');
    expect(await main(['export', root, '--out', cliOut])).toBe(0);
    expect(fs.readFileSync(join(cliOut, 'clima.mqxliff')).equals(exported)).toBe(true);
  });

  it('XLIFF 2: the annotation is an ITS locQualityIssue mark around its words; orphaned and source annotations stay out', async () => {
    const bytes = fixture('v2.xlf');
    const { service } = project('tram.xlf', bytes, { source: 'fr', target: 'en' });
    await service.openProject({});
    const view = await service.getArticle({ id: 'tram.xlf' });
    const text = view.target.text;
    await service.saveAnnotations({
      id: view.id,
      annotations: [
        annotation(text, 'gets bigger', { category: 'Fluency/Grammar', severity: 'minor', comment: '' }),
        { ...annotation(view.source.text, 'Deux', { id: 'src' }), side: 'source' },
      ],
    });
    const exported = Buffer.from((await service.exportArticle({ id: view.id })).dataBase64!, 'base64').toString('utf8');
    expect(exported).toBe(
      bytes
        .toString('utf8')
        .replace(
          '</pc> gets bigger.</target>',
          '</pc> <mrk xmlns:its="http://www.w3.org/2005/11/its" id="lqi1" type="its:lqi" its:locQualityIssueType="grammar" its:locQualityIssueSeverity="10" its:locQualityIssueComment="Fluency/Grammar · minor">gets bigger</mrk>.</target>',
        ),
    );
    // Read back, the text is the same; the mark is a tag of its own.
    const back = xliff.read(Buffer.from(exported), { path: 'x' });
    const untagged = (t: string) => t.replace(/<\/?\d+>|\{\d+\}/g, '');
    expect(untagged(back.text.target)).toBe(untagged(text));
  });

  it('Phrase (1.2): a segment confirmed in the review is exported with m:confirmed="1", and nothing else changes', async () => {
    const bytes = fixture('phrase.mxliff');
    const { service } = project('museo.mxliff', bytes, { source: 'es', target: 'en' });
    await service.openProject({});
    const view = await service.getArticle({ id: 'museo.mxliff' });
    await service.setSegmentState({ id: view.id, segments: [{ id: 'a9FqXk1:2', text: segmentText(view.target.text, 2) }], state: 'confirmed' });
    const exported = Buffer.from((await service.exportArticle({ id: view.id })).dataBase64!, 'base64').toString('utf8');
    const before = '<trans-unit id="a9FqXk1:2" m:para-id="2" m:confirmed="0"';
    expect(bytes.toString('utf8')).toContain(before);
    expect(exported).toBe(bytes.toString('utf8').replace(before, '<trans-unit id="a9FqXk1:2" m:para-id="2" m:confirmed="1"'));
  });

  it('with no review the export is the file as it is', async () => {
    const bytes = fixture('trados.sdlxliff');
    const { service } = project('big.sdlxliff', bytes, { source: 'pt', target: 'en' });
    const info = await service.openProject({});
    const id = info.articles[0]!.id;
    const exported = Buffer.from((await service.exportArticle({ id })).dataBase64!, 'base64');
    expect(exported.equals(bytes)).toBe(true);
  });
});

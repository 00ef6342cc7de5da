/** An HTML pair is an article: listed, shown as its segments, checked without markup noise, saved in place. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueService } from '../../main/core/service.js';
import { changedByteSpan } from '../helpers/byte-diff.js';
import { PT_EN_PROJECT, writeProject } from '../helpers/project.js';

let tmp: string;
const services: CalqueService[] = [];
beforeEach(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-html-'));
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const PT = '<html><head><title>Gruas no porto</title><script>var n = 42;</script></head><body>\n<p>As gruas <b>chegaram</b> na ter&ccedil;a-feira.</p>\n<p>Custam 38&nbsp;milhões.</p>\n</body></html>\n';
const EN = '<html><head><title>Cranes at the port</title><script>var n = 43;</script></head><body>\n<p>The cranes <b>arrived</b> on the Tuesday.</p>\n<p>They cost 38&nbsp;million.</p>\n</body></html>\n';

describe('an HTML article', () => {
  it('pairs by name, shows its segments, checks without markup noise, saves only the edited bytes', async () => {
    const root = writeProject(join(tmp, 'p'), { '.calque/project.json': PT_EN_PROJECT['.calque/project.json'], 'cranes.pt.html': PT, 'cranes.en.html': EN });
    const service = new CalqueService({ root, host: { kind: 'cli' } });
    services.push(service);
    const info = await service.openProject({});
    expect(info.articles.map((a) => [a.id, a.sourcePath, a.targetPath])).toEqual([['cranes.html', 'cranes.pt.html', 'cranes.en.html']]);
    const view = await service.getArticle({ id: 'cranes.html' });
    expect(view.source.text).toBe('Gruas no porto\n\nAs gruas <b>chegaram</b> na terça-feira.\n\nCustam 38\u00a0milhões.');
    expect(view.target.text).toBe('Cranes at the port\n\nThe cranes <b>arrived</b> on the Tuesday.\n\nThey cost 38\u00a0million.');
    const checks = await service.checkArticle({ id: 'cranes.html' });
    // The script's 42/43 are not in the text; the tags are not reported.
    expect(checks.findings.filter((f) => /[<>]/.test(f.text))).toEqual([]);
    const edited = view.target.text.replace('on the Tuesday', 'on Tuesday');
    await service.saveArticle({ id: 'cranes.html', text: edited, expectedRevision: view.revision });
    const after = fs.readFileSync(join(root, 'cranes.en.html'));
    expect(after.toString()).toBe(EN.replace('on the Tuesday', 'on Tuesday'));
    const span = changedByteSpan(Buffer.from(EN), after);
    expect(Buffer.from(EN).subarray(span.start, span.oldEnd).toString()).toBe('the ');
    expect((await service.getArticle({ id: 'cranes.html' })).target.text).toBe(edited);
  });
});

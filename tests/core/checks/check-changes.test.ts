import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChecksDelta, checksDelta, type HeldChecks } from '../../../main/common/checks-delta.js';
import type { Finding } from '../../../main/contract/review.js';
import { textEdit } from '../../../main/common/text-edit.js';
import type { ArticleChecks, ArticleChecksChanges } from '../../../main/contract/api.js';
import { dispatch } from '../../../main/core/api-schemas.js';
import { CalqueService } from '../../../main/core/service.js';
import { writeProject } from '../../helpers/project.js';

let tmp: string;
let service: CalqueService;

// Twelve paragraphs, each with a misspelling and a number, so findings sit before and after every edit.
const PT = Array.from({ length: 12 }, (_, i) => `A seca chegou ao norte em ${i + 3} dias. Os agricultores saíram das aldeias.`).join('\n\n') + '\n';
const EN = Array.from({ length: 12 }, (_, i) => `The drougth reached the north in ${i + 3} days. The farmers left the vilages.`).join('\n\n') + '\n';

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-check-changes-'));
  const root = writeProject(join(tmp, 'p'), {
    '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
    'a.pt.txt': PT,
    'a.en.txt': EN,
  });
  service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
});

afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const held = (c: ArticleChecks): HeldChecks => ({ findings: c.findings, alignment: c.alignment });
/** What a check found and where (spelling suggestions are left out: they arrive over several checks). */
const found = (c: HeldChecks) => ({ alignment: c.alignment, findings: c.findings.map(({ fixes: _f, ...f }) => f) });
const isDelta = (c: ArticleChecks | ArticleChecksChanges): c is ArticleChecksChanges => 'delta' in c;

/** Each edit, as the page sends it, checked with changes and in full: the page rebuilds the full answer. */
async function typeThrough(texts: string[]) {
  let text = texts[0]!;
  const first = await dispatch(service, 'checkArticleChanges', { id: 'a.txt', text });
  expect(isDelta(first)).toBe(false);
  let page = first as ArticleChecks;
  const sizes: { delta: number; full: number }[] = [];
  for (const next of texts.slice(1)) {
    const answer = await dispatch(service, 'checkArticleChanges', { id: 'a.txt', edit: { base: page.textKey!, ...textEdit(text, next) }, known: page.textKey! });
    if (!isDelta(answer)) throw new Error('expected a delta');
    const rebuilt = applyChecksDelta(held(page), answer.delta);
    const full = await dispatch(service, 'checkArticle', { id: 'a.txt', text: next });
    expect(rebuilt && found(rebuilt)).toEqual(found(held(full)));
    sizes.push({ delta: JSON.stringify(answer.delta).length, full: JSON.stringify(held(full)).length });
    // The full check above replaced the host's kept answer: ask again so the page holds the host's latest.
    page = (await dispatch(service, 'checkArticleChanges', { id: 'a.txt', text: next })) as ArticleChecks;
    text = next;
  }
  return sizes;
}

describe('check answers as the change from the answer the page holds', () => {
  it('rebuild the full answer exactly, edit after edit: a word typed, a fix, a new paragraph, a paragraph removed', async () => {
    const mid = EN.indexOf('vilages', EN.length / 2);
    const typed = EN.slice(0, mid) + 'old ' + EN.slice(mid);
    const fixed = typed.replace('drougth', 'drought');
    const para = fixed.indexOf('\n\n', fixed.length / 3);
    const split = fixed.slice(0, para) + '\n\nThe rains came back in 9 dayz.' + fixed.slice(para);
    const joined = split.replace(/\n\nThe drougth reached the north in 14 days/, ' The drougth reached the north in 14 days');
    const sizes = await typeThrough([EN, typed, fixed, split, joined]);
    // A word typed in the middle sends the few findings and sentences around it, not the article's.
    expect(sizes[0]!.delta).toBeLessThan(sizes[0]!.full / 4);
  });

  it('come in full when the host no longer keeps the answer the page names', async () => {
    const first = (await dispatch(service, 'checkArticleChanges', { id: 'a.txt', text: EN })) as ArticleChecks;
    await dispatch(service, 'checkArticleChanges', { id: 'a.txt', text: EN + 'More.\n' }); // the host now keeps another
    const answer = await dispatch(service, 'checkArticleChanges', { id: 'a.txt', text: EN.replace('drougth', 'drought'), known: first.textKey! });
    expect(isDelta(answer)).toBe(false);
    expect((answer as ArticleChecks).findings.some((f) => f.text === 'vilages')).toBe(true);
  });

  it('move the held fixes with the edit, and rebuild exactly what the host found', () => {
    const finding = (start: number, word: string, fixTo: string): Finding => ({
      rule: 'qa.spelling', category: 'Fluency/Spelling', severity: 'minor', side: 'target', start, end: start + word.length, text: word,
      message: { key: 'qa:spelling', params: { word } }, fixes: [{ edits: [{ start, end: start + word.length, text: fixTo }] }],
    });
    const sentence = (start: number, end: number, paragraph: number) => ({ start, end, paragraph });
    // "Teh cat. Teh dog.\n\nA hous." → "Teh big cat. The dog.\n\nA hous.": one finding fixed, one moved.
    const before: HeldChecks = {
      findings: [finding(0, 'Teh', 'The'), finding(9, 'Teh', 'The'), finding(19, 'hous', 'house')],
      alignment: { source: [sentence(0, 8, 0), sentence(9, 17, 0), sentence(19, 26, 1)], target: [sentence(0, 8, 0), sentence(9, 17, 0), sentence(19, 26, 1)], links: [0, 1, 2].map((i) => ({ source: [i], target: [i] })) },
    };
    const after: HeldChecks = {
      findings: [finding(0, 'Teh', 'The'), finding(23, 'hous', 'house')],
      alignment: { source: before.alignment.source, target: [sentence(0, 12, 0), sentence(13, 21, 0), sentence(23, 30, 1)], links: before.alignment.links },
    };
    const edit = textEdit('Teh cat. Teh dog.\n\nA hous.', 'Teh big cat. The dog.\n\nA hous.');
    const delta = checksDelta('7', before, after, edit);
    expect(applyChecksDelta(before, delta)).toEqual(after);
    // The moved finding came as a run of the held list, not as a new item.
    expect(delta.findings.filter((p) => !Array.isArray(p))).toEqual([]);
  });

  it('refuse pieces that do not fit the held answer', () => {
    const page: HeldChecks = { findings: [], alignment: { source: [], target: [], links: [] } };
    const shift = { at: 0, by: 0, paragraphs: 0, sentenceAt: 0, sentences: 0 };
    expect(applyChecksDelta(page, { base: '1', shift, findings: [[0, 3]], source: [], target: [], links: [] })).toBeNull();
  });
});

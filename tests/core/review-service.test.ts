import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/contract/review.js';
import { dispatch } from '../../main/core/api-schemas.js';
import { CalqueService } from '../../main/core/service.js';
import { rejectsWith } from '../helpers/errors.js';

// Our own two-paragraph article with planted artifacts: a glued dateline, a weekday in the source
// press's style, stacked prepositions and a country with an article.
const SOURCE = 'Manaus, 4 jun (EFE).- O governo do Amazonas anunciou nesta terça-feira (4) um plano contra a seca.\n\nO plano depende da aprovação da Assembleia e prevê ajuda ao Brasil inteiro.\n';
const TARGET = 'date 2024-06-04 The government of Amazonas announced this Tuesday (4) a plan against the drought.\n\nThe plan depends on of the approval of the Assembly and foresees help to the Brazil as a whole.\n';

let tmp: string;
let service: CalqueService;
const ID = 'news/drought.txt';

function makeProject(files: Record<string, string>): string {
  const root = join(tmp, 'project');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(dirname(join(root, rel)), { recursive: true });
    fs.writeFileSync(join(root, rel), content);
  }
  return root;
}

beforeEach(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-review-'));
  const root = makeProject({ 'news/drought.pt-BR.txt': SOURCE, 'news/drought.en.txt': TARGET });
  service = new CalqueService({ root, host: { kind: 'cli' }, languages: [{ source: 'pt-BR', target: 'en' }], watchIntervalMs: 60_000 });
  await service.openProject({});
});

afterEach(() => {
  service.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const root = () => join(tmp, 'project');

function annotation(over: Partial<Annotation>): Annotation {
  return {
    id: 'a1',
    side: 'target',
    start: 0,
    end: 15,
    quote: { exact: 'date 2024-06-04', prefix: '', suffix: ' The government' },
    category: 'Locale convention/Date',
    severity: 'major',
    comment: 'glued dateline',
    created: '2026-11-25T10:00:00.000Z',
    modified: '2026-11-25T10:00:00.000Z',
    ...over,
  };
}

describe('checks through the service', () => {
  it('aligns the glued dateline with the source sentence and finds the planted artifacts with fixes', async () => {
    const res = await service.checkArticle({ id: ID });
    const rules = res.findings.map((f) => `${f.rule}:${f.text}`);
    expect(rules).toContain('en.dateline-glued:date 2024-06-04 ');
    expect(rules).toContain('en.stacked-prepositions:on of');
    expect(rules).toContain('en.article-proper-noun:the Brazil');
    const weekday = res.findings.find((f) => f.rule === 'en.weekday-day-number')!;
    expect(weekday.fixes.map((f) => f.edits[0]!.text)).toContain('on Tuesday, June 4');
    expect(res.documentDate).toBe('2024-06-04');
    // Every sentence of both sides is in exactly one link, in order.
    const covered = res.alignment.links.flatMap((l) => l.target);
    expect(covered).toEqual(res.alignment.target.map((_, i) => i));
    // The first target sentence (dateline glued) is linked to the source's first sentence.
    expect(res.alignment.links[0]!.target).toContain(0);
    expect(res.alignment.links[0]!.source).toContain(0);
  });

  it('checks the editor text it is given, and stores the counts for the article list', async () => {
    const fixed = TARGET.replace('depends on of', 'depends on');
    const res = await service.checkArticle({ id: ID, text: fixed });
    expect(res.findings.some((f) => f.rule === 'en.stacked-prepositions')).toBe(false);
    // The list shows counts only when they are of the text on disk: not yet (the fix is unsaved).
    let row = (await service.openProject({})).articles[0]!;
    expect(row.problems).toBeUndefined();
    await service.checkArticle({ id: ID });
    row = (await service.openProject({})).articles[0]!;
    const onDisk = (await service.checkArticle({ id: ID })).findings;
    expect((row.problems?.minor ?? 0) + (row.problems?.major ?? 0) + (row.problems?.critical ?? 0)).toBe(onDisk.length);
    // A saved edit that leaves the counts as they were still counts as checked for the new text.
    const view = await service.getArticle({ id: ID });
    await service.saveArticle({ id: ID, text: view.target.text.replace('foresees', 'provides'), expectedRevision: view.revision });
    await service.checkArticle({ id: ID, text: view.target.text.replace('foresees', 'provides') });
    row = (await service.openProject({})).articles[0]!;
    expect(row.problems).toBeDefined();
  });

  it('ignores a finding here (kept in the review) and a rule in the project (kept in project.json)', async () => {
    await service.ignoreFinding({ id: ID, rule: 'en.stacked-prepositions', text: 'on of', scope: 'here' });
    let res = await service.checkArticle({ id: ID });
    expect(res.findings.some((f) => f.rule === 'en.stacked-prepositions')).toBe(false);
    expect(res.ignored).toBe(1);
    await service.ignoreFinding({ id: ID, rule: 'en.article-proper-noun', text: 'the Brazil', scope: 'project' });
    res = await service.checkArticle({ id: ID });
    expect(res.findings.some((f) => f.rule === 'en.article-proper-noun')).toBe(false);
    const config = JSON.parse(fs.readFileSync(join(root(), '.calque/project.json'), 'utf8')) as { checks: { disabled: string[] } };
    expect(config.checks.disabled).toEqual(['en.article-proper-noun']);
    const settings = await service.checkSettings();
    expect(settings.rules.find((r) => r.id === 'en.article-proper-noun')?.enabled).toBe(false);
    // Switched back on and re-graded.
    await service.updateCheckSettings({ rule: 'en.article-proper-noun', enabled: true, severity: 'critical' });
    res = await service.checkArticle({ id: ID });
    expect(res.findings.find((f) => f.rule === 'en.article-proper-noun')?.severity).toBe('critical');
  });

  it('lands settings changes made at the same moment, and reviews updated at the same moment', async () => {
    await Promise.all([
      service.updateCheckSettings({ rule: 'en.stacked-prepositions', enabled: false }),
      service.updateCheckSettings({ rule: 'en.article-proper-noun', severity: 'critical' }),
      service.updateScoringProfile({ profile: { ...(await service.scoringProfile()), threshold: 3 } }),
    ]);
    const config = JSON.parse(fs.readFileSync(join(root(), '.calque/project.json'), 'utf8')) as {
      checks: { disabled: string[]; severity: Record<string, string> };
      scoring: { threshold: number };
    };
    expect(config.checks.disabled).toEqual(['en.stacked-prepositions']);
    expect(config.checks.severity).toEqual({ 'en.article-proper-noun': 'critical' });
    expect(config.scoring.threshold).toBe(3);
    await Promise.all([
      service.ignoreFinding({ id: ID, rule: 'qa.names', text: 'EFE', scope: 'here' }),
      service.recordEditingTime({ id: ID, segments: { '0': 100 } }),
      service.recordEditingTime({ id: ID, segments: { '0': 200 } }),
      service.checkArticle({ id: ID }),
    ]);
    const review = JSON.parse(fs.readFileSync(join(root(), '.calque/reviews', `${ID}.json`), 'utf8')) as { ignores: unknown[]; editingMs: Record<string, number> };
    expect(review.ignores).toEqual([{ rule: 'qa.names', text: 'EFE' }]);
    expect(review.editingMs['0']).toBe(300);
  });

  it('accepts a word in the project word list, after which spelling no longer reports it', async () => {
    const text = TARGET.replace('drought', 'drougth');
    const before = await service.checkArticle({ id: ID, text });
    expect(before.findings.filter((f) => f.rule === 'qa.spelling').map((f) => f.text)).toContain('drougth');
    expect((await service.addToWordList({ word: 'drougth' })).wordList).toEqual(['drougth']);
    const after = await service.checkArticle({ id: ID, text });
    expect(after.findings.some((f) => f.rule === 'qa.spelling' && f.text === 'drougth')).toBe(false);
    await rejectsWith(dispatch(service, 'addToWordList', { word: '<b>x</b>' }), 'invalidRequest');
  });

  it('refuses settings for rules that are not ids, at the boundary', async () => {
    await rejectsWith(dispatch(service, 'updateCheckSettings', { rule: '../../etc', enabled: false }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'ignoreFinding', { id: ID, rule: 'x', text: 'y', scope: 'everywhere' }), 'invalidRequest');
  });
});

describe('annotations through the service', () => {
  it('saves them as one JSON line each in a stable order, and re-anchors them against the text given', async () => {
    const later = annotation({ id: 'b2', start: 121, end: 134, quote: { exact: 'depends on of', prefix: 'The plan ', suffix: ' the' }, category: 'Fluency/Grammar', severity: 'minor' });
    await service.saveAnnotations({ id: ID, annotations: [later, annotation({})] });
    const lines = fs.readFileSync(join(root(), '.calque/annotations', `${ID}.jsonl`), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Annotation).id)).toEqual(['a1', 'b2']);

    // The editor's text has a new first paragraph: both are found again by their quotes.
    const edited = `Drought alert.\n\n${TARGET}`;
    const view = await service.getAnnotations({ id: ID, text: edited });
    expect(view.annotations.map((a) => [a.id, edited.slice(a.start, a.end), !!a.orphaned])).toEqual([
      ['a1', 'date 2024-06-04', false],
      ['b2', 'depends on of', false],
    ]);
    // Text gone: kept as orphaned, never dropped.
    const gone = await service.getAnnotations({ id: ID, text: TARGET.replace('depends on of ', '') });
    expect(gone.annotations.find((a) => a.id === 'b2')?.orphaned).toBe(true);
  });

  it('keeps an annotation of MT words on their correction, on disk and in the editor, quoting the MT words', async () => {
    await service.getArticle({ id: ID }); // captures the baseline
    const start = TARGET.indexOf('depends on of');
    const mtWords = { start, end: start + 13, exact: 'depends on of' };
    await service.saveAnnotations({ id: ID, annotations: [annotation({ id: 'b2', start, end: start + 13, quote: { exact: 'depends on of', prefix: 'The plan ', suffix: ' the' }, baseline: mtWords })] });
    const corrected = TARGET.replace('depends on of', 'depends on');
    // Corrected in the editor (unsaved text) and then on disk: the annotation stays, on the corrected words.
    for (const text of [corrected, undefined]) {
      if (text === undefined) fs.writeFileSync(join(root(), 'news/drought.en.txt'), corrected);
      const [a] = (await service.getAnnotations({ id: ID, ...(text ? { text } : {}) })).annotations;
      expect(a!.orphaned).toBeUndefined();
      expect(corrected.slice(a!.start, a!.end)).toBe('depends on');
      expect(a!.baseline).toEqual(mtWords);
    }
    // The report quotes the MT words beside the corrected ones.
    const csv = Buffer.from((await service.exportReport({ id: ID, format: 'csv', lng: 'en' })).dataBase64!, 'base64').toString('utf8');
    expect(csv).toContain(',depends on,depends on of,');
    const html = Buffer.from((await service.exportReport({ id: ID, format: 'html', lng: 'en' })).dataBase64!, 'base64').toString('utf8');
    expect(html).toMatch(/The machine translation said: <q[^>]*>depends on of<\/q>/);
    // Only when its paragraph is gone is it orphaned (and still kept).
    const [gone] = (await service.getAnnotations({ id: ID, text: TARGET.split('\n\n')[0]! + '\n' })).annotations;
    expect(gone!.orphaned).toBe(true);
  });

  it('gives a line written before baseline spans its MT span when the article opens, even one that was orphaned', async () => {
    await service.getArticle({ id: ID });
    const start = TARGET.indexOf('depends on of');
    const file = join(root(), '.calque/annotations', `${ID}.jsonl`);
    fs.mkdirSync(dirname(file), { recursive: true });
    // Written by an older Calque after the correction orphaned it: no baseline key, offsets collapsed.
    const old = annotation({ id: 'old', start, end: start, quote: { exact: 'depends on of', prefix: 'The plan ', suffix: ' the' }, orphaned: true });
    fs.writeFileSync(file, JSON.stringify(old) + '\n');
    fs.writeFileSync(join(root(), 'news/drought.en.txt'), TARGET.replace('depends on of', 'needs'));
    await service.getArticle({ id: ID }); // opening migrates the file
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as Annotation;
    expect(line.baseline).toEqual({ start, end: start + 13, exact: 'depends on of' });
    const [a] = (await service.getAnnotations({ id: ID })).annotations;
    expect(a!.orphaned).toBeUndefined();
    expect(TARGET.replace('depends on of', 'needs').slice(a!.start, a!.end)).toBe('needs');
  });

  it('keeps a line it cannot read through a save from the editor', async () => {
    const file = join(root(), '.calque/annotations', `${ID}.jsonl`);
    fs.mkdirSync(dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(annotation({}))}\n{"id": "broken", "start": "x"}\n`);
    const view = await service.getAnnotations({ id: ID });
    expect(view.invalidLines).toBe(1);
    await service.saveAnnotations({ id: ID, annotations: [...view.annotations, annotation({ id: 'c3', comment: 'second' })] });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('{"id": "broken", "start": "x"}');
    expect(text).toContain('"c3"');
  });

  it('validates annotations at the boundary', async () => {
    await rejectsWith(dispatch(service, 'saveAnnotations', { id: ID, annotations: [{ ...annotation({}), category: 'Made up' }] }), 'invalidRequest');
    await rejectsWith(dispatch(service, 'saveAnnotations', { id: ID, annotations: [{ ...annotation({}), start: 20, end: 5 }] }), 'invalidRequest');
  });
});

describe('editing time and reports', () => {
  it('adds editing time per segment to the review', async () => {
    await service.recordEditingTime({ id: ID, segments: { '0': 1500, '1': 500 } });
    const res = await service.recordEditingTime({ id: ID, segments: { '0': 1000 } });
    expect(res.totalMs).toBe(3000);
  });

  it('builds an article report with the annotations weighed by the MQM profile and the edits measured', async () => {
    await service.getArticle({ id: ID }); // captures the machine translation as the baseline
    await service.saveAnnotations({ id: ID, annotations: [annotation({ start: 102, end: 115, quote: { exact: 'depends on of', prefix: 'The plan ', suffix: '' } })] });
    fs.writeFileSync(join(root(), 'news/drought.en.txt'), TARGET.replace('date 2024-06-04 ', ''));
    const report = await service.buildReport({ id: ID, lng: 'en' });
    expect(report.articles).toHaveLength(1);
    const article = report.articles[0]!;
    expect(article.mqm.penalty).toBe(5); // one major error, WMT weights
    expect(article.annotations).toHaveLength(1);
    expect(article.annotations[0]!.orphaned).toBeFalsy();
    // Removing the dateline's two words from the first sentence: its segment has 2 deletions.
    const first = article.segments[0]!;
    expect(first.hter.deletions + first.hter.insertions + first.hter.substitutions).toBe(2);
    expect(article.totals.hter).toBeGreaterThan(0);
  });

  it('exports the report as a file the browser downloads', async () => {
    const res = await service.exportReport({ format: 'csv', lng: 'de' });
    expect(res.fileName).toBe('project-review.csv');
    const csv = Buffer.from(res.dataBase64!, 'base64').toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });
});

describe('MQM scoring profile and TSV through the service', () => {
  const TSV = [
    'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment',
    'sysA\ttalk1\t1\t1\trater1\tThe river rose.\tDer Fluss <v>stieg</v> an.\tFluency/Grammar\tMinor\t',
    'sysA\ttalk1\t1\t2\trater1\tIt rained.\tEs regnete.\tNo-error\tNo-error\t',
    'sysA\ttalk1\t1\t3\trater1\tSchools closed.\t<v>Schulen</v> geschlossen.\tAccuracy/Mistranslation\tMajor\twrong article',
  ].join('\n');

  it('keeps a custom profile in project.json, uses it for reports, and resets to the WMT weights', async () => {
    const wmt = await service.scoringProfile();
    expect(wmt.weights.find((w) => w.severity === 'Major' && !w.category)?.weight).toBe(5);
    const custom = { ...wmt, weights: wmt.weights.map((w) => (w.severity === 'Major' && !w.category ? { ...w, weight: 7 } : w)), threshold: 6 };
    await service.updateScoringProfile({ profile: custom });
    const onDisk = JSON.parse(fs.readFileSync(join(root(), '.calque/project.json'), 'utf8')) as { scoring: { threshold: number } };
    expect(onDisk.scoring.threshold).toBe(6);
    await service.saveAnnotations({ id: ID, annotations: [annotation({})] });
    const report = await service.buildReport({ id: ID, lng: 'en' });
    expect(report.articles[0]!.mqm.penalty).toBe(7);
    expect(report.articles[0]!.mqm.passed).toBe(false);
    // The project is scored too, under the same profile.
    expect(report.mqm.score).toBe(-7);
    expect(report.mqm.passed).toBe(false);
    const reset = await service.updateScoringProfile({ reset: true });
    expect(reset).toEqual(wmt);
  });

  it('imports a TSV as articles with annotations, exports them back, and refuses malformed rows with line numbers', async () => {
    const bad = `${TSV}\nsysA\ttalk1\t1\tx\trater1\tA.\tB.\tOther\tMinor\t`;
    const refused = await service.importMqm({ content: bad, from: 'en', to: 'de' });
    expect(refused.imported).toBe(false);
    expect(refused.problems.map((p) => p.line)).toEqual([5]);
    expect(fs.existsSync(join(root(), 'sysA'))).toBe(false); // all or nothing

    const skipped = await service.importMqm({ content: bad, from: 'en', to: 'de', skipMalformed: true });
    expect(skipped).toMatchObject({ imported: true, articles: 1, annotations: 2 });
    expect(skipped.problems.map((p) => p.line)).toEqual([5]);
    const project = await service.openProject({});
    const imported = project.articles.find((a) => a.id.startsWith('sysA/'))!;
    expect(imported.annotations).toBe(2);

    const exported = Buffer.from((await service.exportMqm()).dataBase64!, 'base64').toString('utf8');
    expect(exported).toContain('Der Fluss <v>stieg</v> an.');
    expect(exported).toContain('<v>Schulen</v> geschlossen.\tAccuracy/Mistranslation\tMajor\twrong article');
  });
});

describe('PDF reports', () => {
  it('go through the host printer where there is one, and are refused in the browser', async () => {
    await rejectsWith(service.exportReport({ format: 'pdf', lng: 'en' }), 'invalidRequest');
    const printed: string[] = [];
    const desktop = new CalqueService({
      root: root(),
      host: { kind: 'electron', printToPdf: async (html) => (printed.push(html), new TextEncoder().encode('%PDF fake')) },
      watchIntervalMs: 60_000,
    });
    try {
      await desktop.openProject({});
      expect((await desktop.hostInfo()).pdfReports).toBe(true);
      const res = await desktop.exportReport({ id: ID, format: 'pdf', lng: 'fr' });
      expect(res.fileName).toBe('drought-review.pdf');
      expect(Buffer.from(res.dataBase64!, 'base64').toString()).toBe('%PDF fake');
      expect(printed[0]).toContain('lang="fr"');
    } finally {
      desktop.dispose();
    }
  });
});

describe('reopening the project while a review is being written', () => {
  it('loses no update: the old and the new stores write the same file one after another', async () => {
    // A save (old store) and editing time sent after the list rescanned the project (new store), at once.
    const view = await service.getArticle({ id: ID });
    const saving = service.saveArticle({ id: ID, text: view.target.text.replace('foresees', 'provides'), expectedRevision: view.revision });
    await service.openProject({});
    await Promise.all([saving, service.recordEditingTime({ id: ID, segments: { 'b0.0': 700 } })]);
    const review = JSON.parse(fs.readFileSync(join(root(), '.calque/reviews', `${ID}.json`), 'utf8')) as { editingMs: Record<string, number>; status: string };
    expect(review.editingMs['b0.0']).toBe(700);
    expect(review.status).toBe('in-review');
  });
});

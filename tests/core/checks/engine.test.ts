import { describe, expect, it, vi } from 'vitest';
import { CheckSession, checksFor, documentDate, runChecks } from '../../../main/core/checks/engine.js';

const SOURCE = [
  'Recife, 13 mar (EFE).- A prefeitura pretende abrir abrigos nesta quarta-feira (13).',
  'Atualmente, as aulas estão suspensas até sexta-feira (15).',
  'A verba depende da aprovação do ministério.',
].join('\n\n');
const TARGET = [
  'date 2024-03-13 The city hall pretends to open shelters this Wednesday (13).',
  'Actually, classes are suspended until Friday (15) in the Brazil.',
  'The money depends on of the approval of the ministry.',
].join('\n\n');

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('runChecks', () => {
  it('finds the artifacts of a pt→en article, sorted by position, with spans equal to the text', () => {
    const found = runChecks({ source: SOURCE, target: TARGET, sourceLang: 'pt-BR', targetLang: 'en' });
    expect(rules(found)).toEqual(expect.arrayContaining(['en.dateline-glued', 'pt-en.false-friends', 'en.weekday-day-number', 'en.article-proper-noun', 'en.stacked-prepositions']));
    for (const f of found) expect((f.side === 'target' ? TARGET : SOURCE).slice(f.start, f.end)).toBe(f.text);
    const inTarget = found.filter((f) => f.side === 'target').map((f) => f.start);
    expect(inTarget).toEqual([...inTarget].sort((a, b) => a - b));
    const friday = found.find((f) => f.text === 'Friday (15)')!;
    expect(friday.fixes[0]!.edits[0]!.text).toBe('Friday, March 15');
  });

  // German spelling suggestions for every English word of the target: slow on a loaded machine.
  it('never runs English-target or pt→en rules on a German target', { timeout: 60_000 }, () => {
    const found = runChecks({ source: SOURCE, target: TARGET, sourceLang: 'pt', targetLang: 'de' });
    expect(found.filter((f) => f.rule.startsWith('en.') || f.rule.startsWith('pt-en.'))).toEqual([]);
    expect(checksFor('pt', 'de').some((c) => c.id.startsWith('en.'))).toBe(false);
    expect(checksFor('es-ES', 'en-GB').some((c) => c.id === 'es-en.false-friends')).toBe(true);
    expect(checksFor('es', 'en').some((c) => c.id === 'pt-en.false-friends')).toBe(false);
  });

  it('applies project settings: disabled rules and re-graded severities', () => {
    const found = runChecks({
      source: SOURCE,
      target: TARGET,
      sourceLang: 'pt',
      targetLang: 'en',
      settings: { disabled: ['en.article-proper-noun'], severity: { 'en.stacked-prepositions': 'critical' } },
    });
    expect(rules(found)).not.toContain('en.article-proper-noun');
    expect(found.find((f) => f.rule === 'en.stacked-prepositions')!.severity).toBe('critical');
  });

  it('drops ignored findings, only where the recorded context still surrounds them', () => {
    const base = { source: SOURCE, target: TARGET, sourceLang: 'pt', targetLang: 'en' };
    const all = runChecks(base);
    const noArticle = runChecks({ ...base, ignores: [{ rule: 'en.article-proper-noun', text: 'the Brazil' }] });
    expect(all.length - noArticle.length).toBe(1);
    const elsewhere = runChecks({ ...base, ignores: [{ rule: 'en.article-proper-noun', text: 'the Brazil', context: { exact: 'the Brazil', prefix: 'in ', suffix: ' tomorrow' } }] });
    expect(elsewhere).toHaveLength(all.length);
  });

  it('works in NFC: a decomposed accent in the input does not shift offsets', () => {
    const target = 'The city hall distributed cesta\u0301s? no: cestas ba\u0301sicas.';
    const found = runChecks({ source: 'A prefeitura distribuiu cestas básicas.', target, sourceLang: 'pt', targetLang: 'en' });
    // "cestás" is the source's "cestas" once accents are folded: both are copies of the source.
    const texts = found.filter((x) => x.rule === 'mt.untranslated-words').map((x) => x.text);
    expect(texts).toEqual(['cestás', 'cestas básicas']);
  });
});

describe('CheckSession', () => {
  it('gives the same findings as a full run after each of a series of edits', () => {
    const session = new CheckSession({ sourceLang: 'pt', targetLang: 'en' });
    let target = TARGET;
    const edits: ((t: string) => string)[] = [
      (t) => t,
      (t) => t.replace('in the Brazil', 'in Brazil'),
      (t) => t.replace('depends on of', 'depends on'),
      (t) => t.replace('The money', 'The money from of the state'),
      (t) => `${t}\n\nA new paragraph sent to to the printers.`,
      (t) => t.replace('date 2024-03-13 ', ''),
    ];
    for (const edit of edits) {
      target = edit(target);
      expect(session.update(SOURCE, target)).toEqual(runChecks({ source: SOURCE, target, sourceLang: 'pt', targetLang: 'en' }));
    }
  });

  it('moves cached findings of later segments when an earlier segment changes length', () => {
    const session = new CheckSession({ sourceLang: 'pt', targetLang: 'en' });
    const first = session.update(SOURCE, TARGET);
    const edited = TARGET.replace('The city hall', 'The city council');
    const second = session.update(SOURCE, edited);
    const shift = 'The city council'.length - 'The city hall'.length;
    expect(second.map((f) => f.start)).toEqual(first.map((f) => (f.start > TARGET.indexOf('The city hall') ? f.start + shift : f.start)));
  });
});

describe('CheckSession with spelling suggestions over the time budget', () => {
  // Half-typed words (each test its own: suggestions are cached per word for the process).
  const typed = (words: string) => TARGET.replace('open shelters', words);
  const full = (target: string) => runChecks({ source: SOURCE, target, sourceLang: 'pt', targetLang: 'en' });
  const fixesOf = (found: { rule: string; text: string; fixes: unknown[] }[], word: string) => found.find((f) => f.rule === 'qa.spelling' && f.text === word)?.fixes;

  it('reports the misspelling at once and its fixes on a second update with the same text', () => {
    const typing = typed('reopenin shelters'); // "reopening" at edit distance 1
    const session = new CheckSession({ sourceLang: 'pt', targetLang: 'en' });
    const first = session.update(SOURCE, typing, 0); // no time at all for suggestions
    expect(fixesOf(first, 'reopenin')).toEqual([]);
    expect(session.pending).toBe(true);
    const second = session.update(SOURCE, typing, 10_000);
    expect(fixesOf(second, 'reopenin')!.length).toBeGreaterThan(0);
    expect(session.pending).toBe(false);
    // The re-run of the spelling check kept the segment's other cached findings: same as a full run.
    expect(second).toEqual(full(typing));
  });

  it('completes every suggestion over later updates within a small budget, then equals a full run', () => {
    const typing = typed('open shxlterz'); // "shelter" at edit distance 2: a search of ~0.2 s
    const session = new CheckSession({ sourceLang: 'pt', targetLang: 'en' });
    const first = session.update(SOURCE, typing, 0);
    expect(fixesOf(first, 'shxlterz')).toEqual([]);
    let updates = 0;
    let found = first;
    // 1 ms an update: how many updates the search needs depends on the machine (one on a quiet one
    // since the near-word filter was sized right); what matters is that it ends and equals a full run.
    while (session.pending && updates < 5000) {
      found = session.update(SOURCE, typing, 1);
      updates++;
    }
    expect(session.pending).toBe(false);
    expect(updates).toBeGreaterThanOrEqual(1);
    expect(fixesOf(found, 'shxlterz')!.map((f) => (f as { edits: { text: string }[] }).edits[0]!.text)).toContain('shelter');
    expect(found).toEqual(full(typing));
  }, 30_000);
});

describe('documentDate', () => {
  it('reads ISO datelines, written dates and press datelines', () => {
    expect(documentDate('', 'date 2023-12-20 A delegation arrived.')).toEqual({ year: 2023, month: 12, day: 20 });
    expect(documentDate('Lisboa, 13 de março de 2024 - O governo…', 'LISBON - The government…')).toEqual({ year: 2024, month: 3, day: 13 });
    expect(documentDate('', 'CAIRO, Dec 20, 2023 (EFE) - Talks resumed.')).toEqual({ year: 2023, month: 12, day: 20 });
  });
  it('without a year, picks the year in which the article\'s "Weekday (N)" mentions fall on their weekdays', () => {
    const d = documentDate('Cairo, 20 dez (EFE).- …', 'Talks began this Wednesday (20).', new Date(Date.UTC(2025, 5, 1)));
    expect(d).toEqual({ year: 2023, month: 12, day: 20 });
  });
  it('returns nothing when the first line carries no date', () => {
    expect(documentDate('Sem data aqui.', 'No date here.')).toBeUndefined();
  });
});

describe('CheckSession and document-wide answers', () => {
  it('re-checks a cached segment when a check reads something elsewhere in the document that changed', () => {
    // "Zorvak" opens a sentence: a misspelling, unless the article also uses it as a name mid-sentence.
    const source = 'Zorvak anunciou o plano.\n\nO plano foi aprovado.\n';
    const first = 'Zorvak announced the plan.\n\nThe plan was approved.\n';
    const second = 'Zorvak announced the plan.\n\nThe plan of Zorvak was approved.\n';
    const session = new CheckSession({ sourceLang: 'pt-BR', targetLang: 'en' });
    const spelling = (findings: { rule: string; text: string }[]) => findings.filter((f) => f.rule === 'qa.spelling').map((f) => f.text);
    // In the source too, so it is not flagged as a misspelling at all: use a source without it.
    const src = source.replace('Zorvak', 'Ele');
    expect(spelling(session.update(src, first, 1000))).toEqual(spelling(runChecks({ source: src, target: first, sourceLang: 'pt-BR', targetLang: 'en' })));
    // The second paragraph now uses the word as a name: the first paragraph's answer must change with it.
    expect(spelling(session.update(src, second, 1000))).toEqual(spelling(runChecks({ source: src, target: second, sourceLang: 'pt-BR', targetLang: 'en' })));
    expect(spelling(runChecks({ source: src, target: second, sourceLang: 'pt-BR', targetLang: 'en' }))).not.toContain('Zorvak');
  });

  it('re-runs only the check whose document key changed: a new capitalised name re-checks spelling, not every check', () => {
    const src = 'Ele anunciou o plano.\n\nO plano foi aprovado.\n\nA cidade tem 1.200 moradores.\n';
    const first = 'Zorvak announced the plan.\n\nThe plan was approved.\n\nThe city has 1,200 residents.\n';
    const second = 'Zorvak announced the plan.\n\nThe plan of Zorvak was approved.\n\nThe city has 1,200 residents.\n';
    const session = new CheckSession({ sourceLang: 'pt-BR', targetLang: 'en' });
    session.update(src, first, 1000);
    const numbers = checksFor('pt-BR', 'en').find((c) => c.id === 'qa.numbers')!;
    const spelling = checksFor('pt-BR', 'en').find((c) => c.id === 'qa.spelling')!;
    const numbersRun = vi.spyOn(numbers, 'run');
    const spellingRun = vi.spyOn(spelling, 'run');
    try {
      const found = session.update(src, second, 1000);
      // One segment changed: the numbers check ran there only; spelling re-ran on every segment.
      expect(numbersRun).toHaveBeenCalledTimes(1);
      expect(spellingRun).toHaveBeenCalledTimes(3);
      expect(found).toEqual(runChecks({ source: src, target: second, sourceLang: 'pt-BR', targetLang: 'en' }));
    } finally {
      numbersRun.mockRestore();
      spellingRun.mockRestore();
    }
  });
});

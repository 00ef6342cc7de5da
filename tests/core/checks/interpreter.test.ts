import { describe, expect, it } from 'vitest';
import type { SimpleDate } from '../../../main/core/checks/dates.js';
import { runChecks } from '../../../main/core/checks/engine.js';
import { PACKS, WORD_LISTS } from '../../../main/core/checks/packs/index.js';
import type { PackFile, RuleSpec } from '../../../main/core/checks/packs/format.js';
import { compilePack, packExamples, PackError } from '../../../main/core/checks/packs/interpreter.js';
import type { CheckContext, CheckDefinition, SegmentView } from '../../../main/core/checks/types.js';

function segment(target: string, source = ''): SegmentView {
  return { index: 0, source, target, targetStart: 0, sourceStart: 0, first: true };
}
function ctx(target: string, source = '', documentDate?: SimpleDate): CheckContext {
  return { sourceLang: 'pt', targetLang: 'en', source, target, alignment: { source: [], target: [], links: [] }, segments: [], documentDate, project: { glossary: [], wordList: [] } };
}
function pack(rules: Partial<RuleSpec>[], lists?: Record<string, string[]>): PackFile {
  return { id: 't', lists, rules: rules.map((r) => ({ id: 't.rule', category: 'Style/Awkward', severity: 'minor', message: 'checks:x', ...r }) as RuleSpec) };
}
function run(defs: CheckDefinition[], target: string, source = '', date?: SimpleDate) {
  return defs.flatMap((d) => d.run(ctx(target, source, date), segment(target, source)));
}
function apply(text: string, edits: { start: number; end: number; text: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

describe('pack format validation', () => {
  it('names the faulty place for unknown keys, categories, lists and regexes', () => {
    expect(() => compilePack(pack([{ tokens: [{ word: 'a' }], colour: 'red' } as never]))).toThrow(/unknown key "colour"/);
    expect(() => compilePack(pack([{ tokens: [{ word: 'a' }], category: 'Fluency/Wrong' as never }]))).toThrow(PackError);
    expect(() => compilePack(pack([{ tokens: [{ list: 'nope' }] }]))).toThrow(/unknown list "nope"/);
    expect(() => compilePack(pack([{ regex: '(' }]))).toThrow(/bad regular expression/);
    expect(() => compilePack(pack([{ tokens: [{ word: 'a' }], regex: 'a' }]))).toThrow(/either tokens or regex/);
    expect(() => compilePack(pack([{ regex: 'a', fixes: [{ replace: '{{nope(x)}}' }] }]))).toThrow(/unknown template function/);
  });
});

describe('token patterns', () => {
  it('matches literal words case-insensitively, multi-word list entries and optional elements', () => {
    const defs = compilePack(pack([{ tokens: [{ word: 'the' }, { word: 'very', optional: true }, { list: 'places', name: 'p' }], fixes: [{ replace: '{{p}}' }] }], { places: ['Costa Rica', 'Peru'] }));
    const found = run(defs, 'We flew to the Costa Rica and THE very Peru.');
    expect(found.map((f) => 'We flew to the Costa Rica and THE very Peru.'.slice(f.start, f.end))).toEqual(['the Costa Rica', 'THE very Peru']);
    expect(found[0]!.fixes![0]!.edits[0]!.text).toBe('Costa Rica');
  });

  it('repeats, capitalised words, numbers and punctuation', () => {
    const defs = compilePack(pack([{ tokens: [{ cap: true, repeat: [2, 3], name: 'n' }, { punct: '(' }, { number: true }, { punct: ')' }], params: { name: '{{n}}' } }]));
    const text = 'met Ana Maria Reis (40) and Bob (3)';
    const found = run(defs, text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message.params).toEqual({ name: 'Ana Maria Reis' });
  });
});

describe('conditions', () => {
  const base: Partial<RuleSpec> = { tokens: [{ word: 'actually' }] };
  it('source / notSource decide by the source sentence', () => {
    const defs = compilePack(pack([{ ...base, when: [{ source: '\\batualmente\\b' }, { notSource: 'na verdade' }] }]));
    expect(run(defs, 'Actually, it works.', 'Atualmente funciona.')).toHaveLength(1);
    expect(run(defs, 'Actually, it works.', 'Na verdade, atualmente funciona.')).toHaveLength(0);
    expect(run(defs, 'Actually, it works.', 'Funciona.')).toHaveLength(0);
  });
  it('\\b in pack regexes knows accented letters', () => {
    const defs = compilePack(pack([{ tokens: [{ word: 'exit' }], when: [{ source: '\\béxito\\b' }] }]));
    expect(run(defs, 'a great exit', 'um grande éxito')).toHaveLength(1);
  });
  it('next / notNext / prev / before / after look around the match', () => {
    const after = compilePack(pack([{ tokens: [{ word: 'the' }, { cap: true }], when: [{ notNext: { cap: true } }, { notPrev: { word: 'of' } }] }]));
    expect(run(after, 'in the Recife now')).toHaveLength(1);
    expect(run(after, 'in the Recife Metropolitan Region')).toHaveLength(0);
    expect(run(after, 'most of the Recife now')).toHaveLength(0);
    const around = compilePack(pack([{ regex: 'said', when: [{ before: '”,\\s*$' }, { notAfter: '^\\s+that' }] }]));
    expect(run(around, '“Yes”, said the source.')).toHaveLength(1);
    expect(run(around, 'He said that.')).toHaveLength(0);
  });
  it('capture conditions check lists and word counts', () => {
    const defs = compilePack(pack([{ regex: 'said (?<s>the [a-z ]+)', when: [{ capture: 's', minWords: 3 }] }]));
    expect(run(defs, 'said the minister of health')).toHaveLength(1);
    expect(run(defs, 'said the source')).toHaveLength(0);
  });
});

describe('fix templates', () => {
  it('builds replacements from captures with filters, keeps a sentence-initial capital, and labels removals', () => {
    const defs = compilePack(pack([
      { regex: '(?<a>this) (?<b>week)', fixes: [{ replace: '{{b|cap}} {{a}}' }] },
      { id: 't.two', regex: 'the (?<p>Egypt)', flags: 'i', fixes: [{ replace: '{{p}}' }, { replace: '' }] },
      { id: 't.three', regex: 'said (?<s>[a-z]+)(?<app>, [A-Z][a-z]+)?', fixes: [{ replace: '{{s}}{{app|comma}} spoke' }] },
    ]));
    expect(run(defs, 'in this week')[0]!.fixes![0]!.edits[0]!.text).toBe('Week this');
    const egypt = run(defs, 'The Egypt');
    expect(egypt[0]!.fixes!.map((f) => f.edits[0]!.text)).toEqual(['Egypt', '']);
    expect(egypt[0]!.fixes![1]!.labelKey).toBe('checks:fixRemove');
    expect(run(defs, 'x said he, Tom')[0]!.fixes![0]!.edits[0]!.text).toBe('he, Tom, spoke');
    expect(run(defs, 'x said he')[0]!.fixes![0]!.edits[0]!.text).toBe('he spoke');
  });
  it('drops a fix whose function cannot answer (no document date) and keeps the others', () => {
    const defs = compilePack(pack([{ regex: '(?<w>Friday) \\((?<d>\\d+)\\)', fixes: [{ replace: '{{weekdayDate(w, d)}}' }, { replace: '{{w}}' }] }]));
    expect(run(defs, 'until Friday (15)')[0]!.fixes!.map((f) => f.edits[0]!.text)).toEqual(['Friday']);
    expect(run(defs, 'until Friday (15)', '', { year: 2024, month: 3, day: 13 })[0]!.fixes![0]!.edits[0]!.text).toBe('Friday, March 15');
  });
  it('expands forEach tables, including one fix per list item', () => {
    const defs = compilePack(pack([{ forEach: [{ w: 'pretends', fix: ['intends', 'plans'] }, { w: 'pretend', fix: ['intend'] }], tokens: [{ word: '${w}' }], fixes: [{ replace: '${fix}' }] }]));
    expect(defs).toHaveLength(1);
    expect(run(defs, 'They pretend and he pretends.').map((f) => f.fixes!.map((x) => x.edits[0]!.text))).toEqual([['intend'], ['intends', 'plans']]);
  });
});

describe('the examples written in the shipped packs', () => {
  for (const p of PACKS) {
    compilePack(p, WORD_LISTS); // compiles without errors
    for (const ex of packExamples(p)) {
      const lang = p.sourceLangs?.[0] ?? 'pt';
      for (const bad of ex.bad ?? []) {
        it(`${ex.id} flags: ${bad.target}`, () => {
          const source = bad.source ?? '';
          const dated = bad.date ? `date ${bad.date}\n\n` : '';
          const target = dated + bad.target;
          const found = runChecks({ source: dated + source, target, sourceLang: lang, targetLang: 'en' }).filter((f) => f.rule === ex.id);
          expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
          if (bad.span) expect(found[0]!.text).toBe(bad.span);
          if (bad.fixed) expect(apply(target, found[0]!.fixes[0]!.edits).slice(dated.length)).toBe(bad.fixed);
        });
      }
      for (const good of ex.good ?? []) {
        it(`${ex.id} leaves alone: ${good.target}`, () => {
          const found = runChecks({ source: good.source ?? '', target: good.target, sourceLang: lang, targetLang: 'en' }).filter((f) => f.rule === ex.id);
          expect(found).toEqual([]);
        });
      }
    }
  }
});

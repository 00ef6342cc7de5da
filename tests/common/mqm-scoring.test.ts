import { describe, expect, it } from 'vitest';
import { MQM_CATEGORIES } from '../../main/contract/review.js';
import { categoryKey, categoryKeys, categoryTree, matchCategories, parseSeverity, severityForKey, severityLabel } from '../../main/common/mqm/typology.js';
import { defaultProfile, errorWeight, scoreArticle, scoreProject, scoreSegment, withOverrides } from '../../main/common/mqm/scoring.js';
import { parseScoringProfile } from '../../main/common/mqm/profile.js';
import en from '../../locales/en/mqm.json';

describe('typology', () => {
  it('groups every category under exactly one top level', () => {
    const tree = categoryTree();
    expect(tree.flatMap((g) => g.categories).sort()).toEqual([...MQM_CATEGORIES].sort());
    expect(tree.find((g) => g.top === 'Accuracy')!.categories).toContain('Accuracy/Omission');
  });

  it('gives each category and top level a distinct key that the English locale names', () => {
    const keys = MQM_CATEGORIES.map(categoryKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(categoryKey('Non-translation!')).toBe('non_translation');
    expect(categoryKeys('Locale convention/Time format')).toEqual({ top: 'locale_convention', sub: 'locale_convention_time_format' });
    const names = en.category as Record<string, string>;
    for (const c of MQM_CATEGORIES) {
      const k = categoryKeys(c);
      expect(names[k.top], c).toBeTruthy();
      if (k.sub) expect(names[k.sub], c).toBeTruthy();
      expect((en.categoryDescription as Record<string, string>)[k.sub ?? k.top], c).toBeTruthy();
    }
  });

  it('filters categories by word prefixes, ignoring case and accents, in English or a given label', () => {
    expect(matchCategories('acc mis')).toEqual(['Accuracy/Mistranslation']);
    expect(matchCategories('punct')).toEqual(['Fluency/Punctuation']);
    expect(matchCategories('')).toHaveLength(MQM_CATEGORIES.length);
    expect(matchCategories('zzz')).toEqual([]);
    const german = (c: string) => (c === 'Accuracy/Mistranslation' ? 'Genauigkeit/Fehlübersetzung' : c);
    expect(matchCategories('fehlubers', german)).toEqual(['Accuracy/Mistranslation']);
    // Top-level matches come before deeper ones.
    const term = matchCategories('term');
    expect(term[0]!.startsWith('Terminology')).toBe(true);
  });

  it('maps severity keys and names both ways', () => {
    expect(severityForKey('2')).toBe('major');
    expect(severityForKey('x')).toBeUndefined();
    expect(parseSeverity(' MINOR ')).toBe('minor');
    expect(parseSeverity('No-error')).toBeUndefined();
    expect(severityLabel('critical')).toBe('Critical');
  });
});

describe('weights', () => {
  const p = defaultProfile();
  it('uses the WMT defaults, most specific rule first, case-insensitive', () => {
    expect(errorWeight(p, 'Major', 'Accuracy/Mistranslation')).toBe(5);
    expect(errorWeight(p, 'minor', 'Style/Awkward')).toBe(1);
    expect(errorWeight(p, 'Minor', 'fluency/punctuation')).toBe(0.1);
    expect(errorWeight(p, 'Major', 'Fluency/Punctuation')).toBe(5);
    expect(errorWeight(p, 'Major', 'Non-translation!')).toBe(25);
    expect(errorWeight(p, 'Critical', 'Other')).toBe(10);
    expect(errorWeight(p, 'Neutral', 'Other')).toBe(0);
    expect(errorWeight(p, 'No-error', 'No-error')).toBe(0);
  });

  it('matches category prefixes by whole levels only', () => {
    const custom = withOverrides({ weights: [{ severity: 'Minor', category: 'Fluency', weight: 2 }] });
    expect(errorWeight(custom, 'Minor', 'Fluency/Grammar')).toBe(2);
    expect(errorWeight(custom, 'Minor', 'Fluency/Punctuation')).toBe(0.1); // deeper default still wins
    const odd = withOverrides({ weights: [{ category: 'Flu', weight: 7 }] });
    expect(errorWeight(odd, 'Minor', 'Fluency/Grammar')).toBe(1);
  });

  it('lets an override replace a default rule', () => {
    const custom = withOverrides({ weights: [{ severity: 'critical', weight: 25 }] });
    expect(errorWeight(custom, 'Critical', 'Other')).toBe(25);
  });
});

describe('scores', () => {
  it('sums a segment and averages over raters, counting raters who found nothing', () => {
    const r = scoreSegment({
      errors: [
        { severity: 'Major', category: 'Accuracy/Omission', rater: 'r1' },
        { severity: 'Minor', category: 'Fluency/Punctuation', rater: 'r1' },
        { severity: 'No-error', category: 'No-error', rater: 'r2' },
      ],
    });
    expect(r.penalty).toBeCloseTo(2.55, 10);
    expect(r.score).toBeCloseTo(-2.55, 10);
    expect(r.bySeverity.major).toEqual({ count: 1, penalty: 2.5 });
    expect(r.byCategory['No-error']).toBeUndefined();
  });

  it('normalises per words and applies a pass threshold', () => {
    const profile = withOverrides({ perWords: { per: 100, basis: 'target' }, threshold: 10 });
    const seg = (n: number, words: number) => ({ errors: Array.from({ length: n }, () => ({ severity: 'Major', category: 'Style/Awkward' })), words });
    const ok = scoreArticle([seg(1, 60), seg(0, 40)], profile);
    expect(ok.penalty).toBe(5);
    expect(ok.words).toBe(100);
    expect(ok.normalizedPenalty).toBe(5);
    expect(ok.passed).toBe(true);
    const bad = scoreArticle([seg(2, 20), seg(1, 30)], profile);
    expect(bad.normalizedPenalty).toBe(30);
    expect(bad.passed).toBe(false);
    expect(bad.meanSegmentPenalty).toBe(7.5);
  });

  it('aggregates a project over its articles', () => {
    const errs = (sev: string) => ({ errors: [{ severity: sev, category: 'Accuracy/Addition' }] });
    const r = scoreProject({ a: [errs('Minor'), errs('Major')], b: [{ errors: [] }] });
    expect(r.penalty).toBe(6);
    expect(r.segments).toBe(3);
    expect(r.meanSegmentPenalty).toBe(2);
    expect(r.perArticle.a!.penalty).toBe(6);
    expect(r.byCategory['Accuracy/Addition']).toEqual({ count: 2, penalty: 6 });
    expect(r.passed).toBeUndefined();
  });
});

describe('profiles as users write them', () => {
  it('reads a short map, a list of rules and a full profile over the defaults', () => {
    const short = parseScoringProfile({ Major: 4, 'Minor Locale convention/Date': 0.5, '* Other': 3 });
    expect(short.ok).toBe(true);
    if (!short.ok) return;
    expect(errorWeight(short.profile, 'Major', 'Style/Awkward')).toBe(4);
    expect(errorWeight(short.profile, 'Minor', 'Locale convention/Date')).toBe(0.5);
    expect(errorWeight(short.profile, 'Major', 'Other')).toBe(3);
    expect(errorWeight(short.profile, 'Minor', 'Fluency/Punctuation')).toBe(0.1);
    const full = parseScoringProfile({ weights: [{ severity: 'Minor', weight: 2 }], threshold: 1 });
    expect(full.ok && errorWeight(full.profile, 'Minor', 'Style/Awkward')).toBe(2);
    expect(full.ok && full.profile.threshold).toBe(1);
  });

  it('refuses what is not a profile', () => {
    expect(parseScoringProfile({ weights: [{ severity: 'Minor' }] }).ok).toBe(false);
    expect(parseScoringProfile({ Major: 'five' }).ok).toBe(false);
    expect(parseScoringProfile(7).ok).toBe(false);
  });
});

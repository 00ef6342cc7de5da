import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';
import { loadAffixDictionary } from '../../../main/core/checks/spelling/affix-lookup.js';

// A small Hunspell dictionary in the shape of the Portuguese and Italian ones: a twofold suffix (verb +
// enclitic), a cross product of prefix and suffix, a condition, NEEDAFFIX and FORBIDDENWORD.
const AFF = `SET UTF-8
FLAG UTF-8
NEEDAFFIX !
FORBIDDENWORD ý
SFX A Y 2
SFX A   0     s       [^s]
SFX A   ão    ões     ão
SFX V Y 2
SFX V   ar    ou/L    ar
SFX V   ar    á/L     ar
SFX L Y 1
SFX L   0     -lo     .
PFX R Y 1
PFX R   0     re      .
SFX C Y 1
SFX C   0     ção/A   [^ç]
`;
const DIC = `7
casa/A
ação/A
inaugurar/VR
fazer
lev/!C
casaa/ý
mês
`;

describe('affix lookup (Hunspell without expansion)', () => {
  const d = loadAffixDictionary(AFF, DIC);
  it.each([
    ['casa', true],
    ['casas', true],
    ['ações', true], // the condition "ão" and its strip
    ['inaugurou', true],
    ['inaugurá-lo', true], // twofold: suffix V, then L that V's form allows
    ['reinaugurou', true], // cross product of prefix R and suffix V
    ['levção', true],
    ['levções', true], // C's form takes A
    ['lev', false], // NEEDAFFIX: only with an affix
    ['casaa', false], // FORBIDDENWORD
    ['casa-lo', false], // L only after V's forms
    ['mêss', false],
    ['Casa', true],
    ['CASAS', true],
  ])('%s → %s', (word, ok) => {
    expect(d.correct(word)).toBe(ok);
  });
});

describe('spelling of Portuguese and Italian targets (dictionary-pt, dictionary-it)', () => {
  const spelling = (target: string, targetLang: string) =>
    runChecks({ source: 'x', target, sourceLang: 'en', targetLang }).filter((f) => f.rule === 'qa.spelling').map((f) => f.text);
  it('Brazilian Portuguese: inflections and clitics pass, a typo does not', { timeout: 60_000 }, () => {
    expect(spelling('A prefeitura inaugurou os novos hospitais na segunda-feira. Ele disse que iria fazê-lo. O govenro anunciou eleições.', 'pt-BR')).toEqual(['govenro']);
  });
  it('Italian: inflections and clitics pass, a typo does not', { timeout: 60_000 }, () => {
    expect(spelling('Il sindaco ha dichiarato che la situazione è sotto controlo. Bisogna dirglielo subito.', 'it')).toEqual(['controlo']);
  });
  it('European Portuguese gets no Brazilian dictionary', () => {
    expect(spelling('O governo anunciou medidas económicas de facto.', 'pt-PT')).toEqual([]);
  });
});

describe('German targets: compounds and separable particles', () => {
  const spelling = (target: string) =>
    runChecks({ source: 'x', target, sourceLang: 'en', targetLang: 'de' }).filter((f) => f.rule === 'qa.spelling').map((f) => f.text);
  it('accepts compounds of two dictionary words and a particle ending the clause, not a typo', { timeout: 60_000 }, () => {
    expect(spelling('Die Regierung kündigte neue Maßnahmen und eine Lohnerhöhung an. Viele nahmen teil. Die Regirung schwieg.')).toEqual(['Regirung']);
  });
});

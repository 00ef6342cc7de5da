import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/core/checks/engine.js';

const copies = (source: string, target: string, sourceLang: string, targetLang = 'en', wordList: string[] = []) =>
  runChecks({ source, target, sourceLang, targetLang, project: { glossary: [], wordList } })
    .filter((f) => f.rule === 'mt.untranslated-words')
    .map((f) => f.text);

describe('mt.untranslated-words, found from the source in every pair', () => {
  it.each([
    ['fr', 'Les syndicats dénoncent une réforme injuste.', 'The unions denounce an injuste reform.', ['injuste']],
    ['de', 'Die Regierung hat bereits reagiert.', 'The government has bereits reacted.', ['bereits']],
    ['it', 'Il sindaco ha detto che la situazione è sotto controllo.', 'The mayor said that the situazione is under control.', ['situazione']],
    // Near-verbatim: the accent dropped on the way.
    ['es', 'La hostelería pide ayudas.', 'The hosteleria asks for aid.', ['hosteleria']],
    // Two copied words next to each other are one finding.
    ['fr', 'Une solution choisie faute de mieux.', 'A solution chosen faute de mieux.', ['faute de mieux']],
  ])('%s: %s → %s', (lang, source, target, expected) => {
    expect(copies(source, target, lang)).toEqual(expected);
  });

  it.each([
    ['fr', 'Emmanuel Macron a rencontré Olaf Scholz à Paris.', 'Emmanuel Macron met Olaf Scholz in Paris.'],
    ['it', 'Giorgia Meloni ha incontrato Ursula von der Leyen.', 'Giorgia Meloni met Ursula von der Leyen.'],
    ['fr', 'Le restaurant propose un menu à 20 euros.', 'The restaurant offers a menu for 20 euros.'],
    ['de', 'Das Auto kostet 20.000 Euro.', 'The auto costs 20,000 euros.'],
    ['it', 'La pizza margherita costa otto euro.', 'A margherita pizza costs eight euros.'],
    ['fr', 'Voir https://exemple.fr/actualites pour le détail.', 'See https://exemple.fr/actualites for details.'],
    // A species or a title kept as the source writes it, capital first (seen on real MT, judged false).
    ['it', 'Il fossile di Elephas falconeri è stato trovato in Sicilia.', 'The fossil of Elephas falconeri was found in Sicily.'],
    ['fr', 'Il écrivit De beryllo en 1458.', 'He wrote De beryllo in 1458.'],
  ])('leaves names, English words, loanwords and URLs alone (%s: %s)', (lang, source, target) => {
    expect(copies(source, target, lang)).toEqual([]);
  });

  it('accepts a word of the project word list', () => {
    expect(copies('Le principe de laïcité.', 'The principle of laïcité.', 'fr')).toEqual(['laïcité']);
    expect(copies('Le principe de laïcité.', 'The principle of laïcité.', 'fr', 'en', ['laïcité'])).toEqual([]);
  });

  it('works for a target other than English, with that language’s dictionary', () => {
    expect(copies('The government has already reacted.', 'Die Regierung hat already reagiert.', 'en', 'de')).toEqual(['already']);
    expect(copies('The government reacted on Monday.', 'Die Regierung hat am Montag reagiert.', 'en', 'de')).toEqual([]);
  });
});

describe('mt.untranslated-words and credits', () => {
  it('leaves a credit or acronym the source also has in parentheses, and still finds the word outside them', () => {
    expect(copies('FRANKFURT (dpa) - Die Bundesbank erwartet Wachstum.', 'FRANKFURT (dpa) - The Bundesbank expects growth.', 'de')).toEqual([]);
    expect(copies('KIEL (dpa/lno) - Der Hafen wächst.', 'KIEL (dpa/lno) - The port is growing.', 'de')).toEqual([]);
    expect(copies('Der Hafen (und die Werft) wächst.', 'The port (und the shipyard) is growing.', 'de')).toEqual(['und']);
    expect(copies('Die Regierung hat bereits (dpa) reagiert.', 'The government has bereits reacted.', 'de')).toEqual(['bereits']);
  });
});

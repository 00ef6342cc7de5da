/** The QA checks (as in Xbench, Verifika, Okapi CheckMate) that the check engine runs as code checks. */
import type { CheckDefinition } from '../types.js';
import { spellingCheck } from '../spelling/index.js';
import { whitespaceLine } from './blank-lines.js';
import { consistency, targetConsistency } from './consistency.js';
import { doublePunctuation } from './double-punctuation.js';
import { numberMagnitude } from './magnitudes.js';
import { placeholders, urls } from './placeholders.js';
import { dashes } from './dashes.js';
import { digitGrouping, hyphenSpacing } from './typography.js';
import { glossaryCheck } from './glossary.js';
import { numberFormat, numbersChanged, numbersMissing } from './numbers.js';
import { unpairedBracketsCheck, unpairedQuotesCheck } from './pairing.js';
import { endPunctuation, missingSpaceAfterPunctuation, spaceBeforePunctuation } from './punctuation.js';
import { oneSidedNames } from './names.js';
import { quoteStyle } from './quotes.js';
import { repeatedWords } from './repeats.js';
import { repeatedPhrases } from './repeated-phrases.js';
import { repeatedSentences } from './repeated-sentences.js';
import { subtitleTiming } from './subtitle-timing.js';
import { doubleSpace, edgeSpaces, whitespaceLines } from './spaces.js';
import { gluedWords } from './glued.js';
import { currencySpace, speechPunctuation } from './speech-punctuation.js';
import { tagsCheck } from './tags.js';

export const QA_CHECKS: CheckDefinition[] = [
  numbersChanged,
  numbersMissing,
  numberFormat,
  numberMagnitude,
  repeatedWords,
  repeatedPhrases,
  repeatedSentences,
  doubleSpace,
  edgeSpaces,
  whitespaceLines,
  spaceBeforePunctuation,
  missingSpaceAfterPunctuation,
  gluedWords,
  speechPunctuation,
  currencySpace,
  endPunctuation,
  unpairedBracketsCheck,
  unpairedQuotesCheck,
  doublePunctuation,
  whitespaceLine,
  placeholders,
  tagsCheck,
  urls,
  dashes,
  hyphenSpacing,
  digitGrouping,
  quoteStyle,
  oneSidedNames,
  consistency,
  targetConsistency,
  glossaryCheck,
  spellingCheck,
  subtitleTiming,
];

/** The detection checks written as code (the rule packs are data): untranslated text, names, terminology. */
import type { CheckDefinition } from '../types.js';
import { gluedMetadata } from './glued-metadata.js';
import { governedPreposition } from './governed-prepositions.js';
import { nameRenderings } from './name-renderings.js';
import { nameSpelling } from './name-spelling.js';
import { sourcePunctuation, untranslatedScript } from './script.js';
import { termInconsistency } from './term-consistency.js';
import { identicalSegment, untranslatedWords } from './untranslated.js';
import { untranslatedTerms } from './untranslated-terms.js';
import { adverbialOrder } from './word-order.js';

export const CODE_CHECKS: CheckDefinition[] = [untranslatedWords, identicalSegment, untranslatedScript, sourcePunctuation, untranslatedTerms, nameSpelling, termInconsistency, nameRenderings, gluedMetadata, adverbialOrder, governedPreposition];

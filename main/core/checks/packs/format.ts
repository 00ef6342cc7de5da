/**
 * The JSON format of rule packs (documented for linguists in ./README.md). Types only, plus the
 * vocabulary the validator checks keys against.
 */
import type { MqmCategory } from '../../../contract/review.js';
import type { CheckSeverity } from '../types.js';

export interface PackFile {
  /** "en", "pt-en"… */
  id: string;
  description?: string;
  /** Primary language subtags; omitted = any. */
  sourceLangs?: string[];
  targetLangs?: string[];
  /** Word lists local to this pack (the shared ones live in lists/*.json and are referenced by name). */
  lists?: Record<string, string[]>;
  rules: RuleSpec[];
}

/** A table row: every "${key}" in the rule is replaced by the row's value (see README). */
export type TableRow = Record<string, string | string[]>;

export interface RuleSpec {
  /** Full rule id ("en.stacked-prepositions"). Several specs may share an id: alternative patterns of one rule. */
  id: string;
  category: MqmCategory;
  severity: CheckSeverity;
  description?: string;
  /** i18next key with namespace, e.g. "checks:stackedPrepositions". */
  message: string;
  /** Message parameters: templates over the captures. */
  params?: Record<string, string>;
  /** Either a token pattern … */
  tokens?: TokenSpec[];
  /** … or a regular expression over the segment text (named groups are captures). */
  regex?: string;
  /** Regex flags; "u" is always added. */
  flags?: string;
  /** Capture whose text is the finding's span (default: the whole match). */
  span?: string;
  /** Every condition must hold. */
  when?: Condition[];
  /** Alternatives, best first. Each replaces the span (or the capture named by `at`). */
  fixes?: FixSpec[];
  /** Only in the first segment of the document (datelines). */
  firstSegment?: boolean;
  /** Words (lower case) one of which the translation must contain before the rule is tried: a quick
   *  pre-check that spares a regex scan of every segment. Token patterns with a literal first word get it for free. */
  needs?: string[];
  /** One instance of this rule per row. */
  forEach?: TableRow[];
  /** Sentences the rule must flag (`bad`) and must leave alone (`good`): run by the tests. */
  examples?: { bad?: RuleExample[]; good?: RuleExample[] };
}

export interface RuleExample {
  source?: string;
  target: string;
  /** For `bad`: the flagged span's text. */
  span?: string;
  /** For `bad`: the target after applying the first fix. */
  fixed?: string;
  /** Document date "YYYY-MM-DD" for date fixes. */
  date?: string;
}

export interface TokenSpec {
  /** Literal word(s), case-insensitive unless `caseSensitive`. */
  word?: string | string[];
  /** A word list by name; entries may have several words ("Costa Rica"). */
  list?: string;
  /** Regular expression the token's text must match (anchor it yourself). */
  regex?: string;
  /** Starts with a capital letter. */
  cap?: boolean;
  /** Starts with a lower-case letter. */
  lower?: boolean;
  /** Digits ("20", "1,200"). */
  number?: boolean;
  /** Punctuation: true for any, or the characters allowed ("”\"'"). */
  punct?: boolean | string;
  /** Any one word or punctuation mark. */
  any?: boolean;
  /** At least one of these tests holds (as a condition on one token; a multi-word list entry counts by its first word). */
  anyOf?: TokenSpec[];
  /** The token must NOT match this test. */
  not?: TokenSpec;
  caseSensitive?: boolean;
  optional?: boolean;
  /** [min, max] repetitions. */
  repeat?: [number, number];
  /** Capture name (the text from this element's first token to its last). */
  name?: string;
}

export type Condition =
  | { source: string }
  | { notSource: string }
  | { before: string }
  | { notBefore: string }
  | { after: string }
  | { notAfter: string }
  | { next: TokenSpec }
  | { notNext: TokenSpec }
  | { prev: TokenSpec }
  | { notPrev: TokenSpec }
  | { capture: string; in?: string; notIn?: string; matches?: string; notMatches?: string; minWords?: number; maxWords?: number }
  | { notStartsWithListEntry: string }
  | { sentenceStart: boolean };

export interface FixSpec {
  /** Template: {{capture}}, {{capture|lower}}, {{capture|cap}}, {{$0}}, {{weekdayDate(weekday, day)}}, {{monthDay(day, month)}}. */
  replace: string;
  /** Replace only this capture instead of the span. */
  at?: string;
  /** Label key (default: the generic "Replace with …"). */
  label?: string;
}

export const RULE_KEYS = new Set(['id', 'category', 'severity', 'description', 'message', 'params', 'tokens', 'regex', 'flags', 'span', 'when', 'fixes', 'firstSegment', 'needs', 'forEach', 'examples']);
export const TOKEN_KEYS = new Set(['word', 'list', 'regex', 'cap', 'lower', 'number', 'punct', 'any', 'anyOf', 'not', 'caseSensitive', 'optional', 'repeat', 'name']);
export const CONDITION_KEYS = new Set(['source', 'notSource', 'before', 'notBefore', 'after', 'notAfter', 'next', 'notNext', 'prev', 'notPrev', 'capture', 'in', 'notIn', 'matches', 'notMatches', 'minWords', 'maxWords', 'notStartsWithListEntry', 'sentenceStart']);
export const FIX_KEYS = new Set(['replace', 'at', 'label']);

import type { SegmentState } from '../../../contract/document.js';

/**
 * Segment states of each XLIFF dialect ↔ XLIFF 2's four (the document's SegmentState). Reading keeps
 * the tool's own value in `subState`; writing a state the caller set picks the tool's value for it
 * (a confirmed segment becomes the dialect's approved/confirmed state), or keeps `subState` when it
 * is one of the tool's values for that same state.
 */

export type Dialect = 'xliff1' | 'trados' | 'memoq' | 'phrase' | 'xliff2';

export const NS = {
  xliff1: 'urn:oasis:names:tc:xliff:document:1.2',
  xliff2: 'urn:oasis:names:tc:xliff:document:2.0',
  sdl: 'http://sdl.com/FileTypes/SdlXliff/1.0',
  memoq: 'MQXliff',
  phrase: 'http://www.memsource.com/mxlf/2.0',
  its: 'http://www.w3.org/2005/11/its',
} as const;

/** Trados Studio confirmation levels (sdl:seg conf). A segment without conf is "Not Translated". */
const TRADOS: Record<string, SegmentState> = {
  Draft: 'initial',
  RejectedTranslation: 'initial',
  Translated: 'translated',
  RejectedSignOff: 'translated',
  ApprovedTranslation: 'reviewed',
  ApprovedSignOff: 'final',
};
const TRADOS_FOR: Record<SegmentState, string> = { initial: 'Draft', translated: 'Translated', reviewed: 'ApprovedTranslation', final: 'ApprovedSignOff' };

/** memoQ's mq:status. */
const MEMOQ: Record<string, SegmentState> = {
  NotStarted: 'initial',
  Editing: 'initial',
  PartiallyEdited: 'initial',
  MachineTranslated: 'initial',
  Pretranslated: 'initial',
  AssembledFromFragments: 'initial',
  Rejected: 'initial',
  ManuallyConfirmed: 'translated',
  Confirmed: 'translated',
  Reviewer1Confirmed: 'reviewed',
  Reviewer2Confirmed: 'final',
};
const MEMOQ_FOR: Record<SegmentState, string> = { initial: 'Editing', translated: 'ManuallyConfirmed', reviewed: 'Reviewer1Confirmed', final: 'Reviewer2Confirmed' };

/** XLIFF 1.2 `state` of `<target>`. */
const XLIFF1: Record<string, SegmentState> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-adaptation': 'translated',
  'needs-l10n': 'translated',
  'needs-review-adaptation': 'translated',
  'needs-review-l10n': 'translated',
  'needs-review-translation': 'translated',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
};
const XLIFF1_FOR: Record<SegmentState, string> = { initial: 'needs-translation', translated: 'translated', reviewed: 'signed-off', final: 'final' };

const XLIFF2 = new Set<string>(['initial', 'translated', 'reviewed', 'final']);

/** The tool's value → the document's state (undefined for a value the dialect does not define). */
export function stateOf(dialect: Dialect, value: string | undefined): SegmentState | undefined {
  if (value === undefined) return undefined;
  switch (dialect) {
    case 'trados':
      return TRADOS[value];
    case 'memoq':
      return MEMOQ[value];
    case 'phrase':
      return value === '1' || value === 'true' ? 'translated' : value === '0' || value === 'false' ? 'initial' : undefined;
    case 'xliff1':
      return XLIFF1[value] ?? (value.startsWith('x-') ? 'translated' : undefined);
    case 'xliff2':
      return XLIFF2.has(value) ? (value as SegmentState) : undefined;
  }
}

/** The value to write for a state: the segment's own tool value when it already means that state. */
export function valueFor(dialect: Dialect, state: SegmentState, subState?: string): string {
  if (subState !== undefined && dialect !== 'xliff2' && stateOf(dialect, subState) === state) return subState;
  switch (dialect) {
    case 'trados':
      return TRADOS_FOR[state];
    case 'memoq':
      return MEMOQ_FOR[state];
    case 'phrase':
      return state === 'initial' ? '0' : '1';
    case 'xliff1':
      return XLIFF1_FOR[state];
    case 'xliff2':
      return state;
  }
}

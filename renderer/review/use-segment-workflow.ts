import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ArticleView, SegmentMarkState, SegmentReviewState } from '../../main/contract/api';
import type { Annotation, Finding } from '../../main/contract/review';
import type { Paragraph } from '../../main/common/paragraphs';
import { countSegmentStates } from '../../main/common/segments/states';
import type { NoticeMessage } from '../components/Notice';
import { savedPlace, savePlace } from '../lib/open-place';
import type { SegmentsSnapshot } from './contrib/segments';
import type { ReviewCommand } from './keymap';
import type { ReviewSession } from './use-review-session';

export type SegmentFilter = 'all' | 'notConfirmed' | 'edited' | 'problems' | 'annotations';
export const SEGMENT_FILTERS: readonly SegmentFilter[] = ['all', 'notConfirmed', 'edited', 'problems', 'annotations'];

/** What the source pane shows of a paragraph's segment: its number, state and whether the filter hides it. */
export interface ParagraphSegment {
  number: number;
  state: SegmentReviewState;
  locked: boolean;
  hidden: boolean;
}

const NO_SUBSCRIBE = () => () => undefined;

/** The segment whose source range holds `offset` (ranges sorted by start), -1 for none. */
function sourceSegmentAt(starts: readonly { start: number; end: number; index: number }[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 && offset <= starts[best]!.end ? starts[best]!.index : -1;
}

/**
 * The segment workflow of the review view (issue 11): confirm and go to the next unconfirmed segment,
 * step through segments, lock and unlock, and the filter that hides the other segments in both panes.
 */
export function useSegmentWorkflow(
  session: ReviewSession | null,
  view: ArticleView | null,
  context: { findings: readonly Finding[]; annotations: readonly Annotation[]; sourceParagraphs: readonly Paragraph[]; notify: (n: NoticeMessage) => void },
) {
  const cell = session?.segments.state;
  const fallback = useMemo<SegmentsSnapshot>(
    () => ({ states: view?.segments.map((s) => s.state) ?? [], locked: view?.segments.map((s) => s.locked) ?? [], counts: countSegmentStates(view?.segments ?? []), current: -1 }),
    [view],
  );
  const snap = useSyncExternalStore(cell?.subscribe ?? NO_SUBSCRIBE, cell?.get ?? (() => fallback));
  const [filter, setFilter] = useState<SegmentFilter>('all');
  const [search, setSearch] = useState('');
  const sourceStarts = useMemo(
    () => (view?.segments ?? []).flatMap((s, index) => (s.source ? [{ start: s.source[0], end: s.source[1], index }] : [])).sort((a, b) => a.start - b.start),
    [view],
  );
  const { findings, annotations, sourceParagraphs, notify } = context;

  // Which segments pass the filter; null when all do.
  const visible = useMemo<boolean[] | null>(() => {
    const segs = session?.segments;
    const needle = search.trim().toLocaleLowerCase();
    if (!segs || !view || (filter === 'all' && !needle)) return null;
    const at = (side: 'source' | 'target', offset: number) => (side === 'target' ? segs.indexAt(offset) : sourceSegmentAt(sourceStarts, offset));
    const marked = new Set<number>();
    if (filter === 'problems') for (const f of findings) if (f.severity !== 'hint') marked.add(at(f.side, f.start));
    if (filter === 'annotations') for (const a of annotations) if (!a.orphaned) marked.add(at(a.side, a.start));
    return snap.states.map((state, i) => {
      const byFilter =
        filter === 'all' ||
        (filter === 'notConfirmed' && state !== 'confirmed') ||
        (filter === 'edited' && state === 'edited') ||
        ((filter === 'problems' || filter === 'annotations') && marked.has(i));
      if (!byFilter) return false;
      if (!needle) return true;
      const src = view.segments[i]?.source;
      return segs.textOf(i).toLocaleLowerCase().includes(needle) || (!!src && view.source.text.slice(src[0], src[1]).toLocaleLowerCase().includes(needle));
    });
  }, [session, view, filter, search, snap.states, findings, annotations, sourceStarts]);
  useEffect(() => session?.segments.setVisible(visible), [session, visible]);

  // Back to the segment the cursor was in before a reload, then remember where it goes.
  useEffect(() => {
    const place = savedPlace();
    if (session && view && place?.article === view.id && place.segment !== undefined) session.segments.goTo(place.segment);
  }, [session, view]);
  const currentSegment = snap.current;
  useEffect(() => {
    if (view && currentSegment >= 0) savePlace({ article: view.id, segment: currentSegment });
  }, [view, currentSegment]);

  const paragraphSegments = useMemo<(ParagraphSegment | null)[]>(
    () =>
      sourceParagraphs.map((p) => {
        const i = sourceSegmentAt(sourceStarts, p.start);
        return i < 0 ? null : { number: i + 1, state: snap.states[i] ?? 'not-reviewed', locked: !!snap.locked[i], hidden: !!visible && !visible[i] };
      }),
    [sourceParagraphs, sourceStarts, snap, visible],
  );

  const shown = useCallback((i: number) => !visible || !!visible[i], [visible]);
  const setState = useCallback(
    async (state: SegmentMarkState, andNext: boolean) => {
      const segs = session?.segments;
      const i = segs?.state.get().current ?? -1;
      if (!segs || i < 0) return;
      if (segs.segments[i]?.locked) return notify({ key: 'segments.lockedRefused', params: { number: i + 1 } });
      // The mark shows at once (optimistically; taken back if the review cannot store it), so the cursor
      // moves on without waiting for the server and a quick second Ctrl+Enter confirms the next segment.
      const stored = segs.mark(i, state);
      if (andNext) {
        const next = segs.find(1, (k) => shown(k) && segs.state.get().states[k] !== 'confirmed', i);
        if (next >= 0) segs.goTo(next);
        else notify({ key: 'segments.allConfirmed' });
      }
      await stored;
    },
    [session, shown, notify],
  );
  const toggleLock = useCallback(async () => {
    const segs = session?.segments;
    const i = segs?.state.get().current ?? -1;
    if (!segs || i < 0) return;
    const locking = !segs.segments[i]!.locked;
    // Said at once, like the lock itself, so a refused keystroke right after is what the banner shows.
    const stored = segs.toggleLock(i);
    notify({ key: locking ? 'segments.lockedNotice' : 'segments.unlockedNotice', params: { number: i + 1 } });
    await stored;
  }, [session, notify]);

  /** Runs a segment command; false when the command is not one. */
  const run = useCallback(
    (command: ReviewCommand): boolean => {
      const segs = session?.segments;
      if (command === 'confirmSegment') void setState('confirmed', true);
      else if (command === 'toggleLock') void toggleLock();
      else if (command === 'nextSegment' || command === 'previousSegment' || command === 'nextUnconfirmed') {
        if (!segs) return true;
        const dir = command === 'previousSegment' ? -1 : 1;
        const next = segs.find(dir, (k) => shown(k) && (command !== 'nextUnconfirmed' || segs.state.get().states[k] !== 'confirmed'));
        if (next >= 0) segs.goTo(next);
        else if (command === 'nextUnconfirmed') notify({ key: 'segments.allConfirmed' });
      } else return false;
      return true;
    },
    [session, setState, toggleLock, shown, notify],
  );

  return { snap, filter, setFilter, search, setSearch, visible, paragraphSegments, run, setState, toggleLock };
}

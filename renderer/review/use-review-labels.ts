import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagSpan } from '../../main/contract/api';
import type { Annotation, Finding } from '../../main/contract/review';
import { tDynamic } from '../lib/dynamic-t';
import { categoryName as mqmCategoryName } from '../lib/mqm-names';
import { tagLabel } from './source-marks';
import type { ReviewSession } from './use-review-session';

/**
 * What the review view says of findings, fixes, annotations and tags, in the UI language; the
 * session's contributions get the annotation and tag labels for their hovers.
 */
export function useReviewLabels(session: ReviewSession | null) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // A book's 22,800 findings are described at every check (the squiggles' hovers): a finding the check
  // answer kept keeps its message object, so its text is looked up once (i18next took 400 ms a typing run).
  const describe = useMemo(() => {
    const said = new WeakMap<Finding['message'], string>();
    return (f: Finding) => {
      let text = said.get(f.message);
      if (text === undefined) said.set(f.message, (text = tDynamic(f.message.key, { ...f.message.params, lng })));
      return text;
    };
  }, [lng]);
  const categoryName = useCallback((c: string) => mqmCategoryName(c, lng), [lng]);
  const fixLabel = useCallback(
    (fix: Finding['fixes'][number]) => {
      if (fix.labelKey) return tDynamic(fix.labelKey, { text: [...new Set(fix.edits.map((e) => e.text))].join(' … '), count: fix.edits.length });
      const texts = fix.edits.map((e) => e.text).filter(Boolean);
      return texts.length ? t('problems.replaceWith', { text: texts.join(' … ') }) : t('problems.removeText');
    },
    [t],
  );
  const describeAnnotation = useCallback((a: Annotation) => `${categoryName(a.category)} · ${t(`severity.${a.severity}`)}${a.comment ? ` — ${a.comment}` : ''}`, [categoryName, t]);
  useEffect(() => session?.annotations.setDescribe(describeAnnotation), [session, describeAnnotation]);
  const describeTag = useCallback((tag: TagSpan) => tagLabel(tag, t), [t]);
  useEffect(() => session?.tags.setLabel(describeTag), [session, describeTag]);
  return { describe, categoryName, fixLabel, describeTag };
}

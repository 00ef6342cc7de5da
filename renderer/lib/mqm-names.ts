import { categoryKeys } from '../../main/common/mqm/typology';
import i18next from 'i18next';
import { hasKey, tDynamic } from './dynamic-t';

/**
 * An MQM category in the UI language: "Fluency/Grammar" → "Fluency › Grammar" (names from the `mqm`
 * namespace; an unknown category, e.g. from an imported file, shows as written). `lng`: the UI language
 * (default: the current one).
 */
export function categoryName(category: string, lng?: string): string {
  const { top, sub } = categoryKeys(category);
  const name = (k: string, fallback: string) => (hasKey(`mqm:category.${k}`) ? tDynamic(`mqm:category.${k}`, lng ? { lng } : undefined) : fallback);
  const parts = category.split('/');
  // The arrow points from the branch to the leaf in the reading direction.
  const arrow = i18next.dir(lng) === 'rtl' ? '‹' : '›';
  return sub ? `${name(top, parts[0]!)} ${arrow} ${name(sub, parts.slice(1).join('/'))}` : name(top, category);
}

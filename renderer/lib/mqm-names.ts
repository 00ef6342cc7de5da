import { categoryKeys } from '../../main/common/mqm/typology';
import { hasKey, tDynamic } from './dynamic-t';

/**
 * An MQM category in the UI language: "Fluency/Grammar" → "Fluency › Grammar" (names from the `mqm`
 * namespace; an unknown category, e.g. from an imported file, shows as written).
 */
export function categoryName(category: string): string {
  const { top, sub } = categoryKeys(category);
  const name = (k: string, fallback: string) => (hasKey(`mqm:category.${k}`) ? tDynamic(`mqm:category.${k}`) : fallback);
  const parts = category.split('/');
  return sub ? `${name(top, parts[0]!)} › ${name(sub, parts.slice(1).join('/'))}` : name(top, category);
}

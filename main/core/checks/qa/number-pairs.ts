/**
 * One mistranslated number is one problem: a source number the translation lacks and the translation's
 * number the source lacks ("231" → "213", "1.200 millones" → "1.2 million", "12月18日" → "12.18") are
 * reported once, on the translation, naming the source's number. A lost number with no such partner
 * (an omission) stays reported on the source.
 */

interface Token {
  text: string;
}

/** The significant digits of a number as written: "1.200" → "12", "0,05" → "5", "1430" → "143". */
const significant = (text: string) => text.replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '');
const sorted = (digits: string) => [...digits].sort().join('');

/** Is the changed number plausibly the source's number mistyped, transposed, rescaled or re-split? */
function related(lost: Token, changed: Token): boolean {
  const a = significant(lost.text);
  const b = significant(changed.text);
  if (!a || !b) return false;
  if (sorted(a) === sorted(b)) return true;
  // "2027" and "3" in "2027.3"; "12" and "18" in "12.18".
  const runs: string[] = changed.text.match(/\d+/g) ?? [];
  return runs.includes(lost.text.replace(/\D/g, ''));
}

/** Pairs each changed translation number with the lost source numbers it stands for; returns the source numbers per changed one. */
export function pairNumbers<T extends Token, S extends Token>(changed: T[], missing: S[]): { partners: Map<T, S[]>; unpaired: S[] } {
  const partners = new Map<T, S[]>();
  let left = [...missing];
  for (const c of changed) {
    const mine = left.filter((m) => related(m, c));
    if (mine.length) partners.set(c, mine);
    left = left.filter((m) => !mine.includes(m));
  }
  // One number lost and one number changed in the same segment, however different: the one became the other.
  const lone = changed.filter((c) => !partners.has(c));
  if (lone.length === 1 && left.length === 1) {
    partners.set(lone[0]!, left);
    left = [];
  }
  return { partners, unpaired: left };
}

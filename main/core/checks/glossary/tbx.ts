/**
 * Glossary from TBX: TBX-Basic / TBX v2 (martif › termEntry › langSet › tig|ntig › term) and TBX v3
 * (tbx › conceptEntry › langSec › termSec › term). Languages come from xml:lang and match exactly first,
 * then by primary subtag (a "pt" section serves pt-BR, a "pt-BR" section serves pt). Terms marked
 * deprecated or forbidden (administrativeStatus / normativeAuthorization) are never proposed as targets.
 */
import type { GlossaryEntry } from '../types.js';
import { GLOSSARY_LIMITS, tooManyEntries } from './limits.js';
import { elements, parseXml, textOf, type XmlElement } from './xml.js';

interface LangTerms {
  lang: string;
  terms: string[];
}

function isDeprecated(termHolder: XmlElement): boolean {
  return elements(termHolder, 'termNote').some(
    (n) => /administrativeStatus|normativeAuthorization/i.test(n.attrs.type ?? '') && /deprecated|superseded|forbidden|admitted-?term-admn-sts-no|notRecommended/i.test(textOf(n)),
  );
}

function langSections(entry: XmlElement): LangTerms[] {
  const sections = [...elements(entry, 'langSec'), ...elements(entry, 'langSet')];
  return sections.map((sec) => {
    const lang = sec.attrs['xml:lang'] ?? sec.attrs.lang ?? '';
    const holders = [...elements(sec, 'termSec'), ...elements(sec, 'tig'), ...elements(sec, 'ntig')];
    const terms = (holders.length ? holders.filter((h) => !isDeprecated(h)).flatMap((h) => elements(h, 'term')) : elements(sec, 'term')).map((t) => textOf(t).trim()).filter(Boolean);
    return { lang, terms };
  });
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

function pick(sections: LangTerms[], lang: string): LangTerms | undefined {
  const wanted = lang.toLowerCase();
  return sections.find((s) => s.lang.toLowerCase() === wanted) ?? sections.find((s) => primary(s.lang) === primary(lang));
}

export function readTbxGlossary(xml: string, sourceLang: string, targetLang: string, name = 'glossary'): GlossaryEntry[] {
  const doc = parseXml(xml, name);
  const entries = [...elements(doc, 'termEntry'), ...elements(doc, 'conceptEntry')];
  const out: GlossaryEntry[] = [];
  for (const entry of entries) {
    const sections = langSections(entry);
    const src = pick(sections, sourceLang);
    const tgt = pick(sections, targetLang);
    if (!src?.terms.length || !tgt?.terms.length || src === tgt) continue;
    const [target, ...alternatives] = tgt.terms as [string, ...string[]];
    for (const source of src.terms) out.push(alternatives.length ? { source, target, alternatives } : { source, target });
    if (out.length > GLOSSARY_LIMITS.maxEntries) throw tooManyEntries(name);
  }
  return out;
}

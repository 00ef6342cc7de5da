/**
 * Word order carried over from the source, recognised by its shape in English whatever the words:
 *  - a time adverbial between a verb and its object ("received in 2025 94 million tourists",
 *    "inaugurates on Friday a retrospective"): the verb from the dictionary's verb flags
 *    (english-verbs.ts), the object a determiner or a number, and no verb of a new clause right after
 *    it ("He said on Friday the plan was flawed" is English);
 *  - an auxiliary or modal put before the subject after a fronted time adverbial, as German and the
 *    Romance languages do ("On Thursday shall the cabinet adopt", "In 2023 were seized 60 tonnes"); not in
 *    questions.
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { isVerbForm } from './english-verbs.js';

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PERIOD = '(?:year|week|month|night|season|weekend|morning|afternoon|evening|summer|winter|spring|autumn)';
/**
 * A place: "in" or "at" before a name or a determiner and a noun ("insert in the budget the tax", "build in
 * Curitiba a factory"). Not "to" ("explained to the committee the reasons" is English) and not a bare noun
 * ("take into account", "put in place").
 */
const PLACE = '(?:in|at|inside|within)\\s+(?:\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?|the\\s+(?!(?:next|last|first|past|coming|following|previous|same|other|end)\\b)\\p{Ll}{3,})';
/** Time adverbials that English puts after the object or before the verb, never between them. */
const TIME = `(?:(?:(?:on|this)\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\s+\\(\\d{1,2}\\)|on\\s+${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?|on\\s+\\d{1,2}\\s+${MONTH}|on\\s+${MONTH}\\s+\\d{1,2}|in\\s+(?:19|20)\\d\\d|in\\s+${MONTH}(?:\\s+(?:19|20)\\d\\d)?|(?:last|this|next)\\s+(?:${PERIOD}|${WEEKDAY})|yesterday|every\\s+${PERIOD.replace('night|', 'night|day|')}|from\\s+\\p{Lu}\\p{Ll}+\\s+to\\s+\\p{Lu}\\p{Ll}+|by\\s+the\\s+end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?${PERIOD}|${PLACE})`;
/**
 * The object: a determiner and a word, or a number and a word that is no date ("in 2025 94 million", not "in April 2023");
 * never a time ("arrives in Lisbon this Thursday" has a place, then a time, and no object).
 */
const OBJECT = '(?!(?:this|that|next|last|every|the\\s+(?:next|following|same))\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|year|week|month|night|season|weekend|morning|afternoon|evening|summer|winter|spring|autumn|day|time)\\b)(?:(?:the|a|an|its|their|his|her|our|this|these|those|some|several|more\\s+than|over|about|around|nearly|almost|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundreds|thousands|millions|dozens)\\s+(?!\\d+(?:st|nd|rd|th)\\b)[\\p{L}\\d]|(?<!(?:day|ber|ary|uary|March|April|May|June|July|August|night|ning|noon)\\s)\\d[\\d.,]*\\s+(?!(?:of|de)\\b)\\p{L})';
/** The verb is read back from the adverbial (matching from each word of the text was three times slower). */
const BETWEEN = new RegExp(`(?<=(?<![\\p{L}'’-])(\\p{Ll}+)\\s+)(${TIME})\\s+(?=${OBJECT})`, 'gu');

/** Verbs followed by a clause, not an object ("said on Friday the plan …", "told …"). */
const CLAUSE_VERBS = new Set('said says say told tell tells added adds stated states claimed claims warned warns noted notes argued argues explained explains insisted insists stressed stresses believed believes thought thinks wrote writes replied replies answered answers admitted admits recalled recalls'.split(' '));
/** Adverbs and particles the dictionary also knows as verbs ("to still", "to out"). */
const NOT_VERBS = new Set('still also just out up down back even only well again then here there now once later home off away over together forward ahead'.split(' '));
/** Words before the "verb" that make it a noun or an adjective ("the record set in 2020 …"). */
const NOT_BEFORE_VERB = /(?:^|\s)(?:the|a|an|its|their|his|her|our|this|that|these|those|of|be|been|being|is|are|was|were)\s+$/iu;
/** A verb of a new clause soon after the "object": the adverbial ends a clause and a subject follows. */
const CLAUSE_AFTER = /^(?:\S+\s+){1,4}?(?:is|are|was|were|will|would|has|have|had|can|could|should|must|may|might|did|does|do|said|says)\b/iu;

const AUX = '(?:shall|will|would|can|could|must|should|may|might|has|have|had|did|does)';
const FRONTED = `(?:On\\s+${WEEKDAY}|In\\s+(?:19|20)\\d\\d|In\\s+${MONTH}|Since\\s+(?:19|20)\\d\\d|Last\\s+${PERIOD}|This\\s+${PERIOD}|Next\\s+${PERIOD}|Yesterday|Tomorrow)`;
/** A sentence opened by a time adverbial, then an auxiliary before a subject, or "were" before a participle. */
const INVERTED = new RegExp(`(?:^|(?<=[.!?]["”’]?\\s))(${FRONTED}\\s+(?:${AUX}\\s+(?:the|a|an|its|their|his|her|\\p{Lu}\\p{Ll}+|\\d)|(?:is|are|was|were)\\s+\\p{Ll}+ed\\s+(?:in|at|on|by|more|over|about|around|some|\\d)))`, 'gu');

export const adverbialOrder: CheckDefinition = {
  id: 'en.adverbial-order',
  category: 'Fluency/Grammar',
  severity: 'minor',
  targetLangs: ['en'],
  description: 'A time adverbial between a verb and its object, or an auxiliary before its subject after a fronted time adverbial, as the source orders them.',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target || !seg.source) return [];
    const text = seg.target;
    const out: RawFinding[] = [];
    for (const m of text.matchAll(BETWEEN)) {
      const verb = m[1]!;
      const from = text.slice(0, m.index).trimEnd().length - verb.length;
      if (CLAUSE_VERBS.has(verb) || NOT_VERBS.has(verb) || !isVerbForm(verb) || NOT_BEFORE_VERB.test(text.slice(Math.max(0, from - 12), from))) continue;
      // After a place, a bare form must follow "to" or a modal: "a small earth in the orbit" is a noun.
      if (/^(?:in|at|inside|within)\s/u.test(m[2]!) && !/(?:ed|s)$/u.test(verb) && !/\b(?:to|will|would|can|could|must|should|may|might|shall)\s+$/u.test(text.slice(Math.max(0, from - 8), from))) continue;
      const objectAt = m.index + m[0].length;
      const after = text.slice(objectAt, objectAt + 60);
      if (CLAUSE_AFTER.test(after)) continue;
      const objWord = /^[\p{L}\p{N}]+(?:[.,]\p{N}+)*(?:\s+[\p{L}\p{N}]+)?/u.exec(after)?.[0] ?? '';
      const end = objectAt + objWord.length;
      out.push({ start: seg.targetStart + from, end: seg.targetStart + end, message: { key: 'checks:wordOrder', params: { text: text.slice(from, end) } } });
    }
    for (const m of text.matchAll(INVERTED)) {
      const sentenceEnd = text.slice(m.index).search(/[.!?](?:\s|$)/u);
      if (sentenceEnd >= 0 && text[m.index + sentenceEnd] === '?') continue;
      out.push({ start: seg.targetStart + m.index, end: seg.targetStart + m.index + m[1]!.length, message: { key: 'checks:wordOrder', params: { text: m[1]! } } });
    }
    return out;
  },
};

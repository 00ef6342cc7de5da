/**
 * A translation may add a measure converted into other units, as a gloss next to the source's:
 * "6,288 square kilometres (about 2,430 square miles)", "31C (88F)", "1,568 cubic hectometres — about
 * 1.57 billion cubic metres —". Its number is the translator's arithmetic, not a number the source lacks.
 */

/** A unit of measure, with an optional magnitude ("million hectares", "sq ft", "F", "cubic metres"). */
const UNIT = String.raw`(?:(?:thousand|million|billion)\s+)?(?:(?:sq(?:uare)?|cubic)\.?\s+)?(?:ft|feet|foot|mi|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|m|cm|mm|in|inch(?:es)?|yards?|yd|acres?|hectares?|ha|lbs?|pounds?|kg|kilos?|kilograms?|tons?|tonnes?|gallons?|litres?|liters?|°\s?[FC]|[FC]|degrees?(?:\s+(?:Fahrenheit|Celsius))?|mph|km\/h|ounces?|oz|barrels?)`;
/** Before the gloss: a number with its unit, then "(" or a dash, and a hedge ("about", "some"). */
const BEFORE = /\d[\d.,]*\s?[-\s]?(?:[\p{L}°][\p{L}.²³-]*\s?){1,3}\s*[(—–]\s*(?:about|approximately|approx\.|around|roughly|some|nearly|almost|over|more than|or)?\s*$/u;
/** After the gloss's number: its unit, then the closing ")" or dash. */
const AFTER = new RegExp(String.raw`^\s?${UNIT}\s*[)—–]`, 'u');

/** Is the target number at [start, end) a converted measure glossing the measure before it? */
export function isConversionGloss(target: string, start: number, end: number): boolean {
  return AFTER.test(target.slice(end, end + 40)) && BEFORE.test(target.slice(Math.max(0, start - 60), start));
}

import { z } from 'zod';
import { withOverrides, type ScoringProfile, type WeightRule } from './scoring.js';

/**
 * Scoring profiles as users write them (`calque mqm --weights`, project.json): laid over the
 * default WMT weights. Three shapes are accepted:
 *  - a profile: {"weights": [{"severity": "Major", "category": "Accuracy", "weight": 6}], "perWords": {"per": 100, "basis": "target"}, "threshold": 10}
 *  - a list of rules: [{"severity": "Minor", "weight": 2}]
 *  - a short map, "Severity" or "Severity Category" (or "* Category" for any severity) → weight:
 *    {"Major": 5, "Minor Fluency/Punctuation": 0.1, "* Non-translation!": 25}
 */

const Rule = z.strictObject({ severity: z.string().min(1).optional(), category: z.string().min(1).optional(), weight: z.number().finite() });
const Profile = z.strictObject({
  weights: z.array(Rule).default([]),
  perWords: z.strictObject({ per: z.number().positive(), basis: z.enum(['source', 'target']) }).optional(),
  threshold: z.number().finite().optional(),
});
const ShortMap = z.record(z.string().min(1), z.number().finite());

function ruleFromKey(key: string, weight: number): WeightRule {
  const space = key.indexOf(' ');
  const severity = space === -1 ? key : key.slice(0, space);
  const category = space === -1 ? undefined : key.slice(space + 1).trim();
  const rule: WeightRule = { weight };
  if (severity !== '*') rule.severity = severity;
  if (category) rule.category = category;
  return rule;
}

export type ProfileParse = { ok: true; profile: ScoringProfile } | { ok: false; error: string };

export function parseScoringProfile(data: unknown, base?: ScoringProfile): ProfileParse {
  const asList = z.array(Rule).safeParse(data);
  if (asList.success) return { ok: true, profile: withOverrides({ weights: asList.data }, base) };
  const asProfile = Profile.safeParse(data);
  if (asProfile.success) {
    const { weights, perWords, threshold } = asProfile.data;
    const over: Partial<ScoringProfile> = { weights };
    if (perWords) over.perWords = perWords;
    if (threshold !== undefined) over.threshold = threshold;
    return { ok: true, profile: withOverrides(over, base) };
  }
  const asMap = ShortMap.safeParse(data);
  if (asMap.success) return { ok: true, profile: withOverrides({ weights: Object.entries(asMap.data).map(([k, w]) => ruleFromKey(k, w)) }, base) };
  const issue = asProfile.error.issues[0]!;
  return { ok: false, error: `not a scoring profile (${issue.path.join('.') || 'top level'}: ${issue.message})` };
}

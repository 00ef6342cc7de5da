import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CalqueError, type LanguagePair } from '../../contract/api.js';
import { assertNoSymlinks } from '../platform/safe-path.js';
import { hasMergeConflict } from '../platform/merge-markers.js';
import { isLanguageTag } from './languages.js';

export const CONFIG_FORMAT_VERSION = 1;

const tag = z.string().refine(isLanguageTag, { message: 'not a language tag' });

const severity = z.enum(['hint', 'minor', 'major', 'critical']);

const ConfigV1 = z.object({
  formatVersion: z.literal(1),
  pairs: z.array(z.object({ source: tag, target: tag })).default([]),
  /** Checks switched off or re-graded for this project (rule id → severity). */
  checks: z
    .object({
      disabled: z.array(z.string()).default([]),
      severity: z.record(z.string(), severity).default({}),
      /** "Ignore this rule for this text everywhere": applied to every article by main/core/checks/input.ts. */
      ignores: z.array(z.object({ rule: z.string(), text: z.string() })).optional(),
      /** Rule id → its numeric limits (the subtitle timing check's characters per line, lines, characters a second). */
      options: z.record(z.string(), z.record(z.string(), z.number().nonnegative())).optional(),
    })
    .passthrough()
    .optional(),
  /** Glossary files (CSV, TSV or TBX), relative to the project root. Default: .calque/glossary.{csv,tsv,tbx}. */
  glossaries: z.array(z.string()).optional(),
  /** The name written as the author of tracked changes and comments in exported Word documents. */
  reviewer: z.string().max(200).optional(),
  /** Words the spelling check accepts in this project. */
  wordList: z.array(z.string()).optional(),
  /** The MQM scoring profile: weights (most specific severity/category rule wins), normalisation, pass threshold. */
  scoring: z
    .object({
      weights: z.array(z.object({ severity: z.string().optional(), category: z.string().optional(), weight: z.number().nonnegative() })).optional(),
      perWords: z.object({ per: z.number().positive(), basis: z.enum(['source', 'target']) }).optional(),
      threshold: z.number().nonnegative().optional(),
    })
    .passthrough()
    .optional(),
  /** Settings of later versions are kept as they are. */
}).passthrough();

export type ProjectConfig = z.infer<typeof ConfigV1>;

export function emptyConfig(): ProjectConfig {
  return { formatVersion: CONFIG_FORMAT_VERSION, pairs: [] };
}

/** Older formats, upgraded one version at a time. Version 0: {sourceLanguage, targetLanguage}. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const { sourceLanguage, targetLanguage, ...rest } = old;
    const pairs = sourceLanguage && targetLanguage ? [{ source: sourceLanguage, target: targetLanguage }] : [];
    return { ...rest, formatVersion: 1, pairs };
  },
};

export function configPath(root: string): string {
  return join(root, '.calque', 'project.json');
}

/** Read .calque/project.json; missing means a new project. Malformed: CalqueError('projectConfigInvalid'). */
export async function readConfig(root: string): Promise<ProjectConfig | null> {
  let raw: string;
  await assertNoSymlinks(root, configPath(root));
  try {
    raw = await fsp.readFile(configPath(root), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CalqueError('projectConfigInvalid', { path: configPath(root), reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  return parseConfig(raw, configPath(root));
}

export function parseConfig(raw: string, path = 'project.json'): ProjectConfig {
  if (hasMergeConflict(raw)) throw new CalqueError('projectConfigMergeConflict', { path });
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CalqueError('projectConfigInvalid', { path, reason: (err as Error).message });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CalqueError('projectConfigInvalid', { path, reason: 'not a JSON object' });
  }
  let obj = data as Record<string, unknown>;
  let version = typeof obj.formatVersion === 'number' ? obj.formatVersion : 0;
  if (version > CONFIG_FORMAT_VERSION) {
    throw new CalqueError('projectConfigInvalid', { path, reason: `format version ${version} is newer than this Calque understands` });
  }
  while (version < CONFIG_FORMAT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new CalqueError('projectConfigInvalid', { path, reason: `unknown format version ${version}` });
    obj = step(obj);
    version++;
  }
  const parsed = ConfigV1.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CalqueError('projectConfigInvalid', { path, reason: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return parsed.data;
}

export function samePairs(a: LanguagePair[], b: LanguagePair[]): boolean {
  return a.length === b.length && a.every((p, i) => p.source === b[i]!.source && p.target === b[i]!.target);
}

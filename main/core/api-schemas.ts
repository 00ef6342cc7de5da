import { z } from 'zod';
import { CalqueError, EXPORT_KINDS, REVIEW_STATUSES, SEGMENT_MARK_STATES, type ApiMethod, type CalqueApi, type ExportKind, type ReviewStatus, type SegmentMarkState } from '../contract/api.js';
import { MQM_CATEGORIES, MQM_SEVERITIES, type Annotation, type MqmCategory, type MqmSeverity } from '../contract/review.js';
import { LOCALES } from '../../locales/index.js';
import { isLanguageTag } from './project/languages.js';

/** Article ids are project-relative paths: no absolute paths, no "..", no NUL. Core re-checks membership. */
const articleId = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0') && !s.startsWith('/') && !/^[a-zA-Z]:/.test(s) && !s.split(/[\\/]/).includes('..'), {
    message: 'not a project-relative id',
  });
const absolutePath = z.string().min(1).max(4096).refine((s) => !s.includes('\0'), { message: 'invalid path' });
const tag = z.string().max(64).refine(isLanguageTag, { message: 'not a language tag' });
const empty = z.object({}).strict();
const exportKind = z.enum(EXPORT_KINDS as [ExportKind, ...ExportKind[]]);

/** Keys that reach Object.prototype when a request is merged into a plain object (prototype pollution). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any request of the contract (an annotation is three levels down). */
const MAX_REQUEST_DEPTH = 32;

/** The path of the first prototype key anywhere in a parsed request, or of the first level too deep. */
export function findForbiddenKey(value: unknown): { path: string; reason: 'prototype key' | 'nested too deep' } | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_REQUEST_DEPTH) return { path: path || '(request)', reason: 'nested too deep' };
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { path: at, reason: 'prototype key' };
      stack.push({ v: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** A record key that is an identifier of ours, never a prototype key. */
const segmentKey = z
  .string()
  .regex(/^[\w.+-]{1,64}$/)
  .refine((k) => !PROTOTYPE_KEYS.has(k), { message: 'prototype key' });

const offset = z.number().int().min(0).max(64 * 1024 * 1024);
const gradedSeverity = z.enum(['hint', 'minor', 'major', 'critical']);
const ruleId = z.string().min(1).max(200).regex(/^[\w.-]+$/, 'not a rule id');
const isoTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a time' });

/** A search's pattern and options (the pattern itself is checked by core: main/core/search/pattern.ts). */
/** What a check is of: the editor's text, or one edit of the text of an earlier answer (`base`: its textKey). */
const checkRequest = z.object({
  id: articleId,
  text: z.string().max(64 * 1024 * 1024).optional(),
  edit: z.object({ base: z.string().max(40), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string().max(64 * 1024 * 1024) }).strict().optional(),
});
const searchQuery = { pattern: z.string().min(1).max(1000), regex: z.boolean().optional(), caseSensitive: z.boolean().optional(), wholeWord: z.boolean().optional() };

/** An annotation as the renderer sends it; the store validates again on read. */
export const AnnotationSchema: z.ZodType<Annotation> = z
  .object({
    id: z.string().min(1).max(64).regex(/^[\w-]+$/),
    side: z.enum(['target', 'source']),
    segment: z.string().max(1000).optional(),
    start: offset,
    end: offset,
    quote: z.object({ exact: z.string().max(100_000), prefix: z.string().max(1000), suffix: z.string().max(1000) }).strict(),
    category: z.enum(MQM_CATEGORIES as unknown as [MqmCategory, ...MqmCategory[]]),
    severity: z.enum(MQM_SEVERITIES as unknown as [MqmSeverity, ...MqmSeverity[]]),
    comment: z.string().max(10_000),
    created: isoTime,
    modified: isoTime,
    rule: ruleId.optional(),
    orphaned: z.boolean().optional(),
    baseline: z
      .object({ start: offset, end: offset, exact: z.string().max(100_000) })
      .strict()
      .refine((b) => b.end >= b.start, { message: 'end before start' })
      .optional(),
  })
  .strict()
  .refine((a) => a.end >= a.start, { message: 'end before start' });

/** One schema per method: every request is checked at the boundary before core sees it. */
export const REQUEST_SCHEMAS: { readonly [M in ApiMethod]: z.ZodType<Parameters<CalqueApi[M]>[0]> } = {
  hostInfo: empty as unknown as z.ZodType<Record<string, never>>,
  openProject: z.object({ root: absolutePath.optional(), choose: z.boolean().optional() }).strict(),
  recentProjects: empty as unknown as z.ZodType<Record<string, never>>,
  setLanguages: z.object({ pairs: z.array(z.object({ source: tag, target: tag }).strict()).min(1).max(64) }).strict(),
  getArticle: z.object({ id: articleId }).strict(),
  saveArticle: z
    .object({ id: articleId, text: z.string().max(64 * 1024 * 1024), expectedRevision: z.string().max(128), force: z.boolean().optional() })
    .strict(),
  readDisk: z.object({ id: articleId }).strict(),
  setStatus: z.object({ id: articleId, status: z.enum(REVIEW_STATUSES as [ReviewStatus, ...ReviewStatus[]]), byHand: z.boolean().optional() }).strict(),
  setSegmentState: z
    .object({
      id: articleId,
      segments: z.array(z.object({ id: segmentKey, text: z.string().max(64 * 1024 * 1024) }).strict()).min(1).max(1_000_000),
      state: z.enum(SEGMENT_MARK_STATES as [SegmentMarkState, ...SegmentMarkState[]]).optional(),
      locked: z.boolean().optional(),
    })
    .strict()
    .refine((r) => r.state !== undefined || r.locked !== undefined, { message: 'nothing to set' }),
  exportArticle: z.object({ id: articleId, as: exportKind.optional() }).strict(),
  exportAll: z.object({ outDir: absolutePath.optional(), overwrite: z.boolean().optional(), as: exportKind.optional() }).strict(),
  cancelJob: z.object({ jobId: z.string().uuid() }).strict(),
  setUiLanguage: z.object({ lng: z.enum(LOCALES) }).strict(),
  checkArticle: checkRequest.strict().refine((r) => r.text === undefined || r.edit === undefined, { message: 'text or edit, not both' }),
  checkArticleChanges: checkRequest
    .extend({ known: z.string().max(40).optional() })
    .strict()
    .refine((r) => r.text === undefined || r.edit === undefined, { message: 'text or edit, not both' }),
  ignoreFinding: z.object({ id: articleId, rule: ruleId, text: z.string().max(10_000), scope: z.enum(['here', 'project']) }).strict(),
  ignoreFindings: z
    .object({ id: articleId, items: z.array(z.object({ rule: ruleId, text: z.string().max(10_000) }).strict()).min(1).max(100_000), scope: z.enum(['here', 'everywhere']) })
    .strict(),
  checkSettings: empty as unknown as z.ZodType<Record<string, never>>,
  updateCheckSettings: z.object({ rule: ruleId, enabled: z.boolean().optional(), severity: gradedSeverity.nullable().optional() }).strict(),
  getAnnotations: z.object({ id: articleId, text: z.string().max(64 * 1024 * 1024).optional() }).strict(),
  saveAnnotations: z.object({ id: articleId, annotations: z.array(AnnotationSchema).max(100_000), base: z.array(z.string().max(64)).max(100_000).optional() }).strict(),
  resetReview: z.object({ id: articleId }).strict(),
  replaceBaselines: z.object({ ids: z.array(articleId).min(1).max(100_000) }).strict(),
  recordEditingTime: z
    .object({ id: articleId, segments: z.record(segmentKey, z.number().min(0).max(24 * 3600 * 1000)) })
    .strict(),
  exportReport: z.object({ id: articleId.optional(), format: z.enum(['html', 'csv', 'json', 'pdf', 'qa-csv']), lng: z.enum(LOCALES) }).strict(),
  addToWordList: z.object({ word: z.string().min(1).max(100).regex(/^[\p{L}\p{M}'’-]+$/u, 'not a word') }).strict(),
  scoringProfile: empty as unknown as z.ZodType<Record<string, never>>,
  updateScoringProfile: z
    .object({
      profile: z
        .object({
          weights: z
            .array(z.object({ severity: z.string().max(40).optional(), category: z.string().max(200).optional(), weight: z.number().min(0).max(10_000) }).strict())
            .max(200),
          perWords: z.object({ per: z.number().positive().max(1_000_000), basis: z.enum(['source', 'target']) }).strict().optional(),
          threshold: z.number().min(0).max(1_000_000).optional(),
        })
        .strict()
        .optional(),
      reset: z.boolean().optional(),
    })
    .strict()
    .refine((r) => !!r.profile !== !!r.reset, { message: 'give a profile or reset, not both' }),
  importMqm: z.object({ content: z.string().max(64 * 1024 * 1024), from: tag, to: tag, skipMalformed: z.boolean().optional() }).strict(),
  exportMqm: empty as unknown as z.ZodType<Record<string, never>>,
  searchProject: z
    .object({ ...searchQuery, side: z.enum(['source', 'target']), replacement: z.string().max(10_000).optional(), concordance: z.boolean().optional() })
    .strict(),
  searchResult: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  replaceInProject: z
    .object({
      query: z.object(searchQuery).strict(),
      replacement: z.string().max(10_000),
      matches: z.array(z.object({ article: articleId, start: offset, end: offset, text: z.string().max(100_000) }).strict().refine((m) => m.end > m.start, { message: 'empty match' })).min(1).max(100_000),
    })
    .strict(),
  undoProjectEdit: z.object({ undoId: z.string().min(1).max(100) }).strict(),
  projectProblems: empty as unknown as z.ZodType<Record<string, never>>,
  startProjectProblems: empty as unknown as z.ZodType<Record<string, never>>,
  projectProblemsResult: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  fixProjectProblems: z.object({ groups: z.array(z.object({ rule: z.string().min(1).max(200), text: z.string().max(10_000) }).strict()).min(1).max(10_000) }).strict(),
};

/** Validate a request and call the method; throws CalqueError('invalidRequest') with the first problem. */
export async function dispatch<M extends ApiMethod>(api: CalqueApi, method: M, raw: unknown): Promise<Awaited<ReturnType<CalqueApi[M]>>> {
  if (!Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, method)) {
    throw new CalqueError('invalidRequest', { reason: `unknown method ${String(method)}` });
  }
  const forbidden = findForbiddenKey(raw);
  if (forbidden) throw new CalqueError('invalidRequest', { method, reason: `${forbidden.path}: ${forbidden.reason}` });
  const parsed = REQUEST_SCHEMAS[method].safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CalqueError('invalidRequest', { method, reason: `${issue.path.join('.') || '(request)'}: ${issue.message}` });
  }
  const fn = api[method] as (req: unknown) => Promise<Awaited<ReturnType<CalqueApi[M]>>>;
  return fn.call(api, parsed.data);
}

/** Any thrown value as it crosses the boundary. Unexpected errors are logged by the host, not leaked. */
export function toErrorInfo(err: unknown): { code: CalqueError['code']; params: Record<string, string | number> } {
  if (err instanceof CalqueError) return { code: err.code, params: err.params };
  return { code: 'internal', params: {} };
}

/**
 * Request fuzz against the API validators (main/core/api-schemas.ts), as every host calls them: valid
 * requests of each method, mutated (types swapped, keys added or dropped, prototype keys, huge and
 * deep values). A try passes when the request is refused with invalidRequest, or reaches the method
 * with data that validates again and carries no prototype key. Anything else is a crash; a try that
 * takes over HANG_MS is a hang.
 */
import { API_METHODS, CalqueError, type ApiMethod, type CalqueApi } from '../main/contract/api.js';
import { REQUEST_SCHEMAS, dispatch, findForbiddenKey } from '../main/core/api-schemas.js';
import { seededRandom, type Random } from './random.js';
import type { StressOptions, StressResult } from './types.js';

const HANG_MS = 1000;
const DEFAULT_TRIES = 5000;

/** A valid annotation, the one nested object most requests carry (also the API boundary tests' seed). */
export const ANNOTATION = {
  id: 'a1',
  side: 'target',
  start: 0,
  end: 3,
  quote: { exact: 'The', prefix: '', suffix: ' cat' },
  category: 'Fluency/Grammar',
  severity: 'minor',
  comment: '',
  created: '2026-01-01T00:00:00Z',
  modified: '2026-01-01T00:00:00Z',
};

/** One valid request per method, the seeds of the mutations. */
export const VALID: Record<ApiMethod, unknown> = {
  hostInfo: {},
  openProject: { root: '/tmp/project' },
  recentProjects: {},
  setLanguages: { pairs: [{ source: 'pt-BR', target: 'en' }] },
  getArticle: { id: 'news/a.txt' },
  saveArticle: { id: 'a.txt', text: 'The cat.', expectedRevision: 'abc' },
  readDisk: { id: 'a.txt' },
  setStatus: { id: 'a.txt', status: 'done' },
  setSegmentState: { id: 'a.txt', segments: [{ id: 'p1', text: 'The cat.' }], state: 'confirmed', locked: true },
  exportArticle: { id: 'a.txt' },
  exportAll: { outDir: '/tmp/out', overwrite: true },
  cancelJob: { jobId: '00000000-0000-4000-8000-000000000000' },
  setUiLanguage: { lng: 'ar' },
  checkArticle: { id: 'a.txt', text: 'x' },
  checkArticleChanges: { id: 'a.txt', text: 'x', known: '1' },
  ignoreFinding: { id: 'a.txt', rule: 'qa.glossary', text: 'x', scope: 'here' },
  ignoreFindings: { id: 'a.txt', items: [{ rule: 'qa.glossary', text: 'x' }], scope: 'everywhere' },
  checkSettings: {},
  updateCheckSettings: { rule: 'qa.glossary', enabled: false, severity: null },
  getAnnotations: { id: 'a.txt' },
  saveAnnotations: { id: 'a.txt', annotations: [ANNOTATION] },
  resetReview: { id: 'a.txt' },
  replaceBaselines: { ids: ['a.txt'] },
  recordEditingTime: { id: 'a.txt', segments: { s1: 100 } },
  exportReport: { format: 'html', lng: 'en' },
  addToWordList: { word: 'Itaú' },
  scoringProfile: {},
  updateScoringProfile: { profile: { weights: [{ severity: 'major', weight: 5 }], perWords: { per: 100, basis: 'target' }, threshold: 5 } },
  importMqm: { content: 'system\tdoc\n', from: 'en', to: 'de' },
  exportMqm: {},
  searchProject: { pattern: 'rain', side: 'target', regex: false, caseSensitive: false, wholeWord: true, replacement: 'storm' },
  searchResult: { jobId: 'j1' },
  replaceInProject: { query: { pattern: 'rain' }, replacement: 'storm', matches: [{ article: 'a.txt', start: 0, end: 4, text: 'rain' }] },
  undoProjectEdit: { undoId: 'no-such-edit' },
  projectProblems: {},
  startProjectProblems: {},
  projectProblemsResult: { jobId: 'j1' },
  fixProjectProblems: { groups: [{ rule: 'qa.repeats', text: 'the the' }] },
};

const KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'text', 'root', 'outDir', 'extra', '', '0', 'toString', 'hasOwnProperty'];

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 4 ? 8 : 11)) {
    case 0:
      return null;
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 2 ** 31]);
    case 2:
      return r.pick(['', ' ', '../../etc/passwd', '/etc/passwd', 'C:\\\\x', 'a\u0000b', '__proto__', 'x'.repeat(100_000), '\uD800', 'ä', '<script>', 'a.txt']);
    case 3:
      return r.chance(0.5);
    case 4:
      return 'x'.repeat(r.int(70_000));
    case 5:
      return [];
    case 6:
      return {};
    case 7: {
      let v: unknown = 1;
      for (let i = 0, n = r.int(2000); i < n; i++) v = r.chance(0.5) ? [v] : { a: v };
      return v;
    }
    case 8:
      return Array.from({ length: r.int(5) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = 0, n = r.int(4); i < n; i++) o[r.pick(KEYS)] = randomValue(r, depth + 1);
      return o;
    }
  }
}

/** Every object and array inside `v` (to pick a place to mutate). */
function places(v: unknown, out: object[] = []): object[] {
  if (typeof v === 'object' && v !== null) {
    out.push(v);
    for (const c of Object.values(v)) places(c, out);
  }
  return out;
}

export function mutate(request: unknown, r: Random): unknown {
  // Through JSON, as a body arrives ("__proto__" becomes an own key).
  let req = JSON.parse(JSON.stringify(request)) as unknown;
  for (let k = 0, n = 1 + r.int(3); k < n; k++) {
    const spots = places(req);
    if (!spots.length || r.chance(0.05)) {
      req = randomValue(r);
      continue;
    }
    const spot = r.pick(spots) as Record<string, unknown>;
    const keys = Object.keys(spot);
    const op = r.int(4);
    if (op === 0 && keys.length) delete spot[r.pick(keys)];
    else if (op === 1 && keys.length) spot[r.pick(keys)] = randomValue(r);
    else Object.defineProperty(spot, r.pick(KEYS), { value: randomValue(r), enumerable: true, configurable: true, writable: true });
  }
  return JSON.parse(JSON.stringify(req)) as unknown;
}

export async function run(opts: StressOptions): Promise<StressResult> {
  const r = seededRandom(opts.seed);
  const tries = opts.tries ?? DEFAULT_TRIES;
  const counts = { accepted: 0, refused: 0, crashes: 0, hangs: 0 };
  const examples: string[] = [];
  let reached: { method: string; data: unknown } | null = null;
  const api = new Proxy({}, { get: (_t, name) => async (data: unknown) => void (reached = { method: String(name), data }) }) as CalqueApi;
  const fail = (kind: 'crashes' | 'hangs', what: string) => {
    counts[kind]++;
    if (examples.length < 5) examples.push(what);
  };
  for (let i = 0; i < tries; i++) {
    const method = r.pick(API_METHODS);
    const req = r.chance(0.1) ? VALID[method] : mutate(VALID[method], r);
    reached = null;
    const t0 = performance.now();
    try {
      await dispatch(api, method, req);
      const got = reached as { method: string; data: unknown } | null;
      // What reached the method must be the method's own shape, with no prototype key anywhere.
      if (!got || got.method !== method || findForbiddenKey(got.data) || !REQUEST_SCHEMAS[method].safeParse(got.data).success) fail('crashes', `try ${i} ${method}: passed the validator but reached the method wrongly`);
      else counts.accepted++;
    } catch (err) {
      if (err instanceof CalqueError && err.code === 'invalidRequest') counts.refused++;
      else fail('crashes', `try ${i} ${method}: ${err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 160) : String(err)}`);
    }
    if (performance.now() - t0 > HANG_MS) fail('hangs', `try ${i} ${method}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return { tries, counts, failures: ['crashes', 'hangs'], examples };
}

import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_METHODS, type CalqueApi } from '../../main/contract/api.js';
import { dispatch, findForbiddenKey } from '../../main/core/api-schemas.js';
import { CalqueService } from '../../main/core/service.js';
import { rejectsWith } from '../helpers/errors.js';
import { ANNOTATION } from '../../stress/api.js';

/** A valid request per method that nests objects, to plant keys at every level. */
const NESTED: Partial<Record<keyof CalqueApi, unknown>> = {
  setLanguages: { pairs: [{ source: 'pt', target: 'en' }] },
  saveAnnotations: { id: 'a.txt', annotations: [ANNOTATION] },
  recordEditingTime: { id: 'a.txt', segments: { s1: 100 } },
  updateScoringProfile: { profile: { weights: [{ severity: 'major', weight: 5 }], perWords: { per: 100, basis: 'target' } } },
};

/** Every plain object inside `value` (arrays are looked into), so a key can be planted into each. */
function objectsIn(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return [];
  const inner = Object.values(value).flatMap(objectsIn);
  return Array.isArray(value) ? inner : [value, ...inner];
}

/** A fake api that must never be reached. */
const calls: string[] = [];
const fakeApi = new Proxy({}, { get: (_t, name) => async () => void calls.push(String(name)) }) as CalqueApi;

describe('prototype keys are refused anywhere in a request', () => {
  for (const method of API_METHODS) {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      it(`${method} with "${key}"`, async () => {
        const base = NESTED[method] ?? {};
        const levels = objectsIn(JSON.parse(JSON.stringify(base))).length || 1;
        for (let level = 0; level < levels; level++) {
          // JSON.parse makes "__proto__" an own key, as a request body does.
          const req = JSON.parse(JSON.stringify(base)) as object;
          const target = objectsIn(req)[level] ?? req;
          Object.defineProperty(target, key, { value: 1, enumerable: true, configurable: true, writable: true });
          calls.length = 0;
          const err = await rejectsWith(dispatch(fakeApi, method, JSON.parse(JSON.stringify(req))), 'invalidRequest');
          expect(String(err.params.reason)).toContain(key);
          expect(calls).toEqual([]);
        }
      });
    }
  }

  it('finds the key by path, and refuses nesting deeper than any request', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}'))).toEqual({ path: 'a.0.b.__proto__', reason: 'prototype key' });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(findForbiddenKey(deep)?.reason).toBe('nested too deep');
    expect(findForbiddenKey({ id: 'constructor', text: '__proto__' })).toBeNull(); // values are fine
  });
});

describe('recordEditingTime {"constructor": 1}', () => {
  let tmp: string;
  let service: CalqueService;
  beforeEach(async () => {
    tmp = fs.mkdtempSync(join(tmpdir(), 'calque-schemas-'));
    fs.writeFileSync(join(tmp, 'a.pt.txt'), 'O gato dorme.\n');
    fs.writeFileSync(join(tmp, 'a.en.txt'), 'The cat sleeps.\n');
    service = new CalqueService({ root: tmp, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    await service.openProject({});
  });
  afterEach(() => {
    service.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is refused, and the stored editing time stays numbers', async () => {
    await dispatch(service, 'recordEditingTime', { id: 'a.txt', segments: { s1: 1000 } });
    await rejectsWith(dispatch(service, 'recordEditingTime', JSON.parse('{"id":"a.txt","segments":{"constructor":1}}')), 'invalidRequest');
    await rejectsWith(dispatch(service, 'recordEditingTime', JSON.parse('{"id":"a.txt","segments":{"__proto__":1}}')), 'invalidRequest');
    const review = JSON.parse(fs.readFileSync(join(tmp, '.calque/reviews/a.txt.json'), 'utf8')) as { editingMs: Record<string, unknown> };
    expect(review.editingMs).toEqual({ s1: 1000 });
    const again = await dispatch(service, 'recordEditingTime', { id: 'a.txt', segments: { s1: 500 } });
    expect(again.totalMs).toBe(1500);
  });
});

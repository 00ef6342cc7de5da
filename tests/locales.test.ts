import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, NAMESPACES, pickLocale, resources } from '../locales/index.js';
import { CONTENT_SECURITY_POLICY } from '../main/common/csp.js';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*([\w.]+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));
type Ns = (typeof NAMESPACES)[number];
const tree = (lng: (typeof LOCALES)[number], ns: Ns) => resources[lng][ns] as unknown as Tree;

describe.each(LOCALES.filter((l) => l !== 'en').flatMap((lng) => NAMESPACES.map((ns) => [lng, ns] as const)))('locale %s, namespace %s', (lng, ns) => {
  const en = flatten(tree('en', ns));
  const plainKeys = [...en.keys()].filter((k) => !PLURAL.test(k));
  const pluralFamilies = [...new Set([...en.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
  const strings = flatten(tree(lng, ns));
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

  it('has every key of en, and no key en does not have', () => {
    const missing = plainKeys.filter((k) => !strings.has(k));
    expect(missing).toEqual([]);
    const extra = [...strings.keys()].filter((k) => !PLURAL.test(k) && !en.has(k));
    expect(extra).toEqual([]);
  });

  it("has every plural form its language needs, and every one en has, for each of en's plural keys", () => {
    // Every locale has every key of en (Chinese repeats its one form as _one), plus its own categories.
    const forms = (family: string) => [...new Set([...categories.map((c) => `${family}_${c}`), ...[...en.keys()].filter((k) => PLURAL.test(k) && k.replace(PLURAL, '') === family)])];
    const missing = pluralFamilies.flatMap(forms).filter((k) => !strings.has(k));
    expect(missing).toEqual([]);
  });

  it('keeps the placeholders of the English strings and leaves nothing empty', () => {
    for (const key of plainKeys) {
      const value = strings.get(key)!;
      expect(value.trim(), key).not.toBe('');
      expect(placeholders(value), key).toEqual(placeholders(en.get(key)!));
    }
  });
});

describe('UI language choice', () => {
  it('maps browser and system tags to a shipped locale', () => {
    expect(pickLocale(['pt-PT'])).toBe('pt-BR');
    expect(pickLocale(['zh-CN'])).toBe('zh-Hans');
    expect(pickLocale(['de_DE.UTF-8'])).toBe('de');
    expect(pickLocale(['ar-EG'])).toBe('ar');
    expect(pickLocale(['ja', 'fr-CA'])).toBe('fr');
    expect(pickLocale(['ja'])).toBe('en');
  });
});

describe('Content-Security-Policy', () => {
  it('the meta tag of renderer/index.html says what the served header says', () => {
    const html = readFileSync(new URL('../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag (CSP spec), so only the header carries it.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta).toBe(header);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});

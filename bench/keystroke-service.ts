/**
 * The editor's check of a keystroke as the app runs it: `checkArticle` with one edit against the text
 * it last checked (main/core/checks/checked-texts.ts), through the check service's input building and
 * the article's incremental CheckSession, in this thread (a 5,000-word article stays below the size the
 * server gives to its workers). Words are typed one character per request into the middle of a
 * 5,000-word article; after each word the editor pauses and asks again while fixes are pending.
 * Each request's CPU time (this process: the service runs in it) and wall time. Goal 20 ms (issue 9).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleChecks } from '../main/contract/api.js';
import { CalqueService } from '../main/core/service.js';

export interface KeystrokeTimes {
  cpuMs: number[];
  wallMs: number[];
  /** CPU time of the pauses' requests that finished pending suggestions, in all. */
  settleCpuMs: number;
  findings: number;
}

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export async function serviceKeystrokes(article: { source: string; target: string; sourceLang: string; targetLang: string }, typed: string): Promise<KeystrokeTimes> {
  const root = mkdtempSync(join(tmpdir(), 'calque-bench-keys-'));
  const service = new CalqueService({ root, host: { kind: 'cli' }, backgroundChecks: false });
  try {
    mkdirSync(join(root, '.calque'));
    writeFileSync(join(root, `story.${article.sourceLang}.txt`), article.source);
    writeFileSync(join(root, `story.${article.targetLang}.txt`), article.target);
    writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: article.sourceLang, target: article.targetLang }] }));
    const info = await service.openProject({});
    const id = info.articles[0]!.id;
    let text = article.target.normalize('NFC');
    let checked: ArticleChecks = await service.checkArticle({ id, text });
    while (checked.pending) checked = await service.checkArticle({ id, edit: { base: checked.textKey!, start: 0, end: 0, text: '' } });
    let at = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
    const out: KeystrokeTimes = { cpuMs: [], wallMs: [], settleCpuMs: 0, findings: 0 };
    for (const ch of typed) {
      text = text.slice(0, at) + ch + text.slice(at);
      const c0 = cpuNow();
      const t0 = performance.now();
      checked = await service.checkArticle({ id, edit: { base: checked.textKey!, start: at, end: at, text: ch } });
      out.wallMs.push(performance.now() - t0);
      out.cpuMs.push(cpuNow() - c0);
      at++;
      if (ch !== ' ') continue;
      const s0 = cpuNow();
      while (checked.pending) checked = await service.checkArticle({ id, edit: { base: checked.textKey!, start: 0, end: 0, text: '' } });
      out.settleCpuMs += cpuNow() - s0;
    }
    out.findings = checked.findings.length;
    return out;
  } finally {
    service.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

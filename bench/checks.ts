/**
 * The check engine's speed against the goals of the checks issue: a 200,000-word book checked in full
 * (goal 3 s), 1,000 articles of 800 words (goal 10 s), and the editor's per-keystroke update of a
 * 5,000-word article through CheckSession (goal 20 ms, median and 95th percentile).
 */
import { CheckSession, runChecks } from '../main/core/checks/engine.js';
import { generatePair } from './generate.js';

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const row = (name: string, value: string, against: string) => console.log(`${name.padEnd(48)} ${value.padStart(12)}   ${against}`);

/** Plant a few artifacts so the rules have something to find, as in real machine output. */
function withArtifacts(text: string): string {
  const planted = ['this Wednesday (20)', 'from of the', 'in the Brazil', 'Actually,', 'the Egypt is'];
  let i = 0;
  return text
    .split('\n\n')
    .map((p, n) => (n % 3 === 0 ? `${p} ${planted[i++ % planted.length]} said the minister.` : p))
    .join('\n\n');
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

export async function bench(): Promise<void> {
  console.log('\n== checks ==');
  runChecks({ source: 'a', target: 'b', sourceLang: 'pt', targetLang: 'en' }); // compile the packs once

  const book = generatePair(200_000, 0.1);
  const target = withArtifacts(book.baseline);
  let t0 = performance.now();
  const found = runChecks({ source: book.source, target, sourceLang: 'pt', targetLang: 'en' });
  const bookMs = performance.now() - t0;
  row('book, 200,000 words, full check', fmt(bookMs), `${found.length} findings; goal 3,000 ms: ${(bookMs / 3000).toFixed(2)}× of it`);

  const articles = Array.from({ length: 1000 }, (_, i) => generatePair(800, 0.1, 100, i + 1));
  t0 = performance.now();
  let n = 0;
  for (const a of articles) n += runChecks({ source: a.source, target: withArtifacts(a.baseline), sourceLang: 'pt', targetLang: 'en' }).length;
  const folderMs = performance.now() - t0;
  row('1,000 articles × 800 words', fmt(folderMs), `${n} findings; goal 10,000 ms: ${(folderMs / 10000).toFixed(2)}× of it`);

  const article = generatePair(5000, 0.1, 100, 99);
  const keystrokes = (disabled: string[]) => {
    let text = withArtifacts(article.baseline);
    const session = new CheckSession({ sourceLang: 'pt', targetLang: 'en', settings: { disabled } });
    session.update(article.source, text);
    const at = Math.floor(text.length / 2);
    const times: number[] = [];
    // Type a new word in the middle of the article, one character per update.
    for (let k = 0; k < 60; k++) {
      text = text.slice(0, at + k) + 'abcdefgh '[k % 9] + text.slice(at + k);
      t0 = performance.now();
      session.update(article.source, text);
      times.push(performance.now() - t0);
    }
    // The editor stops typing: updates with the same text finish the suggestions left over the budget.
    let settle = 0;
    t0 = performance.now();
    while (session.pending) {
      session.update(article.source, text);
      settle++;
    }
    return { times, text, settle, settleMs: performance.now() - t0 };
  };
  const all = keystrokes([]);
  const noSpelling = keystrokes(['qa.spelling']);
  // The session has computed (and cached) the typed word's suggestions: time the full run likewise warm.
  const s0 = performance.now();
  runChecks({ source: article.source, target: all.text, sourceLang: 'pt', targetLang: 'en' });
  const full = performance.now() - s0;
  for (const [name, { times }] of [['all checks', all], ['without qa.spelling', noSpelling]] as const) {
    row(`keystroke update, 5,000 words, ${name}, median`, fmt(pct(times, 0.5)), `goal 20 ms: ${(pct(times, 0.5) / 20).toFixed(2)}× of it`);
    row(`keystroke update, 5,000 words, ${name}, p95`, fmt(pct(times, 0.95)), `goal 20 ms: ${(pct(times, 0.95) / 20).toFixed(2)}× of it`);
  }
  row('after typing, updates until suggestions complete', `${all.settle}`, `${fmt(all.settleMs)} in all (suggestions computed under a per-update budget)`);
  row('baseline: full runChecks of the same article', fmt(full), `the session's median is ${(full / pct(all.times, 0.5)).toFixed(1)}× faster`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();

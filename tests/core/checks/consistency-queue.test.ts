import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckInputs } from '../../../main/core/checks/input.js';
import { mergeTranslations, packPairs } from '../../../main/core/checks/consistency-context.js';
import { emptyConfig } from '../../../main/core/project/config.js';
import type { PairedArticle } from '../../../main/core/project/pairing.js';

// The consistency context after a save: the save does not wait for the re-alignment, and no check of
// another article sees the old sentences once the save has returned.
const SOURCE = 'O conselho aprovou o plano.\n';
const article = (id: string): PairedArticle => ({ id, sourcePath: `${id}.pt.txt`, targetPath: `${id}.en.txt`, sourceLang: 'pt', targetLang: 'en' });
const A = article('a');
const B = article('b');

let root: string;
let release: (() => void) | null;
let aligning: string[];
let inputs: CheckInputs;

beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-consistency-'));
  for (const id of ['a', 'b']) {
    fs.writeFileSync(join(root, `${id}.pt.txt`), SOURCE);
    fs.writeFileSync(join(root, `${id}.en.txt`), `The council approved the plan (${id}).\n`);
  }
  release = null;
  aligning = [];
  inputs = new CheckInputs({
    root,
    config: () => emptyConfig(),
    articles: () => [A, B],
    ignores: async () => [],
    // A stand-in aligner that the test lets finish: one pair per article, [source, target].
    sentencePairs: async (a, source, target) => {
      aligning.push(a.id);
      if (aligning.length > 2) await new Promise<void>((r) => (release = r));
      return packPairs([[source.trim(), target.trim()]]);
    },
  });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const texts = { source: SOURCE, target: 'x' };
const othersOf = async (a: PairedArticle, waitMs?: number) => {
  const built = await inputs.checkInputFor(a, texts, waitMs === undefined ? {} : { waitMs });
  return built.complete ? mergeTranslations(built.project.context!).get(SOURCE.trim())!.filter((t) => t.articleId !== a.id).map((t) => t.target) : null;
};

describe('the consistency context after a save', () => {
  it('returns from the save at once and gives the new sentences to every later check of another article', async () => {
    expect(await othersOf(A)).toEqual(['The council approved the plan (b).']);
    inputs.articleSaved(B, SOURCE, 'The board passed the plan.\n'); // returns before aligning: it is void
    expect(aligning).toEqual(['a', 'b']);
    // While b is re-aligned, a check of a with a short wait is incomplete, never built on b's old sentence.
    expect(await othersOf(A, 20)).toBeNull();
    const waiting = othersOf(A);
    await new Promise((r) => setTimeout(r, 30));
    expect(release).not.toBeNull();
    release!();
    expect(await waiting).toEqual(['The board passed the plan.']);
    await inputs.settled();
  });

  it('does not make the saved article itself wait (its check never reads its own sentences)', async () => {
    await othersOf(A);
    inputs.articleSaved(B, SOURCE, 'The board passed the plan.\n');
    expect(await othersOf(B, 20)).toEqual(['The council approved the plan (a).']);
    await new Promise((r) => setTimeout(r, 10));
    release?.();
    await inputs.settled();
  });

  it('aligns only the latest of several saves made while one was being aligned', async () => {
    await othersOf(A);
    inputs.articleSaved(B, SOURCE, 'First.\n');
    await new Promise((r) => setTimeout(r, 10));
    inputs.articleSaved(B, SOURCE, 'Second.\n');
    inputs.articleSaved(B, SOURCE, 'Third.\n');
    release!();
    await new Promise((r) => setTimeout(r, 10));
    release?.();
    await inputs.settled();
    expect(await othersOf(A)).toEqual(['Third.']);
    expect(aligning).toEqual(['a', 'b', 'b', 'b']); // the first save's, then the newest; 'Second.' never
  });
});

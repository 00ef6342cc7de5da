/**
 * Cost of a safe save: `saveArticle` of a 1 MB article (the article's lock, the revision check, the
 * identity and contents check before the rename, the review update under its own lock) against the
 * named baseline, a bare atomic write of the same bytes (temp file, fsync, rename).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalqueService } from '../main/core/service.js';
import { writeFileAtomic } from '../main/core/platform/atomic-write.js';

const ROUNDS = 60;

export async function bench(): Promise<void> {
  const root = fs.mkdtempSync(join(tmpdir(), 'calque-bench-saves-'));
  fs.mkdirSync(join(root, '.calque'));
  fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  const paragraph = 'The river rose two meters overnight and the schools closed. '.repeat(20);
  const text = Array.from({ length: 850 }, () => paragraph).join('\n\n'); // about 1 MB
  fs.writeFileSync(join(root, 'a.pt.txt'), text);
  fs.writeFileSync(join(root, 'a.en.txt'), text);
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  let { revision } = await service.getArticle({ id: 'a.txt' });
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) revision = (await service.saveArticle({ id: 'a.txt', text: `${i} ${text}`, expectedRevision: revision })).revision;
  const safe = (performance.now() - t0) / ROUNDS;
  const bytes = Buffer.from(text, 'utf8');
  const t1 = performance.now();
  for (let i = 0; i < ROUNDS; i++) await writeFileAtomic(join(root, 'plain.txt'), bytes);
  const plain = (performance.now() - t1) / ROUNDS;
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`\n== saves ==`);
  console.log(`  saveArticle, 1 MB article (lock, revision and identity checks, review): ${safe.toFixed(1)} ms per save`);
  console.log(`  baseline, bare atomic write of the same bytes: ${plain.toFixed(1)} ms (ratio ${(safe / plain).toFixed(2)}; the rest is the word diff of the stats)`);
}

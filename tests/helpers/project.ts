import * as fs from 'node:fs';
import { dirname, join } from 'node:path';

/** A project folder with the given files (relative path → content). */
export function writeProject(root: string, files: Record<string, string | Buffer>): string {
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const full = join(root, rel);
    fs.mkdirSync(dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

/** pt → en, confirmed in project.json. */
export const PT_EN_PROJECT = {
  '.calque/project.json': JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }),
  'a.pt.txt': 'O gato dorme.\n',
  'a.en.txt': 'The cat sleep.\n',
};

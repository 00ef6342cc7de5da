import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `import 'electron'` outside Electron tries to download the binary, so only the two entry files may
 * import it as a value; every other module takes electron objects as parameters and is unit-tested.
 */
describe('electron imports', () => {
  const folders = ['../../main/electron/', '../../main/preload/'];
  it('only main/electron/index.ts and main/preload/index.ts import electron at runtime', () => {
    const offenders: string[] = [];
    for (const folder of folders) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
        if (name === 'index.ts') continue;
        const src = readFileSync(dir + name, 'utf8');
        const valueImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;
        if (valueImport.test(src)) offenders.push(folder + name);
      }
    }
    expect(offenders).toEqual([]);
  });
});

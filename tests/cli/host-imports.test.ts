import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps hosts from assembling a check's input themselves (DESIGN.md, "The next shape"). */
describe('hosts and the checks', () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);

  it.each(['main/cli/commands/x.ts', 'main/serve/x.ts', 'main/electron/x.ts'])('%s may import the check service but no check internals', async (file) => {
    const up = file.split('/').length - 2;
    const core = `${'../'.repeat(up)}core/checks`;
    expect(await lint(file, `import { CheckService } from '${core}/service.js';\nexport const s = CheckService;\n`)).toEqual([]);
    for (const inner of ['engine', 'input', 'types', 'glossary/index'])
      expect(await lint(file, `import { x } from '${core}/${inner}.js';\nexport const s = x;\n`)).toContain('no-restricted-imports');
  });
});

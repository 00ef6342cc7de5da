import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { startServe } from './served-project';
import { ui, uiPattern } from './locale';

/** Enough articles that checking them all takes a while: the dialog's progress and Cancel are seen. */
const ARTICLES = 300;
const num = (lng: string, n: number) => new Intl.NumberFormat(lng).format(n);

function largeProject(): { tmp: string; root: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'calque-e2e-jobs-'));
  const root = join(tmp, 'large');
  mkdirSync(root);
  const para = 'The river rose in the the city of Recife on Friday, and four people died in the floods.';
  const fonte = 'O rio subiu na cidade do Recife na sexta-feira, e quatro pessoas morreram nas enchentes.';
  for (let i = 0; i < ARTICLES; i++) {
    writeFileSync(join(root, `story${i}.pt.txt`), Array(20).fill(fonte).join('\n\n') + '\n');
    writeFileSync(join(root, `story${i}.en.txt`), Array(20).fill(para).join('\n\n') + '\n');
  }
  return { tmp, root };
}

for (const lng of ['en', 'ar']) {
  test(`problems across a large project: progress out of every article, Cancel stops the count (${lng})`, async ({ page, pageErrors }) => {
    test.setTimeout(180_000);
    const { tmp, root } = largeProject();
    const { child, url } = await startServe(root, ['--from', 'pt', '--to', 'en']);
    try {
      await page.goto(`${url}&lng=${lng}`);
      await page.getByRole('button', { name: ui(lng, 'projectProblems.open') }).click();
      const dialog = page.getByRole('dialog', { name: ui(lng, 'projectProblems.title') });
      const status = dialog.getByRole('status');
      // Progress counts out of every article, in the UI language's numbers.
      await expect(status).toHaveText(uiPattern(lng, 'projectProblems.progress'));
      await expect(status).toContainText(num(lng, ARTICLES));
      await page.screenshot({ path: shot(`project-problems-progress-${lng}`) });
      await dialog.getByRole('button', { name: ui(lng, 'projectProblems.cancel') }).click();
      // The host says it stopped (the job's own 'cancelled' state), short of the whole project.
      await expect(status).toHaveText(uiPattern(lng, 'projectProblems.cancelled'));
      const done = (await status.textContent())!;
      expect(done).not.toContain(ui(lng, 'projectProblems.cancelled', { done: num(lng, ARTICLES), total: num(lng, ARTICLES) }));
      await expect(dialog.getByRole('list', { name: ui(lng, 'projectProblems.title') }).getByRole('listitem')).toHaveCount(0);
      await page.screenshot({ path: shot(`project-problems-cancelled-${lng}`) });
      // Checking again starts a new count.
      await dialog.getByRole('button', { name: ui(lng, 'projectProblems.again') }).click();
      await expect(status).toHaveText(uiPattern(lng, 'projectProblems.progress'));
      await dialog.getByRole('button', { name: ui(lng, 'projectProblems.cancel') }).click();
      await expect(status).toHaveText(uiPattern(lng, 'projectProblems.cancelled'));
      expect(pageErrors).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

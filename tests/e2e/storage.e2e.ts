import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './served-project';
import { ui } from './locale';

const ARTICLE = 'news/flood-recife.txt';
const MERGED = '{\n<<<<<<< HEAD\n  "status": "done",\n=======\n  "status": "in-review",\n>>>>>>> theirs\n  "editingMs": { "s1": 3600000 }\n}\n';

for (const lng of ['en', 'ar']) {
  test(`a review file with git conflict markers is named, kept, and replaced only on request with a backup (${lng})`, async ({ page, served, pageErrors }) => {
    const file = join(served.root, `.calque/reviews/${ARTICLE}.json`);
    mkdirSync(join(served.root, '.calque/reviews/news'), { recursive: true });
    writeFileSync(file, MERGED);
    await served.open(page, lng);
    const row = page.getByRole('row', { name: new RegExp(ARTICLE.replace('.', '\\.')) });
    const note = row.getByRole('note');
    await expect(note).toContainText(ui(lng, 'errors.reviewMergeConflict', { path: `.calque/reviews/${ARTICLE}.json` }));
    await page.screenshot({ path: shot(`${lng}-review-merge-conflict`) });
    // The background count ran and wrote nothing over it.
    await expect(page.getByRole('row').filter({ hasText: 'news/inflacion-madrid.txt' }).locator('.problem-counts')).toBeVisible();
    expect(readFileSync(file, 'utf8')).toBe(MERGED);
    await note.getByRole('button', { name: ui(lng, 'list.resetReview', { name: ARTICLE }) }).click();
    await expect(note).toBeHidden();
    const backups = readdirSync(join(served.root, '.calque/backups/reviews/news'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(served.root, '.calque/backups/reviews/news', backups[0]!), 'utf8')).toBe(MERGED);
    expect(JSON.parse(readFileSync(file, 'utf8')).status).toBe('not-started');
    expect(pageErrors).toEqual([]);
  });
}

for (const lng of ['en', 'fr']) {
  test(`a project.json with git conflict markers is named in the language dialog and kept as a backup when replaced (${lng})`, async ({ page, served, pageErrors }) => {
    const path = join(served.root, '.calque/project.json');
    const merged = `{\n  "formatVersion": 1,\n<<<<<<< HEAD\n  "pairs": [{ "source": "pt-BR", "target": "en" }, { "source": "es", "target": "en" }, { "source": "zh-Hans", "target": "en" }]\n=======\n  "pairs": [{ "source": "es", "target": "en" }]\n>>>>>>> theirs\n}\n`;
    writeFileSync(path, merged);
    await served.open(page, lng);
    const dialog = page.getByRole('dialog', { name: ui(lng, 'languages.title') });
    await expect(dialog.getByRole('alert')).toHaveText(ui(lng, 'errors.projectConfigMergeConflict', { path }));
    await page.screenshot({ path: shot(`${lng}-config-merge-conflict`) });
    expect(readFileSync(path, 'utf8')).toBe(merged);
    await dialog.getByRole('button', { name: ui(lng, 'languages.save') }).click();
    await expect(dialog).toBeHidden();
    const backups = readdirSync(join(served.root, '.calque')).filter((n) => n.startsWith('project.json.broken-'));
    expect(backups.map((b) => readFileSync(join(served.root, '.calque', b), 'utf8'))).toEqual([merged]);
    expect(pageErrors).toEqual([]);
  });
}

import { expect, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';

// After the first check, the page sends each pause's edit, not the whole article (a book is 1.4 MB),
// and what it is told is the same as for the whole text.
for (const lng of ['en', 'ar']) {
  test(`typing sends the checks one edit, and the problems follow it (${lng})`, async ({ page, served }) => {
    const bodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/checkArticle')) bodies.push(r.postData() ?? '');
    });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: ARTICLE }) }).click();
    const problems = page.getByRole('list', { name: ui(lng, 'problems.title') });
    await expect(problems.getByRole('listitem').first()).toBeVisible();
    expect(JSON.parse(bodies[0]!)).toHaveProperty('text');

    const editor = page.getByRole('textbox', { name: uiPattern(lng, 'review.translationEditor') });
    await editor.focus();
    await page.keyboard.press('Control+End');
    const from = bodies.length;
    await page.keyboard.type(' The rescuers rested rested.');
    await expect(problems.getByRole('listitem').filter({ hasText: '“rested rested”' })).toHaveCount(1);
    const sent = bodies.slice(from).map((b) => JSON.parse(b) as { text?: string; edit?: { text: string } });
    expect(sent.length).toBeGreaterThan(0);
    for (const body of sent) {
      expect(body.text).toBeUndefined();
      expect(body.edit!.text.length).toBeLessThan(40);
    }
  });
}

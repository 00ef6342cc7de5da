import { expect, test } from './served-project';
import { ui, uiPattern } from './locale';

const ARTICLE = 'news/flood-recife.txt';

// After the first check, the page sends each pause's edit, not the whole article (a book is 1.4 MB),
// and is answered with the change from the answer it holds (a book's full answer is 6.5 MB); what it
// shows is the same as for the whole text.
for (const lng of ['en', 'ar']) {
  test(`typing sends the checks one edit, and the problems follow it (${lng})`, async ({ page, served }) => {
    const bodies: string[] = [];
    const answers: Promise<{ result: { delta?: unknown; findings?: unknown } }>[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/checkArticleChanges')) bodies.push(r.postData() ?? '');
    });
    page.on('response', (r) => {
      if (r.url().endsWith('/api/checkArticleChanges')) answers.push(r.json() as Promise<{ result: { delta?: unknown } }>);
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
    const answeredBefore = answers.length;
    await page.keyboard.type(' The rescuers rested rested.');
    await expect(problems.getByRole('listitem').filter({ hasText: '“rested rested”' })).toHaveCount(1);
    const sent = bodies.slice(from).map((b) => JSON.parse(b) as { text?: string; edit?: { text: string } });
    expect(sent.length).toBeGreaterThan(0);
    for (const body of sent) {
      expect(body.text).toBeUndefined();
      expect(body.edit!.text.length).toBeLessThan(40);
    }
    // Answered with changes, never the whole list of findings again.
    const answered = await Promise.all(answers.slice(answeredBefore));
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) {
      expect(a.result.delta).toBeTruthy();
      expect(a.result.findings).toBeUndefined();
    }
  });
}

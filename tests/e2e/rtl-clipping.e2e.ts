import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './served-project';
import { ui, uiPattern } from './locale';

// Long paragraphs that wrap over several lines, and a short last one: clipping shows at either end of a line.
const AR = [
  'وافق المجلس البلدي يوم الاثنين على الميزانية الجديدة للمدينة بعد نقاش طويل استمر حتى ساعة متأخرة من الليل، وشمل بنودا للتعليم والصحة والنقل العام وصيانة الطرق في الأحياء الشمالية والجنوبية على حد سواء.',
  'وقال رئيس المجلس إن الميزانية تتضمن أموالا إضافية للمدارس الابتدائية، وإن العمل على ترميم المكتبة العامة سيبدأ في الربيع المقبل إذا سمحت الظروف بذلك.',
  'وانتهى الاجتماع بالتصويت.',
];
const HE = [
  'מועצת העירייה אישרה ביום שני את התקציב החדש של העיר לאחר דיון ארוך שנמשך עד שעה מאוחרת בלילה, וכלל סעיפים לחינוך, לבריאות, לתחבורה הציבורית ולתחזוקת הכבישים בשכונות הצפוניות והדרומיות כאחד.',
  'ראש המועצה אמר כי התקציב כולל כספים נוספים לבתי הספר היסודיים, וכי העבודה על שיקום הספרייה הציבורית תתחיל באביב הבא אם התנאים יאפשרו זאת.',
  'הישיבה הסתיימה בהצבעה.',
];
/** Each right-to-left script: its paragraphs, the first line's opening words and a long sentence typed at the end. */
const SCRIPTS = [
  { lang: 'ar', name: 'Arabic', paras: AR, opening: 'وافق المجلس', typed: ' وصوّت الأعضاء بالإجماع على القرار النهائي الذي سيُنشر في الجريدة الرسمية الأسبوع المقبل.', typedWord: 'الأسبوع' },
  { lang: 'he', name: 'Hebrew', paras: HE, opening: 'מועצת העירייה', typed: ' חברי המועצה הצביעו פה אחד בעד ההחלטה הסופית, שתפורסם ברשומות בשבוע הבא.', typedWord: 'ברשומות' },
];
const EN = [
  'The city council approved the new city budget on Monday after a long debate that lasted until late at night, covering education, health, public transport and road maintenance in the northern and southern districts alike.',
  'The council president said the budget includes extra funds for primary schools, and that work to restore the public library will begin next spring if conditions allow.',
  'The meeting ended with a vote.',
];

/** Where each line's glyphs are, against the visible text area of the pane (its scrollbars left out). */
async function glyphsOutside(page: Page, pane: string, lineSelector: string) {
  return page.evaluate(
    ({ pane, lineSelector }) => {
      const host = document.querySelector(pane)!;
      const area = (host.querySelector('.monaco-editor .overflow-guard') ?? host).getBoundingClientRect();
      const scrollbar = host.querySelector('.monaco-editor .scrollbar.vertical')?.getBoundingClientRect().width ?? 0;
      const out: { line: string; left: number; right: number; areaLeft: number; areaRight: number }[] = [];
      for (const line of host.querySelectorAll<HTMLElement>(lineSelector)) {
        const range = document.createRange();
        range.selectNodeContents(line);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (!rects.length) continue;
        const left = Math.min(...rects.map((r) => r.left));
        const right = Math.max(...rects.map((r) => r.right));
        // Monaco's vertical scrollbar sits inside the guard, at its right: glyphs under it are hidden too.
        const areaLeft = area.left;
        const areaRight = area.right - scrollbar;
        if (left < areaLeft - 0.5 || right > areaRight + 0.5) out.push({ line: line.textContent!.slice(0, 30), left, right, areaLeft, areaRight });
      }
      return out;
    },
    { pane, lineSelector },
  );
}

for (const [script, lng] of SCRIPTS.flatMap((sc) => ['ar', 'en'].map((l) => [sc, l] as const))) {
  test(`${script.name} text is never clipped at the pane's edge: every glyph of every line is inside the pane (${lng} UI)`, async ({ page, served, pageErrors }) => {
    mkdirSync(join(served.root, 'world'), { recursive: true });
    writeFileSync(join(served.root, 'world/council.en.txt'), EN.join('\n\n') + '\n');
    writeFileSync(join(served.root, `world/council.${script.lang}.txt`), script.paras.join('\n\n') + '\n');
    const configPath = join(served.root, '.calque/project.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { pairs: { source: string; target: string }[] };
    config.pairs.push({ source: 'en', target: script.lang });
    writeFileSync(configPath, JSON.stringify(config));

    await page.setViewportSize({ width: 1280, height: 800 });
    await served.open(page, lng);
    await page.getByRole('button', { name: ui(lng, 'list.open', { name: 'world/council.txt' }) }).click();
    const lines = page.locator('.editor-pane .view-line');
    await expect(lines.first()).toContainText(script.opening);
    await expect(lines.first()).toHaveAttribute('dir', 'rtl');
    await expect.poll(() => lines.count()).toBeGreaterThan(6); // the long paragraphs wrap
    await page.screenshot({ path: shot(`rtl-clipping-${script.lang}-${lng}`) });
    expect(await glyphsOutside(page, '.editor-pane', '.view-line')).toEqual([]);

    // Typing at the end of the short last line: the caret's side stays in view too.
    await page.getByRole('textbox', { name: uiPattern(lng, 'review.translationEditor') }).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(script.typed);
    await expect(lines.last()).toContainText(script.typedWord);
    expect(await glyphsOutside(page, '.editor-pane', '.view-line')).toEqual([]);

    // The Changes mode's diff editor shows the same text in two panes.
    await page.getByRole('button', { name: ui(lng, 'review.changesMode'), exact: true }).click();
    await expect(page.locator('.diff-pane .monaco-diff-editor')).toBeVisible();
    await page.screenshot({ path: shot(`rtl-clipping-changes-${script.lang}-${lng}`) });
    for (const side of ['.diff-pane .monaco-diff-editor .editor.original', '.diff-pane .monaco-diff-editor .editor.modified']) {
      expect(await glyphsOutside(page, side, '.view-line')).toEqual([]);
    }
    // The measure does see a clip: the same lines pushed 40 px past the pane's right edge are reported.
    await page.addStyleTag({ content: '.diff-pane .monaco-diff-editor .editor.modified .view-lines { translate: 40px 0; }' });
    expect((await glyphsOutside(page, '.diff-pane .monaco-diff-editor .editor.modified', '.view-line')).length).toBeGreaterThan(3);
    expect(pageErrors).toEqual([]);
  });
}

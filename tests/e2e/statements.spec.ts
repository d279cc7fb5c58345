/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sharedData, test } from './fixtures';

const SEED = path.join(sharedData, 'seed/000_2c03e237f77aa444.txt');
// Other articles with many statements around the reference one: the first three PolNeAR texts.
const POLNEAR_DIR = path.join(sharedData, 'polnear/train/text');
const POLNEAR = fs.readdirSync(POLNEAR_DIR).sort().slice(0, 3).map((f) => path.join(POLNEAR_DIR, f));

async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Choose files to import').setInputFiles(files);
  const results = page.getByRole('list', { name: 'Import results' });
  for (const f of files) {
    await expect(results.getByRole('listitem').filter({ hasText: path.basename(f) })).toContainText('Imported', { timeout: 60_000 });
  }
}

const found = (page: Page) => page.getByRole('list', { name: 'Statements found' });

/** Opens the statements tab and finds statements by a speaker typed (not picked) in the box. */
async function findBySpeaker(page: Page, typed: string): Promise<void> {
  await page.getByRole('tab', { name: 'Statements' }).click();
  const box = page.getByRole('combobox', { name: 'Speaker', exact: true });
  await box.fill(typed);
  await page.getByRole('button', { name: 'Find statements' }).click();
}

test('typing "borrel" finds Borrell’s two statements; a verification survives re-extraction', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [SEED, ...POLNEAR]);

  // The autocomplete offers the registry's canonical name for a misspelt prefix.
  await page.getByRole('tab', { name: 'Statements' }).click();
  const box = page.getByRole('combobox', { name: 'Speaker', exact: true });
  await box.fill('borrel');
  await expect(page.getByRole('listbox', { name: 'Speaker suggestions' }).getByRole('option').first()).toContainText('Josep Borrell');

  await page.getByRole('button', { name: 'Find statements' }).click();
  const list = found(page);
  await expect(page.locator('.statements .count')).toHaveText('2 statements');
  const items = list.getByRole('article', { name: 'Statement by Josep Borrell' });
  await expect(items).toHaveCount(2);
  await expect(list).toContainText('Experience shows that when Russians come, it is difficult for them to leave');
  await expect(list).toContainText('High Representative');
  await expect(list).toContainText('(as “Borrel”)');

  // Verify the direct quote.
  const direct = items.filter({ hasText: 'Experience shows' });
  await direct.getByRole('button', { name: 'Verify the statement by Josep Borrell' }).click();
  await expect(direct).toContainText('verified');

  // Re-run extraction over the archive: the verification is still there.
  await page.getByRole('button', { name: 'Re-run extraction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Extraction ran again' })).toBeVisible({ timeout: 30_000 });
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Experience shows' })).toContainText('verified');
  await expect(items.filter({ hasText: 'may linger' })).toContainText('unchecked');

  // Cyrillic finds the same person.
  await findBySpeaker(page, 'Боррель');
  await expect(found(page).getByRole('article', { name: 'Statement by Josep Borrell' })).toHaveCount(2);
});

test('the reader marks statements by speaker; an analyst changes a speaker and marks a new statement', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [SEED]);
  await findBySpeaker(page, 'Ned Price');
  const items = found(page).getByRole('article', { name: 'Statement by Ned Price' });
  await expect(items).toHaveCount(2);

  // Open the article at the direct quote: the reader underlines every statement in its speaker's colour.
  await items.filter({ hasText: 'They should leave Kazakhstan' }).getByRole('button', { name: 'Open the article at the statement by Ned Price' }).click();
  const reader = page.getByRole('article', { name: 'Article reader' });
  const text = reader.getByLabel('Article text');
  await expect(text.locator('.stmt.current-statement')).toContainText('They should leave Kazakhstan');
  const key = reader.getByRole('list', { name: 'Speakers' });
  await expect(key).toContainText('Ned Price (2)');
  await expect(key).toContainText('Josep Borrell (2)');
  await expect(key).toContainText('Antony Blinken (2)');
  // Three speakers, three colours.
  const colours = await text.locator('.stmt').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).textDecorationColor))]);
  expect(colours).toHaveLength(3);

  // Change the speaker of one statement by picking a suggestion with the keyboard.
  const statements = reader.getByRole('region', { name: 'Statements in this article' });
  const blinken = statements.getByRole('article', { name: 'Statement by Antony Blinken' }).filter({ hasText: 'outside help' });
  await blinken.getByRole('button', { name: 'Change the speaker of the statement by Antony Blinken' }).click();
  const newSpeaker = statements.getByRole('combobox', { name: 'New speaker' });
  await newSpeaker.fill('Ned Pr');
  await expect(statements.getByRole('listbox', { name: 'New speaker suggestions' }).getByRole('option').first()).toContainText('Ned Price');
  await newSpeaker.press('ArrowDown');
  await newSpeaker.press('Enter');
  await statements.getByRole('button', { name: 'Set speaker' }).click();
  await expect(statements.getByRole('article', { name: 'Statement by Ned Price' }).filter({ hasText: 'outside help' })).toContainText('speaker set by analyst');

  // Mark a sentence the extractor did not take as a statement, from a selection in the text.
  const sentence = 'answering a question about the events in Kazakhstan';
  const selected = await text.evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(words);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + words.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return true;
      }
    }
    return false;
  }, sentence);
  expect(selected).toBe(true);
  const form = reader.getByRole('form', { name: 'Mark a statement' });
  await expect(form).toContainText(`Selected: “${sentence}”`);
  await form.getByRole('combobox', { name: 'Speaker of the selection' }).fill('Josep Borrell');
  await form.getByRole('combobox', { name: 'Kind of statement' }).selectOption('indirect');
  await form.getByRole('button', { name: 'Mark as statement' }).click();
  const marked = statements.getByRole('article', { name: 'Statement by Josep Borrell' }).filter({ hasText: sentence });
  await expect(marked).toContainText('marked by an analyst');
  await expect(text.locator('.stmt').filter({ hasText: sentence })).toHaveCount(1);
});

test('an analyst corrects people: another name, a merge of a duplicate, and splitting it off again', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [SEED]);
  // A statement attributed by hand to "N. Price", a person the registry does not know.
  await findBySpeaker(page, 'Antony Blinken');
  const blinken = found(page).getByRole('article', { name: 'Statement by Antony Blinken' }).filter({ hasText: 'outside help' });
  await blinken.getByRole('button', { name: 'Change the speaker of the statement by Antony Blinken' }).click();
  await found(page).getByRole('combobox', { name: 'New speaker' }).fill('N. Price');
  await found(page).getByRole('button', { name: 'Set speaker' }).click();
  await expect(found(page).getByRole('article', { name: 'Statement by N. Price' })).toContainText('speaker set by analyst');

  // Ned Price's card: his role, and the corrections.
  await findBySpeaker(page, 'Ned Price');
  const card = page.getByRole('region', { name: 'About Ned Price' });
  await expect(card.getByRole('list', { name: 'Roles' })).toContainText('Spokesperson for the United States Department of State');
  await expect(page.locator('.statements .count')).toHaveText('2 statements');
  await card.getByText('Correct this person').click();

  // Another name: his statements are then found by it.
  await card.getByRole('textbox', { name: 'Another name or spelling' }).fill('Эдвард Прайс');
  await card.getByRole('button', { name: 'Add name' }).click();
  await expect(card).toContainText('Эдвард Прайс');

  // Merge the duplicate in: its statement is his now.
  const mergeBox = card.getByRole('combobox', { name: 'Person to merge in' });
  await mergeBox.fill('N. Pri');
  await card.getByRole('listbox', { name: 'Person to merge in suggestions' }).getByRole('option', { name: /N\. Price/ }).click();
  await card.getByRole('button', { name: 'Merge into Ned Price' }).click();
  await expect(page.locator('.statements .count')).toHaveText('3 statements');
  await findBySpeaker(page, 'Эдвард Прайс');
  await expect(page.locator('.statements .count')).toHaveText('3 statements');

  // A wrong merge is split off again.
  const again = page.getByRole('region', { name: 'About Ned Price' });
  await again.getByRole('button', { name: 'Split N. Price off' }).click();
  await expect(page.locator('.statements .count')).toHaveText('2 statements');

  // Every control of the statements view, its person card and suggestions has a name.
  await again.getByText('Correct this person').click();
  const controls = page.locator('.middle').locator('button, input, select, textarea, summary, [role="button"], [role="option"]');
  expect(await controls.count()).toBeGreaterThan(15);
  for (let i = 0; i < (await controls.count()); i++) {
    if (await controls.nth(i).isVisible()) await expect(controls.nth(i)).toHaveAccessibleName(/\S/);
  }
  // The tabs work from the keyboard.
  await page.getByRole('tab', { name: 'Statements' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Articles' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Articles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toBeVisible();
});

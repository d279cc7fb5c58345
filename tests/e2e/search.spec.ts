/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sharedData, test } from './fixtures';

const REUTERS_000 = path.join(sharedData, 'reuters21578/reut2-000.sgm');
const REUTERS_001 = path.join(sharedData, 'reuters21578/reut2-001.sgm');
const SEED = path.join(sharedData, 'seed/000_2c03e237f77aa444.txt');
const SEED_TITLE = "The State Department calls on the CSTO forces to leave Kazakhstan when the country's authorities ask for it";
const RUSSIAN = ['book_506', 'book_290', 'book_253', 'book_58'].map((b) => path.join(sharedData, `russian-text/factRuEval-2016/devset/${b}.txt`));

/** Imports files through the browser-mode file picker and waits until each is reported imported. */
async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Choose files to import').setInputFiles(files);
  const results = page.getByRole('list', { name: 'Import results' });
  for (const f of files) {
    await expect(results.getByRole('listitem').filter({ hasText: path.basename(f) })).toContainText('Imported', { timeout: 60_000 });
  }
}

/** Types a query and submits it with Enter. */
async function searchFor(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill(query);
  await box.press('Enter');
  if (query) await expect(countLine(page)).toContainText(`“${query}”`);
  // The page comes first; the story count follows it.
  await expect(countLine(page)).not.toContainText('counting stories');
}

const countLine = (page: Page) => page.locator('.search .count');
const hitList = (page: Page) => page.getByRole('list', { name: 'Search results' });

/** Stories and articles the count line reports ("19 stories (20 articles) match “…”"). */
async function counts(page: Page): Promise<{ stories: number; articles: number }> {
  await expect(countLine(page)).not.toContainText('counting stories');
  const text = await countLine(page).innerText();
  const m = /^([\d,]+) (?:stories|story|articles|article)(?: \(([\d,]+) articles?\))? match/.exec(text);
  if (!m) throw new Error(`unexpected count line: ${text}`);
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return { stories: n(m[1]!), articles: n(m[2] ?? m[1]!) };
}

/** A facet button's value count, read from its accessible name ("Narrow to source: Reuters (1,000)"). */
async function facetCount(page: Page, name: RegExp): Promise<{ label: string; count: number }> {
  const button = page.getByRole('region', { name: 'Narrow the results' }).getByRole('button', { name });
  const label = (await button.getAttribute('aria-label'))!;
  return { label, count: Number(/\(([\d,]+)\)$/.exec(label)![1]!.replace(/,/g, '')) };
}

/** The dates (YYYY-MM-DD) of the hits on screen, in order. */
async function hitDays(page: Page, listName = 'Search results'): Promise<string[]> {
  const times = page.getByRole('list', { name: listName }).locator('time');
  return (await times.evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''))).map((d) => d.slice(0, 10));
}

test('a field and date query shows hits and facet counts; facets narrow the query', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  // No query: the whole archive with its facets, newest first.
  await expect(countLine(page)).toContainText('1,000 articles in the archive (969 stories), newest first');
  const facets = page.getByRole('region', { name: 'Narrow the results' });
  await expect(facets.getByRole('group', { name: 'Month' }).getByRole('button', { name: 'Narrow to month: 1987-03 (771)' })).toBeVisible();

  await searchFor(page, 'title:oil date:1987-03');
  const before = await counts(page);
  expect(before.articles).toBeGreaterThan(5);
  await expect(hitList(page).getByRole('listitem')).toHaveCount(before.stories);
  // Every hit is from March 1987 and has "oil" marked in its title.
  for (const day of await hitDays(page)) expect(day).toMatch(/^1987-03-/);
  const titles = hitList(page).locator('.title');
  for (let i = 0; i < (await titles.count()); i++) await expect(titles.nth(i).locator('mark').first()).toHaveText(/^oils?$/i); // stemmed: OIL, OILS
  await expect(countLine(page)).toContainText(/ms$/);
  // The facets count the same articles.
  expect((await facetCount(page, /^Narrow to year: 1987 /)).count).toBe(before.articles);
  expect((await facetCount(page, /^Narrow to month: 1987-03 /)).count).toBe(before.articles);

  // Language: fewer articles; the clause is added to the query text, and the count is the facet's.
  const en = await facetCount(page, /^Narrow to language: en /);
  expect(en.count).toBeLessThan(before.articles);
  await facets.getByRole('button', { name: en.label }).click();
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await expect(box).toHaveValue('title:oil date:1987-03 lang:en');
  await expect(countLine(page)).toContainText('“title:oil date:1987-03 lang:en”');
  expect((await counts(page)).articles).toBe(en.count);

  // Source: every article here is Reuters, so the count stays the facet's.
  const reuters = await facetCount(page, /^Narrow to source: Reuters /);
  expect(reuters.count).toBe(en.count);
  await facets.getByRole('group', { name: 'Source' }).getByRole('button', { name: reuters.label }).click();
  await expect(box).toHaveValue('title:oil date:1987-03 lang:en source:"Reuters"');
  await expect(countLine(page)).toContainText('source:"Reuters"”');
  expect((await counts(page)).articles).toBe(reuters.count);

  // The narrowing is text the analyst can edit: taking the language out widens the search again.
  await searchFor(page, 'title:oil date:1987-03 source:"Reuters"');
  expect((await counts(page)).articles).toBe(before.articles);
});

test('a query that cannot be read says why and where, and keeps the previous results', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [SEED]);
  await searchFor(page, 'Borrel');
  await expect(hitList(page).getByRole('listitem')).toHaveCount(1);

  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill('Borrel "unclosed');
  await box.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Unclosed quote');
  await expect(alert).toContainText('column 8');
  await expect(alert).toContainText('The results below are still those of “Borrel”');
  // The earlier results stay, still named by their query; the box keeps the text to fix.
  await expect(hitList(page).getByRole('listitem')).toHaveCount(1);
  await expect(countLine(page)).toContainText('matches “Borrel”');
  await expect(box).toHaveValue('Borrel "unclosed');

  await box.fill('Borrel "Kazakhstan"');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(countLine(page)).toContainText('“Borrel "Kazakhstan"”');
});

test('a saved search shows how many new articles match it after an import, until it is opened', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  await searchFor(page, 'cocoa');
  const first = await counts(page);

  await page.getByRole('button', { name: 'Save this search' }).click();
  const form = page.getByRole('form', { name: 'Save the search' });
  await form.getByLabel('Name of the saved search').fill('Cocoa watch');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toHaveCount(0);
  const saved = page.getByRole('region', { name: 'Saved searches' });
  const item = saved.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Cocoa watch', exact: true }) });
  await expect(item).toContainText('cocoa');
  await expect(item).not.toContainText('new');

  // Another file with cocoa stories: the saved search counts them as new.
  await importFiles(page, [REUTERS_001]);
  await searchFor(page, 'cocoa');
  const added = (await counts(page)).articles - first.articles;
  expect(added).toBeGreaterThan(0);
  await expect(item.locator('.badge')).toHaveText(`${added} new`);

  // Opening it runs it and starts its count again: the badge is gone on the next refresh.
  await searchFor(page, 'oil');
  await saved.getByRole('button', { name: 'Cocoa watch', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toHaveValue('cocoa');
  await expect(countLine(page)).toContainText('match “cocoa”');
  await expect(page.getByText(`Saved search “Cocoa watch”: ${added} new article`)).toBeVisible();
  await expect(item.locator('.badge')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'Cocoa watch', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saved searches' }).locator('.badge')).toHaveCount(0);

  // Deleting it takes it off the list.
  await page.getByRole('button', { name: 'Delete saved search Cocoa watch' }).click();
  await expect(page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'Cocoa watch', exact: true })).toHaveCount(0);
});

test('recent searches list the latest query first and run it again', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  await searchFor(page, 'cocoa');
  const cocoa = await counts(page);
  await searchFor(page, 'coffee OR tea');
  const recent = page.getByRole('region', { name: 'Recent searches' });
  await expect(recent.getByRole('button').first()).toHaveText('coffee OR tea');
  await expect(recent.getByRole('button').nth(1)).toHaveText('cocoa');
  await expect(recent.getByRole('listitem').nth(1)).toContainText(`${cocoa.stories} hits`);

  await recent.getByRole('button', { name: 'cocoa', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toHaveValue('cocoa');
  await expect(countLine(page)).toContainText('match “cocoa”');
  expect(await counts(page)).toEqual(cocoa);
  await expect(recent.getByRole('button').first()).toHaveText('cocoa');
});

test('the reader marks every match of the search and steps through them', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, RUSSIAN);
  await expect(page.getByRole('button', { name: /^Narrow to language: ru \(4\)$/ })).toBeVisible();
  // Russian word forms: "Россия" finds "России", "Россию"...
  await searchFor(page, 'Россия');
  await hitList(page).getByRole('button').first().click();
  const reader = page.getByRole('article', { name: 'Article reader' });
  const status = reader.getByRole('status').filter({ hasText: /^Match \d+ of \d+$/ });
  await expect(status).toHaveText(/^Match 1 of \d+$/);
  const total = Number(/of (\d+)/.exec((await status.textContent())!)![1]);
  expect(total).toBeGreaterThanOrEqual(3);
  await expect(reader.locator('mark')).toHaveCount(total);
  for (const t of await reader.locator('mark').allTextContents()) expect(t).toMatch(/^Росси/);

  const current = reader.locator('mark.current');
  await expect(current).toHaveCount(1);
  const firstMatch = await current.getAttribute('data-match');
  await reader.getByRole('button', { name: 'Next match' }).click();
  await expect(status).toHaveText(`Match 2 of ${total}`);
  await expect(current).toHaveCount(1);
  expect(await current.getAttribute('data-match')).not.toBe(firstMatch);
  await expect(current).toBeInViewport();

  // Keys n and p, when the focus is not in a text field.
  await page.keyboard.press('n');
  await expect(status).toHaveText(`Match 3 of ${total}`);
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(status).toHaveText(`Match 1 of ${total}`);
  expect(await current.getAttribute('data-match')).toBe(firstMatch);
  // Typing n in the search box types it.
  await page.getByRole('searchbox', { name: 'Search the archive' }).press('n');
  await expect(status).toHaveText(`Match 1 of ${total}`);
  await reader.getByRole('button', { name: 'Previous match' }).click();
  await expect(status).toHaveText(`Match ${total} of ${total}`);

  // Opened without a query (the archive list), the reader has no match navigation.
  await searchFor(page, '');
  await page.getByRole('list', { name: 'Recent articles' }).getByRole('button').first().click();
  await expect(reader.getByRole('heading').first()).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Next match' })).toHaveCount(0);
  await expect(reader.locator('mark')).toHaveCount(0);
});

test('sorting: newest first and oldest first order the dates shown', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  await searchFor(page, 'oil');
  const sort = page.getByRole('combobox', { name: 'Sort results' });
  const recentFirst = page.getByRole('checkbox', { name: 'Recent first' });
  await expect(recentFirst).toBeEnabled();

  await sort.selectOption({ label: 'Newest first' });
  await expect(recentFirst).toBeDisabled();
  await expect
    .poll(async () => {
      const days = await hitDays(page);
      return days.length > 10 && days.every((d, i) => i === 0 || d <= days[i - 1]!) && days[0]! > days[days.length - 1]!;
    })
    .toBe(true);

  await sort.selectOption({ label: 'Oldest first' });
  await expect
    .poll(async () => {
      const days = await hitDays(page);
      return days.length > 10 && days.every((d, i) => i === 0 || d >= days[i - 1]!) && days[0]! < days[days.length - 1]!;
    })
    .toBe(true);
});

test('copies of a story fold under one hit with a badge, and unfold on demand', async ({ page, workbench }) => {
  const copy = path.join(workbench.dataDir, 'syndicated-copy.txt');
  fs.writeFileSync(
    copy,
    fs.readFileSync(SEED, 'utf8').replace(SEED_TITLE, 'US urges CSTO troops to quit Kazakhstan once asked').replace('at a briefing', 'at a regular briefing'),
  );
  await page.goto(workbench.url);
  await importFiles(page, [SEED]);
  await importFiles(page, [copy]);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('1 copies of known stories');

  await searchFor(page, 'Borrel');
  await expect(countLine(page)).toContainText('1 story (2 articles) matches “Borrel”');
  await expect(hitList(page).getByRole('listitem')).toHaveCount(1);
  const badge = hitList(page).getByRole('img', { name: '1 more copy of this story' });
  await expect(badge).toHaveText('+1 copy');

  await page.getByRole('checkbox', { name: 'Fold copies' }).uncheck();
  await expect(countLine(page)).toContainText('2 articles match “Borrel”');
  await expect(hitList(page).getByRole('listitem')).toHaveCount(2);
  await expect(hitList(page).locator('.badge.copies')).toHaveCount(0);
});

test('"Show more results" loads the next page and moves the focus to it', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  const list = page.getByRole('list', { name: 'Recent articles' });
  await expect(list.getByRole('listitem')).toHaveCount(50);
  await expect(page.getByText('50 of 969 shown')).toBeVisible();
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(100);
  await expect(list.getByRole('button').nth(50)).toBeFocused();
  // The next page continues the newest-first order.
  const days = await hitDays(page, 'Recent articles');
  expect(days.every((d, i) => i === 0 || d <= days[i - 1]!)).toBe(true);
});

test('the search workflow runs from the keyboard and every new control has a name', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await importFiles(page, [REUTERS_000]);
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.focus();
  await page.keyboard.type('cocoa');
  await page.keyboard.press('Enter');
  await expect(countLine(page)).toContainText('match “cocoa”');
  // Arrow Down goes from the box to the hits, and between them.
  await page.keyboard.press('ArrowDown');
  await expect(hitList(page).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hitList(page).getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Article reader' }).getByRole('status').filter({ hasText: /^Match 1 of/ })).toBeVisible();

  // Saving from the keyboard: the form opens with the query as the name; Escape closes it.
  await page.getByRole('button', { name: 'Save this search' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name of the saved search')).toBeFocused();
  await expect(page.getByLabel('Name of the saved search')).toHaveValue('cocoa');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Save this search' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'cocoa', exact: true })).toBeVisible();

  const controls = page.locator('button, input, select, textarea, [role="button"], progress');
  const count = await controls.count();
  for (let i = 0; i < count; i++) await expect(controls.nth(i)).toHaveAccessibleName(/\S/);
});

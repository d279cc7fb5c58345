/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { expect, sharedData, test } from './fixtures';

const SEED = path.join(sharedData, 'seed/000_2c03e237f77aa444.txt');
const TITLE = "The State Department calls on the CSTO forces to leave Kazakhstan when the country's authorities ask for it";

/**
 * The article's paragraphs, read from the page itself: every paragraph from the one the seed
 * README names first to the one it names last. (The issue speaks of six; the page has five
 * paragraphs between those two, and the body must be exactly what the page holds.)
 */
function expectedParagraphs(): string[] {
  const lines = fs.readFileSync(SEED, 'utf8').split('\n').map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith('Washington. January 10th. INTERFAX - The US authorities'));
  const last = lines.findIndex((l) => l.endsWith('difficult to get her to leave."'));
  return lines.slice(first, last + 1).filter(Boolean);
}

test('imports the reference page, finds it by "Borrel" and reads only the article', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByLabel('Choose files to import').setInputFiles(SEED);
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Imported');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1');

  await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Borrel');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hits = page.getByRole('list', { name: 'Search results' });
  await expect(hits.getByRole('listitem')).toHaveCount(1);
  await expect(hits.locator('mark').first()).toHaveText('Borrel');
  await hits.getByRole('button', { name: `Open ${TITLE}` }).click();

  const reader = page.getByRole('article', { name: 'Article reader' });
  await expect(reader.getByRole('heading', { name: TITLE })).toBeVisible();
  const paragraphs = reader.getByLabel('Article text').locator('p');
  const expected = expectedParagraphs();
  expect(expected).toHaveLength(5);
  await expect(paragraphs).toHaveText(expected);
  const text = await reader.getByLabel('Article text').innerText();
  for (const chrome of ['Войти', 'The rights to this material', 'ПОДПИСКА НА НОВОСТИ', '13.11 12:30', 'Компании', 'Image source']) {
    expect(text).not.toContain(chrome);
  }
  // Date provenance: inferred from the weekday, with its bounds.
  await expect(reader).toContainText('2022-01-10');
  await expect(reader).toContainText('inferred');
  await expect(reader.getByRole('list', { name: 'Date evidence' })).toContainText('Monday');
  await expect(reader).toContainText('Фото: РИА Новости/Министерство обороны РФ');

  // The original page is there on demand, chrome and all.
  await reader.getByRole('button', { name: 'Show original page' }).click();
  await expect(reader.getByLabel('Original page')).toContainText('ПОДПИСКА НА НОВОСТИ');
});

test('importing the same page twice reports a duplicate and stores one article', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByLabel('Outlet these files come from (optional)').fill('VPK.name');
  const picker = page.getByLabel('Choose files to import');
  await picker.setInputFiles(SEED);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Imported');
  await picker.setInputFiles(SEED);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Duplicate');
  await expect(page.getByText('1 article in the archive')).toBeVisible();
  // The outlet typed before the import is the article's source.
  await page.getByRole('button', { name: `Open ${TITLE}` }).click();
  await expect(page.getByRole('article', { name: 'Article reader' })).toContainText('SourceVPK.name');
});

test('a bad file among good ones gets its reason and the rest import', async ({ page, workbench }) => {
  const empty = path.join(workbench.dataDir, 'empty.txt');
  fs.writeFileSync(empty, '');
  const png = path.join(workbench.dataDir, 'picture.txt');
  fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await page.goto(workbench.url);
  await page.getByLabel('Choose files to import').setInputFiles([empty, png, SEED]);
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expect(results.getByRole('listitem').filter({ hasText: 'empty.txt' })).toContainText('Error empty.txt: the file is empty');
  await expect(results.getByRole('listitem').filter({ hasText: 'picture.txt' })).toContainText('PNG image');
  await expect(results.getByRole('listitem').filter({ hasText: '000_2c03e237f77aa444.txt' })).toContainText('Imported');
});

test('a page dropped on the drop zone is imported', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const content = fs.readFileSync(SEED).toString('base64');
  const dataTransfer = await page.evaluateHandle((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped-page.txt', { type: 'text/plain' }));
    return dt;
  }, content);
  await page.getByRole('region', { name: 'Drop files here to import' }).dispatchEvent('drop', { dataTransfer });
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText('Imported dropped-page.txt');
  await expect(page.getByRole('list', { name: 'Recent articles' }).getByRole('button', { name: `Open ${TITLE}` })).toBeVisible();
});

test('a chosen folder is imported file by file with progress; files of no supported format are skipped', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByLabel('Choose a folder to import').setInputFiles(path.join(sharedData, 'scraped-text'));
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(page.getByText('Done: 30 of 30 files')).toBeVisible({ timeout: 30_000 });
  // 28 scraped pages and the folder's gold JSON (read as an export of 28 records); README.md skipped.
  await expect(results.getByRole('listitem').filter({ hasText: /^Imported .*\.txt/ })).toHaveCount(28);
  await expect(results.getByRole('listitem').filter({ hasText: 'ground-truth.json' })).toContainText('28 articles (json)');
  await expect(results.getByRole('listitem').filter({ hasText: /^Skipped/ })).toHaveCount(1);
  await expect(results.getByRole('listitem').filter({ hasText: 'README.md' })).toContainText('Skipped');
  await expect(page.getByText('56 articles in the archive')).toBeVisible();
});

test('every control has an accessible name and the workflow runs from the keyboard', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await page.getByLabel('Choose files to import').setInputFiles(SEED);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Imported');
  // Keyboard only: type a query, Enter, Arrow Down to the first hit (the search options and
  // facets sit between the box and the hits in Tab order), Enter opens it.
  await page.getByRole('searchbox', { name: 'Search the archive' }).focus();
  await page.keyboard.type('kazakstan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: `Open ${TITLE}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Article reader' }).getByRole('heading', { name: TITLE })).toBeVisible();

  const controls = page.locator('button, input, select, textarea, [role="button"], progress');
  const count = await controls.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) await expect(controls.nth(i)).toHaveAccessibleName(/\S/);
});

test('a folder of mixed formats: progress to the end, the import log, one article of each format', async ({ page, workbench }) => {
  const { zipSync, strToU8 } = await import('fflate');
  const folder = path.join(workbench.dataDir, 'mixed');
  fs.mkdirSync(folder);
  const data = (p: string) => path.join(sharedData, p);
  fs.copyFileSync(SEED, path.join(folder, 'interfax.txt'));
  fs.copyFileSync(data('article-extraction-benchmark/html/e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090.html'), path.join(folder, 'berlin.html'));
  fs.copyFileSync(data('rss-feeds/feeds/node-feedparser__rss2sample.xml'), path.join(folder, 'liftoff.xml'));
  fs.copyFileSync(data('reuters21578/reut2-000.sgm'), path.join(folder, 'reut2-000.sgm'));
  fs.writeFileSync(
    path.join(folder, 'export.csv'),
    'Headline,Text,PubDate,Outlet\n"Zambezi floods cut power","Floods on the Zambezi cut power to Lusaka, the utility said on Friday, and repairs may take a week.",2022-03-04,Daily Mail\n',
  );
  fs.writeFileSync(
    path.join(folder, 'bundle.zip'),
    zipSync({ 'inner/note.json': strToU8(JSON.stringify([{ title: 'Quarry strike ends in Vorkuta', body: 'Miners at the Vorkuta quarry returned to work on Tuesday after a nine-day strike over pay, the union said.' }])) }),
  );

  await page.goto(workbench.url);
  await page.getByLabel('Choose a folder to import').setInputFiles(folder);
  await expect(page.getByText('Done: 6 of 6 files')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '6');
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem').filter({ hasText: /^Error/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Show import log' }).click();
  const log = page.getByRole('table', { name: 'Import log, newest first' });
  for (const [file, format] of <Array<[string, string]>>[
    ['interfax.txt', 'text'], ['berlin.html', 'html'], ['liftoff.xml', 'feed'], ['reut2-000.sgm', 'reuters'],
    ['export.csv', 'csv'], ['note.json', 'json'],
  ]) {
    await expect(log.getByRole('row').filter({ hasText: file })).toContainText(`${format},`);
  }

  const search = page.getByRole('searchbox', { name: 'Search the archive' });
  const reader = page.getByRole('article', { name: 'Article reader' });
  for (const [query, format] of <Array<[string, string]>>[
    ['Borrel', 'text'], ['Berlin stabbed', 'html'], ['Astronauts laundry', 'feed'], ['Zambezi', 'csv'], ['Vorkuta', 'json'], ['cocoa', 'reuters'],
  ]) {
    await search.fill(query);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click();
    await expect(reader.getByRole('heading').first()).toBeVisible();
    await expect(reader.locator('dt', { hasText: /^Format$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(new RegExp(`^${format}`));
  }
});

test('an export whose columns the guess is unsure of asks which column is which', async ({ page, workbench }) => {
  const csv = path.join(workbench.dataDir, 'clippings.csv');
  fs.writeFileSync(
    csv,
    'Col A;Col B;Col C\n' +
      'Grain exports resume from Odesa;"Ukraine resumed grain exports from Odesa on Monday after a two-week pause, the port authority said.";2022-08-01\n',
  );
  await page.goto(workbench.url);
  await page.getByLabel('Choose files to import').setInputFiles(csv);
  const form = page.getByRole('form', { name: 'Columns of clippings.csv' });
  await expect(form).toBeVisible();
  await form.getByLabel('Column for Title', { exact: true }).selectOption('Col A');
  await form.getByLabel('Column for Body text').selectOption('Col B');
  await form.getByLabel('Column for Date', { exact: true }).selectOption('Col C');
  await form.getByRole('button', { name: 'Import with these columns' }).click();
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Imported clippings.csv');
  await page.getByRole('button', { name: 'Open Grain exports resume from Odesa' }).click();
  const reader = page.getByRole('article', { name: 'Article reader' });
  await expect(reader.getByLabel('Article text')).toHaveText(/^Ukraine resumed grain exports/);
  await expect(reader).toContainText('2022-08-01');
});

test('an article read with the wrong encoding is re-imported with the right one from the reader', async ({ page, workbench }) => {
  const iconv = (await import('iconv-lite')).default;
  const text = fs.readFileSync(path.join(sharedData, 'russian-text/factRuEval-2016/devset/book_3269.txt'), 'utf8');
  const file = path.join(workbench.dataDir, 'koi8.txt');
  fs.writeFileSync(file, iconv.encode(text, 'koi8-r'));
  const title = 'Учёные создали высокотемпературные сверхпроводники из непроводников';
  await page.goto(workbench.url);
  await page.getByLabel('Encoding of the files').selectOption('windows-1251');
  await page.getByLabel('Choose files to import').setInputFiles(file);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('Imported koi8.txt');
  await page.getByRole('list', { name: 'Recent articles' }).getByRole('button').first().click();
  const reader = page.getByRole('article', { name: 'Article reader' });
  await expect(reader).toContainText('windows-1251 (chosen by the analyst)');
  await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);
  await reader.getByLabel('Encoding to re-import with').selectOption('koi8-r');
  await reader.getByRole('button', { name: 'Re-import' }).click();
  await expect(reader.getByRole('heading', { name: title })).toBeVisible();
  await expect(reader).toContainText('koi8-r (chosen by the analyst)');
  await expect(page.getByText('1 article in the archive')).toBeVisible();
});

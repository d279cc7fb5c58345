import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticleFromPageText, normaliseAgency, parseDateline } from '../src/main/ingest/plaintext';
import { scoreFolder } from '../bench/extraction';

const SHARED_DATA = path.resolve(__dirname, '../../shared/data');
const SEED_PAGE = path.join(SHARED_DATA, 'seed/000_2c03e237f77aa444.txt');
const SCRAPED_TEXT = path.join(SHARED_DATA, 'scraped-text');

describe('the reference article (seed page)', () => {
  const page = fs.readFileSync(SEED_PAGE, 'utf8');
  const a = extractArticleFromPageText(page);

  it('finds the headline', () => {
    expect(a.title).toBe("The State Department calls on the CSTO forces to leave Kazakhstan when the country's authorities ask for it");
  });

  it('returns exactly the article paragraphs, dateline first, nothing from the chrome', () => {
    // The page holds five body lines between the dateline paragraph and the rights notice.
    expect(a.paragraphs).toEqual([
      'Washington. January 10th. INTERFAX - The US authorities are calling on the CSTO forces deployed to Kazakhstan to leave this country when the Kazakh authorities ask for it, State Department spokesman Ned Price said on Monday.',
      '"They should leave Kazakhstan when its authorities ask for it," he said at a briefing.',
      'Earlier on Monday, the head of EU diplomacy, Josep Borrel, expressed fears that the Russian military sent to Kazakhstan may linger in this country.',
      '"Experience shows that when Russians come, it is difficult for them to leave," Borrel said in an interview with BBC Radio 4, answering a question about the events in Kazakhstan.',
      'Earlier in January, US Secretary of State Anthony Blinken expressed a similar point of view. He stated that he did not understand why Kazakhstan needed outside help to suppress the protests and noted that "when Russia comes to your home, then sometimes it is difficult to get her to leave."',
    ]);
    const body = a.paragraphs.join('\n');
    expect(body).not.toContain('The rights to this material belong to');
    expect(body).not.toContain('Without carrot and stick');
    for (const counter of ['2048', '0', '-1']) expect(a.paragraphs).not.toContain(counter);
  });

  it('reads the dateline, the agency and the image credit', () => {
    expect(a.dateline).toBe('Washington');
    expect(a.agency).toBe('Interfax');
    expect(a.imageCredit).toBe('Фото: РИА Новости/Министерство обороны РФ');
  });

  it('reports the lines between headline and body as header lines', () => {
    expect(a.headerLines).toEqual(['2048', '0', '-1', 'Image source: Фото: РИА Новости/Министерство обороны РФ']);
    expect(a.byline).toBeNull();
  });

  it('gives the same result with Windows line endings, NBSPs and tabs', () => {
    const messy = page.replace(/\n/g, '\r\n').replace(/ (?=Kazakhstan)/g, '\u00a0').replace(/^/gm, '\t');
    const b = extractArticleFromPageText(messy);
    expect(b.title).toBe(a.title);
    expect(b.paragraphs).toEqual(a.paragraphs.map((p) => p.replace(/ (?=Kazakhstan)/g, ' ')));
    expect(b.agency).toBe('Interfax');
  });
});

describe('the scraped-text benchmark', () => {
  it('reaches a mean bag-of-words F1 of at least 0.85 over all pages', () => {
    const { rows, mean } = scoreFolder(SCRAPED_TEXT);
    expect(rows.length).toBe(28);
    expect(mean).toBeGreaterThanOrEqual(0.85);
    // No page is lost entirely.
    for (const r of rows) expect(r.f1, r.id).toBeGreaterThan(0.5);
  });
});

describe('a typical news page', () => {
  const page = [
    'Skip to main content',
    'Home',
    'World',
    'Business',
    'Sport',
    'Log in',
    '',
    'Flooding forces thousands from their homes in northern Italy',
    'By Maria Rossi',
    'Updated 12:05 GMT, March 3, 2024',
    'Share',
    'Image credit: Luca Bianchi/Reuters',
    '',
    'MILAN (Reuters) - Flooding forced thousands of people from their homes in northern Italy on Sunday, after days of heavy rain swelled rivers across the region, officials said.',
    '',
    'Rescue teams used boats to reach residents trapped in several towns, and the army was sent to help clear roads blocked by mud and fallen trees.',
    '',
    'Advertisement',
    '',
    '"We have never seen water this high," said the mayor of one of the towns, adding that the damage would take months to repair.',
    '',
    'Forecasters expect more rain later in the week, and the regional government has asked people living near rivers to stay alert.',
    '',
    'Related',
    'Storms hit southern France, cutting power to 100,000 homes',
    'Heatwave breaks records across the Balkans',
    'Drought threatens rice harvest in the Po valley',
    '',
    '© 2024 Example News. All rights reserved.',
    'Privacy policy',
    'Terms of use',
  ].join('\n');
  const a = extractArticleFromPageText(page);

  it('keeps the story and drops menus, ads, related headlines and the footer', () => {
    expect(a.title).toBe('Flooding forces thousands from their homes in northern Italy');
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[0]).toMatch(/^MILAN \(Reuters\) - Flooding/);
    expect(a.paragraphs[3]).toMatch(/^Forecasters expect more rain/);
    expect(a.paragraphs.join(' ')).not.toMatch(/Advertisement|Storms hit|All rights reserved/);
  });

  it('reads byline, dateline, agency, image credit and header lines', () => {
    expect(a.byline).toBe('Maria Rossi');
    expect(a.dateline).toBe('Milan');
    expect(a.agency).toBe('Reuters');
    expect(a.imageCredit).toBe('Luca Bianchi/Reuters');
    expect(a.headerLines).toEqual(['By Maria Rossi', 'Updated 12:05 GMT, March 3, 2024', 'Share', 'Image credit: Luca Bianchi/Reuters']);
  });

  it('ignores a teaser card (a headline printed twice with a blurb) inside the story', () => {
    const withCard = page.replace(
      'Advertisement',
      'Business\nMarkets slide as oil prices jump\nMarkets slide as oil prices jump\nInvestors sold shares across Europe on Monday as the price of crude rose sharply after the weekend.',
    );
    const b = extractArticleFromPageText(withCard);
    expect(b.paragraphs).toEqual(a.paragraphs);
  });

  it('joins a drop cap to its paragraph', () => {
    const dropCap = page.replace('Rescue teams used boats', 'R\nescue teams used boats');
    expect(extractArticleFromPageText(dropCap).paragraphs[1]).toMatch(/^Rescue teams used boats/);
  });
});

describe('a Russian wire story with a "Read also" box inside', () => {
  const page = [
    'Войти', 'Главная', 'Новости', 'Политика', 'Экономика', '',
    'Путин провел переговоры с президентом Казахстана',
    '10 января 2022, 12:30',
    'Текст: Иван Петров',
    '1532',
    '4',
    'Фото: Михаил Климентьев/ТАСС',
    '',
    'МОСКВА, 10 января. /ТАСС/. Президент России Владимир Путин провел телефонный разговор с президентом Казахстана Касым-Жомартом Токаевым, сообщили в пресс-службе Кремля.',
    '',
    'Стороны обсудили ситуацию в республике и работу миротворческих сил ОДКБ, направленных в Казахстан по просьбе его руководства.',
    '',
    'Читайте также:',
    'Токаев заявил о завершении операции',
    'Миротворцы ОДКБ начнут выход из Казахстана',
    '',
    'По словам Токаева, основная задача миротворцев будет выполнена в ближайшие дни, после чего контингент покинет страну.',
    '',
    'Подписывайтесь на наш канал в Telegram',
    '',
    'Самое читаемое',
    'Курс доллара упал ниже 75 рублей',
    'Синоптики пообещали морозы',
    '',
    '© 2022 Информационное агентство. Все права защищены.',
  ].join('\n');
  const a = extractArticleFromPageText(page);

  it('keeps all three paragraphs and drops the box, the prompt and the sidebar', () => {
    expect(a.title).toBe('Путин провел переговоры с президентом Казахстана');
    expect(a.paragraphs.map((p) => p.slice(0, 20))).toEqual(['МОСКВА, 10 января. /', 'Стороны обсудили сит', 'По словам Токаева, о']);
  });

  it('reads dateline, agency, byline and image credit', () => {
    expect(a.dateline).toBe('Москва');
    expect(a.agency).toBe('TASS');
    expect(a.byline).toBe('Иван Петров');
    expect(a.imageCredit).toBe('Фото: Михаил Климентьев/ТАСС');
  });
});

describe('a one-paragraph brief right above the copyright line', () => {
  it('keeps the paragraph: it is the article, not a footer notice', () => {
    const page = [
      'Главная', 'Новости', 'Войти', '',
      'Встреча с послом Италии в миде Грузии', '',
      'По инициативе итальянской стороны чрезвычайный и полномочный посол Италии в Грузии встретился с заместителем министра иностранных дел Грузии. Предметом обсуждения стали вопросы сотрудничества в международных организациях.',
      '',
      '© Все права защищены',
    ].join('\n');
    const a = extractArticleFromPageText(page);
    expect(a.title).toBe('Встреча с послом Италии в миде Грузии');
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0]).toMatch(/^По инициативе .* организациях\.$/);
  });
});

describe('datelines and agencies', () => {
  it.each([
    ['NEW YORK (Reuters) - Oil prices fell', 'New York', 'Reuters'],
    ['HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper', 'Hanoi', 'AP'],
    ['LONDON (AP) — Britain’s Conservative Party', 'London', 'AP'],
    ['WASHINGTON – Two federal prison officers', 'Washington', null],
    ['МОСКВА, 10 января. /ТАСС/. Президент России', 'Москва', 'TASS'],
    ['МОСКВА, 10 янв — РИА Новости. Президент России', 'Москва', 'RIA Novosti'],
    ['Москва. 10 января. INTERFAX.RU - Президент России', 'Москва', 'Interfax'],
    ['(CNN) President Donald Trump made an unscheduled trip', null, 'CNN'],
  ])('%s', (lead, place, agency) => {
    expect(parseDateline(lead)).toEqual({ place, agency });
  });

  it.each([
    'Two hostages — an American and an Australian — were released',
    'US President Donald Trump has claimed victory',
    'BREAKING: markets fall',
    'THE POINT -- NOW ON YOUTUBE!',
  ])('finds no dateline in %s', (lead) => {
    expect(parseDateline(lead)).toBeNull();
  });

  it('normalises agency names and rejects unknown ones', () => {
    expect(normaliseAgency('INTERFAX')).toBe('Interfax');
    expect(normaliseAgency('/ТАСС/')).toBe('TASS');
    expect(normaliseAgency('Associated Press')).toBe('AP');
    expect(normaliseAgency('Graphic: Global assets')).toBeNull();
  });
});

describe('robustness', () => {
  const sentence = (i: number): string =>
    `Officials in district ${i} said on Tuesday that repairs to the bridge would take at least ${i + 2} more weeks, and traffic would be diverted.`;

  it('returns an empty extraction for empty or blank input', () => {
    for (const input of ['', '   ', '\n\n\r\n\t\n', '\u00a0\u200b']) {
      const a = extractArticleFromPageText(input);
      expect(a.title).toBeNull();
      expect(a.paragraphs).toEqual([]);
      expect(a.headerLines).toEqual([]);
    }
  });

  it('does not throw on input that is not a string', () => {
    expect(extractArticleFromPageText(undefined as unknown as string).paragraphs).toEqual([]);
    expect(extractArticleFromPageText(null as unknown as string).title).toBeNull();
  });

  it('finds no article in a page of menu items only', () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Log in', '12:30', '1024', 'Contact us', '© 2024 Example'].join('\n');
    const a = extractArticleFromPageText(menu.repeat(20));
    expect(a.paragraphs).toEqual([]);
    expect(a.title).toBeNull();
  });

  it('returns text without line breaks as one paragraph', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    const a = extractArticleFromPageText(text);
    expect(a.paragraphs).toEqual([text]);
    expect(a.title).toBeNull();
  });

  it('handles a single huge line quickly', () => {
    const huge = Array.from({ length: 60_000 }, (_, i) => sentence(i)).join(' '); // ~8 MB
    const t0 = performance.now();
    const a = extractArticleFromPageText(huge);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(a.paragraphs).toHaveLength(1);
    expect(a.paragraphs[0]!.startsWith(sentence(0))).toBe(true);
  });

  it('handles 50 MB of text in bounded time', () => {
    const block = Array.from({ length: 500 }, (_, i) => `${sentence(i)}\nHome\n12:${String(i % 60).padStart(2, '0')}\n`).join('');
    const big = block.repeat(Math.ceil(50e6 / block.length));
    expect(big.length).toBeGreaterThanOrEqual(50e6);
    const t0 = performance.now();
    const a = extractArticleFromPageText(big);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(a.paragraphs.length).toBeGreaterThan(0);
  });

  it('survives control characters, symbols and lone surrogates', () => {
    const weird = `\u0000\u0007<<<>>>\n\ud800\n${'|'.repeat(5000)}\n${sentence(1)}\n${'•'.repeat(300)}\n${sentence(2)}`;
    const a = extractArticleFromPageText(weird);
    expect(a.paragraphs).toContain(sentence(1));
  });
});

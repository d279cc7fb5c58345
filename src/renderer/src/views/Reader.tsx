import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleDetail } from '../../../shared/types';
import { call } from '../api';
import { ENCODINGS, EncodingSelect } from '../components/EncodingSelect';
import { ArticleStatements, type BodySelection } from '../components/ArticleStatements';
import { Highlighted } from '../components/Highlighted';
import { MarkedText, type StatementMark } from '../components/MarkedText';
import { MatchNavigator } from '../components/MatchNavigator';
import { markParagraphs, matchesIn } from '../search/matches';
import { articleStatements, type Statement } from '../statements/api';
import { selectionIn, speakerColours } from '../statements/reader';
import { ErrorLine } from '../components/ErrorLine';

interface Props {
  id: number;
  /** The search the article was opened from: its matches are marked and can be stepped through. */
  query?: string;
  /** A statement to show: scrolled to and marked when the article opens. */
  statementId?: number | null;
  onOpen(id: number): void;
  onChanged(): void;
}

/**
 * The article reader: cleaned text, metadata, where the date came from, and the original page
 * on demand. Opened from a search, it marks every match in the title and text, with previous /
 * next match navigation (buttons, or the keys n and p). Statements are underlined in their
 * speaker's colour and listed with the analyst's actions; selected text can be marked as one.
 */
export function Reader({ id, query = '', statementId = null, onOpen, onChanged }: Props) {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [original, setOriginal] = useState<string | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [encoding, setEncoding] = useState(ENCODINGS[0]!);
  const [reimportNote, setReimportNote] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [matchNote, setMatchNote] = useState<string | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [shownStatement, setShownStatement] = useState<number | null>(statementId);
  const [selection, setSelection] = useState<BodySelection | null>(null);
  const root = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const q = query.trim();

  useEffect(() => {
    let live = true;
    setArticle(null);
    setOriginal(null);
    setShowOriginal(false);
    setError(null);
    setReimportNote(null);
    setCurrent(0);
    setMatchNote(null);
    moved.current = false;
    const plain = () => call('articles.get', { id });
    const load = q
      ? call('articles.get', { id, query: q }).catch((e: Error) => {
          // The article still opens when its search cannot be read any more.
          if (live) setMatchNote(`The search’s matches cannot be marked: ${e.message}`);
          return plain();
        })
      : plain();
    load.then((a) => live && setArticle(a)).catch((e: Error) => live && setError(e.message));
    setStatements([]);
    setSelection(null);
    articleStatements(id)
      .then((list) => live && setStatements(list))
      .catch((e: Error) => live && setMatchNote(`The article’s statements cannot be shown: ${e.message}`));
    return () => {
      live = false;
    };
  }, [id, q]);

  useEffect(() => setShownStatement(statementId), [id, statementId]);

  // The statement asked for is scrolled into view once the text and statements are there.
  useEffect(() => {
    if (shownStatement === null || !article) return;
    root.current?.querySelector(`.body [data-statement="${shownStatement}"]`)?.scrollIntoView({ block: 'center' });
  }, [shownStatement, article, statements]);

  const colours = useMemo(() => speakerColours(statements), [statements]);

  function statementChanged(s: Statement) {
    if (statements.some((x) => x.id === s.id)) setStatements((list) => list.map((x) => (x.id === s.id ? s : x)));
    else {
      // A new statement may replace an automatic one over the same words: read the list again.
      articleStatements(id)
        .then(setStatements)
        .catch((e: Error) => setMatchNote(`The article’s statements cannot be shown: ${e.message}`));
      setShownStatement(s.id);
    }
    setSelection(null);
    onChanged();
  }

  function onBodySelect() {
    if (!article || !bodyRef.current) return;
    setSelection(selectionIn(bodyRef.current, window.getSelection(), article.body));
  }

  const marked = useMemo(() => {
    if (!article?.matches) return null;
    const title = matchesIn(article.title, article.matches.title);
    const paragraphs = markParagraphs(article.body, matchesIn(article.body, article.matches.body), title.length);
    const count = title.length + paragraphs.reduce((n, p) => n + p.spans.length, 0);
    return { title, paragraphs, count };
  }, [article]);
  const count = marked?.count ?? 0;

  const move = useCallback(
    (delta: 1 | -1) => {
      if (count === 0) return;
      moved.current = true;
      setCurrent((c) => (c + delta + count) % count);
    },
    [count],
  );

  // The current match is scrolled into view: centred when moved to, just into view at opening.
  useEffect(() => {
    if (count === 0) return;
    const mark = root.current?.querySelector(`mark[data-match="${current}"]`);
    mark?.scrollIntoView({ block: moved.current ? 'center' : 'nearest' });
  }, [current, count]);

  async function toggleOriginal() {
    if (!showOriginal && original === null) {
      try {
        const a = await call('articles.get', { id, includeOriginal: true });
        setOriginal(a.original ?? '');
      } catch (e) {
        setError((e as Error).message);
        return;
      }
    }
    setShowOriginal((s) => !s);
  }

  async function reimport() {
    try {
      const report = await call('articles.reimport', { id, encoding });
      const first = report.outcomes[0];
      if (first?.status === 'imported') {
        onChanged();
        onOpen(first.articleId);
      } else setReimportNote(first?.status === 'error' ? first.error : 'Nothing was re-imported.');
    } catch (e) {
      setReimportNote((e as Error).message);
    }
  }

  if (error) return <ErrorLine message={error} />;
  if (!article) return <p aria-busy="true">Loading…</p>;
  const ev = article.origin.dateEvidence;
  const rows: Array<[string, string | null]> = [
    ['Authors', article.authors.join(', ') || null],
    ['Dateline', article.dateline],
    ['Agency', article.agency],
    ['Source', article.source],
    ['Image credit', article.imageCredit],
    ['Language', article.language],
    ['Image caption', article.imageCaption],
    ['URL', article.url],
    ['Modified', article.modifiedAt],
    ['File', article.file],
    ['Format', article.format + (article.summaryOnly ? ' (summary only: the feed carried no full text)' : '')],
    ['Encoding', `${article.origin.encoding} (${article.origin.encodingReason})`],
    ...Object.entries(article.origin.facets).map(([k, v]): [string, string] => [k[0]!.toUpperCase() + k.slice(1), v.join(', ')]),
    ['Imported', new Date(article.importedAt).toLocaleString()],
  ];
  return (
    <article className="reader" aria-label="Article reader" ref={root}>
      {marked && <MatchNavigator query={q} count={count} current={current} onMove={move} />}
      {matchNote && <p className="note">{matchNote}</p>}
      <h2>{marked ? <Highlighted text={article.title} spans={marked.title} first={0} current={current} /> : article.title}</h2>
      <dl className="meta">
        <dt>Date</dt>
        <dd>
          {article.publishedAt ?? 'unknown'}
          {article.publishedAt && (
            <span className={`badge ${article.dateInferred ? 'inferred' : 'stated'}`}>
              {article.dateInferred ? 'inferred' : 'stated'} · {article.datePrecision}
            </span>
          )}
          {article.dateNote && <div className="date-note">{article.dateNote}</div>}
          {ev && (ev.weekdayCue || ev.notBefore || ev.notAfter) && (
            <ul className="date-evidence" aria-label="Date evidence">
              {ev.stated && <li>Date as written: “{ev.stated}”</li>}
              {ev.weekdayCue && <li>Weekday from “{ev.weekdayCue}”</li>}
              {ev.notBefore ? (
                <li>Not earlier than {ev.notBefore}{ev.notBeforeReason ? ` (${ev.notBeforeReason})` : ''}</li>
              ) : (
                article.dateInferred && <li>Not earlier than: nothing on the page bounds it from below</li>
              )}
              {ev.notAfter && <li>Not later than {ev.notAfter}{ev.notAfterReason ? ` (${ev.notAfterReason})` : ''}</li>}
              {ev.alternatives.length > 0 && <li>Other years that fit: {ev.alternatives.join(', ')}</li>}
            </ul>
          )}
        </dd>
        {rows.map(([k, v]) =>
          v ? (
            <div key={k} className="row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {article.origin.supersededBy && (
        <p className="note">
          A newer version replaces this one.{' '}
          <button type="button" onClick={() => onOpen(article.origin.supersededBy!)}>
            Open the newer version
          </button>
        </p>
      )}
      {article.origin.otherCopies.length > 0 && (
        <section className="copies" aria-label="Other copies of this story">
          <h3>
            {article.copies} copies of this story
          </h3>
          <ul>
            {article.origin.otherCopies.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onOpen(c.id)} aria-label={`Open copy: ${c.title}`}>
                  {c.title}
                </button>
                {c.source && <span className="meta"> · {c.source}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="body" aria-label="Article text" ref={bodyRef} onMouseUp={onBodySelect} onKeyUp={onBodySelect}>
        {(marked?.paragraphs ?? markParagraphs(article.body, [], 0)).map((p, i) => (
          <p key={i} data-start={p.start}>
            <MarkedText
              text={p.text}
              matches={marked ? p.spans : []}
              first={p.first}
              current={current}
              statements={statementMarks(statements, p.start, p.text.length, colours, shownStatement)}
            />
          </p>
        ))}
      </div>
      <ArticleStatements
        articleId={article.id}
        statements={statements}
        colours={colours}
        selection={selection}
        currentId={shownStatement}
        onChanged={statementChanged}
        onShow={(st) => setShownStatement(st.id)}
      />
      <button type="button" aria-expanded={showOriginal} onClick={() => void toggleOriginal()}>
        {showOriginal ? 'Hide original page' : 'Show original page'}
      </button>
      <span className="reimport">
        <label>
          Read the original again as
          <EncodingSelect label="Encoding to re-import with" value={encoding} onChange={setEncoding} />
        </label>
        <button type="button" onClick={() => void reimport()}>
          Re-import
        </button>
      </span>
      <ErrorLine message={reimportNote} />
      {showOriginal && original !== null && (
        <pre className="original" aria-label="Original page">
          {original}
        </pre>
      )}
    </article>
  );
}

/** The statements that fall in a paragraph, relative to it (rejected ones are not marked). */
function statementMarks(statements: Statement[], start: number, length: number, colours: Map<number, number>, current: number | null): StatementMark[] {
  const end = start + length;
  return statements
    .filter((s) => s.status !== 'rejected' && s.quote.end > start && s.quote.start < end)
    .map((s) => ({
      id: s.id,
      start: Math.max(0, s.quote.start - start),
      end: Math.min(length, s.quote.end - start),
      colour: colours.get(s.speaker?.personId ?? -1) ?? 5,
      speaker: s.speaker?.name ?? 'an unknown speaker',
      current: s.id === current,
    }));
}

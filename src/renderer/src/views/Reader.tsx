import { useEffect, useState } from 'react';
import type { ArticleDetail } from '../../../shared/types';
import { call } from '../api';

/** The article reader: cleaned text, metadata, where the date came from, and the original page on demand. */
export function Reader({ id }: { id: number }) {
  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [original, setOriginal] = useState<string | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setArticle(null);
    setOriginal(null);
    setShowOriginal(false);
    setError(null);
    call('articles.get', { id })
      .then((a) => live && setArticle(a))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [id]);

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

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!article) return <p aria-busy="true">Loading…</p>;
  const ev = article.origin.dateEvidence;
  const rows: Array<[string, string | null]> = [
    ['Dateline', article.dateline],
    ['Agency', article.agency],
    ['Source', article.source],
    ['Image credit', article.imageCredit],
    ['Language', article.language],
    ['File', article.file],
    ['Encoding', `${article.origin.encoding} (${article.origin.encodingReason})`],
    ['Imported', new Date(article.importedAt).toLocaleString()],
  ];
  return (
    <article className="reader" aria-label="Article reader">
      <h2>{article.title}</h2>
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
      <div className="body" aria-label="Article text">
        {article.body.split('\n\n').map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <button type="button" aria-expanded={showOriginal} onClick={() => void toggleOriginal()}>
        {showOriginal ? 'Hide original page' : 'Show original page'}
      </button>
      {showOriginal && original !== null && (
        <pre className="original" aria-label="Original page">
          {original}
        </pre>
      )}
    </article>
  );
}

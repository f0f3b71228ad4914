/**
 * Title block and body paragraphs of an article, with the query terms
 * highlighted and numbered so the reader can step through the matches.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ArticleDetail } from '../../../shared/api';
import { markTerms } from '../../../shared/find-terms';

interface Props {
  article: ArticleDetail;
  terms: string[];
  current: number;
  onCount(n: number): void;
}

interface Piece {
  text: string;
  match: number;
}

function piecesOf(text: string, terms: string[], counter: { n: number }): Piece[] {
  return markTerms(text, terms).map((p) => ({ text: p.text, match: p.mark ? counter.n++ : -1 }));
}

export function ArticleBody({ article, terms, current, onCount }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => {
    const c = { n: 0 };
    const out = {
      kicker: article.kicker ? piecesOf(article.kicker, terms, c) : null,
      title: piecesOf(article.title, terms, c),
      subtitle: article.subtitle ? piecesOf(article.subtitle, terms, c) : null,
      paragraphs: article.paragraphs.map((p) => ({ type: p.type, pieces: piecesOf(p.text, terms, c) })),
      // The part printed on another page (`（下转第二版）`), once that page is in the archive.
      continued: (article.continuation?.paragraphs ?? []).map((p) => ({ type: p.type, pieces: piecesOf(p.text, terms, c) })),
      byline: article.byline?.raw ? piecesOf(article.byline.raw, terms, c) : null,
      count: c.n,
    };
    return out;
  }, [article, terms]);

  useEffect(() => onCount(blocks.count), [blocks.count, onCount]);

  useEffect(() => {
    if (current < 0) return;
    const el = ref.current?.querySelector(`mark[data-match="${current}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [current]);

  const render = (pieces: Piece[]) =>
    pieces.map((p, i) =>
      p.match >= 0 ? (
        <mark key={i} data-match={p.match} className={p.match === current ? 'current' : undefined}>
          {p.text}
        </mark>
      ) : (
        <span key={i}>{p.text}</span>
      ),
    );

  return (
    <div ref={ref}>
      <header className="article-head">
        {blocks.kicker && <p className="article-kicker">{render(blocks.kicker)}</p>}
        <h1 className="article-title">{render(blocks.title)}</h1>
        {blocks.subtitle && <p className="article-subtitle">{render(blocks.subtitle)}</p>}
      </header>
      {blocks.byline && <p className="article-byline">{render(blocks.byline)}</p>}
      <div className="article-body">
        {blocks.paragraphs.map((p, i) =>
          p.type === 'heading' ? (
            <h2 key={i} className="para-heading">
              {render(p.pieces)}
            </h2>
          ) : p.type === 'caption' ? (
            <p key={i} className="para-caption">
              {render(p.pieces)}
            </p>
          ) : (
            <p key={i} className="para">
              {render(p.pieces)}
            </p>
          ),
        )}
        {article.continuation && (
          <>
            <p className="para-continued">（下转{article.continuation.page !== undefined ? `第 ${article.continuation.page} 版` : '他版'}，以下接排）</p>
            {blocks.continued.map((p, i) => (
              <p key={`c${i}`} className={p.type === 'heading' ? 'para-heading' : p.type === 'caption' ? 'para-caption' : 'para'}>
                {render(p.pieces)}
              </p>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

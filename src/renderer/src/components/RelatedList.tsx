/** 更多相似: articles like this one (`moreLikeThis`). */
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { hitMeta } from '../lib/format';
import { navigate } from '../lib/router';

export function RelatedList({ id }: { id: number }) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setHits(null);
    setError(null);
    api
      .moreLikeThis({ id, limit: 8 })
      .then((h) => live && setHits(h))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <section className="related" aria-label="更多相似">
      <h3>更多相似</h3>
      {error && <p className="error-text">{error}</p>}
      {!hits && !error && <p className="muted small">正在查找…</p>}
      {hits && hits.length === 0 && <p className="muted small">没有找到相似的文章。</p>}
      <ul>
        {hits?.map((h) => (
          <li key={h.id}>
            <a
              href={`#/article/${h.id}`}
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'article', id: h.id });
              }}
            >
              {h.title}
            </a>
            <div className="muted small">{hitMeta(h)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

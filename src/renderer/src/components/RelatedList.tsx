/** 更多相似: articles like this one (`moreLikeThis`). */
import { api } from '../api-client';
import { hitMeta } from '../lib/format';
import { navigate } from '../lib/router';
import { useApiQuery } from '../lib/use-api-query';

export function RelatedList({ id }: { id: number }) {
  const related = useApiQuery(() => api.moreLikeThis({ id, limit: 8 }), [id]);
  const { error } = related;
  // The previous article's list is not shown while this one's is looked for.
  const hits = related.loading || error ? null : related.data;
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

/**
 * `另有 N 篇相同或相近稿件`: the article side by side with one of its
 * near-duplicates (`getNearDuplicates`), the sentences found in one only
 * marked (lib/sentence-diff.ts). With more than two, buttons choose the copy.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArticleDetail, NearDuplicate } from '../../../shared/api';
import { api } from '../api-client';
import { diffArticles, type DiffSide } from '../lib/sentence-diff';
import { formatArticleDate, formatPage } from '../lib/format';
import { navigate } from '../lib/router';
import { useApiQuery } from '../lib/use-api-query';
import { Dialog } from './Dialog';

interface Props {
  /** The article to compare; null: closed. */
  id: number | null;
  onClose(): void;
}

const meta = (a: ArticleDetail) => [formatArticleDate(a), a.paper, formatPage(a.page)].filter(Boolean).join(' · ');

function Side({ a, side, label, similarity, onOpen }: { a: ArticleDetail; side: DiffSide; label: string; similarity?: number; onOpen(): void }) {
  return (
    <section className="compare-side" aria-label={label}>
      <h3 className="compare-title">
        <button type="button" className="link" onClick={onOpen}>
          {a.title}
        </button>
      </h3>
      <p className="muted small">
        {meta(a)}
        {similarity !== undefined && ` · 相似度 ${Math.round(similarity * 100)}%`}
      </p>
      {side.map((p, i) => (
        <p key={i} className="compare-para">
          {p.map((s, k) =>
            s.only ? (
              <mark key={k} className="compare-only" title="只见于这一篇">
                {s.text}
              </mark>
            ) : (
              <span key={k}>{s.text}</span>
            ),
          )}
        </p>
      ))}
    </section>
  );
}

export function NearDupDialog({ id, onClose }: Props) {
  // Closed (id null): nothing is asked.
  const query = useApiQuery((): Promise<NearDuplicate[] | null> => (id === null ? Promise.resolve(null) : api.getNearDuplicates({ id })), [id]);
  const { error } = query;
  const group = query.loading || error ? null : (query.data ?? null);
  /** The copy chosen with the buttons; until then the first other one. Forgotten when another article is compared. */
  const [picked, setPicked] = useState<number | null>(null);
  useEffect(() => setPicked(null), [id]);
  const other = picked ?? group?.find((x) => x.article.id !== id)?.article.id ?? null;

  const self = group?.find((g) => g.article.id === id);
  const copy = group?.find((g) => g.article.id === other);
  const diff = useMemo(
    () => (self && copy ? diffArticles(self.article.paragraphs.map((p) => p.text), copy.article.paragraphs.map((p) => p.text)) : null),
    [self, copy],
  );
  const open = (articleId: number) => {
    onClose();
    navigate({ name: 'article', id: articleId });
  };
  const others = group?.filter((g) => g.article.id !== id) ?? [];

  return (
    <Dialog open={id !== null} title="相同或相近稿件" onClose={onClose} wide>
      {error && <p role="alert">{error}</p>}
      {!group && !error && <p className="muted">正在读取…</p>}
      {group && others.length === 0 && <p className="muted">这篇文章没有相同或相近的稿件。</p>}
      {others.length > 1 && (
        <div className="segmented compare-pick" role="group" aria-label="对照的稿件">
          {others.map((g) => (
            <button key={g.article.id} type="button" className={g.article.id === other ? 'on' : ''} onClick={() => setPicked(g.article.id)}>
              {formatArticleDate(g.article) || g.article.title}
              {g.article.page !== undefined && ` ${formatPage(g.article.page)}`}
            </button>
          ))}
        </div>
      )}
      {self && copy && diff && (
        <>
          <p className="muted small compare-legend">
            标黄的句子只见于其中一篇；其余句子两篇相同。
          </p>
          <div className="compare">
            <Side a={self.article} side={diff.left} label="本篇" onOpen={() => open(self.article.id)} />
            <Side a={copy.article} side={diff.right} label="对照稿件" similarity={copy.similarity} onOpen={() => open(copy.article.id)} />
          </div>
        </>
      )}
    </Dialog>
  );
}

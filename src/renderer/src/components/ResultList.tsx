/** The virtualised result list: headline, date, page, byline and highlighted snippets per hit; the query's terms are marked in the headline too. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/api';
import { findTerms } from '../../../shared/find-terms';
import { hitMeta } from '../lib/format';
import { Highlighted } from './Highlighted';

interface Props {
  hits: SearchHit[];
  total: number;
  /** The terms the query matched on (the response's `terms`), marked in titles, kickers and subtitles. */
  terms?: readonly string[];
  active: number;
  selected: ReadonlySet<number>;
  inBasket: ReadonlySet<number>;
  onActive(i: number): void;
  onOpen(hit: SearchHit): void;
  onToggle(id: number): void;
  onBasket(hit: SearchHit): void;
  onLoadMore(): void;
  /** `另有 N 篇相同或相近稿件` clicked: compare the hit with its near-duplicates. */
  onNearDuplicates?(hit: SearchHit): void;
}

/** Memoised: typing in the query box does not re-render (and re-measure) the list; a new answer does. */
export const ResultList = memo(function ResultList({ hits, total, terms = NO_TERMS, active, selected, inBasket, onActive, onOpen, onToggle, onBasket, onLoadMore, onNearDuplicates }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    overscan: 6,
    getItemKey: (i) => hits[i]?.id ?? i,
  });
  const items = v.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (lastIndex >= hits.length - 5 && hits.length < total) onLoadMore();
  }, [lastIndex, hits.length, total, onLoadMore]);

  useEffect(() => {
    if (active >= 0 && active < hits.length) v.scrollToIndex(active, { align: 'auto' });
  }, [active, hits.length, v]);

  return (
    <div ref={scrollRef} className="result-scroll" role="list" aria-label="检索结果" tabIndex={-1}>
      <div style={{ height: v.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const h = hits[item.index];
          const isActive = item.index === active;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={v.measureElement}
              className={`hit${isActive ? ' active' : ''}${selected.has(h.id) ? ' selected' : ''}`}
              role="listitem"
              aria-current={isActive ? 'true' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              onMouseDown={() => onActive(item.index)}
            >
              <input type="checkbox" className="hit-check" aria-label={`选择《${h.title}》`} checked={selected.has(h.id)} onChange={() => onToggle(h.id)} />
              <div className="hit-main">
                {h.kicker && (
                  <div className="hit-kicker">
                    <Highlighted text={h.kicker} ranges={findTerms(h.kicker, terms)} />
                  </div>
                )}
                <a
                  className="hit-title"
                  href={`#/article/${h.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(h);
                  }}
                >
                  <Highlighted text={h.title} ranges={findTerms(h.title, terms)} />
                </a>
                {h.subtitle && (
                  <div className="hit-subtitle">
                    <Highlighted text={h.subtitle} ranges={findTerms(h.subtitle, terms)} />
                  </div>
                )}
                <div className="hit-meta">
                  <span>{hitMeta(h)}</span>
                  {h.reporters.length > 0 && <span>记者 {h.reporters.join(' ')}</span>}
                  {h.department && <span>{h.department}</span>}
                  {h.kind !== 'story' && <span className="badge">{KIND[h.kind]}</span>}
                  {h.corrected && <span className="badge" title="编辑校对过这篇文章">已校对</span>}
                </div>
                {h.nearDuplicates !== undefined && h.nearDuplicates > 0 && (
                  <button type="button" className="link small hit-near-dups" onClick={() => onNearDuplicates?.(h)}>
                    另有 {h.nearDuplicates} 篇相同或相近稿件
                  </button>
                )}
                {h.missing && h.missing.length > 0 && (
                  <div className="hit-missing">
                    缺少：
                    {h.missing.map((w) => (
                      <s key={w}>{w}</s>
                    ))}
                  </div>
                )}
                {h.snippets.map((s, i) => (
                  <p key={i} className="hit-snippet">
                    <Highlighted text={s.text} ranges={s.highlights} />
                  </p>
                ))}
                {h.topics.length > 0 && (
                  <div className="hit-topics">
                    {h.topics.map((t) => (
                      <span key={t} className="chip chip-static">
                        {t}
                      </span>
                    ))}
                  </div>
                )}
              </div>
              <button type="button" className={inBasket.has(h.id) ? 'btn btn-small in-basket' : 'btn btn-small'} onClick={() => onBasket(h)} aria-label={inBasket.has(h.id) ? `《${h.title}》已在剪报中` : `把《${h.title}》加入剪报`}>
                {inBasket.has(h.id) ? '已剪' : '剪报'}
              </button>
            </div>
          );
        })}
      </div>
      {hits.length > 0 && hits.length >= total && <p className="list-end muted">共 {total} 篇，已全部显示</p>}
    </div>
  );
});

const NO_TERMS: readonly string[] = [];

const KIND: Record<SearchHit['kind'], string> = { story: '消息', sidebar: '链接', brief: '简讯', photo: '图片' };

/** Home: the query box, filters with facet counts, and the virtualised results with selection actions. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveStats, SearchFilters, SearchHit, TagChangeRequest, TagRef } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { FacetPanel } from '../components/FacetPanel';
import { QueryBox } from '../components/QueryBox';
import { ReparseNotice } from '../components/ReparseNotice';
import { ResultList } from '../components/ResultList';
import { SavedSearches } from '../components/SavedSearches';
import { SaveSearchButton } from '../components/SaveSearchButton';
import { TagDialog } from '../components/TagDialog';
import { Welcome } from '../components/Welcome';
import { archiveChanged } from '../lib/app-events';
import { addToBasket, basket, removeFromBasket } from '../lib/basket';
import { formatCount, formatDate, KIND_LABEL } from '../lib/format';
import { keyCommand } from '../lib/keys';
import { notify, notifyError } from '../lib/notify';
import { rememberQuery } from '../lib/recent';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { undoAction } from '../lib/tag-undo';
import { setDedupe, setFilters, setQuery, setSort, type SearchController } from '../lib/use-search';
import { NearDupDialog } from '../components/NearDupDialog';

interface Props {
  search: SearchController;
  stats: ArchiveStats | null;
  visible: boolean;
}

const FILTER_LABEL: Record<keyof SearchFilters, string> = { dateFrom: '起', dateTo: '止', paper: '报纸', page: '版次', reporter: '记者', department: '部门', topic: '主题', corrected: '已校对' };

export function SearchPage({ search, stats, visible }: Props) {
  const { query, filters, sort, dedupe, response, hits, loading, error } = search;
  const [comparing, setComparing] = useState<number | null>(null);
  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [tagging, setTagging] = useState<null | 'all' | 'selected'>(null);
  const bask = useStore(basket);
  const inBasket = useMemo(() => new Set(bask.ids), [bask.ids]);
  const writable = stats?.writable ?? false;
  const total = response?.total ?? 0;

  useEffect(() => setActive(-1), [response]);

  // The query through a ref: `open` stays the same while typing, so the result list does not re-render on each key.
  const queryRef = useRef(query);
  queryRef.current = query;
  const open = useCallback((h: SearchHit) => {
    rememberQuery(queryRef.current);
    navigate({ name: 'article', id: h.id });
  }, []);

  const move = useCallback((delta: number) => setActive((a) => Math.max(0, Math.min(hits.length - 1, a + delta))), [hits.length]);

  // ↑/↓ and Enter anywhere on the search page (not while typing in another field).
  useEffect(() => {
    if (!visible) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const cmd = keyCommand(e, 'search-page');
      if (cmd === 'select') {
        e.preventDefault();
        move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (cmd === 'open' && active >= 0 && hits[active] && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) {
        e.preventDefault();
        open(hits[active]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, move, active, hits, open]);

  const toggle = useCallback((id: number) => {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }, []);

  const toggleBasket = useCallback(
    (h: SearchHit) => {
      if (inBasket.has(h.id)) {
        removeFromBasket(h.id);
        notify(`已从剪报移除《${h.title}》`);
      } else {
        addToBasket([h.id]);
        notify(`已加入剪报：《${h.title}》`);
      }
    },
    [inBasket],
  );

  async function applyTag(tag: TagRef) {
    const req: TagChangeRequest = tagging === 'all' ? { query, filters, add: [tag] } : { ids: [...selected], add: [tag] };
    setTagging(null);
    try {
      const r = await api.changeTags(req);
      archiveChanged();
      notify(`已给 ${r.articles} 篇文章加上${KIND_LABEL[tag.kind]}标签“${tag.name}”。`, { action: undoAction(r.changeId), ms: 12000 });
    } catch (e) {
      notifyError(`加标签失败：${errorMessage(e)}`);
    }
  }

  if (stats && stats.articles === 0 && !query && Object.keys(filters).length === 0) {
    return (
      <div className="page search-page" hidden={!visible}>
        <Welcome writable={writable} />
      </div>
    );
  }

  const filterChips = (Object.keys(filters) as (keyof SearchFilters)[]).filter((k) => filters[k] !== undefined);

  return (
    <div className="page search-page" hidden={!visible}>
      <div className="search-top">
        <QueryBox
          value={query}
          onChange={setQuery}
          onArrow={move}
          onEnter={() => {
            if (active >= 0 && hits[active]) open(hits[active]);
            else if (hits.length > 0) setActive(0);
          }}
        >
          {writable && <SaveSearchButton />}
        </QueryBox>
      </div>
      <div className="search-body">
        <div className="sidebar">
          <SavedSearches writable={writable} />
          <FacetPanel filters={filters} facets={response?.facets} />
        </div>
        <section className="results" aria-label="结果">
          <div className="results-head">
            <div className="results-count" aria-live="polite">
              {response ? (
                <>
                  共 <strong>{formatCount(total)}</strong> 篇 <span className="muted">· {response.tookMs} 毫秒</span>
                </>
              ) : (
                <span className="muted">正在检索…</span>
              )}
              {loading && <span className="spinner" aria-label="正在检索" />}
            </div>
            <div className="segmented" role="group" aria-label="排序">
              <button type="button" className={sort === 'relevance' ? 'on' : ''} onClick={() => setSort('relevance')}>
                相关度
              </button>
              <button type="button" className={sort === 'date' ? 'on' : ''} onClick={() => setSort('date')}>
                日期
              </button>
            </div>
            <label className="dedupe-toggle" title="相同或相近的稿件只显示一篇">
              <input type="checkbox" checked={dedupe} onChange={(e) => setDedupe(e.target.checked)} /> 去重
            </label>
            {writable && total > 0 && !response?.partial && (
              <button type="button" className="btn btn-small" onClick={() => setTagging('all')}>
                给全部 {formatCount(total)} 篇加标签
              </button>
            )}
          </div>
          {filterChips.length > 0 && (
            <div className="active-filters">
              {filterChips.map((k) => (
                <button key={k} type="button" className="chip chip-on" onClick={() => setFilters((f) => ({ ...f, [k]: undefined }))} aria-label={`取消筛选 ${FILTER_LABEL[k]}`}>
                  {k === 'corrected' ? FILTER_LABEL[k] : <>{FILTER_LABEL[k]}：{k === 'dateFrom' || k === 'dateTo' ? formatDate(String(filters[k])) : String(filters[k])}</>} ×
                </button>
              ))}
              <button type="button" className="link small" onClick={() => setFilters(() => ({}))}>
                清除全部筛选
              </button>
            </div>
          )}
          {selected.size > 0 && (
            <div className="selection-bar">
              <span>已选 {selected.size} 篇</span>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const n = addToBasket([...selected]);
                  notify(`已加入剪报 ${n} 篇${n < selected.size ? `（${selected.size - n} 篇已在剪报中）` : ''}。`);
                }}
              >
                加入剪报
              </button>
              {writable && (
                <button type="button" className="btn btn-small" onClick={() => setTagging('selected')}>
                  加标签
                </button>
              )}
              <button type="button" className="link small" onClick={() => setSelected(new Set())}>
                取消选择
              </button>
            </div>
          )}
          {error && (
            <div className="error-box" role="alert">
              <span>{error}</span>
              <button type="button" className="btn btn-small" onClick={search.retry}>
                重试
              </button>
            </div>
          )}
          {stats && !stats.indexReady && <div className="notice">{stats.indexNotice ?? '正在建立检索索引，结果可能不完整…'}</div>}
          <ReparseNotice stats={stats} />
          {response?.suggestion && !error && (
            <div className="notice" role="status">
              <button type="button" className="link" onClick={() => setQuery(response.suggestion!.query)}>
                {response.suggestion.message}
              </button>
            </div>
          )}
          {response?.partial && !error && (
            <div className="notice partial-notice" role="status">
              {response.partial.message}
            </div>
          )}
          {response && !error && total === 0 && (
            <div className="empty">
              <p>没有找到符合条件的文章。</p>
              <p className="muted">试试更短的词、去掉引号或筛选条件，或检查日期范围。</p>
            </div>
          )}
          <ResultList hits={hits} total={total} terms={response?.terms} active={active} selected={selected} inBasket={inBasket} onActive={setActive} onOpen={open} onToggle={toggle} onBasket={toggleBasket} onLoadMore={search.loadMore} onNearDuplicates={(h) => setComparing(h.id)} />
        </section>
        <NearDupDialog id={comparing} onClose={() => setComparing(null)} />
      </div>
      <TagDialog
        open={tagging !== null}
        title={tagging === 'all' ? `给全部 ${formatCount(total)} 篇结果加标签` : `给所选 ${selected.size} 篇加标签`}
        note={tagging === 'all' ? `当前检索“${query || '（全部）'}”及筛选条件下的 ${formatCount(total)} 篇文章都会加上这个标签。可以撤销。` : `所选的 ${selected.size} 篇文章会加上这个标签。可以撤销。`}
        onClose={() => setTagging(null)}
        onSubmit={(t) => void applyTag(t)}
      />
    </div>
  );
}

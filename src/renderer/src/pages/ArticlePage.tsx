/** The article reader: title block, meta, highlighted body with match navigation, tags, related, raw text, citation. */
import { useCallback, useEffect, useState } from 'react';
import type { CitationFormat } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { ArticleBody } from '../components/ArticleBody';
import { CorrectionPanel, type CorrectionView } from '../components/CorrectionPanel';
import { RelatedList } from '../components/RelatedList';
import { NearDupDialog } from '../components/NearDupDialog';
import { TagEditor } from '../components/TagEditor';
import { archiveChanged } from '../lib/app-events';
import { addToBasket, basket, removeFromBasket } from '../lib/basket';
import { CITATION_FORMATS, citeFormat, copyCitation } from '../lib/cite';
import { datelineDateLabel, formatArticleDate, formatPage } from '../lib/format';
import { isEditable } from '../lib/keys';
import { notify, notifyError } from '../lib/notify';
import { goBack, navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApiQuery } from '../lib/use-api-query';
import { lastTerms, searchFor } from '../lib/use-search';

export function ArticlePage({ id, writable }: { id: number; writable: boolean }) {
  /** Bumped to read the article and its near-duplicates again: after a change made here (tags, 校对) or on 重试. */
  const [reload, setReload] = useState(0);
  const [raw, setRaw] = useState<string | null>(null);
  const [showRaw, setShowRaw] = useState(false);
  const [matchCount, setMatchCount] = useState(0);
  const [current, setCurrent] = useState(-1);
  const [lastChange, setLastChange] = useState<number | null>(null);
  /** Whether the other copies of this story (below) are shown side by side. */
  const [comparing, setComparing] = useState(false);
  const [correction, setCorrection] = useState<CorrectionView>(null);
  const terms = useStore(lastTerms);
  const bask = useStore(basket);
  const citeChoice = useStore(citeFormat);
  const inBasket = bask.ids.includes(id);

  // undefined: not read yet; null: no article with this id.
  const { data: article, error } = useApiQuery(() => api.getArticle({ id }), [id, reload]);

  // Other articles that are the same or nearly the same story. The line is a convenience: while
  // asking, or if asking failed, it is left out and the article reads the same.
  const dups = useApiQuery(() => api.getNearDuplicates({ id }), [id, reload]);
  const nearDups = dups.loading || dups.error || !dups.data ? 0 : Math.max(0, dups.data.length - 1);
  useEffect(() => setComparing(false), [id, reload]);

  useEffect(() => {
    setShowRaw(false);
    setRaw(null);
    setCurrent(-1);
    setLastChange(null);
    setCorrection(null);
    window.scrollTo(0, 0);
    document.querySelector('.reader-scroll')?.scrollTo(0, 0);
  }, [id]);

  const step = useCallback(
    (d: number) => {
      if (matchCount === 0) return;
      setCurrent((c) => (c < 0 ? (d > 0 ? 0 : matchCount - 1) : (c + d + matchCount) % matchCount));
    },
    [matchCount],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target) || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
      if (e.key === 'n' || e.key === 'F3') {
        e.preventDefault();
        step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'N' || e.key === 'p') {
        e.preventDefault();
        step(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  async function toggleRaw() {
    if (showRaw) return setShowRaw(false);
    if (raw === null) {
      try {
        const r = await api.getRawText({ id });
        setRaw(r ?? '（没有保存原始文本）');
      } catch (e) {
        return notifyError(`无法读取原始文本：${errorMessage(e)}`);
      }
    }
    setShowRaw(true);
  }

  const onCorrected = useCallback(
    (to: number) => {
      if (to !== id) navigate({ name: 'article', id: to });
      else setReload((r) => r + 1);
    },
    [id],
  );
  const toggleCorrection = (v: CorrectionView) => setCorrection((c) => (c === v ? null : v));

  const onTagsChanged = useCallback((changeId: number | null) => {
    setLastChange(changeId);
    setReload((r) => r + 1);
    archiveChanged();
  }, []);

  async function undo() {
    try {
      const r = await api.undoTagChange(lastChange !== null ? { changeId: lastChange } : {});
      setLastChange(null);
      setReload((x) => x + 1);
      archiveChanged();
      notify(r ? '已撤销上一次标签修改。' : '没有可撤销的标签修改。');
    } catch (e) {
      notifyError(`撤销失败：${errorMessage(e)}`);
    }
  }

  if (error) {
    return (
      <div className="page reader-page">
        <div className="error-box" role="alert">
          <span>无法打开这篇文章：{error}</span>
          <button type="button" className="btn btn-small" onClick={() => setReload((r) => r + 1)}>
            重试
          </button>
          <button type="button" className="btn btn-small" onClick={goBack}>
            返回
          </button>
        </div>
      </div>
    );
  }
  if (article === undefined) return <div className="page reader-page"><p className="muted center">正在打开…</p></div>;
  if (article === null) {
    return (
      <div className="page reader-page">
        <div className="empty">
          <p>这篇文章不存在，可能已被重新导入替换。</p>
          <button type="button" className="btn" onClick={goBack}>返回</button>
        </div>
      </div>
    );
  }

  // The date first; the dateline's own date (a story filed the day before) beside the dateline.
  const meta = [
    formatArticleDate(article),
    article.paper,
    formatPage(article.page),
    article.dateline?.raw,
    datelineDateLabel(article),
    `${article.chars} 字`,
    article.corrected && '已校对',
  ].filter(Boolean);

  return (
    <div className="page reader-page">
      <div className="reader-toolbar">
        <button type="button" className="btn btn-small" onClick={goBack} title="返回（Esc）">
          ← 返回
        </button>
        {matchCount > 0 && (
          <div className="match-nav" aria-label="检索词位置">
            <button type="button" className="btn btn-small" onClick={() => step(-1)} aria-label="上一处">
              ↑ 上一处
            </button>
            <span className="muted small">
              {current >= 0 ? current + 1 : 0} / {matchCount}
            </span>
            <button type="button" className="btn btn-small" onClick={() => step(1)} aria-label="下一处">
              ↓ 下一处
            </button>
          </div>
        )}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className={inBasket ? 'btn btn-small in-basket' : 'btn btn-small'}
          onClick={() => {
            if (inBasket) removeFromBasket(id);
            else addToBasket([id]);
            notify(inBasket ? '已从剪报移除' : '已加入剪报');
          }}
        >
          {inBasket ? '已在剪报 ×' : '加入剪报'}
        </button>
        <span className="cite-group">
          <select
            className="input input-small"
            aria-label="引用格式"
            title="复制引用的格式（记住上次的选择）"
            value={citeChoice}
            onChange={(e) => citeFormat.set(e.target.value as CitationFormat)}
          >
            {CITATION_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              copyCitation(id)
                .then(notify)
                .catch((e: unknown) => notifyError(errorMessage(e)))
            }
          >
            复制引用
          </button>
        </span>
        <button type="button" className="btn btn-small" aria-pressed={showRaw} onClick={() => void toggleRaw()}>
          {showRaw ? '隐藏原文' : '原始文本'}
        </button>
        {writable && (
          <button type="button" className="btn btn-small" aria-pressed={correction === 'edit'} onClick={() => toggleCorrection('edit')}>
            校对
          </button>
        )}
        {article.corrected && (
          <button type="button" className="btn btn-small" aria-pressed={correction === 'diff'} onClick={() => toggleCorrection('diff')}>
            原文对照
          </button>
        )}
        <button type="button" className="btn btn-small" aria-pressed={correction === 'history'} onClick={() => toggleCorrection('history')}>
          历史
        </button>
      </div>
      <div className="reader">
        <article className="reader-main">
          <p className="article-meta">{meta.join(' · ')}</p>
          {nearDups > 0 && (
            <p>
              <button type="button" className="link small hit-near-dups" onClick={() => setComparing(true)}>
                另有 {nearDups} 篇相同或相近稿件
              </button>
            </p>
          )}
          <NearDupDialog id={comparing ? article.id : null} onClose={() => setComparing(false)} />
          {article.partOf && (
            <p className="notice">
              本文接自{formatPage(article.partOf.page) || '他版'}《{article.partOf.title}》。
              <button type="button" className="link" onClick={() => navigate({ name: 'article', id: article.partOf!.id })}>
                阅读全文
              </button>
            </p>
          )}
          <CorrectionPanel article={article} view={correction} writable={writable} onChanged={onCorrected} />
          <ArticleBody article={article} terms={terms} current={current} onCount={setMatchCount} />
          {article.warnings.length > 0 && (
            <details className="warnings">
              <summary>导入时的提示（{article.warnings.length}）</summary>
              <ul>
                {article.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            </details>
          )}
          {showRaw && (
            <section className="raw" aria-label="原始文本">
              <h3>原始文本 <span className="muted small">{article.sourceFile}</span></h3>
              <pre>{raw}</pre>
            </section>
          )}
        </article>
        <aside className="reader-side">
          <TagEditor
            articleId={article.id}
            tags={article.tags}
            writable={writable}
            onChanged={onTagsChanged}
            canUndo={lastChange !== null}
            onUndo={() => void undo()}
            onSearch={(q) => {
              searchFor(q);
              navigate({ name: 'search' });
            }}
          />
          <RelatedList id={article.id} />
        </aside>
      </div>
    </div>
  );
}

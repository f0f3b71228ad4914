/** 剪报: the basket (reorder, remove, name), saved clipping sets, and export in six formats. */
import { useEffect, useState } from 'react';
import type { ArticleDetail, ClippingSet, ExportFormat } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { Dialog } from '../components/Dialog';
import { basket, moveInBasket, removeFromBasket } from '../lib/basket';
import { exportBasket, exporting, exportPrefs, FORMATS } from '../lib/export';
import { formatDate, formatPage, formatTime } from '../lib/format';
import { keysOf } from '../lib/keys';
import { notify, notifyError } from '../lib/notify';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApiQuery } from '../lib/use-api-query';

type Summary = Pick<ArticleDetail, 'id' | 'title' | 'date' | 'paper' | 'page'> | { id: number; missing: true };

export function ClippingsPage({ writable }: { writable: boolean }) {
  const b = useStore(basket);
  const prefs = useStore(exportPrefs);
  const busy = useStore(exporting);
  const [info, setInfo] = useState<Map<number, Summary>>(new Map());
  const { data: sets, error: setsError, reload: reloadSets } = useApiQuery(() => api.listClippingSets({}), []);
  const [deleting, setDeleting] = useState<ClippingSet | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  // Not useApiQuery: this fetches only the basket's ids not yet known, merges them into what is
  // known, and turns a failed or missing article into a `missing` row rather than an error.
  useEffect(() => {
    const missing = b.ids.filter((id) => !info.has(id));
    if (missing.length === 0) return;
    let live = true;
    Promise.all(
      missing.map((id) =>
        api
          .getArticle({ id })
          .then((a): Summary => (a ? { id, title: a.title, date: a.date, paper: a.paper, page: a.page } : { id, missing: true }))
          .catch((): Summary => ({ id, missing: true })),
      ),
    ).then((list) => {
      if (!live) return;
      setInfo((m) => {
        const n = new Map(m);
        list.forEach((s) => n.set(s.id, s));
        return n;
      });
    });
    return () => {
      live = false;
    };
  }, [b.ids, info]);

  async function save() {
    const name = b.name.trim() || `剪报 ${new Date().toLocaleDateString('zh-CN')}`;
    try {
      const s = await api.saveClippingSet({ id: b.setId, name, articleIds: b.ids });
      basket.set((x) => ({ ...x, name: s.name, setId: s.id }));
      reloadSets();
      notify(`已保存剪报“${s.name}”（${s.articleIds.length} 篇）。`);
    } catch (e) {
      notifyError(`保存失败：${errorMessage(e)}`);
    }
  }

  async function remove(s: ClippingSet) {
    setDeleting(null);
    try {
      await api.deleteClippingSet({ id: s.id! });
      if (basket.get().setId === s.id) basket.set((x) => ({ ...x, setId: undefined }));
      reloadSets();
      notify(`已删除剪报“${s.name}”。`);
    } catch (e) {
      notifyError(`删除失败：${errorMessage(e)}`);
    }
  }

  return (
    <div className="page narrow-page clippings-page">
      <h1>剪报</h1>
      <section className="card">
        <div className="basket-head">
          <label className="field grow">
            <span>名称</span>
            <input className="input" aria-label="剪报名称" value={b.name} placeholder="给这组剪报起个名字" onChange={(e) => basket.set((x) => ({ ...x, name: e.target.value }))} />
          </label>
          {writable && (
            <button type="button" className="btn" disabled={b.ids.length === 0} onClick={() => void save()}>
              {b.setId ? '保存修改' : '保存'}
            </button>
          )}
          <button type="button" className="btn" disabled={b.ids.length === 0} onClick={() => basket.set({ name: '', ids: [] })}>
            新建（清空）
          </button>
        </div>
        {b.ids.length === 0 ? (
          <p className="muted empty">剪报是空的。在检索结果或文章里点“剪报”即可加入。</p>
        ) : (
          <ol className="basket-list">
            {b.ids.map((id, i) => {
              const s = info.get(id);
              return (
                <li
                  key={id}
                  className={dragFrom === i ? 'basket-item dragging' : 'basket-item'}
                  draggable
                  onDragStart={(e) => {
                    setDragFrom(i);
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/x-baoku-index', String(i));
                  }}
                  onDragOver={(e) => {
                    if (dragFrom !== null) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    if (dragFrom !== null) moveInBasket(dragFrom, i);
                    setDragFrom(null);
                  }}
                  onDragEnd={() => setDragFrom(null)}
                >
                  <span className="drag-handle" aria-hidden="true">⋮⋮</span>
                  <span className="basket-num">{i + 1}</span>
                  <div className="basket-main">
                    {!s ? (
                      <span className="muted">正在读取…</span>
                    ) : 'missing' in s ? (
                      <span className="error-text">文章 #{id} 已不存在</span>
                    ) : (
                      <>
                        <a
                          href={`#/article/${id}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ name: 'article', id });
                          }}
                        >
                          {s.title}
                        </a>
                        <div className="muted small">{[formatDate(s.date), s.paper, formatPage(s.page)].filter(Boolean).join(' · ')}</div>
                      </>
                    )}
                  </div>
                  <button type="button" className="btn-icon" aria-label="上移" disabled={i === 0} onClick={() => moveInBasket(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" className="btn-icon" aria-label="下移" disabled={i === b.ids.length - 1} onClick={() => moveInBasket(i, i + 1)}>
                    ↓
                  </button>
                  <button type="button" className="btn-icon" aria-label="移除" onClick={() => removeFromBasket(id)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <div className="export-row">
          <label className="field">
            <span>格式</span>
            <select className="input" aria-label="导出格式" value={prefs.format} onChange={(e) => exportPrefs.set((p) => ({ ...p, format: e.target.value as ExportFormat }))}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={prefs.highlight} onChange={(e) => exportPrefs.set((p) => ({ ...p, highlight: e.target.checked }))} />
            标出当前检索词
          </label>
          <button type="button" className="btn btn-primary" disabled={b.ids.length === 0 || busy} onClick={() => void exportBasket()} title={keysOf('export')}>
            {busy ? '正在导出…' : `导出 ${b.ids.length} 篇`}
          </button>
        </div>
      </section>

      <section className="card">
        <h2>已保存的剪报</h2>
        {setsError && <p className="error-text">{setsError}</p>}
        {sets && sets.length === 0 && <p className="muted">还没有保存过剪报。</p>}
        {sets && sets.length > 0 && (
          <ul className="set-list">
            {sets.map((s) => (
              <li key={s.id} className={s.id === b.setId ? 'set-item current' : 'set-item'}>
                <div className="grow">
                  <strong>{s.name}</strong>
                  <span className="muted small">
                    {' '}
                    · {s.articleIds.length} 篇{s.updatedAt ? ` · ${formatTime(s.updatedAt)}` : ''}
                  </span>
                </div>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    basket.set({ name: s.name, ids: [...s.articleIds], setId: s.id });
                    notify(`已打开剪报“${s.name}”。`);
                  }}
                >
                  打开
                </button>
                {writable && (
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(s)}>
                    删除
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Dialog
        open={deleting !== null}
        title="删除剪报"
        onClose={() => setDeleting(null)}
        actions={
          <button type="button" className="btn btn-danger" onClick={() => deleting && void remove(deleting)}>
            删除
          </button>
        }
      >
        <p>确定删除剪报“{deleting?.name}”（{deleting?.articleIds.length} 篇）吗？文章本身不会被删除。</p>
      </Dialog>
    </div>
  );
}

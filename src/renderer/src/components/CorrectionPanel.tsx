/**
 * 校对 in the reader (issue 17): the headline block, the article's facts (日期, 版次, 电头, 作者 by
 * role, 图片说明: `CorrectionMetaFields`) and each paragraph editable, 与上一篇/下一篇合并 and 在此拆分
 * in two clicks; 原文对照 (the parser's reading beside the corrected one) and 历史 (every
 * correction, with 撤销). The parser's reading always stays in the archive.
 */
import { useEffect, useState } from 'react';
import type { ArticleCorrection, ArticleDetail, CorrectionResult } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { correctionValueText } from '../lib/correction-fields';
import { archiveChanged } from '../lib/app-events';
import { notify, notifyError } from '../lib/notify';
import { navigate } from '../lib/router';
import { useApiQuery } from '../lib/use-api-query';
import { CorrectionMetaFields } from './CorrectionMetaFields';

export type CorrectionView = 'edit' | 'diff' | 'history' | null;

interface Props {
  article: ArticleDetail;
  view: CorrectionView;
  writable: boolean;
  /** After a change: show this article (another id after a merge into the one before). */
  onChanged(id: number): void;
}

/** Run a correction call, then tell the app and the user. */
async function run(call: () => Promise<CorrectionResult>, done: string, onChanged: Props['onChanged'], fallbackId: number): Promise<CorrectionResult | null> {
  try {
    const r = await call();
    archiveChanged();
    notify([done, ...r.reviews].join(' '));
    onChanged(r.article?.id ?? fallbackId);
    return r;
  } catch (e) {
    notifyError(`校对失败：${errorMessage(e)}`);
    return null;
  }
}

export function CorrectionPanel({ article, view, writable, onChanged }: Props) {
  if (view === 'edit' && writable) return <EditPanel article={article} onChanged={onChanged} />;
  if (view === 'diff') return <DiffPanel article={article} />;
  if (view === 'history') return <HistoryPanel article={article} writable={writable} onChanged={onChanged} />;
  return null;
}

function EditPanel({ article, onChanged }: { article: ArticleDetail; onChanged: Props['onChanged'] }) {
  const [kicker, setKicker] = useState(article.kicker ?? '');
  const [title, setTitle] = useState(article.title);
  const [subtitle, setSubtitle] = useState(article.subtitle ?? '');
  const [editing, setEditing] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setKicker(article.kicker ?? '');
    setTitle(article.title);
    setSubtitle(article.subtitle ?? '');
    setEditing(null);
  }, [article]);

  async function act(call: () => Promise<CorrectionResult>, done: string) {
    setBusy(true);
    await run(call, done, onChanged, article.id);
    setBusy(false);
  }

  async function split(at: number) {
    setBusy(true);
    try {
      const r = await api.splitArticle({ id: article.id, at });
      archiveChanged();
      onChanged(article.id);
      const newId = r.newId;
      notify(`已拆分：第 ${at + 1} 段起成为新文章${newId ? ` #${newId}` : ''}。`, newId ? { action: { label: '打开', run: () => navigate({ name: 'article', id: newId }) } } : {});
    } catch (e) {
      notifyError(`拆分失败：${errorMessage(e)}`);
    }
    setBusy(false);
  }

  function saveHeadline() {
    const c: ArticleCorrection = {};
    if (kicker.trim() !== (article.kicker ?? '')) c.kicker = kicker.trim() || null;
    if (title.trim() !== article.title) c.title = title.trim();
    if (subtitle.trim() !== (article.subtitle ?? '')) c.subtitle = subtitle.trim() || null;
    if (!Object.keys(c).length) return notify('标题没有变化。');
    void act(() => api.correctArticle({ id: article.id, ...c }), '已校对标题。');
  }

  return (
    <section className="correction-panel" aria-label="校对">
      <h3>校对 <span className="muted small">修改会记录在历史中，可随时撤销；原文始终保留</span></h3>
      <div className="correction-headline">
        <label className="field">
          <span>引题</span>
          <input className="input" aria-label="引题" value={kicker} onChange={(e) => setKicker(e.target.value)} />
        </label>
        <label className="field">
          <span>标题</span>
          <input className="input" aria-label="标题" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>副题</span>
          <input className="input" aria-label="副题" value={subtitle} onChange={(e) => setSubtitle(e.target.value)} />
        </label>
        <div className="row-buttons">
          <button type="button" className="btn btn-small btn-primary" disabled={busy || !title.trim()} onClick={saveHeadline}>
            保存标题
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => api.mergeArticles({ id: article.id, with: 'prev' }), '已与上一篇合并。')}>
            与上一篇合并
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void act(() => api.mergeArticles({ id: article.id, with: 'next' }), '已与下一篇合并。')}>
            与下一篇合并
          </button>
        </div>
      </div>
      <CorrectionMetaFields article={article} busy={busy} onSave={(c, done) => void act(() => api.correctArticle({ id: article.id, ...c }), done)} />
      <ol className="correction-paragraphs" aria-label="段落">
        {article.paragraphs.map((p, i) => (
          <li key={i} className={p.type === 'heading' ? 'heading' : undefined}>
            {editing === i ? (
              <>
                <textarea className="input" aria-label={`第 ${i + 1} 段`} rows={Math.min(8, Math.ceil(text.length / 40) + 1)} value={text} onChange={(e) => setText(e.target.value)} />
                <div className="row-buttons">
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={busy || text === p.text}
                    onClick={() => void act(() => api.correctArticle({ id: article.id, paragraphs: [{ index: i, text }] }), `已校对第 ${i + 1} 段。`)}
                  >
                    保存
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                    取消
                  </button>
                </div>
              </>
            ) : (
              <>
                <span className="para-text">{p.text}</span>
                <span className="row-buttons">
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={`修改第 ${i + 1} 段`}
                    onClick={() => {
                      setEditing(i);
                      setText(p.text);
                    }}
                  >
                    修改
                  </button>
                  {i > 0 && (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={`在第 ${i + 1} 段拆分`}
                      title="从这一段起拆成一篇新文章"
                      disabled={busy}
                      onClick={() => void split(i)}
                    >
                      在此拆分
                    </button>
                  )}
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The stretch where two readings differ (common start and end left plain). */
function Changed({ from, to }: { from: string; to: string }) {
  let p = 0;
  while (p < from.length && p < to.length && from[p] === to[p]) p++;
  let s = 0;
  while (s < from.length - p && s < to.length - p && from[from.length - 1 - s] === to[to.length - 1 - s]) s++;
  return (
    <>
      <td>
        {from.slice(0, p)}
        <del>{from.slice(p, from.length - s)}</del>
        {from.slice(from.length - s)}
      </td>
      <td>
        {to.slice(0, p)}
        <ins>{to.slice(p, to.length - s)}</ins>
        {to.slice(to.length - s)}
      </td>
    </>
  );
}

/** The two panels below report a failed read as a toast (the panel keeps saying 正在读取…), not inline. */
function useToastOnError(error: string | null, what: string) {
  useEffect(() => {
    if (error) notifyError(`${what}：${error}`);
  }, [error, what]);
}

function DiffPanel({ article }: { article: ArticleDetail }) {
  const { data: orig, error } = useApiQuery(() => api.getOriginal({ id: article.id }), [article]);
  useToastOnError(error, '无法读取原文');
  if (!orig) return <p className="muted">正在读取原文…</p>;
  const rows: [string, string, string][] = [
    ['引题', orig.kicker ?? '', article.kicker ?? ''],
    ['标题', orig.title, article.title],
    ['副题', orig.subtitle ?? '', article.subtitle ?? ''],
    ['日期', orig.date ?? '', article.date ?? ''],
    ['版次', orig.page ? String(orig.page) : '', article.page ? String(article.page) : ''],
    ['电头', orig.dateline?.raw ?? '', article.dateline?.raw ?? ''],
    ['署名', orig.byline?.raw ?? '', article.byline?.raw ?? ''],
  ];
  const n = Math.max(orig.paragraphs.length, article.paragraphs.length);
  for (let i = 0; i < n; i++) rows.push([`第 ${i + 1} 段`, orig.paragraphs[i]?.text ?? '', article.paragraphs[i]?.text ?? '']);
  const changed = rows.filter(([, a, b]) => a !== b);
  return (
    <section className="correction-panel" aria-label="原文对照">
      <h3>原文对照 <span className="muted small">左：解析器读出的原文，右：校对后</span></h3>
      {orig.splitFrom && <p className="muted small">本文由文章 #{orig.splitFrom} 拆分而来。</p>}
      {orig.merged.length > 0 && <p className="muted small">合并进来的文章：{orig.merged.map((m) => `#${m.id}《${m.title}》`).join('、')}</p>}
      {changed.length === 0 ? (
        <p className="muted">与原文相同。</p>
      ) : (
        <table className="table diff-table">
          <thead>
            <tr>
              <th />
              <th>原文</th>
              <th>校对后</th>
            </tr>
          </thead>
          <tbody>
            {changed.map(([label, a, b]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <Changed from={a} to={b} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}


function HistoryPanel({ article, writable, onChanged }: { article: ArticleDetail; writable: boolean; onChanged: Props['onChanged'] }) {
  const { data: list, error } = useApiQuery(() => api.getHistory({ id: article.id }), [article]);
  useToastOnError(error, '无法读取校对历史');
  if (!list) return <p className="muted">正在读取校对历史…</p>;
  return (
    <section className="correction-panel" aria-label="校对历史">
      <h3>校对历史</h3>
      {list.length === 0 && <p className="muted">这篇文章还没有校对过。</p>}
      <ul className="correction-history">
        {[...list].reverse().map((h) => (
          <li key={h.id} className={h.undoneAt ? 'undone' : undefined}>
            <div>
              <strong>{h.label}</strong>
              {h.field.startsWith('merge-') || h.field === 'split-at' ? null : (
                <>
                  ：<del>{correctionValueText(h.field, h.before)}</del> → <ins>{correctionValueText(h.field, h.after)}</ins>
                </>
              )}
            </div>
            <div className="muted small">
              {h.author} · {new Date(h.createdAt).toLocaleString('zh-CN')}
              {h.undoneAt && ' · 已撤销'}
              {h.review && ` · ${h.review}`}
            </div>
            {writable && !h.undoneAt && (
              <button type="button" className="btn btn-small" aria-label={`撤销校对 ${h.id}`} onClick={() => void run(() => api.undoCorrection({ correctionId: h.id }), `已撤销：${h.label}。`, onChanged, article.id)}>
                撤销
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

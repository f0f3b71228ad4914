/** Tag vocabularies by kind with counts and aliases; rename, merge and delete after seeing how many articles change. */
import { useEffect, useState } from 'react';
import type { TagInfo, TagKind } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { Dialog } from '../components/Dialog';
import { TagInput } from '../components/TagInput';
import { archiveChanged, archiveVersion } from '../lib/app-events';
import { KIND_LABEL, tagQuery } from '../lib/format';
import { notify, notifyError } from '../lib/notify';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApiQuery } from '../lib/use-api-query';
import { searchFor } from '../lib/use-search';

type Action = { op: 'rename' | 'merge' | 'delete'; tag: TagInfo };
const KINDS: TagKind[] = ['reporter', 'department', 'topic'];
const OP_LABEL = { rename: '重命名', merge: '合并', delete: '删除' } as const;

export function TagsPage({ writable }: { writable: boolean }) {
  const version = useStore(archiveVersion);
  const [kind, setKind] = useState<TagKind>('reporter');
  const [filter, setFilter] = useState('');
  const [tags, setTags] = useState<TagInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  // The count is a convenience: if it cannot be read the line is left out (or keeps its last value).
  const stats = useApiQuery(() => api.stats(), [version]);
  const corrected = stats.data ? (stats.data.correctedArticles ?? 0) : null;

  // Not useApiQuery: debounced, so typing in the filter sends one call when the typing pauses,
  // not one a key (the hook cannot take back a call it has started).
  useEffect(() => {
    let live = true;
    setError(null);
    const t = setTimeout(() => {
      api
        .listTags({ kind, prefix: filter.trim() || undefined, limit: 2000 })
        .then((l) => live && setTags(l))
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [kind, filter, version]);

  return (
    <div className="page narrow-page tags-page">
      <h1>标签</h1>
      {corrected !== null && (
        <p className="corrected-count muted">
          已校对的文章：
          <button
            type="button"
            className="link"
            title="检索已校对的文章"
            onClick={() => {
              searchFor('已校对');
              navigate({ name: 'search' });
            }}
          >
            {corrected} 篇
          </button>
        </p>
      )}
      <div className="tags-top">
        <div className="segmented" role="tablist" aria-label="标签类别">
          {KINDS.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={kind === k ? 'on' : ''} onClick={() => setKind(k)}>
              {KIND_LABEL[k]}
            </button>
          ))}
        </div>
        <input className="input" type="search" aria-label="筛选标签" placeholder={`查找${KIND_LABEL[kind]}…`} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {tags && tags.length === 0 && <p className="muted">没有{KIND_LABEL[kind]}标签{filter ? `以“${filter}”开头` : ''}。</p>}
      {tags && tags.length > 0 && (
        <table className="table tag-table">
          <thead>
            <tr>
              <th>名称</th>
              <th>别名</th>
              <th className="num">文章</th>
              {writable && <th aria-label="操作" />}
            </tr>
          </thead>
          <tbody>
            {tags.map((t) => (
              <tr key={t.name}>
                <td>
                  <button
                    type="button"
                    className="link"
                    title="检索这个标签的文章"
                    onClick={() => {
                      searchFor(tagQuery(t.kind, t.name));
                      navigate({ name: 'search' });
                    }}
                  >
                    {t.name}
                  </button>
                </td>
                <td className="small muted">{t.aliases.join('、') || '—'}</td>
                <td className="num">{t.count}</td>
                {writable && (
                  <td className="actions">
                    <div className="row-buttons">
                      {(['rename', 'merge', 'delete'] as const).map((op) => (
                        <button key={op} type="button" className={op === 'delete' ? 'btn btn-small btn-danger' : 'btn btn-small'} onClick={() => setAction({ op, tag: t })}>
                          {OP_LABEL[op]}
                        </button>
                      ))}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TagActionDialog action={action} onClose={() => setAction(null)} />
    </div>
  );
}

function TagActionDialog({ action, onClose }: { action: Action | null; onClose(): void }) {
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  // Closed (no action): nothing is asked. While counting, or if counting failed, the action cannot be confirmed.
  const counted = useApiQuery((): Promise<number | null> => (action ? api.tagUsage({ kind: action.tag.kind, name: action.tag.name }) : Promise.resolve(null)), [action]);
  const usage = counted.loading || counted.error ? null : (counted.data ?? null);
  useEffect(() => {
    if (counted.error) notifyError(`无法统计受影响的文章：${counted.error}`);
  }, [counted.error]);

  useEffect(() => setTarget(action?.op === 'rename' ? action.tag.name : ''), [action]);

  if (!action) return <Dialog open={false} title="" onClose={onClose}>{null}</Dialog>;
  const { op, tag } = action;
  const label = KIND_LABEL[tag.kind];
  const to = target.trim();
  const ready = usage !== null && !busy && (op === 'delete' || (to !== '' && to !== tag.name));

  async function confirm() {
    setBusy(true);
    try {
      const n =
        op === 'rename'
          ? await api.renameTag({ kind: tag.kind, from: tag.name, to })
          : op === 'merge'
            ? await api.mergeTags({ kind: tag.kind, from: tag.name, into: to })
            : await api.deleteTag({ kind: tag.kind, name: tag.name });
      archiveChanged();
      notify(op === 'rename' ? `已把“${tag.name}”改名为“${to}”，${n} 篇文章已更新。` : op === 'merge' ? `已把“${tag.name}”并入“${to}”，${n} 篇文章已更新。` : `已删除${label}标签“${tag.name}”，${n} 篇文章已更新。`);
      onClose();
    } catch (e) {
      notifyError(`${OP_LABEL[op]}失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={`${OP_LABEL[op]}${label}标签“${tag.name}”`}
      onClose={onClose}
      actions={
        <button type="button" className={op === 'delete' ? 'btn btn-danger' : 'btn btn-primary'} disabled={!ready} onClick={() => void confirm()}>
          {busy ? '正在处理…' : `确定${OP_LABEL[op]}`}
        </button>
      }
    >
      <p className="usage" aria-live="polite">
        {usage === null ? '正在统计受影响的文章…' : <>将影响 <strong>{usage}</strong> 篇文章。</>}
      </p>
      {op === 'rename' && (
        <label className="field">
          <span>新名称</span>
          <input className="input" aria-label="新名称" value={target} autoFocus onChange={(e) => setTarget(e.target.value)} />
        </label>
      )}
      {op === 'merge' && (
        <label className="field">
          <span>并入</span>
          <TagInput kind={tag.kind} value={target} onChange={setTarget} label="并入的标签" placeholder={`选择要并入的${label}`} autoFocus />
        </label>
      )}
      {op === 'delete' && <p>这个标签会从所有文章上移除，文章本身不会被删除。</p>}
      {op === 'merge' && <p className="muted small">合并后，这些文章都改用目标标签，“{tag.name}”不再单独出现。</p>}
    </Dialog>
  );
}

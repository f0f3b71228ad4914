/**
 * 已保存的搜索 in the sidebar: each saved search with `+N` (articles that
 * matched since it was last opened); a click runs it and clears the number.
 * Rename, delete and move up/down where the archive is writable.
 */
import { useEffect, useState } from 'react';
import type { SavedSearch } from '../../../shared/api';
import { errorMessage } from '../api-client';
import { notify, notifyError } from '../lib/notify';
import { deleteSavedSearch, isCurrent, moveSavedSearch, nameProblem, openSavedSearch, reloadSavedSearches, renameSavedSearch, savedSearches } from '../lib/saved-searches';
import { useStore } from '../lib/store';
import { searchState } from '../lib/use-search';
import { Dialog } from './Dialog';
import { NameField } from './SaveSearchButton';

export function SavedSearches({ writable }: { writable: boolean }) {
  const { list, error } = useStore(savedSearches);
  const state = useStore(searchState);
  const [renaming, setRenaming] = useState<SavedSearch | null>(null);
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const [name, setName] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => void reloadSavedSearches(), []);

  const act = (what: string, p: Promise<unknown>) => p.catch((e: unknown) => notifyError(`${what}失败：${errorMessage(e)}`));
  const problem = renaming ? nameProblem(name, list, renaming.id) : null;

  async function rename() {
    if (!renaming || problem) return;
    try {
      await renameSavedSearch(renaming.id, name);
      setRenaming(null);
    } catch (e) {
      setServerError(errorMessage(e));
    }
  }

  return (
    <section className="facet saved-searches" aria-label="已保存的搜索">
      <h3>已保存的搜索</h3>
      {error && <p className="error-text small">{error}</p>}
      {list.length === 0 && !error && <p className="muted small">还没有保存的搜索。检索后点“保存搜索”，以后导入的新文章会在这里计数。</p>}
      <ul className="facet-list">
        {list.map((s, i) => {
          const on = isCurrent(s, state);
          return (
            <li key={s.id} className="saved-item">
              <button
                type="button"
                className={on ? 'facet-item on' : 'facet-item'}
                title={`${s.query || '（全部文章）'}${s.newCount ? `\n上次打开后新增 ${s.newCount} 篇` : ''}`}
                onClick={() => void act('打开保存的搜索', openSavedSearch(s.id))}
              >
                <span className="facet-name">{s.name}</span>
                {s.newCount > 0 && (
                  <span className="new-badge" aria-label={`新增 ${s.newCount} 篇`}>
                    +{s.newCount}
                  </span>
                )}
              </button>
              {writable && (
                <span className="saved-actions">
                  <button type="button" className="btn-icon" aria-label={`上移 ${s.name}`} title="上移" disabled={i === 0} onClick={() => void act('移动', moveSavedSearch(s.id, -1))}>
                    ↑
                  </button>
                  <button type="button" className="btn-icon" aria-label={`下移 ${s.name}`} title="下移" disabled={i === list.length - 1} onClick={() => void act('移动', moveSavedSearch(s.id, 1))}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn-icon"
                    aria-label={`改名 ${s.name}`}
                    title="改名"
                    onClick={() => {
                      setName(s.name);
                      setServerError(null);
                      setRenaming(s);
                    }}
                  >
                    ✎
                  </button>
                  <button type="button" className="btn-icon" aria-label={`删除 ${s.name}`} title="删除" onClick={() => setDeleting(s)}>
                    ×
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <Dialog
        open={renaming !== null}
        title="给保存的搜索改名"
        onClose={() => setRenaming(null)}
        actions={
          <button type="button" className="btn btn-primary" disabled={!!problem} onClick={() => void rename()}>
            改名
          </button>
        }
      >
        <NameField value={name} onChange={(v) => (setName(v), setServerError(null))} onSubmit={() => void rename()} problem={problem ?? serverError} />
      </Dialog>
      <Dialog
        open={deleting !== null}
        title="删除保存的搜索"
        onClose={() => setDeleting(null)}
        actions={
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              const s = deleting!;
              setDeleting(null);
              void act('删除', deleteSavedSearch(s.id).then(() => notify(`已删除保存的搜索“${s.name}”。文章不受影响。`)));
            }}
          >
            删除
          </button>
        }
      >
        <p>删除保存的搜索“{deleting?.name}”？只删除这条搜索，档案库里的文章不受影响。</p>
      </Dialog>
    </section>
  );
}

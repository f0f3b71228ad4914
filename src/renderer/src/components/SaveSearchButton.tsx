/** 保存搜索: the current query, filters and sort under a name the user gives (checked as it is typed). */
import { useState } from 'react';
import { errorMessage } from '../api-client';
import { notify } from '../lib/notify';
import { nameProblem, saveCurrentSearch, savedSearches, suggestName } from '../lib/saved-searches';
import { useStore } from '../lib/store';
import { searchState } from '../lib/use-search';
import { Dialog } from './Dialog';

/** The name input with its message (empty, too long, taken, or the archive's refusal). */
export function NameField({ value, onChange, onSubmit, problem }: { value: string; onChange(v: string): void; onSubmit(): void; problem: string | null }) {
  const [touched, setTouched] = useState(false);
  const show = touched || value !== '' ? problem : null;
  return (
    <label className="field">
      <span>名称</span>
      <input
        className="input"
        aria-label="搜索的名称"
        aria-invalid={!!show}
        autoFocus
        maxLength={120}
        value={value}
        onChange={(e) => {
          setTouched(true);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            setTouched(true);
            onSubmit();
          }
        }}
      />
      {show && (
        <span className="error-text" role="alert">
          {show}
        </span>
      )}
    </label>
  );
}

export function SaveSearchButton() {
  const { list } = useStore(savedSearches);
  const { query, filters } = useStore(searchState);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  const problem = nameProblem(name, list);

  async function save() {
    if (problem) return;
    try {
      const s = await saveCurrentSearch(name);
      setOpen(false);
      notify(`已保存搜索“${s.name}”。以后导入的文章中有符合的，会在左侧显示新增篇数。`);
    } catch (e) {
      setServerError(errorMessage(e));
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn"
        title="把当前的检索词、筛选和排序保存下来，以后导入的新文章中有符合的会计数提醒"
        onClick={() => {
          setName(suggestName(query, filters));
          setServerError(null);
          setOpen(true);
        }}
      >
        保存搜索
      </button>
      <Dialog
        open={open}
        title="保存搜索"
        onClose={() => setOpen(false)}
        actions={
          <button type="button" className="btn btn-primary" disabled={!!problem} onClick={() => void save()}>
            保存
          </button>
        }
      >
        <p className="muted">检索：{query.trim() || '（全部文章）'}{Object.keys(filters).length > 0 && `，另有 ${Object.keys(filters).length} 个筛选条件`}</p>
        <NameField value={name} onChange={(v) => (setName(v), setServerError(null))} onSubmit={() => void save()} problem={problem ?? serverError} />
      </Dialog>
    </>
  );
}

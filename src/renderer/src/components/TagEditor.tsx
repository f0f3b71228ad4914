/**
 * The tags of one article, editable inline: remove with ×, add with
 * autocomplete (kind, name, role for reporters), suggested topics applied
 * only on click, and 撤销 of the last change made here.
 */
import { useState } from 'react';
import type { ArticleTag, ReporterRole, TagKind, TagRef } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { KIND_LABEL, tagQuery } from '../lib/format';
import { notify, notifyError } from '../lib/notify';
import { useApiQuery } from '../lib/use-api-query';
import { TagInput } from './TagInput';

interface Props {
  articleId: number;
  tags: ArticleTag[];
  writable: boolean;
  /** Called after a change with the server's change id (for undo). */
  onChanged(changeId: number | null): void;
  onSearch(query: string): void;
  canUndo: boolean;
  onUndo(): void;
}

const KINDS: TagKind[] = ['reporter', 'department', 'topic'];
const ROLES: ReporterRole[] = ['记者', '通讯员', '摄影', '实习生'];

export function TagEditor({ articleId, tags, writable, onChanged, onSearch, canUndo, onUndo }: Props) {
  const [kind, setKind] = useState<TagKind>('topic');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ReporterRole>('记者');
  const [busy, setBusy] = useState(false);
  // Asked again when the tags change (a topic just added is no longer suggested); a failure only hides the suggestions.
  const suggested = useApiQuery(() => api.suggestTopics({ id: articleId }), [articleId, tags]);
  const suggestions = suggested.error ? [] : (suggested.data ?? []);

  async function change(add: TagRef[], remove: TagRef[], what: string) {
    setBusy(true);
    try {
      const r = await api.changeTags({ ids: [articleId], add, remove });
      onChanged(r.changeId);
      notify(what);
    } catch (e) {
      notifyError(`标签没有改成：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  function add(n = name) {
    const t = n.trim();
    if (!t) return;
    const ref: TagRef = kind === 'reporter' ? { kind, name: t, role } : { kind, name: t };
    setName('');
    void change([ref], [], `已添加${KIND_LABEL[kind]}标签“${t}”`);
  }

  const topicNames = new Set(tags.filter((t) => t.kind === 'topic').map((t) => t.name));
  const offered = suggestions.filter((s) => !topicNames.has(s.name)).slice(0, 8);

  return (
    <section className="tag-editor" aria-label="标签">
      {KINDS.map((k) => {
        const list = tags.filter((t) => t.kind === k);
        return (
          <div key={k} className="tag-row">
            <span className="tag-kind">{KIND_LABEL[k]}</span>
            <div className="tag-chips">
              {list.length === 0 && <span className="muted small">无</span>}
              {list.map((t) => (
                <span key={`${t.name}/${t.role ?? ''}`} className={`chip tag-${t.kind}${t.source === 'manual' ? ' manual' : ''}`} title={t.source === 'auto' ? '自动识别' : '手工添加'}>
                  <button type="button" className="chip-link" onClick={() => onSearch(tagQuery(t.kind, t.name))}>
                    {t.name}
                    {t.role && t.role !== '记者' ? <small>（{t.role}）</small> : null}
                  </button>
                  {writable && (
                    <button type="button" className="chip-x" aria-label={`移除标签 ${t.name}`} disabled={busy} onClick={() => void change([], [{ kind: t.kind, name: t.name, role: t.role }], `已移除标签“${t.name}”`)}>
                      ×
                    </button>
                  )}
                </span>
              ))}
            </div>
          </div>
        );
      })}
      {writable && (
        <div className="tag-add">
          <select className="input" aria-label="标签类别" value={kind} onChange={(e) => setKind(e.target.value as TagKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          {kind === 'reporter' && (
            <select className="input" aria-label="身份" value={role} onChange={(e) => setRole(e.target.value as ReporterRole)}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
          <TagInput kind={kind} value={name} onChange={setName} onSubmit={add} label="新标签" placeholder="添加标签…" />
          <button type="button" className="btn btn-small" disabled={!name.trim() || busy} onClick={() => add()}>
            添加
          </button>
          {canUndo && (
            <button type="button" className="btn btn-small" onClick={onUndo}>
              撤销
            </button>
          )}
        </div>
      )}
      {writable && offered.length > 0 && (
        <div className="tag-suggest">
          <span className="muted small">建议主题：</span>
          {offered.map((s) => (
            <button key={s.name} type="button" className="chip chip-suggest" disabled={busy} title={s.source === 'keyword' ? '来自关键词' : '来自相似文章'} onClick={() => void change([{ kind: 'topic', name: s.name }], [], `已添加主题标签“${s.name}”`)}>
              ＋ {s.name}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

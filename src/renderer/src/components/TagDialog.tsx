/** Dialog to add one tag (kind, name, role for reporters) to a set of articles. */
import { useState } from 'react';
import type { ReporterRole, TagKind, TagRef } from '../../../shared/api';
import { KIND_LABEL } from '../lib/format';
import { Dialog } from './Dialog';
import { TagInput } from './TagInput';

interface Props {
  open: boolean;
  title: string;
  /** Shown above the form, e.g. "将给 12 篇文章加标签". */
  note: string;
  onClose(): void;
  onSubmit(tag: TagRef): void;
}

const ROLES: ReporterRole[] = ['记者', '通讯员', '摄影', '实习生'];

export function TagDialog({ open, title, note, onClose, onSubmit }: Props) {
  const [kind, setKind] = useState<TagKind>('topic');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ReporterRole>('记者');
  const submit = (n = name) => {
    const t = n.trim();
    if (!t) return;
    onSubmit(kind === 'reporter' ? { kind, name: t, role } : { kind, name: t });
    setName('');
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="btn btn-primary" disabled={!name.trim()} onClick={() => submit()}>
          添加标签
        </button>
      }
    >
      <p className="muted">{note}</p>
      <div className="form-row">
        <label className="field">
          <span>类别</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as TagKind)}>
            {(Object.keys(KIND_LABEL) as TagKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'reporter' && (
          <label className="field">
            <span>身份</span>
            <select className="input" value={role} onChange={(e) => setRole(e.target.value as ReporterRole)}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="field">
        <span>名称</span>
        <TagInput kind={kind} value={name} onChange={setName} onSubmit={submit} label="标签名称" autoFocus placeholder="输入或选择已有标签" />
      </label>
    </Dialog>
  );
}

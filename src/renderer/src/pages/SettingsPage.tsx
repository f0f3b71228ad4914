/**
 * 设置 → 团队档案库 (issue 22): where this desk's shared archive is (a PostgreSQL address; its
 * password is kept by the archive and never shown back), who works at this desk, 立即同步 and what it
 * did, and the conflicts syncs found with what each side wrote. The sync runs in the core's worker
 * (`services/team-service.ts`); this page only asks and shows.
 */
import { useEffect, useState } from 'react';
import type { TeamConflict, TeamStatus, TeamSyncResult } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { archiveChanged, archiveVersion } from '../lib/app-events';
import { formatTime } from '../lib/format';
import { notify, notifyError } from '../lib/notify';
import { navigate } from '../lib/router';
import { useStore } from '../lib/store';
import { useApiQuery } from '../lib/use-api-query';

export function SettingsPage({ writable }: { writable: boolean }) {
  // Read again after any change to the archive (an edit adds to 待发送, a sync to everything).
  const version = useStore(archiveVersion);
  const status = useApiQuery(() => api.teamStatus({}), [version]);
  const conflicts = useApiQuery(() => api.listTeamConflicts({}), [version]);
  const [result, setResult] = useState<TeamSyncResult | null>(null);
  const [syncing, setSyncing] = useState(false);
  const s = status.data;

  // A sync started elsewhere (another window, before this page opened) is still running: look again shortly.
  useEffect(() => {
    if (!s?.syncing || syncing) return;
    const t = setTimeout(status.reload, 1000);
    return () => clearTimeout(t);
  }, [s, syncing, status.reload]);

  async function syncNow() {
    setSyncing(true);
    setResult(null);
    try {
      const r = await api.syncNow({});
      setResult(r);
      if (r.applied > 0) archiveChanged();
    } catch (e) {
      setResult({ ok: false, at: new Date().toISOString(), pushed: 0, pulled: 0, applied: 0, pending: 0, conflicts: [], error: errorMessage(e), message: errorMessage(e) });
    } finally {
      setSyncing(false);
      status.reload();
      conflicts.reload();
    }
  }

  return (
    <div className="page narrow-page settings-page">
      <h1>设置</h1>
      <section className="card team-section" aria-labelledby="team-heading">
        <h2 id="team-heading">团队档案库</h2>
        <p className="muted small">
          每台电脑都有自己完整的档案库，断网也能导入、检索、打标签和校对。能连上报社的 PostgreSQL 时，“立即同步”把本机的改动发上去，再把别人的改动取回来；检索始终在本机。
        </p>
        {status.error && (
          <p className="error-text" role="alert">
            {status.error}
          </p>
        )}
        {s && <TeamState s={s} />}
        {!writable && <p className="notice">这是只读共享：团队档案库的设置和同步只能在编辑自己的报库里进行。</p>}
        {writable && s && <TeamForm s={s} onSaved={status.reload} />}
        {writable && s && (
          <div className="team-sync">
            <button type="button" className="btn btn-primary" disabled={syncing || s.syncing || !s.remote || !s.user} onClick={() => void syncNow()}>
              {syncing || s.syncing ? '正在同步…' : '立即同步'}
            </button>
            {(syncing || s.syncing) && <span className="spinner" aria-hidden />}
            {!s.remote && <span className="muted small">先填写团队档案库的地址。</span>}
            {s.remote && !s.user && <span className="muted small">先填写本机使用者。</span>}
          </div>
        )}
        {result && <SyncResult r={result} />}
      </section>
      <section className="card team-conflicts" aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">冲突</h2>
        {conflicts.error && (
          <p className="error-text" role="alert">
            {conflicts.error}
          </p>
        )}
        {conflicts.data && conflicts.data.length === 0 && <p className="muted">没有未处理的冲突。</p>}
        {conflicts.data && conflicts.data.length > 0 && (
          <ul className="conflict-list">
            {conflicts.data.map((c) => (
              <ConflictItem
                key={c.id}
                c={c}
                writable={writable}
                onResolved={() => {
                  conflicts.reload();
                  status.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TeamState({ s }: { s: TeamStatus }) {
  const last = s.lastSync;
  return (
    <dl className="team-state" aria-label="团队档案库状态">
      <dt>地址</dt>
      <dd className="team-remote">{s.remote ?? <span className="muted">未设置</span>}</dd>
      <dt>密码</dt>
      <dd>{s.hasPassword ? '已保存（不显示）' : <span className="muted">未保存</span>}</dd>
      <dt>本机使用者</dt>
      <dd>{s.user ?? <span className="muted">未设置</span>}</dd>
      <dt>上次同步</dt>
      <dd className="team-last">{last ? `${formatTime(last.at)}：发送 ${last.pushed} 条，收到 ${last.pulled} 条` : <span className="muted">还没有同步过</span>}</dd>
      <dt>待发送的改动</dt>
      <dd className="team-unsent">{s.unsent} 条</dd>
      {s.waiting > 0 && (
        <>
          <dt>等待文章的改动</dt>
          <dd>{s.waiting} 条（对应的文章到了本机再应用）</dd>
        </>
      )}
      <dt>未处理的冲突</dt>
      <dd className="team-conflict-count">{s.openConflicts} 处</dd>
    </dl>
  );
}

function TeamForm({ s, onSaved }: { s: TeamStatus; onSaved(): void }) {
  const [remote, setRemote] = useState(s.remote ?? '');
  const [password, setPassword] = useState('');
  const [user, setUser] = useState(s.user ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setRemote(s.remote ?? ''), [s.remote]);
  useEffect(() => setUser(s.user ?? ''), [s.user]);

  const change = {
    ...(remote.trim() && remote.trim() !== s.remote ? { remote: remote.trim() } : {}),
    ...(password ? { password } : {}),
    ...(user.trim() && user.trim() !== s.user ? { user: user.trim() } : {}),
  };

  async function save(req: Parameters<typeof api.setTeamSettings>[0], done: string) {
    setBusy(true);
    setError(null);
    try {
      await api.setTeamSettings(req);
      setPassword('');
      notify(done);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="team-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (Object.keys(change).length) void save(change, '团队档案库的设置已保存。');
      }}
    >
      <label className="field">
        <span>团队档案库地址</span>
        <input className="input" aria-label="团队档案库地址" placeholder="postgres://用户@主机[:端口]/数据库" spellCheck={false} autoComplete="off" value={remote} onChange={(e) => setRemote(e.target.value)} />
      </label>
      <div className="form-row">
        <label className="field">
          <span>密码</span>
          <input
            className="input"
            type="password"
            aria-label="密码"
            placeholder={s.hasPassword ? '已保存，不改就留空' : '没有密码就留空'}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label className="field">
          <span>本机使用者（团队档案库里的用户名）</span>
          <input className="input" aria-label="本机使用者" placeholder="如：王编辑" value={user} onChange={(e) => setUser(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="btn" disabled={busy || !Object.keys(change).length}>
          保存设置
        </button>
        {s.remote && (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void save({ remote: null }, '已忘记团队档案库的地址和密码。')}>
            忘记地址和密码
          </button>
        )}
      </div>
    </form>
  );
}

function SyncResult({ r }: { r: TeamSyncResult }) {
  if (!r.ok) {
    return (
      <div className="error-box" role="alert" aria-label="同步结果">
        {r.error ?? r.message}
      </div>
    );
  }
  return (
    <div className="sync-result" role="status" aria-label="同步结果">
      <p>{r.message}</p>
      {r.conflicts.length > 0 && (
        <ul className="small">
          {r.conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ConflictItem({ c, writable, onResolved }: { c: TeamConflict; writable: boolean; onResolved(): void }) {
  const [busy, setBusy] = useState(false);
  async function resolve() {
    setBusy(true);
    try {
      await api.resolveTeamConflict({ id: c.id });
      notify(`第 ${c.id} 号冲突已处理。`);
      onResolved();
    } catch (e) {
      notifyError(`未能处理冲突：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="conflict">
      <p className="conflict-message">{c.message}</p>
      {c.theirs.value !== undefined && (
        <dl className="conflict-sides small">
          <dt>{c.theirs.author} 写的</dt>
          <dd>
            「{c.theirs.value}」{c.kept === 'theirs' && <span className="badge">现用</span>}
          </dd>
          <dt>本机当时是</dt>
          <dd>
            「{c.mine}」{c.kept === 'mine' && <span className="badge">现用</span>}
          </dd>
        </dl>
      )}
      <div className="row-actions">
        {c.articleId !== undefined && c.articleTitle && (
          <button type="button" className="btn btn-small" onClick={() => navigate({ name: 'article', id: c.articleId! })}>
            打开《{c.articleTitle}》
          </button>
        )}
        {writable && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void resolve()} title="文章保留现在的内容；要改，请在阅读页校对">
            标为已处理
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Pages read by an older parser: say so, and offer to read them again (`reparse`). Editors' tags
 * stay; the report says how many articles were split differently.
 */
import { useState } from 'react';
import type { ArchiveStats } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { archiveChanged } from '../lib/app-events';
import { notify, notifyError } from '../lib/notify';

export function ReparseNotice({ stats }: { stats: ArchiveStats | null }) {
  const [busy, setBusy] = useState(false);
  if (!stats || stats.pagesToReparse === 0) return null;
  const run = () => {
    setBusy(true);
    api
      .reparse({})
      .then((r) => {
        archiveChanged();
        const changed = r.rewritten + r.added + r.removed;
        notify(`已重新解析 ${r.pages} 个版面：${changed} 篇拆分有变化，${r.unchanged} 篇不变。编辑加的标签都已保留。`);
      })
      .catch((e: unknown) => notifyError(`重新解析失败：${errorMessage(e)}`))
      .finally(() => setBusy(false));
  };
  return (
    <div className="notice" role="status">
      <span>有 {stats.pagesToReparse} 个版面是由旧版解析器读取的，重新解析可按新规则拆分文章、识别标题和署名。</span>
      {stats.writable && (
        <button type="button" className="btn btn-small" disabled={busy} onClick={run}>
          {busy ? '正在重新解析…' : '重新解析'}
        </button>
      )}
    </div>
  );
}

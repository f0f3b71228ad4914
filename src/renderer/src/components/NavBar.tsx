/** The top bar: app name, page tabs (with the basket count) and archive summary. */
import type { ArchiveStats } from '../../../shared/api';
import { basket } from '../lib/basket';
import { formatCount, formatDate } from '../lib/format';
import { importRun } from '../lib/import-job';
import { keysOf } from '../lib/keys';
import { navigate, type Route } from '../lib/router';
import { useStore } from '../lib/store';

export function NavBar({ route, stats }: { route: Route; stats: ArchiveStats | null }) {
  const b = useStore(basket);
  const run = useStore(importRun);
  const tab = (name: Route['name'], label: string, title: string, extra?: string) => {
    const on = route.name === name || (name === 'search' && route.name === 'article');
    return (
      <a
        href={name === 'search' ? '#/' : `#/${name}`}
        className={on ? 'tab on' : 'tab'}
        aria-current={on ? 'page' : undefined}
        title={title}
        onClick={(e) => {
          e.preventDefault();
          navigate({ name } as Route);
        }}
      >
        {label}
        {extra && <span className="tab-badge">{extra}</span>}
      </a>
    );
  };
  return (
    <header className="navbar">
      <span className="brand">报库</span>
      <nav className="tabs" aria-label="页面">
        {tab('search', '检索', `检索（${keysOf('focus-search')}）`)}
        {tab('import', '导入', `导入（${keysOf('import')}）`, run.running ? '…' : undefined)}
        {tab('clippings', '剪报', `剪报（${keysOf('clippings')}；${keysOf('export')} 导出）`, b.ids.length ? String(b.ids.length) : undefined)}
        {tab('tags', '标签', `标签管理（${keysOf('tags')}）`)}
        {tab('settings', '设置', `设置：团队档案库（${keysOf('settings')}）`)}
      </nav>
      <span className="nav-stats muted small">
        {stats && (
          <>
            共 {formatCount(stats.articles)} 篇
            {stats.firstDate && stats.lastDate && ` · ${formatDate(stats.firstDate)} 至 ${formatDate(stats.lastDate)}`}
          </>
        )}
      </span>
      {stats && !stats.writable && <span className="badge badge-ro" title="共享的报库只能检索和阅读">只读</span>}
    </header>
  );
}

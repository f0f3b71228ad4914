/**
 * The app shell: navigation bar, the routed page, toasts, global keyboard
 * shortcuts, desktop menu commands and drag-and-drop of files onto the window.
 * The search page stays mounted (hidden) while other pages show, so its
 * results and scroll position survive a visit to an article.
 */
import { useCallback, useEffect } from 'react';
import { NavBar } from './components/NavBar';
import { Toasts } from './components/Toasts';
import { searchInput } from './lib/app-events';
import { desktop, type MenuCommand } from './lib/bridge';
import { isEditable, keyCommand, shortcutsHelp } from './lib/keys';
import { notify, notifyError } from './lib/notify';
import { goBack, navigate, useRoute } from './lib/router';
import { useSearch } from './lib/use-search';
import { useStats } from './lib/use-stats';
import { ArticlePage } from './pages/ArticlePage';
import { ClippingsPage } from './pages/ClippingsPage';
import { requestExport } from './lib/export';
import { pickFolder, queueDroppedFiles } from './lib/import-queue';
import { ImportPage } from './pages/ImportPage';
import { SearchPage } from './pages/SearchPage';
import { TagsPage } from './pages/TagsPage';
import { SettingsPage } from './pages/SettingsPage';

function focusSearch(): void {
  navigate({ name: 'search' });
  requestAnimationFrame(() => {
    searchInput.current?.focus();
    searchInput.current?.select();
  });
}

export function App() {
  const route = useRoute();
  const search = useSearch();
  const { stats, error: statsError } = useStats();
  const writable = stats?.writable ?? false;

  const command = useCallback((cmd: MenuCommand) => {
    switch (cmd) {
      case 'focus-search':
        return focusSearch();
      case 'import':
        return navigate({ name: 'import' });
      case 'import-folder':
        navigate({ name: 'import' });
        return void pickFolder();
      case 'export':
        return requestExport();
      case 'clippings':
        return navigate({ name: 'clippings' });
      case 'tags':
        return navigate({ name: 'tags' });
      case 'settings':
        return navigate({ name: 'settings' });
      case 'about':
        return notify(`报库：离线报纸资料库。检索、标签、剪报都在本机完成。快捷键：${shortcutsHelp()}。`);
    }
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = keyCommand(e, 'global');
      if (!cmd) return;
      if (cmd === 'back') {
        if (document.querySelector('dialog[open]') || route.name === 'search') return;
        if (isEditable(e.target)) (e.target as HTMLElement).blur();
        e.preventDefault();
        goBack();
      } else if (cmd !== 'select' && cmd !== 'open') {
        e.preventDefault();
        command(cmd);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.name, command]);

  useEffect(() => {
    const d = desktop();
    if (!d) return;
    return d.onMenu(command);
  }, [command]);

  // Files dropped anywhere on the window go to the import page.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        document.body.classList.add('dragging');
      }
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) document.body.classList.remove('dragging');
    };
    const drop = (e: DragEvent) => {
      document.body.classList.remove('dragging');
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      if (!writable) return void notifyError('这是只读的共享报库，不能导入文件。');
      queueDroppedFiles([...e.dataTransfer.files]);
      navigate({ name: 'import' });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [writable]);

  return (
    <div className="app">
      <NavBar route={route} stats={stats} />
      {statsError && (
        <div className="error-box banner" role="alert">
          {statsError}
        </div>
      )}
      <main className="main">
        <SearchPage search={search} stats={stats} visible={route.name === 'search'} />
        {route.name === 'article' && <ArticlePage key={route.id} id={route.id} writable={writable} />}
        {route.name === 'import' && <ImportPage writable={writable} />}
        {route.name === 'clippings' && <ClippingsPage writable={writable} />}
        {route.name === 'tags' && <TagsPage writable={writable} />}
        {route.name === 'settings' && <SettingsPage writable={writable} />}
      </main>
      <Toasts />
    </div>
  );
}

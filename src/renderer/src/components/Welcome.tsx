/** First start: an empty archive offers to import files or the built-in sample page. */
import { navigate } from '../lib/router';
import { importRun, runImport } from '../lib/import-job';
import { useStore } from '../lib/store';

export function Welcome({ writable }: { writable: boolean }) {
  const run = useStore(importRun);
  return (
    <div className="welcome">
      <h1>欢迎使用报库</h1>
      <p>报库还是空的。导入报纸版面的文本文件（.txt）后，就可以检索、打标签、做剪报。</p>
      {writable ? (
        <div className="welcome-actions">
          <button type="button" className="btn btn-primary btn-large" onClick={() => navigate({ name: 'import' })}>
            导入文件…
          </button>
          <button type="button" className="btn btn-large" disabled={run.running} onClick={() => void runImport([{ sample: true }])}>
            {run.running ? '正在导入示例…' : '导入示例版面'}
          </button>
        </div>
      ) : (
        <p className="muted">这是只读的共享报库，无法在这里导入。请在报库所在的电脑上导入文件。</p>
      )}
      <p className="muted small">示例版面：《大众日报》2022年1月28日第3版，含三篇稿件和一则链接。</p>
    </div>
  );
}

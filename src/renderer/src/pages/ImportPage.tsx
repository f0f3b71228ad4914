/** Import: choose or drop .txt pages, check paper/date/page, watch progress, read the report and the history. */
import { useRef, useState } from 'react';
import { api, errorMessage } from '../api-client';
import { archiveVersion } from '../lib/app-events';
import { isDesktop } from '../lib/bridge';
import { dateProblem } from '../lib/dates';
import { DateInput } from '../components/DateInput';
import { formatDuration, formatTime, importedPageLabel, importStatusLabel } from '../lib/format';
import { cancelRun, importRun, runImport } from '../lib/import-job';
import {
  allRows,
  buildBatches,
  clearPending,
  lastSent,
  pending,
  pickFiles,
  pickFolder,
  queueDroppedFiles,
  removePending,
  setForAllRows,
  updatePending,
} from '../lib/import-queue';
import { notifyError } from '../lib/notify';
import { useStore } from '../lib/store';
import { useApiQuery } from '../lib/use-api-query';

export function ImportPage({ writable }: { writable: boolean }) {
  const files = useStore(pending);
  const forAll = useStore(allRows);
  const run = useStore(importRun);
  const inputRef = useRef<HTMLInputElement>(null);
  const [preparing, setPreparing] = useState(false);
  const [force, setForce] = useState(false);

  const badDate = files.find((f) => dateProblem(f.date));
  const forAllDateProblem = dateProblem(forAll.date);

  async function start() {
    if (badDate) return;
    setPreparing(true);
    try {
      const batches = await buildBatches(files, force);
      lastSent.set(files);
      clearPending();
      void runImport(batches);
    } catch (e) {
      notifyError(`无法读取所选文件：${errorMessage(e)}。请重新选择。`);
    } finally {
      setPreparing(false);
    }
  }

  if (!writable) {
    return (
      <div className="page narrow-page">
        <h1>导入</h1>
        <p className="muted">这是只读的共享报库，不能在这里导入文件。请在报库所在的电脑上导入。</p>
        <ImportHistory />
      </div>
    );
  }

  return (
    <div className="page narrow-page import-page">
      <h1>导入版面</h1>
      <div className="dropzone">
        <p>把版面文本文件（.txt）拖到窗口里，或者</p>
        <div className="dropzone-actions">
          {isDesktop() ? (
            <>
              <button type="button" className="btn btn-primary" onClick={() => void pickFiles()}>
                选择文件…
              </button>
              <button type="button" className="btn" onClick={() => void pickFolder()}>
                选择文件夹…
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => inputRef.current?.click()}>
              选择文件…
            </button>
          )}
          <button type="button" className="btn" disabled={run.running} onClick={() => void runImport([{ sample: true }])}>
            导入示例版面
          </button>
        </div>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".txt,text/plain"
          hidden
          aria-label="选择要导入的文件"
          onChange={(e) => {
            queueDroppedFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <p className="muted small">文件名里的报名、日期、版次（如 大众日报_2022-01-28_第3版.txt）会自动填好，可以修改。同一版面再次导入会被识别为重复。</p>
      </div>

      {files.length > 0 && (
        <section className="card">
          <h2>待导入（{files.length} 个文件）</h2>
          <div className="for-all-rows" role="group" aria-label="所有文件">
            <span className="small">所有文件：</span>
            <label className="small">
              报纸 <input className="input" aria-label="所有文件的报纸" value={forAll.paper} placeholder="如 大众日报" onChange={(e) => setForAllRows('paper', e.target.value)} />
            </label>
            <label className="small">
              日期{' '}
              <DateInput label="所有文件的日期" value={forAll.date} problem={forAllDateProblem} onChange={(v) => setForAllRows('date', v)} />
            </label>
            <span className="muted small">填写后应用到下面每一行；清空则恢复按文件名识别的值。</span>
          </div>
          {forAllDateProblem && (
            <p className="error-text small" role="alert">
              所有文件的日期：{forAllDateProblem}
            </p>
          )}
          <table className="table">
            <thead>
              <tr>
                <th>文件</th>
                <th>报纸</th>
                <th>日期</th>
                <th>版次</th>
                <th aria-label="操作" />
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.key}>
                  <td className="file-name" title={f.path ?? f.name}>
                    {f.name}
                  </td>
                  <td>
                    <input className="input" aria-label={`${f.name} 的报纸`} value={f.paper} placeholder="未识别" onChange={(e) => updatePending(f.key, { paper: e.target.value })} />
                  </td>
                  <td>
                    <DateInput label={`${f.name} 的日期`} value={f.date} problem={dateProblem(f.date)} onChange={(v) => updatePending(f.key, { date: v })} />
                  </td>
                  <td>
                    <input className="input input-narrow" type="number" min={1} aria-label={`${f.name} 的版次`} value={f.page} placeholder="—" onChange={(e) => updatePending(f.key, { page: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="btn-icon" aria-label={`移除 ${f.name}`} onClick={() => removePending(f.key)}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {badDate && (
            <p className="error-text small" role="alert">
              {badDate.name} 的日期：{dateProblem(badDate.date)}
            </p>
          )}
          <label className="small">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> 不像报纸版面的文件也导入（默认跳过说明、许可、配置等文件）
          </label>
          <div className="row-actions">
            <button type="button" className="btn btn-primary" disabled={run.running || preparing || !!badDate} onClick={() => void start()}>
              {preparing ? '正在读取文件…' : `开始导入 ${files.length} 个文件`}
            </button>
            <button type="button" className="btn" onClick={clearPending}>
              清空
            </button>
          </div>
        </section>
      )}

      {(run.running || run.reports.length > 0 || run.error) && <ImportProgress />}
      <ImportHistory />
    </div>
  );
}

function ImportProgress() {
  const run = useStore(importRun);
  const s = run.status;
  const pct = s && s.filesTotal > 0 ? Math.round((s.filesDone / s.filesTotal) * 100) : run.running ? 0 : 100;
  return (
    <section className="card" aria-label="导入进度">
      <h2>{run.running ? '正在导入…' : run.cancelled ? '导入已取消' : run.error ? '导入出错' : '导入完成'}</h2>
      {run.running && (
        <>
          <progress className="progress" max={100} value={pct} aria-label="导入进度" />
          <p className="progress-text">
            {s ? `文件 ${s.filesDone} / ${s.filesTotal}` : '正在开始…'}
            {run.batchesTotal > 1 && ` · 第 ${run.batchesDone + 1} / ${run.batchesTotal} 批`}
            {s && ` · 已找到 ${s.articlesFound} 篇文章 · 已用 ${formatDuration(s.elapsedMs)}`}
            {s?.etaMs !== undefined && ` · 预计还需 ${formatDuration(s.etaMs)}`}
          </p>
          <button type="button" className="btn" onClick={cancelRun}>
            取消
          </button>
        </>
      )}
      {run.error && (
        <p className="error-text" role="alert">
          {run.error}
        </p>
      )}
      {!run.running && run.reports.length > 0 && (
        <>
          <p>
            {run.reports.length} 个文件，新增 <strong>{run.articlesAdded}</strong> 篇文章，用时 {formatDuration(run.finishedAt - run.startedAt)}{run.cancelled && run.filesAsked !== undefined && run.filesAsked > run.reports.length ? `；其余 ${run.filesAsked - run.reports.length} 个文件没有导入` : ''}。
          </p>
          <ReportTable />
        </>
      )}
    </section>
  );
}

function ReportTable() {
  const run = useStore(importRun);
  const sent = useStore(lastSent);
  /** Import one skipped file again, as a page (the editor says it is one). */
  async function importAnyway(name: string) {
    const f = sent.find((x) => x.name === name);
    if (!f) return;
    try {
      void runImport(await buildBatches([f], true));
    } catch (e) {
      notifyError(`无法读取所选文件：${errorMessage(e)}。请重新选择。`);
    }
  }
  return (
    <table className="table report">
      <thead>
        <tr>
          <th>文件</th>
          <th>结果</th>
          <th>文章</th>
          <th>版面</th>
          <th>提示</th>
        </tr>
      </thead>
      <tbody>
        {run.reports.map((r, i) => (
          <tr key={i}>
            <td className="file-name">{r.file}</td>
            <td>
              <span className={`status status-${r.status}`}>{importStatusLabel(r)}</span>
            </td>
            <td>{r.articles}</td>
            <td className="small">{importedPageLabel(r)}</td>
            <td className="small">
              {r.error && <div className="error-text">{r.error}</div>}
              {r.notAPage &&
                (sent.some((x) => x.name === r.file) ? (
                  <button type="button" className="btn btn-small" disabled={run.running} onClick={() => void importAnyway(r.file)}>
                    仍要导入
                  </button>
                ) : (
                  <div className="muted">确是版面的话，重新选择它，勾选“不像报纸版面的文件也导入”再导入。</div>
                ))}
              {r.warnings.length > 0 && (
                <details>
                  <summary>{r.warnings.length} 条提示</summary>
                  <ul>
                    {r.warnings.map((w, j) => (
                      <li key={j}>{w}</li>
                    ))}
                  </ul>
                </details>
              )}
              {!r.error && r.warnings.length === 0 && <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportHistory() {
  const version = useStore(archiveVersion);
  const { data: list, error } = useApiQuery(() => api.listImports({ limit: 200 }), [version]);
  return (
    <section className="card" aria-label="导入记录">
      <h2>导入记录</h2>
      {error && <p className="error-text">{error}</p>}
      {list && list.length === 0 && <p className="muted">还没有导入过文件。</p>}
      {list && list.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>文件</th>
              <th>版面</th>
              <th>结果</th>
              <th>文章</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td className="small nowrap">{formatTime(r.importedAt)}</td>
                <td className="file-name">{r.file}</td>
                <td className="small">{importedPageLabel(r)}</td>
                <td>
                  <span className={`status status-${r.status}`} title={r.notAPage ? r.warnings[0] : undefined}>
                    {importStatusLabel(r)}
                  </span>
                  {r.warnings.length > 0 && <span className="muted small"> · {r.warnings.length} 条提示</span>}
                </td>
                <td>{r.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

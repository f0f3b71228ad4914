/**
 * The running import, shared by the import page and the first-start screen.
 * Batches run one after another (each batch is one `startImport`); the status
 * is polled from `importStatus` and outlives page changes.
 */
import type { ImportFileReport, ImportJobStatus, StartImportRequest } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { archiveChanged } from './app-events';
import { notify, notifyError } from './notify';
import { createStore } from './store';

export interface ImportRun {
  running: boolean;
  /** Status of the batch being imported now. */
  status: ImportJobStatus | null;
  batchesDone: number;
  batchesTotal: number;
  /** Per-file reports of this run so far. */
  reports: ImportFileReport[];
  /** Files the run was given, when known up front (uploads; a folder's files are found as it runs). */
  filesAsked?: number;
  articlesAdded: number;
  startedAt: number;
  /** When the run ended (0 while it runs): its time is `finishedAt - startedAt`, all batches together. */
  finishedAt: number;
  cancelled: boolean;
  error: string | null;
}

export const importRun = createStore<ImportRun>({
  running: false,
  status: null,
  batchesDone: 0,
  batchesTotal: 0,
  reports: [],
  articlesAdded: 0,
  startedAt: 0,
  finishedAt: 0,
  cancelled: false,
  error: null,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let cancelRequested = false;

export async function runImport(batches: StartImportRequest[]): Promise<void> {
  if (importRun.get().running || batches.length === 0) return;
  cancelRequested = false;
  const filesAsked = batches.every((b) => b.files && !b.paths && !b.sample) ? batches.reduce((n, b) => n + b.files!.length, 0) : undefined;
  importRun.set({ running: true, status: null, batchesDone: 0, batchesTotal: batches.length, reports: [], filesAsked, articlesAdded: 0, startedAt: Date.now(), finishedAt: 0, cancelled: false, error: null });
  try {
    for (const batch of batches) {
      if (cancelRequested) break;
      const { jobId } = await api.startImport(batch);
      let status: ImportJobStatus;
      for (;;) {
        status = await api.importStatus({ jobId });
        importRun.set((r) => ({ ...r, status }));
        if (status.state !== 'running') break;
        if (cancelRequested) {
          await api.cancelImport({ jobId }).catch(() => undefined);
        }
        await sleep(250);
      }
      const rep = status.report;
      importRun.set((r) => ({
        ...r,
        batchesDone: r.batchesDone + 1,
        reports: rep ? [...r.reports, ...rep.files] : r.reports,
        articlesAdded: r.articlesAdded + (rep?.articlesAdded ?? 0),
        error: status.state === 'failed' ? (status.error ?? '导入失败') : r.error,
      }));
      if (status.state === 'cancelled') break;
    }
  } catch (e) {
    importRun.set((r) => ({ ...r, error: errorMessage(e) }));
  } finally {
    importRun.set((r) => ({ ...r, running: false, finishedAt: Date.now(), cancelled: cancelRequested }));
    archiveChanged();
    const r = importRun.get();
    if (r.error) notifyError(`导入出错：${r.error}。请检查文件后重试。`);
    else if (r.cancelled) notify(`导入已取消，已加入 ${r.articlesAdded} 篇文章。`);
    else notify(`导入完成：${r.reports.length} 个文件，新增 ${r.articlesAdded} 篇文章。`);
  }
}

export function cancelRun(): void {
  cancelRequested = true;
  const s = importRun.get().status;
  if (s && s.state === 'running') api.cancelImport({ jobId: s.jobId }).catch(() => undefined);
}

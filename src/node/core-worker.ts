/**
 * The core in a worker thread: jieba, SQLite, indexing and imports never run
 * on the event loop of the Electron main process or the HTTP host.
 *
 * Calls are dispatched as their messages arrive, also while an import job runs:
 * the job works in slices with a turn of this thread's event loop between them
 * (`ImportService.importSources`, core/services/import-service.ts), so a search waits for one slice, not for the job.
 * Calls are answered in the order they came, not reads before writes: apart
 * from searches every call is a few milliseconds of work (a tag edit about one;
 * `startImport` only queues its job), so putting searches first would save a
 * search little.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Archive, UserError } from '../core/service';
import type { PdfRenderer } from '../core/export';
import { followRemote, type Follower } from '../core/sync/follow';
import { dispatch } from './dispatch';
import type { FromWorker, ToWorker, WorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('core-worker must run in a worker thread');
const data = workerData as WorkerData;
const post = (m: FromWorker) => port.postMessage(m);

let pdfSeq = 0;
const pdfWaiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
const externalPdf: PdfRenderer = {
  render(html, opts) {
    const id = ++pdfSeq;
    return new Promise<Buffer>((resolve, reject) => {
      pdfWaiting.set(id, { resolve, reject });
      post({ type: 'pdf-request', id, html, headerTitle: opts.headerTitle });
    });
  },
};

async function main() {
  let archive: Archive;
  try {
    archive = await Archive.open({
      dir: data.archiveDir,
      writable: data.writable ?? true,
      resourcesDir: data.resourcesDir,
      pdf: data.pdf === 'external' ? externalPdf : undefined,
      log: (message) => post({ type: 'log', message }),
    });
    if (data.demo && (await archive.stats()).articles === 0) {
      await archive.importSources(archive.sampleSources(), {});
    }
  } catch (err) {
    post({ type: 'open-failed', error: (err as Error).message, user: err instanceof UserError });
    return;
  }
  // A read replica: its copy follows the shared archive; to its clients it is read-only.
  const follower: Follower | undefined = data.follow && followRemote(archive, data.follow.remote, { everyMs: data.follow.everyMs, log: (message) => post({ type: 'log', message }) });
  port!.on('message', async (msg: ToWorker) => {
    if (msg.type === 'call') {
      const t0 = performance.now();
      const out = await dispatch(archive, msg.method, msg.arg, msg.cancel ? { cancelled: new Int32Array(msg.cancel) } : undefined);
      if (follower && msg.method === 'stats' && 'value' in out) (out.value as { writable: boolean }).writable = false;
      const coreMs = performance.now() - t0;
      post('value' in out ? { type: 'result', id: msg.id, value: out.value, coreMs } : { type: 'result', id: msg.id, error: out.error, code: out.code, coreMs });
    } else if (msg.type === 'pdf-result') {
      const w = pdfWaiting.get(msg.id);
      pdfWaiting.delete(msg.id);
      if (w && msg.dataBase64 !== undefined) w.resolve(Buffer.from(msg.dataBase64, 'base64'));
      else w?.reject(new Error(msg.error ?? 'PDF 生成失败'));
    } else if (msg.type === 'close') {
      await follower?.stop();
      await archive.close();
      post({ type: 'closed' });
      port!.close();
    }
  });
  post({ type: 'ready', notices: archive.openNotices });
}

void main();

/**
 * Files chosen for import but not yet sent: browser File objects or desktop
 * paths, each with paper/date/page pre-filled from `guessFileMeta` and
 * editable. Only fields the user changed are sent as overrides.
 */
import type { FileNameGuess, StartImportRequest } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { desktop } from './bridge';
import { readAsBase64 } from './files';
import { notifyError } from './notify';
import { createStore } from './store';

export interface PendingFile {
  key: string;
  name: string;
  file?: File;
  path?: string;
  guess: FileNameGuess;
  paper: string;
  date: string;
  page: string;
  /** True when the user edited paper, date or page. */
  edited: boolean;
}

export const pending = createStore<PendingFile[]>([]);
/** The files of the last import started from the form, so that a skipped one can be imported anyway. */
export const lastSent = createStore<PendingFile[]>([]);
let nextKey = 1;

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function add(items: { name: string; file?: File; path?: string }[]): void {
  const fresh: PendingFile[] = items.map((it) => ({ key: String(nextKey++), ...it, guess: {}, paper: '', date: '', page: '', edited: false }));
  pending.set((list) => [...list, ...fresh]);
  for (const f of fresh) {
    api
      .guessFileMeta({ name: f.name })
      .then((g) =>
        pending.set((list) =>
          list.map((x) => (x.key === f.key && !x.edited ? { ...x, guess: g, paper: g.paper ?? '', date: g.date ?? '', page: g.page !== undefined ? String(g.page) : '' } : x)),
        ),
      )
      .catch(() => undefined);
  }
}

export function queueDroppedFiles(files: File[]): void {
  const txt = files.filter((f) => /\.txt$/i.test(f.name));
  if (txt.length < files.length) notifyError(`已忽略 ${files.length - txt.length} 个不是 .txt 的文件：报库只导入版面文本文件。`);
  add(txt.map((file) => ({ name: file.name, file })));
}

export function queuePaths(paths: string[]): void {
  add(paths.map((path) => ({ name: baseName(path), path })));
}

export async function pickFiles(): Promise<void> {
  const d = desktop();
  if (!d) return;
  try {
    queuePaths(await d.openFiles());
  } catch (e) {
    notifyError(`无法打开文件：${errorMessage(e)}`);
  }
}

export async function pickFolder(): Promise<void> {
  const d = desktop();
  if (!d) return;
  try {
    const dirs = await d.openFolder();
    // A folder is imported as a whole: the importer walks it for .txt pages.
    add(dirs.map((path) => ({ name: `${baseName(path)}（文件夹）`, path })));
  } catch (e) {
    notifyError(`无法打开文件夹：${errorMessage(e)}`);
  }
}

export function updatePending(key: string, patch: Partial<Pick<PendingFile, 'paper' | 'date' | 'page'>>): void {
  pending.set((list) => list.map((x) => (x.key === key ? { ...x, ...patch, edited: true } : x)));
}

export function removePending(key: string): void {
  pending.set((list) => list.filter((x) => x.key !== key));
}

function overrides(f: PendingFile) {
  const page = f.page.trim() ? Number(f.page) : undefined;
  return {
    paper: f.paper.trim() || undefined,
    date: f.date || undefined,
    page: Number.isInteger(page) ? page : undefined,
  };
}

/** Unedited files go in one batch (the importer reads their names itself); each edited file in its own. */
export async function buildBatches(files: PendingFile[], force = false): Promise<StartImportRequest[]> {
  const plain = files.filter((f) => !f.edited);
  const edited = files.filter((f) => f.edited);
  const batches: StartImportRequest[] = [];
  const toReq = async (fs: PendingFile[]): Promise<StartImportRequest> => {
    const paths = fs.filter((f) => f.path).map((f) => f.path!);
    const uploads = await Promise.all(fs.filter((f) => f.file).map(async (f) => ({ name: f.name, dataBase64: await readAsBase64(f.file!) })));
    return { ...(paths.length ? { paths } : {}), ...(uploads.length ? { files: uploads } : {}), ...(force ? { force: true } : {}) };
  };
  if (plain.length) batches.push(await toReq(plain));
  for (const f of edited) batches.push({ ...(await toReq([f])), ...overrides(f) });
  return batches;
}

/**
 * Files chosen for import but not yet sent: browser File objects or desktop
 * paths, each with paper/date/page pre-filled from `guessFileMeta` and
 * editable, one by one or for all rows at once. Only fields the user changed
 * are sent as overrides. Dates are ISO text (YYYY-MM-DD) whatever the locale.
 */
import type { FileNameGuess, StartImportRequest } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { desktop } from './bridge';
import { dateProblem } from './dates';
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
  /** The fields the user changed (in the row or for all rows): only these are sent as overrides. */
  changed: Partial<Record<Field, true>>;
}

type Field = 'paper' | 'date' | 'page';

/** The "for all rows" values: applied to every row, and to files added while they are set. */
export const allRows = createStore<{ paper: string; date: string }>({ paper: '', date: '' });

export const pending = createStore<PendingFile[]>([]);
/** The files of the last import started from the form, so that a skipped one can be imported anyway. */
export const lastSent = createStore<PendingFile[]>([]);
let nextKey = 1;

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** Fills every row's paper or date; an emptied "for all" field gives each row its own guess back. */
export function setForAllRows(field: 'paper' | 'date', value: string): void {
  allRows.set((a) => ({ ...a, [field]: value }));
  const v = value.trim();
  if (field === 'date' && dateProblem(v)) return;
  pending.set((list) =>
    list.map((x) => {
      const changed = { ...x.changed };
      if (v) changed[field] = true;
      else delete changed[field];
      return { ...x, [field]: v || (x.guess[field] ?? ''), changed };
    }),
  );
}

function withAllRows(x: PendingFile): PendingFile {
  const a = allRows.get();
  const paper = a.paper.trim();
  const date = dateProblem(a.date) ? '' : a.date.trim();
  return {
    ...x,
    ...(paper ? { paper } : {}),
    ...(date ? { date } : {}),
    changed: { ...(paper ? { paper: true as const } : {}), ...(date ? { date: true as const } : {}), ...x.changed },
  };
}

function add(items: { name: string; file?: File; path?: string }[]): void {
  const fresh: PendingFile[] = items.map((it) => withAllRows({ key: String(nextKey++), ...it, guess: {}, paper: '', date: '', page: '', changed: {} }));
  pending.set((list) => [...list, ...fresh]);
  for (const f of fresh) {
    api
      .guessFileMeta({ name: f.name })
      .then((g) =>
        pending.set((list) =>
          list.map((x) =>
            x.key === f.key
              ? {
                  ...x,
                  guess: g,
                  paper: x.changed.paper ? x.paper : (g.paper ?? ''),
                  date: x.changed.date ? x.date : (g.date ?? ''),
                  page: x.changed.page ? x.page : g.page !== undefined ? String(g.page) : '',
                }
              : x,
          ),
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

export function updatePending(key: string, patch: Partial<Pick<PendingFile, Field>>): void {
  const fields = Object.fromEntries(Object.keys(patch).map((k) => [k, true])) as Partial<Record<Field, true>>;
  pending.set((list) => list.map((x) => (x.key === key ? { ...x, ...patch, changed: { ...x.changed, ...fields } } : x)));
}

/** Clears the list and the "for all rows" fields. */
export function clearPending(): void {
  pending.set([]);
  allRows.set({ paper: '', date: '' });
}

export function removePending(key: string): void {
  pending.set((list) => list.filter((x) => x.key !== key));
}

/** The changed fields that have a value; an emptied field leaves the importer to read the file name. */
function overrides(f: PendingFile): { paper?: string; date?: string; page?: number } {
  const page = f.page.trim() ? Number(f.page) : undefined;
  const date = f.date.trim();
  return {
    ...(f.changed.paper && f.paper.trim() ? { paper: f.paper.trim() } : {}),
    ...(f.changed.date && date && !dateProblem(date) ? { date } : {}),
    ...(f.changed.page && Number.isInteger(page) ? { page } : {}),
  };
}

/**
 * Files without overrides go in one batch (the importer reads their names
 * itself); files with the same overrides (a paper set for all rows) share one.
 */
export async function buildBatches(files: PendingFile[], force = false): Promise<StartImportRequest[]> {
  const groups = new Map<string, PendingFile[]>();
  for (const f of files) {
    const k = JSON.stringify(overrides(f));
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const batches: StartImportRequest[] = [];
  const toReq = async (fs: PendingFile[]): Promise<StartImportRequest> => {
    const paths = fs.filter((f) => f.path).map((f) => f.path!);
    const uploads = await Promise.all(fs.filter((f) => f.file).map(async (f) => ({ name: f.name, dataBase64: await readAsBase64(f.file!) })));
    return { ...(paths.length ? { paths } : {}), ...(uploads.length ? { files: uploads } : {}), ...(force ? { force: true } : {}) };
  };
  for (const fs of groups.values()) batches.push({ ...(await toReq(fs)), ...overrides(fs[0]) });
  return batches;
}

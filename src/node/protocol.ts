/**
 * Messages between a carrier (Electron main, HTTP host) and the core worker.
 */
export type ToWorker =
  | {
      type: 'call';
      id: number;
      method: string;
      arg: unknown;
      /** A shared cell (Int32Array over a SharedArrayBuffer) the carrier sets to 1 when the client left. */
      cancel?: SharedArrayBuffer;
    }
  | { type: 'pdf-result'; id: number; dataBase64?: string; error?: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; notices: string[] }
  | { type: 'open-failed'; error: string; /** The message is for the user (UserError: a folder that cannot be written…). */ user?: boolean }
  | {
      type: 'result';
      id: number;
      value?: unknown;
      error?: string;
      code?: string;
      /** Time the core spent on the call (ms, from the message's arrival to its answer). */
      coreMs?: number;
    }
  | { type: 'pdf-request'; id: number; html: string; headerTitle: string }
  | { type: 'log'; message: string }
  | { type: 'closed' };

export interface WorkerData {
  archiveDir: string;
  demo?: boolean;
  writable?: boolean;
  resourcesDir?: string;
  /** 'external': PDFs are rendered by the parent (Electron printToPDF). */
  pdf?: 'chromium' | 'external';
  /**
   * A read replica (`baoku serve --remote`): pull the shared archive's change log every `everyMs`
   * (`core/sync/follow.ts`). The archive is opened writable for that; `stats` says not writable,
   * and the carrier refuses its clients' writes.
   */
  follow?: { remote: string; everyMs: number };
}

/**
 * A read replica of the newsroom's shared archive (issue 22, `baoku serve --remote URL`): the
 * serving process keeps an archive of its own (`--archive DIR`, its cache: the store and the
 * in-memory index) current by pulling the change log and applying it as a desk would (`syncArchive`
 * with `pullOnly`: nothing is ever sent, no user needed). It pulls as soon as PostgreSQL tells it that
 * a push committed (LISTEN/NOTIFY, `Remote.listen`), and every few seconds besides (a notification
 * lost with a connection is made up by the next interval). Several such processes behind a load
 * balancer answer the same within the time to apply a change (tens of milliseconds for a tag).
 *
 * One connection, kept open between pulls and opened again after an error (the next pull retries;
 * an error is logged once until the connection works again). The first pull of an empty replica
 * receives the whole log, and its searches are answered meanwhile, between ops.
 */
import { syncArchive } from './engine';
import { connectProblem, Remote } from './remote';
import type { SyncTarget } from './target';
import { UserError } from '../errors';

export interface FollowOptions {
  /** Pause between the end of one pull and the start of the next when no push is announced meanwhile (ms). */
  everyMs: number;
  log?: (message: string) => void;
  /** After each pull that applied something (tests, measurements). */
  onPulled?: (applied: number) => void;
}

export interface Follower {
  /** The first pull is done (or failed, and was logged). */
  readonly first: Promise<void>;
  /** No more pulls; resolves when the one running is done. */
  stop(): Promise<void>;
}

export function followRemote(archive: SyncTarget, url: string, opts: FollowOptions): Follower {
  let remote: Remote | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastError = '';
  /** A pull is running now. */
  let pulling = false;
  /** A change was announced while a pull ran: pull again at once when it ends. */
  let again = false;

  const connect = async (): Promise<Remote> => {
    const r = await Remote.connect(url);
    await r.listen(wake);
    return r;
  };

  const pullOnce = async (): Promise<void> => {
    try {
      remote ??= await connect();
      const r = await syncArchive(archive, remote, { pullOnly: true });
      if (lastError) opts.log?.('团队档案库又连上了');
      lastError = '';
      if (r.applied) {
        opts.log?.(`从团队档案库收到 ${r.applied} 条改动`);
        opts.onPulled?.(r.applied);
      }
    } catch (err) {
      const message = err instanceof UserError ? err.message : connectProblem(err, url);
      if (message !== lastError) opts.log?.(`跟随团队档案库出错：${message}（${Math.round(opts.everyMs / 1000)} 秒后再试）`);
      lastError = message;
      await remote?.close();
      remote = undefined;
    }
  };

  const loop = () => {
    if (stopped) return;
    clearTimeout(timer);
    pulling = true;
    again = false;
    running = pullOnce().finally(() => {
      pulling = false;
      if (stopped) return;
      if (again) loop();
      else timer = setTimeout(loop, opts.everyMs);
    });
  };
  /** A push committed on the shared archive: pull now (or right after the pull that runs). */
  function wake(): void {
    if (stopped) return;
    if (pulling) again = true;
    else loop();
  }
  loop();
  const first = running;

  return {
    first,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await remote?.close();
      remote = undefined;
    },
  };
}

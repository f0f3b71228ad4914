/**
 * `baoku saved list|run|add|rename|delete`: the saved searches of the app
 * (see `core/store/saved-searches.ts`) from a terminal, by name.
 * `run` opens the search as the app does (its new-match count goes to 0)
 * and prints what `baoku search` prints.
 */
import type { Archive } from '../core/service';
import type { SavedSearch, SearchResponse, SortOrder } from '../shared/api';
import { UsageError } from './args';

interface SavedOpts {
  json: boolean;
  limit?: number;
  offset?: number;
  sort?: string;
}

type WithArchive = (fn: (a: Archive) => Promise<number>, writable: boolean) => Promise<number>;
type Out = (json: boolean, value: unknown, text: () => string) => void;

const USAGE = '用法：baoku saved list | run NAME | add NAME QUERY… | rename NAME NEW | delete NAME';

async function byName(a: Archive, name: string | undefined): Promise<SavedSearch> {
  if (!name) throw new UsageError(USAGE);
  const want = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const s = (await a.listSavedSearches()).find((x) => x.name === want);
  if (!s) throw new UsageError(`没有名为“${name}”的保存的搜索（baoku saved list 查看全部）`);
  return s;
}

/** One line of `saved list`: name, `+N` when there is something new, the query and its filters. */
function line(s: SavedSearch): string {
  const filters = Object.entries(s.filters).map(([k, v]) => `${k}=${String(v)}`);
  return [s.name, s.newCount ? `+${s.newCount}` : '', s.query || '（全部）', ...filters].filter(Boolean).join('\t');
}

export async function savedCommand(rest: string[], o: SavedOpts, withArchive: WithArchive, out: Out, printSearch: (json: boolean, r: SearchResponse) => void): Promise<number> {
  const [sub, name, ...more] = rest;
  switch (sub) {
    case 'list':
      return withArchive(async (a) => {
        const list = await a.listSavedSearches();
        out(o.json, list, () => (list.length ? list.map(line).join('\n') : '还没有保存的搜索（baoku saved add NAME QUERY 保存一个）'));
        return 0;
      }, false);
    case 'run':
      return withArchive(async (a) => {
        const s = await a.openSavedSearch({ id: (await byName(a, name)).id });
        printSearch(o.json, await a.search({ query: s.query, filters: s.filters, sort: s.sort, limit: o.limit ?? 20, offset: o.offset ?? 0 }));
        return 0;
      }, true);
    case 'add': {
      if (!name || !more.length) throw new UsageError('用法：baoku saved add NAME QUERY…');
      const sort = o.sort as SortOrder | undefined;
      if (sort && !['relevance', 'date', 'date-asc'].includes(sort)) throw new UsageError('--sort 只能是 relevance、date 或 date-asc');
      return withArchive(async (a) => {
        const s = await a.saveSearch({ name, query: more.join(' '), ...(sort ? { sort } : {}) });
        out(o.json, s, () => `已保存搜索“${s.name}”：${s.query}`);
        return 0;
      }, true);
    }
    case 'rename':
      if (!more[0]) throw new UsageError('用法：baoku saved rename NAME NEW');
      return withArchive(async (a) => {
        const s = await a.renameSavedSearch({ id: (await byName(a, name)).id, name: more[0] });
        out(o.json, s, () => `已改名为“${s.name}”`);
        return 0;
      }, true);
    case 'delete':
      return withArchive(async (a) => {
        const s = await byName(a, name);
        await a.deleteSavedSearch({ id: s.id });
        out(o.json, { deleted: s.name }, () => `已删除保存的搜索“${s.name}”`);
        return 0;
      }, true);
    default:
      throw new UsageError(USAGE);
  }
}

/**
 * The query syntax, parsed into a small tree.
 *
 *   陆晓茜 希望小屋              both terms (AND is the default)
 *   营商环境 OR 招商             either
 *   -招商  -"招商引资"           exclusion
 *   "生物医药产业集群"           exact phrase (checked against the text)
 *   陆晓茜 近/5 希望小屋         both within 5 words of each other, either order (also W/5, NEAR/5)
 *   "生物医药 集群"~3            the words in this order, at most 3 words between each two
 *   同段:(营商环境 招商)         all the words in one paragraph (or one headline line)
 *   记者:陆晓茜  reporter:陆晓茜 field filters; also 部门:/department:, 主题:/topic:,
 *   版:3  page:3  报:大众日报    paper:
 *   2022-01-01..2022-03-31       date range; also 2022-01, 2022-01-28, ..2022-03-31, 2022..2022
 *                                (an impossible date, `2022-02-30`, is an error, not a word)
 *   已校对                       only articles an editor corrected (issue 17)
 *   2022                         a bare year: articles dated that year or mentioning it
 *                                (`2022年`, `二〇二二`); a reporter's "邮路 机场 1997" must
 *                                not come back empty because the story ran in 1998
 *
 * Malformed input gives a `QueryError` with a message for the user.
 */

export class QueryError extends Error {}

export interface QueryItem {
  type: 'term' | 'phrase' | 'near';
  /** The words as written (for `near`: its words joined by a space). */
  text: string;
  /** `near` only: the words that must stand close together. */
  words?: string[];
  /** `near` only: at most this many words between two of them; Infinity for `同段:` (same paragraph). */
  distance?: number;
  /** `near` only: the words in the order written (`"A B"~3`), or in any order (`A 近/3 B`, `同段:`). */
  ordered?: boolean;
}

/** What narrows a search besides its words (tag names here may still be aliases). */
export interface Filters {
  reporters: string[];
  departments: string[];
  topics: string[];
  papers: string[];
  pages: number[];
  dateFrom?: string;
  dateTo?: string;
  /** `已校对`: only articles an editor corrected. */
  corrected?: boolean;
}

export interface ParsedQuery extends Filters {
  /** AND of groups; a group is an OR of items. */
  groups: QueryItem[][];
  excluded: QueryItem[];
  /** Bare years (`1997`): each narrows to articles dated that year or holding the number. */
  years: string[];
}

const FIELD_ALIASES: Record<string, 'reporter' | 'department' | 'topic' | 'page' | 'paper'> = {
  记者: 'reporter',
  作者: 'reporter',
  reporter: 'reporter',
  部门: 'department',
  department: 'department',
  dept: 'department',
  主题: 'topic',
  话题: 'topic',
  topic: 'topic',
  版: 'page',
  版面: 'page',
  page: 'page',
  报: 'paper',
  报纸: 'paper',
  paper: 'paper',
};

const MAX_QUERY = 2000;
/** The filter word for corrected articles (`"已校对"` in quotes is the words themselves). */
const CORRECTED = /^(?:已校对|is:corrected)$/i;

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date token as an inclusive [from, to] range, or null if it is not a date. */
export function dateRange(token: string): [string, string] | null {
  let m = /^(\d{4})$/.exec(token);
  if (m) {
    const y = Number(m[1]);
    if (y < 1900 || y > 2100) return null;
    return [`${y}-01-01`, `${y}-12-31`];
  }
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(token);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return [`${y}-${pad(mo)}-01`, `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`];
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(token);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
    const s = `${y}-${pad(mo)}-${pad(d)}`;
    return [s, s];
  }
  return null;
}

/**
 * Why a token shaped like a date of 1900–2100 (`2022-02-30`, `2022-13`, `2022/2/30`) is no date,
 * or null when it is one or is not date-shaped (`1234.56`, `9999-99` stay words).
 */
export function invalidDate(token: string): string | null {
  const m = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(token);
  if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2100 || dateRange(token)) return null;
  const [y, mo] = [Number(m[1]), Number(m[3])];
  const why = mo < 1 || mo > 12 ? '月份要在 1 到 12 之间' : `${y}年${mo}月只有${lastDay(y, mo)}天`;
  return `日期无效：${token}（${why}）`;
}

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** `"A B"~3`: the slop after a quoted phrase. */
  slop?: number;
  /** `同段:(A B)`: the words in the parentheses. */
  paragraph?: boolean;
}

/** The proximity operator between two words: 近/5, W/5, NEAR/5. */
const NEAR_OP = /^(?:近|w|near)[/／](\d{1,3})$/i;
const PARAGRAPH_OP = /^(?:同段|same-paragraph)[:：][(（]/i;

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const s = input;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if ((ch === '-' || ch === '－') && i + 1 < s.length && !/\s/.test(s[i + 1])) {
      negated = true;
      i++;
    } else if ((ch === '-' || ch === '－') && (i + 1 === s.length || /\s/.test(s[i + 1]))) {
      throw new QueryError('“-”后面缺少要排除的词，例如：-招商');
    }
    const q = s[i];
    if (q === '"' || q === '“' || q === '”' || q === '「') {
      const close = q === '「' ? '」' : q === '"' ? '"' : '”';
      let end = s.indexOf(close, i + 1);
      if (end < 0 && q === '“') end = s.indexOf('"', i + 1);
      if (end < 0) throw new QueryError('引号不成对：短语要用一对引号括起来，例如 "生物医药产业集群"');
      const text = s.slice(i + 1, end).trim();
      if (!text) throw new QueryError('引号里是空的：请在引号之间写上要查找的短语');
      const slop = /^[~～](\d{1,3})/.exec(s.slice(end + 1).normalize('NFKC'));
      out.push({ text, quoted: true, negated, ...(slop && { slop: Number(slop[1]) }) });
      i = end + 1 + (slop ? slop[0].length : 0);
      continue;
    }
    const para = PARAGRAPH_OP.exec(s.slice(i));
    if (para) {
      const end = s.slice(i + para[0].length).search(/[)）]/);
      if (end < 0) throw new QueryError('括号不成对：例如 同段:(营商环境 招商)');
      const text = s.slice(i + para[0].length, i + para[0].length + end).trim();
      if (text.split(/\s+/).filter(Boolean).length < 2) throw new QueryError('“同段:”的括号里要有两个或更多的词，例如 同段:(营商环境 招商)');
      if (negated) throw new QueryError('不支持排除“同段:”');
      out.push({ text, quoted: false, negated, paragraph: true });
      i += para[0].length + end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j])) {
      // A field value may itself be quoted: 记者:"陆 晓茜"
      if ((s[j] === ':' || s[j] === '：') && (s[j + 1] === '"' || s[j + 1] === '“')) {
        const close = s[j + 1] === '"' ? '"' : '”';
        const end = s.indexOf(close, j + 2);
        if (end < 0) throw new QueryError('引号不成对：短语要用一对引号括起来，例如 "生物医药产业集群"');
        out.push({ text: s.slice(i, j + 1) + s.slice(j + 2, end), quoted: false, negated });
        j = end + 1;
        i = j;
        break;
      }
      j++;
    }
    if (i < j) {
      out.push({ text: s.slice(i, j), quoted: false, negated });
      i = j;
    }
  }
  return out;
}

function emptyQuery(): ParsedQuery {
  return { groups: [], excluded: [], years: [], reporters: [], departments: [], topics: [], papers: [], pages: [] };
}

function narrowDates(q: ParsedQuery, from?: string, to?: string): void {
  if (from && (!q.dateFrom || from > q.dateFrom)) q.dateFrom = from;
  if (to && (!q.dateTo || to < q.dateTo)) q.dateTo = to;
}

export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY) throw new QueryError(`查询太长（${input.length} 字），请控制在 ${MAX_QUERY} 字以内`);
  const q = emptyQuery();
  const tokens = lex(input.normalize('NFC'));
  let pendingOr = false;
  /** The token index of the item pushed last (a proximity operator joins it with the next word). */
  let cur = 0;
  let pushedAt = -1;
  const pushItem = (item: QueryItem) => {
    if (pendingOr) q.groups[q.groups.length - 1].push(item);
    else q.groups.push([item]);
    pendingOr = false;
    pushedAt = cur;
  };
  for (let k = 0; k < tokens.length; k++) {
    cur = k;
    const t = tokens[k];
    if (!t.quoted && !t.negated && (t.text === 'OR' || t.text === '或' || t.text === '|')) {
      if (q.groups.length === 0 || k === tokens.length - 1) throw new QueryError('“OR”要放在两个词之间，例如：营商环境 OR 招商');
      pendingOr = true;
      continue;
    }
    if (t.paragraph) {
      const words = t.text.split(/\s+/).filter(Boolean);
      pushItem({ type: 'near', text: words.join(' '), words, distance: Infinity, ordered: false });
      continue;
    }
    if (t.quoted && t.slop !== undefined && t.text.split(/\s+/).length >= 2) {
      if (t.negated) throw new QueryError('不支持排除带“~”的短语');
      const words = t.text.split(/\s+/).filter(Boolean);
      pushItem({ type: 'near', text: words.join(' '), words, distance: t.slop, ordered: true });
      continue;
    }
    const near = !t.quoted && !t.negated ? NEAR_OP.exec(t.text.normalize('NFKC')) : null;
    if (near) {
      // A bare year before the operator is one of its words, not a date.
      const before = tokens[k - 1]?.text.normalize('NFKC');
      if (before && q.years[q.years.length - 1] === before && !tokens[k - 1].quoted && tokens[k + 1] && !tokens[k + 1].quoted && !pendingOr) {
        q.years.pop();
        pushItem({ type: 'term', text: before });
        pushedAt = k - 1;
      }
      const last = q.groups[q.groups.length - 1];
      const prev = last?.[last.length - 1];
      const next = tokens[k + 1];
      if (!prev || pushedAt !== k - 1 || prev.type !== 'term' || last.length > 1 || !next || next.quoted || next.negated || next.paragraph)
        throw new QueryError(`“${t.text}”要放在两个词之间，例如：陆晓茜 近/5 希望小屋`);
      if (pendingOr) throw new QueryError(`“OR”和“${t.text}”不能连用`);
      const words = [prev.text, next.text];
      last[last.length - 1] = { type: 'near', text: words.join(' '), words, distance: Number(near[1]), ordered: false };
      k++;
      continue;
    }
    if (!t.quoted && !t.negated && CORRECTED.test(t.text)) {
      q.corrected = true;
      pendingOr = false;
      continue;
    }
    if (!t.quoted) {
      const field = /^([^:：]+)[:：](.*)$/.exec(t.text);
      if (field && FIELD_ALIASES[field[1].toLowerCase()]) {
        const kind = FIELD_ALIASES[field[1].toLowerCase()];
        const value = field[2].trim();
        if (!value) throw new QueryError(`“${field[1]}:”后面缺少内容，例如：${field[1]}:${kind === 'page' ? '3' : '陆晓茜'}`);
        if (t.negated) throw new QueryError(`不支持排除“${field[1]}:”，请用筛选栏`);
        if (kind === 'page') {
          // Decimal digits only (full-width folded): `Number` would read `0x3`, `3e0`, `3.0` as 3.
          const digits = value.normalize('NFKC').replace(/^第|版$/g, '');
          const n = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
          if (!(n >= 1)) throw new QueryError(`“${value}”不是版面号：版面号要写成 1 到 999 的数字，例如：版:3`);
          q.pages.push(n);
        } else if (kind === 'reporter') q.reporters.push(value);
        else if (kind === 'department') q.departments.push(value);
        else if (kind === 'topic') q.topics.push(value);
        else q.papers.push(value);
        pendingOr = false;
        continue;
      }
      const folded = t.text.normalize('NFKC');
      const range = /^(\S*)\.\.(\S*)$/.exec(folded);
      if (range && !t.negated) {
        const bad = invalidDate(range[1]) ?? invalidDate(range[2]);
        if (bad) throw new QueryError(bad);
        const from = range[1] ? dateRange(range[1]) : null;
        const to = range[2] ? dateRange(range[2]) : null;
        if ((range[1] && !from) || (range[2] && !to) || (!from && !to)) {
          throw new QueryError(`日期范围写法不对：${t.text}。例如：2022-01-01..2022-03-31`);
        }
        narrowDates(q, from?.[0], to?.[1]);
        pendingOr = false;
        continue;
      }
      const year = !t.negated && /^\d{4}$/.test(folded) && dateRange(folded) !== null;
      if (year && !pendingOr) {
        if (!q.years.includes(folded)) q.years.push(folded);
        continue;
      }
      // After OR a year is one of the alternatives, as a word.
      const single = !t.negated && !year ? dateRange(folded) : null;
      // An impossible date is a typing slip, not a word to look for.
      const bad = !t.negated ? invalidDate(folded) : null;
      if (bad) throw new QueryError(bad);
      if (single) {
        narrowDates(q, single[0], single[1]);
        pendingOr = false;
        continue;
      }
    }
    const item: QueryItem = { type: t.quoted ? 'phrase' : 'term', text: t.text };
    if (t.negated) {
      q.excluded.push(item);
      pendingOr = false;
      continue;
    }
    pushItem(item);
  }
  if (q.dateFrom && q.dateTo && q.dateFrom > q.dateTo) throw new QueryError('日期范围的开始晚于结束');
  return q;
}

export function hasFilters(q: ParsedQuery): boolean {
  return (
    q.reporters.length + q.departments.length + q.topics.length + q.papers.length + q.pages.length > 0 ||
    !!q.dateFrom ||
    !!q.dateTo ||
    !!q.corrected
  );
}

/**
 * The article's facts in the 校对 panel (issue 17): issue date, page, dateline, the byline's people
 * by role and the photo caption, as the form holds them (text) and as a correction sends them
 * (`ArticleCorrection`). Only fields that differ from the article are sent; each field that cannot be
 * sent says why in Chinese. The core applies them (`src/core/store/correction-ops.ts`; the byline's
 * text follows its people there).
 */
import type { ArticleCorrection, ArticleDetail, Byline, Dateline } from '../../../shared/api';
import { dateProblem, normalizeDate } from './dates';
import { namesIn, personNameProblem } from '../../../shared/person-name';

export { namesIn };

export const ROLE_FIELDS = [
  ['reporters', '记者'],
  ['correspondents', '通讯员'],
  ['photographers', '摄影'],
  ['interns', '实习生'],
] as const;
export type RoleField = (typeof ROLE_FIELDS)[number][0];
type People = Pick<Byline, RoleField>;

export interface MetaForm {
  date: string;
  page: string;
  /** The dateline's place and date (`淄博`, `1月27日`); both empty: no dateline. */
  place: string;
  datelineDate: string;
  reporters: string;
  correspondents: string;
  photographers: string;
  interns: string;
  /** The first photo caption; undefined when the article has none. */
  caption?: string;
}

export type MetaProblems = Partial<Record<keyof MetaForm, string>>;

/** Why `n` is not a person's name (the rule the contract enforces too). */
export const nameProblem = personNameProblem;

/** The names of one role field, or why they cannot be sent. */
function namesOrProblem(text: string): { names: string[]; problem?: string } {
  const names = namesIn(text);
  for (const n of names) {
    const p = nameProblem(n);
    if (p) return { names, problem: p };
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { names, problem: `“${twice}”写了两次。` };
  return { names };
}

const DIGITS = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** `1月27日` (also `1月27`, full-width digits) → month and day, or why not. */
function datelineDateOf(text: string): { month?: number; day?: number; problem?: string } {
  const t = DIGITS(text).replace(/\s+/g, '');
  if (!t) return {};
  const m = /^(\d{1,2})月(\d{1,2})日?$/.exec(t);
  if (!m) return { problem: `“${text.trim()}”不是电头日期：请写成“1月27日”。` };
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return { problem: `没有 ${month}月${day}日 这一天，请检查月份和日期。` };
  return { month, day };
}

const datelineDateText = (d?: Dateline) => (d?.month && d.day ? `${d.month}月${d.day}日` : '');

/**
 * The dateline as the form gives it, its text written like the page writes one: the old dateline's
 * agency (`本报`, `新华社`) and ending (`电`, `讯`) kept, `淄博1月27日讯` without an agency.
 */
export function datelineOf(old: Dateline | undefined, place: string, month?: number, day?: number): Dateline {
  const raw0 = old?.raw ?? '';
  const lead = /^据/.test(raw0) ? '据' : '';
  const agency = old?.agency;
  const end = /(专?[电讯])\s*$/.exec(raw0)?.[1] ?? (agency && agency !== '本报' && agency !== '本刊' ? '电' : '讯');
  const date = month && day ? `${month}月${day}日` : '';
  return { place, ...(month && day ? { month, day } : {}), ...(agency ? { agency } : {}), raw: `${lead}${agency ?? ''}${place}${date}${end}` };
}

/** The form filled from the article. */
export function metaFormOf(a: ArticleDetail): MetaForm {
  const caption = a.paragraphs.find((p) => p.type === 'caption')?.text;
  return {
    date: a.date ?? '',
    page: a.page ? String(a.page) : '',
    place: a.dateline?.place ?? '',
    datelineDate: datelineDateText(a.dateline),
    reporters: (a.byline?.reporters ?? []).join(' '),
    correspondents: (a.byline?.correspondents ?? []).join(' '),
    photographers: (a.byline?.photographers ?? []).join(' '),
    interns: (a.byline?.interns ?? []).join(' '),
    ...(caption !== undefined ? { caption } : {}),
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What the form changes, as a correction (only the changed fields), and the problems that stop it being sent. */
export function metaCorrection(a: ArticleDetail, f: MetaForm): { correction: ArticleCorrection; problems: MetaProblems } {
  const was = metaFormOf(a);
  const c: ArticleCorrection = {};
  const problems: MetaProblems = {};

  const date = normalizeDate(f.date);
  if (date !== was.date) {
    const p = date ? dateProblem(date) : '请填写日期，如 2022-01-28。';
    if (p) problems.date = p;
    else c.date = date;
  }

  const page = f.page.trim();
  if (page !== was.page) {
    const n = Number(DIGITS(page));
    if (!/^\d+$/.test(DIGITS(page)) || n < 1 || n > 999) problems.page = page ? `“${page}”不是版次：应为 1 到 999 的整数。` : '请填写版次（1 到 999）。';
    else if (String(n) !== was.page) c.page = n;
  }

  const place = f.place.trim();
  if (place !== was.place || f.datelineDate.trim() !== was.datelineDate) {
    const d = datelineDateOf(f.datelineDate);
    if (d.problem) problems.datelineDate = d.problem;
    else if (place && !/^[\p{Script=Han}·]{1,12}$/u.test(place)) problems.place = `“${place}”不像地名：电头地点应为 1–12 个汉字，如“淄博”。`;
    else if (!place && d.month && !a.dateline?.agency) problems.place = '电头要有地点，如“淄博”（只写日期不成电头）。';
    else if (!place && !d.month) c.dateline = null;
    else c.dateline = datelineOf(a.dateline, place, d.month, d.day);
  }

  const people: People = { reporters: [], correspondents: [], photographers: [], interns: [] };
  let peopleChanged = false;
  for (const [k] of ROLE_FIELDS) {
    // A role left as it was keeps its names as read (they are not checked again).
    if (f[k] === was[k]) {
      people[k] = [...(a.byline?.[k] ?? [])];
      continue;
    }
    const r = namesOrProblem(f[k]);
    if (r.problem) problems[k] = r.problem;
    people[k] = r.names;
    if (!sameList(r.names, a.byline?.[k] ?? [])) peopleChanged = true;
  }
  if (peopleChanged && !ROLE_FIELDS.some(([k]) => problems[k])) c.people = people;

  if (was.caption !== undefined && f.caption !== undefined && f.caption.trim() !== was.caption) {
    if (!f.caption.trim()) problems.caption = '图片说明不能为空。';
    else c.caption = f.caption.trim();
  }
  return { correction: c, problems };
}

/** A correction's before/after as the history shows it (`记者 王丽；通讯员 张海萌 李沫洁`, `淄博1月27日讯`, `第 3 版`). */
export function correctionValueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'people') {
    const p = v as People;
    const text = ROLE_FIELDS.filter(([k]) => p[k]?.length).map(([k, label]) => `${label} ${p[k].join(' ')}`).join('；');
    return text || '（无人）';
  }
  if (field === 'dateline') return (v as Dateline).raw || (v as Dateline).place || '（空）';
  if (field === 'page') return `第 ${String(v)} 版`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

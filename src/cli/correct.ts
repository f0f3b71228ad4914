/**
 * `baoku correct` and `baoku history`: editors' corrections from a terminal (issue 17).
 * Paragraph numbers are counted from 1 here, as a reader counts them (the contract counts from 0).
 */
import type { Archive } from '../core/service';
import type { ArticleCorrection, ArticleDetail, CorrectionRecord, CorrectionResult } from '../shared/api';
import { matchDateline } from '../core/ingest/dateline';
import { PEOPLE } from '../core/store/correct-byline';
import { namesIn, personNameProblem } from '../shared/person-name';
import { UsageError } from './args';

type Opts = Record<string, string | boolean | string[] | undefined>;

export const CORRECT_USAGE = `用法：baoku correct ID --archive DIR [--title T] [--kicker K] [--subtitle S] [--date YYYY-MM-DD] [--page N] [--paragraph N --text T]
        [--reporters "甲 乙"] [--correspondents …] [--photographers …] [--interns …] [--dateline "新华社北京1月2日电"] [--caption T]
        （作者按角色给出，未给的角色不变，给空串则清空；--dateline "" 去掉电头）
      | baoku correct ID --merge-prev | --merge-next | --split-at N    （--split-at N：从第 N 段起拆为新文章）
      | baoku correct --undo 校对编号`;

function positive(v: unknown, what: string, min = 1): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${what}要是${min > 1 ? `不小于 ${min} 的` : '正'}整数`);
  return n;
}

/** Whether `o` names people of any role (then the article's people are needed for the others). */
const asksPeople = (o: Opts) => PEOPLE.some((r) => o[r] !== undefined);

/** The names of a role option, each checked as the contract checks them. */
function namesOf(v: unknown, flag: string): string[] {
  const names = namesIn(String(v));
  for (const n of names) {
    const problem = personNameProblem(n);
    if (problem) throw new UsageError(`--${flag}：${problem}`);
  }
  return names;
}

/** The fields `o` asks to correct (an empty --kicker / --subtitle / --dateline clears it); people need the article's. */
function fieldsOf(o: Opts, article: ArticleDetail | null): ArticleCorrection {
  const c: ArticleCorrection = {};
  if (o.title !== undefined) c.title = String(o.title);
  if (o.kicker !== undefined) c.kicker = String(o.kicker) || null;
  if (o.subtitle !== undefined) c.subtitle = String(o.subtitle) || null;
  if (o.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(o.date))) throw new UsageError('--date 要写成 YYYY-MM-DD');
    c.date = String(o.date);
  }
  if (o.page !== undefined) c.page = positive(o.page, '--page ');
  if ((o.paragraph === undefined) !== (o.text === undefined)) throw new UsageError('--paragraph N 和 --text T 要一起给');
  if (o.paragraph !== undefined) c.paragraphs = [{ index: positive(o.paragraph, '--paragraph ') - 1, text: String(o.text) }];
  if (o.caption !== undefined) c.caption = String(o.caption);
  if (o.dateline !== undefined) {
    const raw = String(o.dateline).trim();
    const m = raw ? matchDateline(raw) : undefined;
    if (raw && !m) throw new UsageError(`--dateline：“${raw}”读不出电头（例：新华社北京1月2日电、本报济南讯）`);
    c.dateline = m ? m.dateline : null;
  }
  if (asksPeople(o)) {
    const was = article?.byline;
    c.people = { reporters: [], correspondents: [], photographers: [], interns: [] };
    for (const r of PEOPLE) c.people[r] = o[r] !== undefined ? namesOf(o[r], r) : (was?.[r] ?? []);
  }
  return c;
}

/** Run `baoku correct`; returns what to print. */
export async function correct(a: Archive, rest: string[], o: Opts): Promise<CorrectionResult> {
  if (o.undo !== undefined) {
    if (rest.length) throw new UsageError(CORRECT_USAGE);
    return a.undoCorrection({ correctionId: positive(o.undo, '--undo ') });
  }
  if (rest.length !== 1) throw new UsageError(CORRECT_USAGE);
  const id = positive(rest[0], '文章编号');
  const fields = fieldsOf(o, asksPeople(o) ? await a.getArticle({ id }) : null);
  const structural = [o['merge-prev'], o['merge-next'], o['split-at']].filter((x) => x !== undefined && x !== false).length;
  const kinds = structural + (Object.keys(fields).length ? 1 : 0);
  if (kinds === 0) throw new UsageError(`没有要校对的内容（--title、--date、--merge-prev、--split-at 等）\n${CORRECT_USAGE}`);
  if (kinds > 1) throw new UsageError(`一次只做一种修改：改字段，或合并，或拆分\n${CORRECT_USAGE}`);
  if (o['merge-prev']) return a.mergeArticles({ id, with: 'prev' });
  if (o['merge-next']) return a.mergeArticles({ id, with: 'next' });
  if (o['split-at'] !== undefined) return a.splitArticle({ id, at: positive(o['split-at'], '--split-at ', 2) - 1 });
  return a.correctArticle({ id, ...fields });
}

export function correctionText(r: CorrectionResult): string {
  const lines = [`已校对（校对编号 ${r.correctionIds.join('、')}）`];
  if (r.article) lines.push(`#${r.article.id} ${r.article.title}`);
  if (r.newId) lines.push(`拆出的新文章：#${r.newId}`);
  lines.push(...r.reviews);
  return lines.join('\n');
}

const shown = (v: unknown) => (v === null || v === undefined ? '（空）' : typeof v === 'string' ? `「${v}」` : JSON.stringify(v));

export function historyText(list: CorrectionRecord[]): string {
  if (!list.length) return '这篇文章没有校对记录';
  return list
    .map((h) => {
      const what = h.field.startsWith('merge-') || h.field === 'split-at' ? `${h.label} ${shown(h.before)}` : `${h.label}：${shown(h.before)} → ${shown(h.after)}`;
      const state = h.undoneAt ? `（已撤销 ${h.undoneAt}）` : h.review ? `（${h.review}）` : '';
      return `#${h.id} ${h.createdAt} ${h.author} ${what}${state}`;
    })
    .join('\n');
}

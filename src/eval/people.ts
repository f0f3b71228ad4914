/**
 * People and departments read from bylines, measured on both dev sets
 * (`../shared/pages-dev`, 人民日报 Jan 1998, and `../shared/pages-dev-modern`, Feb 2019).
 *
 *   node bin/run-ts.mjs scripts/eval-people.ts [--half a|b] [--verbose] [--json]
 *
 * Halves by edition day: 1998 days 1–5 = a, 6–10 = b; modern days 1–14 = a, 15–28 = b.
 *
 * - **Junk**: every reporter/correspondent/photographer/intern the parser reads is checked
 *   by a strict test that shares no code with the parser (`junkPersonReason`): 2–4 Han
 *   characters, or a transliterated name with `·`; no Latin letters, digits, dates,
 *   agency or credit words. Departments likewise (`junkDepartmentReason`): a desk or
 *   bureau name ending like one (`…部`, `…中心`, `…记者站`, `…分社`), no verb, fragment,
 *   person or phrase. Departments that come from `（作者为…）` (set in build.ts, not from a
 *   byline) are counted apart.
 * - **Recall**: the names that follow 记者/通讯员/摄影/执笔 (or precede 摄) inside a credit in
 *   parentheses, a dateline's credit or a short byline line, found by a plain regex on
 *   the raw page text. Each must be among the people of the parsed article covering
 *   its position. A run of names printed without separators (`王锦鹄毛磊`) counts as found
 *   when the article's people, in order, spell it out. For 1998 also the gold file's
 *   `person_names_after_reporter_words` (记者 and signed pieces), looked up page-wide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePage } from '../core/ingest';
import { parseByline } from '../core/ingest/byline';
import type { ParsedArticle } from '../shared/types';
import { DEV_SETS, inHalf, type DevSet, type Half } from './dev-sets';

// The dev sets and their halves are pages-dev.ts's (one split for every figure).
export { DEV_SETS, type DevSet, type Half } from './dev-sets';

// ---------------------------------------------------------------------------
// Validity, independent of the parser.

const HAN = '\\u4e00-\\u9fa5';
const PLAIN_NAME = new RegExp(`^[${HAN}]{2,4}$`);
const FOREIGN_NAME = new RegExp(`^[${HAN}]{1,10}(?:·[${HAN}]{1,10})+$`);
const CREDIT_WORDS =
  /新华社|中新社|本报|本栏|供稿|照片|图片|记者|通讯员|编辑|报道|评论员|摄影|日报|报社|电视台|通讯社|美联社|法新社|路透社|共同社|塔斯社|据.*电|均据|均为/;
const DATE_LIKE = /^[〇零一二三四五六七八九十百]+[年月日]|[年月][〇零一二三四五六七八九十]+日/;

/** Why a person as read is not a person's name, or undefined when it is one. */
export function junkPersonReason(n: string): string | undefined {
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(n)) return 'latin';
  if (/[0-9０-９]/.test(n)) return 'digit';
  if (DATE_LIKE.test(n)) return 'date';
  if (CREDIT_WORDS.test(n)) return 'credit-word';
  // A calling (`农民`, `战士`) or a unit (`宣传部`, `人民网`, `视觉中国`) read off a signature.
  if (/^(?:退休)?(?:农民|工人|战士|教师|老师|学生|读者|干部|职工|村民|市民|居民|医生|民警)$|^[\u4e00-\u9fa5]{2,3}(?:部|网)$|视觉中国/.test(n)) return 'calling-or-unit';
  if (!PLAIN_NAME.test(n) && !FOREIGN_NAME.test(n)) {
    return new RegExp(`^[${HAN}]{5,}$`).test(n) ? 'too-long' : 'shape';
  }
  return undefined;
}

const DESK_END = /(?:部|中心|记者站|站|分社|总社|社|组|室|处|编辑部|办公室|频道|台|报|网|团|队|科|局)$/;

/** Why a department as read is not one of the paper's desks or bureaus, or undefined. */
export function junkDepartmentReason(d: string): string | undefined {
  if (!new RegExp(`^[${HAN}·]{3,24}$`).test(d)) return 'shape';
  if (!DESK_END.test(d)) return 'not-a-desk';
  if (/[电发摄稿]$|^[发电]/.test(d)) return 'fragment';
  return undefined;
}

// ---------------------------------------------------------------------------
// Expected names, from the raw text by plain regexes.

export interface Expected {
  name: string;
  pos: number;
  /** The credit or byline line the name was read from. */
  context: string;
}

const ROLE_RE = /(?:摄影记者|记者|通讯员|摄影(?=[：:\s\u3000])|执笔(?=[：:]))[：:]?/g;
/** Cut a credit's text after a role word into name tokens (stops at the first non-name). */
function tokensAfter(s: string): { token: string; at: number }[] {
  const out: { token: string; at: number }[] = [];
  // `张 文整理`, `何  勇`: a two-character name set with spaces.
  const norm = s.replace(new RegExp(`^([${HAN}])[ \\u3000]{1,2}([${HAN}])(?=[${HAN}]{0,2}(?:$|[、，,\\s）)]))`), '$1$2');
  const shift = s.length - norm.length;
  const re = new RegExp(`[${HAN}·]+`, 'g');
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(norm))) {
    const gap = norm.slice(last, m.index);
    if (out.length > 0 && !/^[\s\u3000、，,]+$/.test(gap)) break;
    if (out.length === 0 && gap.trim() !== '') break;
    let tok = m[0].replace(/(?:摄影报道|摄影|摄|参与采写|采写|报道|采访整理|整理)$/, '');
    const stop = tok !== m[0];
    // `罗艾桦文  陈北跑摄`: 文 (text by) before a photo credit.
    if (!stop && tok.length === 4 && tok.endsWith('文') && /^[\s\u3000]+[\u4e00-\u9fa5]{2,4}摄/.test(norm.slice(m.index + m[0].length))) tok = tok.slice(0, 3);
    tok = tok.replace(/^(?:图为|见图|剧照见图|见压题照片|压题照片|照片)/, '');
    if (/^(?:本报|新华社|综合|驻|手记|招待会|节)/.test(tok) || /(?:记者|通讯员)/.test(tok)) break;
    if (tok.length >= 2) out.push({ token: tok, at: m.index + (out.length === 0 ? shift : 0) });
    last = m.index + m[0].length;
    if (stop || tok.length > 12) break;
  }
  return out;
}

/** Names after role words in credits, dateline credits and short byline lines of a page. */
export function expectedNames(text: string): Expected[] {
  const out: Expected[] = [];
  const seen = new Set<string>();
  const push = (name: string, pos: number, context: string) => {
    const key = `${pos}:${name}`;
    if (seen.has(key) || name.length < 2) return;
    seen.add(key);
    out.push({ name, pos, context });
  };
  const scan = (segment: string, base: number, context = segment) => {
    ROLE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROLE_RE.exec(segment))) {
      const after = segment.slice(m.index + m[0].length);
      const lead = after.length - after.trimStart().length;
      for (const t of tokensAfter(after.trimStart())) push(t.token, base + m.index + m[0].length + lead + t.at, context);
    }
  };
  // Credits in parentheses without sentence punctuation.
  const paren = /[（(]([^（）()\n]{2,80})[）)]/g;
  let m: RegExpExecArray | null;
  while ((m = paren.exec(text))) {
    const inner = m[1];
    if (/[。！？；：“”]/.test(inner.replace(/^照片：|^压题照片：|^执笔：/, ''))) continue;
    const base = m.index + 1;
    if (/记者|通讯员|摄影|执笔[：:]/.test(inner)) scan(inner, base, m[0]);
    else if (/摄$/.test(inner)) {
      // `（赵亚光摄）`, `（照片：秦陶摄）`.
      const body = inner.replace(/^.*：/, '');
      for (const t of tokensAfter(body)) push(t.token, base + inner.length - body.length + t.at, m[0]);
    }
  }
  // Short byline lines: `本报记者 X`, `本报驻南非记者温宪`, `新华社记者 刘诗平摄`.
  const lineRe = /[^\n]+/g;
  while ((m = lineRe.exec(text))) {
    const line = m[0];
    const t = line.trim();
    if (t.length > 40 || /[。！？；“”（）()]/.test(t)) continue;
    if (!/^[\u4e00-\u9fa5]{0,16}(?:记者|通讯员|摄影)/.test(t)) continue;
    if (/招待会|节|会$/.test(t) && !/\s/.test(t)) continue;
    scan(line, m.index, t);
  }
  // `本报记者 X 报道：` opening a paragraph.
  const said = /(?:^|\n)[\s\u3000]*([\u4e00-\u9fa5]{0,10}记者[^。：:\n]{2,30}?)报道[：:]/g;
  while ((m = said.exec(text))) scan(m[1], m.index + m[0].indexOf(m[1]), `${m[1]}报道`);
  return out;
}

/**
 * Bare names that sign a piece or a part of it: a name alone in brackets closing a paragraph
 * (`…的印象。（闻力）`, `（木易摘）` without its 摘) or standing alone, or a dash signature with the
 * writer's place (`———王文西（山东）`). Not the words a speech puts in brackets (`（掌声）`), nor a
 * headline's column tag (`开着暖气，为啥还吹冷气？（说道）`: a paragraph runs 20 characters or more).
 */
export function signingNames(text: string): { name: string; pos: number }[] {
  const out: { name: string; pos: number }[] = [];
  const re = new RegExp(`(?:[^\\n（(]{20}[。！？”]|^)[（(]([${HAN}]{2,3}?)[摘辑]?[）)][ \u3000]*$|^[—－]{2,3}([${HAN}]{2,3})[（(][${HAN}]{2,6}[）)][ \u3000]*$`, 'gm');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = m[1] ?? m[2];
    if (/^(?:掌声|笑声|鼓掌|待续|未完|续完|图片|照片|资料|新华|中新|编者)$|[摄]$|[一二三四五六七八九十]/.test(name)) continue;
    out.push({ name, pos: m.index + m[0].indexOf(name) });
  }
  return out;
}

// ---------------------------------------------------------------------------

function peopleOf(a: ParsedArticle): string[] {
  const b = a.byline;
  return b ? [...b.reporters, ...b.correspondents, ...b.photographers, ...b.interns] : [];
}

/** The name is one of the people, or the people (in their order) spell the run out. */
function covers(people: string[], name: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, '');
  const n = fold(name);
  const ps = people.map(fold);
  if (ps.includes(n)) return true;
  for (let i = 0; i < ps.length; i++) {
    let s = '';
    for (let j = i; j < ps.length && s.length < n.length; j++) {
      s += ps[j];
      if (s === n && j > i) return true;
    }
  }
  return false;
}

export interface JunkItem {
  page: string;
  value: string;
  reason: string;
  raw: string;
}

export interface PeopleScore {
  set: DevSet;
  half?: Half;
  pages: number;
  articles: number;
  people: number;
  junkPeople: JunkItem[];
  departments: number;
  junkDepartments: JunkItem[];
  /** Junk departments that come from `（作者为…）` (build.ts), not from a byline. */
  authorNoteDepartments: JunkItem[];
  expected: number;
  /** Found among the people of the parsed article covering the name (end to end). */
  found: number;
  recall: number;
  /** Found by `parseByline` on the credit text alone (the byline reader without the splitter). */
  bylineFound: number;
  bylineRecall: number;
  bylineMissed: (Expected & { page: string; people: string[] })[];
  missed: (Expected & { page: string; people: string[] })[];
  /**
   * People whose first character never opens a name after 记者/通讯员/摄影 in either dev set
   * (a surname list learnt from the pages, not the parser's): pen names, or junk that has
   * the shape of a name (`核心阅读`). Listed for review, not counted as junk.
   */
  suspects: JunkItem[];
  /** Names signing a piece or a part of it (`…。（闻力）`, `———王文西（山东）`), found by a plain regex: each must be among its article's people. */
  signed: { expected: number; found: number; missed: string[] };
  /** 1998 only: gold names after 记者 and of signed pieces, looked up page-wide. */
  gold?: { expected: number; found: number; recall: number; missed: string[] };
}

interface GoldFile {
  articles: { person_names_after_reporter_words?: { role: string; name: string }[] }[];
}

let surnameCache: Set<string> | undefined;
/** First characters of the names that follow role words on every page of both dev sets. */
function pageSurnames(): Set<string> {
  if (surnameCache) return surnameCache;
  surnameCache = new Set();
  for (const dir of Object.values(DEV_SETS)) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => /^\d{8}-\d+\.txt$/.test(x))) {
      for (const e of expectedNames(fs.readFileSync(path.join(dir, f), 'utf8'))) if (e.name.length <= 3) surnameCache.add(e.name[0]);
    }
  }
  return surnameCache;
}

export function evalPeople(set: DevSet, half?: Half): PeopleScore | null {
  const dir = DEV_SETS[set];
  if (!fs.existsSync(dir)) return null;
  const ids = fs
    .readdirSync(dir)
    .filter((f) => /^\d{8}-\d+\.txt$/.test(f))
    .map((f) => f.replace(/\.txt$/, ''))
    .filter((id) => inHalf(id, half, set))
    .sort();
  const r: PeopleScore = {
    set,
    half,
    pages: ids.length,
    articles: 0,
    people: 0,
    junkPeople: [],
    departments: 0,
    junkDepartments: [],
    authorNoteDepartments: [],
    expected: 0,
    found: 0,
    recall: 0,
    bylineFound: 0,
    bylineRecall: 0,
    bylineMissed: [],
    missed: [],
    suspects: [],
    signed: { expected: 0, found: 0, missed: [] },
  };
  const surnames = pageSurnames();
  let goldExpected = 0;
  let goldFound = 0;
  const goldMissed: string[] = [];
  for (const id of ids) {
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const page = parsePage(text, { file: `${id}.txt` });
    r.articles += page.articles.length;
    const pagePeople: string[] = [];
    for (const a of page.articles) {
      const b = a.byline;
      if (!b) continue;
      for (const n of peopleOf(a)) {
        r.people++;
        pagePeople.push(n);
        const why = junkPersonReason(n);
        if (why) r.junkPeople.push({ page: id, value: n, reason: why, raw: b.raw });
        else if (!n.includes('·') && !surnames.has(n[0])) r.suspects.push({ page: id, value: n, reason: 'surname unseen', raw: b.raw });
      }
      if (b.department) {
        r.departments++;
        const why = junkDepartmentReason(b.department);
        if (why) {
          const item = { page: id, value: b.department, reason: why, raw: b.raw };
          if (/[（(]作者(?:为|系|是|单位)/.test(b.raw) && b.raw.includes(b.department)) r.authorNoteDepartments.push(item);
          else r.junkDepartments.push(item);
        }
      }
    }
    for (const e of expectedNames(text)) {
      r.expected++;
      const a = page.articles.find((x) => (x.charStart ?? 0) <= e.pos && e.pos < (x.charEnd ?? 0));
      const people = a ? peopleOf(a) : [];
      if (covers(people, e.name)) r.found++;
      else r.missed.push({ ...e, page: id, people });
      const alone = peopleOf({ byline: parseByline(e.context) } as ParsedArticle);
      if (covers(alone, e.name)) r.bylineFound++;
      else r.bylineMissed.push({ ...e, page: id, people: alone });
    }
    for (const e of signingNames(text)) {
      r.signed.expected++;
      const a = page.articles.find((x) => (x.charStart ?? 0) <= e.pos && e.pos < (x.charEnd ?? 0));
      if (a && covers(peopleOf(a), e.name)) r.signed.found++;
      else r.signed.missed.push(`${id} ${e.name}`);
    }
    const goldPath = path.join(dir, `${id}.gold.json`);
    if (set === '1998' && fs.existsSync(goldPath)) {
      const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldFile;
      for (const g of gold.articles) {
        for (const p of g.person_names_after_reporter_words ?? []) {
          goldExpected++;
          if (covers(pagePeople, p.name)) goldFound++;
          else goldMissed.push(`${id} ${p.role} ${p.name}`);
        }
      }
    }
  }
  r.recall = r.found / Math.max(1, r.expected);
  r.bylineRecall = r.bylineFound / Math.max(1, r.expected);
  if (set === '1998') r.gold = { expected: goldExpected, found: goldFound, recall: goldFound / Math.max(1, goldExpected), missed: goldMissed };
  return r;
}

export function main(): void {
  const args = process.argv.slice(2);
  const hi = args.indexOf('--half');
  const half = hi >= 0 ? (args[hi + 1] as Half) : undefined;
  const verbose = args.includes('--verbose');
  const results: PeopleScore[] = [];
  for (const set of Object.keys(DEV_SETS) as DevSet[]) {
    const r = evalPeople(set, half);
    if (!r) {
      console.log(`${set}: ${DEV_SETS[set]} not found, skipped.`);
      continue;
    }
    results.push(r);
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(results, null, 1));
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const r of results) {
    console.log(`== ${r.set}${r.half ? ` half ${r.half}` : ''}: ${r.pages} pages, ${r.articles} articles`);
    console.log(`people ${r.people}, junk ${r.junkPeople.length}`);
    for (const j of r.junkPeople) console.log(`  ✗ person 「${j.value}」 (${j.reason}) ${j.page} ← ${j.raw}`);
    console.log(`suspects (first character never opens a name after a role word): ${r.suspects.length}`);
    for (const j of r.suspects) console.log(`  ? person 「${j.value}」 ${j.page} ← ${j.raw}`);
    console.log(`departments ${r.departments}, junk ${r.junkDepartments.length} (+${r.authorNoteDepartments.length} from 作者为… notes)`);
    for (const j of r.junkDepartments) console.log(`  ✗ dept 「${j.value}」 (${j.reason}) ${j.page} ← ${j.raw}`);
    if (verbose) for (const j of r.authorNoteDepartments) console.log(`  · note dept 「${j.value}」 ${j.page}`);
    console.log(`names after 记者/通讯员/摄影/执笔: ${r.found}/${r.expected} recall ${pct(r.recall)} in the article; ${r.bylineFound}/${r.expected} ${pct(r.bylineRecall)} by parseByline on the credit alone`);
    console.log(`names signing a piece or a part of it (（X） closing a paragraph, ———X（地）): ${r.signed.found}/${r.signed.expected} ${pct(r.signed.found / Math.max(1, r.signed.expected))}`);
    if (verbose) for (const m of r.signed.missed) console.log(`  ✗ signed 「${m}」`);
    if (verbose) for (const m of r.bylineMissed) console.log(`  ✗ byline-missed 「${m.name}」 ${m.page} in 「${m.context.slice(0, 60)}」 → [${m.people.join(' ')}]`);
    if (verbose) for (const m of r.missed) console.log(`  ✗ missed 「${m.name}」 ${m.page}@${m.pos} in 「${m.context.slice(0, 60)}」 people [${m.people.join(' ')}]`);
    if (r.gold) {
      console.log(`gold names (记者 + signed), page-wide: ${r.gold.found}/${r.gold.expected} recall ${pct(r.gold.recall)}`);
      if (verbose) for (const m of r.gold.missed) console.log(`  ✗ gold ${m}`);
    }
  }
}


/**
 * Benchmark pages from the real corpus (`../shared/corpus/xwlb_items.jsonl.gz`).
 *
 * Each news item becomes an article on a daily-paper page file
 * (`xwlb_2015-03-02_第2版.txt`): headline, a byline line drawn by a seeded PRNG
 * from a fixed pool of names (`本报记者 张三 通讯员 李四`), a dateline opening
 * the body, body paragraphs separated by blank lines, and articles separated by
 * a wide gap. Several items per page, in the corpus order of the day.
 *
 * A size of N items takes N items spread evenly over the corpus; beyond one
 * corpus the items are used again as copies with distinct ids and dates
 * shifted back 14 years per copy (so the copies never share a day).
 * Same seed and size → byte-identical pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { prng } from '../src/core/text/prng';

export const CORPUS_FILE = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'xwlb_items.jsonl.gz');
/** Bump when the page layout changes: cached page folders are regenerated. */
export const GENERATOR_VERSION = 1;
const ITEMS_PER_PAGE = 5;
const SHIFT_DAYS = 5114; // ≈ 14 years: copy k runs 14·k years earlier than the original.

export interface CorpusItem {
  id: string;
  date: string;
  title: string;
  text: string;
}

export interface BenchPages {
  dir: string;
  files: string[];
  items: number;
  bytes: number;
  firstDate: string;
  lastDate: string;
}

export { prng };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = ['晓明', '海燕', '建国', '丽华', '志强', '婷婷', '文博', '思远', '雪梅', '国庆', '振华', '春燕', '子涵', '浩然', '秀英', '德胜', '佳怡', '立新', '一鸣', '静'];

/** The fixed pool: 60 reporters and 90 correspondents, the same for every seed. */
export function namePool(): { reporters: string[]; correspondents: string[] } {
  const r = prng(20240601);
  const make = (n: number) => {
    const out = new Set<string>();
    while (out.size < n) out.add(SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)]);
    return [...out];
  };
  const all = make(150);
  return { reporters: all.slice(0, 60), correspondents: all.slice(60) };
}

/** All corpus items, in file order. */
export function readCorpus(file = CORPUS_FILE): CorpusItem[] {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const out: CorpusItem[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const o = JSON.parse(line) as CorpusItem;
    out.push({ id: o.id, date: o.date, title: o.title, text: o.text });
  }
  return out;
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** N items spread evenly over the corpus (copies beyond the first with shifted dates and new ids). */
export function selectItems(corpus: CorpusItem[], size: number): CorpusItem[] {
  const total = corpus.length;
  const copies = Math.ceil(size / total);
  const out: CorpusItem[] = [];
  for (let c = 0; c < copies; c++) {
    const want = Math.min(total, size - c * total);
    for (let i = 0; i < total; i++) {
      // Item i is taken when floor((i+1)·want/total) steps up: exactly `want` items, evenly spread.
      if (Math.floor(((i + 1) * want) / total) === Math.floor((i * want) / total)) continue;
      const it = corpus[i];
      out.push(c === 0 ? it : { ...it, id: `${it.id}-c${c}`, date: shiftDate(it.date, SHIFT_DAYS * c) });
    }
  }
  // Oldest first, so the archive fills in date order like a real back catalogue.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const LEAD = /^[^：:\n]{0,24}?(?:消息)?[(（][^()（）]{0,8}[)）](?:消息)?[：:]|^(?:央视网消息|中国网络电视台消息)[：:]/;
const CITIES = ['北京', '上海', '天津', '重庆', '济南', '广州', '南京', '杭州', '武汉', '成都', '西安', '沈阳'];

/** An item's body paragraphs: lead-in and video credits removed. */
export function itemParagraphs(text: string): string[] {
  return text
    .replace(LEAD, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^[(（](?:视频|文字)编辑/.test(l));
}

function articleText(it: CorpusItem, rnd: () => number, pool: ReturnType<typeof namePool>): string {
  const [, mo, d] = it.date.split('-').map(Number);
  const city = CITIES[Math.floor(rnd() * CITIES.length)];
  const reporter = pool.reporters[Math.floor(rnd() * pool.reporters.length)];
  const corr = pool.correspondents[Math.floor(rnd() * pool.correspondents.length)];
  const byline = rnd() < 0.7 ? `本报记者 ${reporter} 通讯员 ${corr}` : `本报记者 ${reporter}`;
  const paras = itemParagraphs(it.text);
  if (!paras.length) paras.push(it.title);
  paras[0] = `本报${city}${mo}月${d}日讯 ${paras[0]}`;
  return [it.title.trim(), byline, ...paras].join('\n\n');
}

/** Group items into pages: per day, ITEMS_PER_PAGE articles a page. */
export function buildPages(items: CorpusItem[], seed: number): { name: string; text: string; items: number }[] {
  const rnd = prng(seed);
  const pool = namePool();
  const pages: { name: string; text: string; items: number }[] = [];
  let i = 0;
  while (i < items.length) {
    const date = items[i].date;
    let j = i;
    while (j < items.length && items[j].date === date) j++;
    for (let p = 0, k = i; k < j; p++, k += ITEMS_PER_PAGE) {
      const slice = items.slice(k, Math.min(j, k + ITEMS_PER_PAGE));
      const text = slice.map((it) => articleText(it, rnd, pool)).join('\n\n\n\n') + '\n';
      pages.push({ name: `xwlb_${date}_第${p + 1}版.txt`, text, items: slice.length });
    }
    i = j;
  }
  return pages;
}

/** Write (or reuse) the page files for a size under `root`. */
export function ensurePages(root: string, size: number, seed: number, log: (m: string) => void): BenchPages {
  const dir = path.join(root, `pages-${size}-s${seed}`);
  const manifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as BenchPages & { version: number };
    if (m.version === GENERATOR_VERSION) return { ...m, dir, files: m.files.map((f) => path.join(dir, f)) };
  }
  log(`生成页面文件 ${size} 条 → ${dir}`);
  const items = selectItems(readCorpus(), size);
  const pages = buildPages(items, seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const p of pages) {
    const buf = Buffer.from(p.text, 'utf8');
    bytes += buf.length;
    // One sub-folder per year keeps directories small.
    fs.mkdirSync(path.join(dir, p.name.slice(5, 9)), { recursive: true });
    fs.writeFileSync(path.join(dir, p.name.slice(5, 9), p.name), buf);
  }
  const files = pages.map((p) => path.join(p.name.slice(5, 9), p.name));
  const info = { version: GENERATOR_VERSION, items: items.length, bytes, files, firstDate: items[0].date, lastDate: items[items.length - 1].date };
  fs.writeFileSync(manifest, JSON.stringify(info));
  return { ...info, dir, files: files.map((f) => path.join(dir, f)) };
}

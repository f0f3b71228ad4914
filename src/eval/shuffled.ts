/**
 * The shuffled-page lens: how much the splitter leans on what happens to stand next to what.
 * The gold articles of one half of a dev set are dealt in a seeded random order onto made-up pages
 * of eight, in the set's own layout (1998: blank lines between paragraphs; modern: none), and split
 * again. A rule that only fits its dev page's neighbours gains nothing here; a rule that reads the
 * article's own cues does. Real pages put like with like (briefs in runs, a poem among poems), so
 * the figures are lower than on the real pages, headline-less briefs most of all; compare runs of
 * this lens with each other, never with the real pages.
 *
 *   node bin/run-ts.mjs scripts/eval-shuffled.ts [--set 1998|modern] [--half a|b] [--seeds 1,2,3] [--rules] [--headlines] [--verbose] [--rule NAME] [--flat] [--within-page]
 *   node bin/run-ts.mjs scripts/eval-shuffled.ts [--set …] --half a|b --page SEED:PAGE > page.txt
 *
 * `--rules` tallies, per rule of `--explain`, the decisions that were right and wrong; `--headlines`
 * prints each matched article whose headline block is not the gold's; `--verbose`
 * prints each missed and invented boundary with the text around it; `--rule NAME` prints every
 * decision of that one rule, right or wrong. `--page` writes one dealt page (as `--verbose` names
 * them: `seed 6 page 32`) for `baoku parse page.txt --explain`. `--flat` deals the modern articles as
 * text copied from a web page often comes: no indentation, a blank line after every line.
 * `--within-page` deals each real page's own articles in another order, a page each: like stays
 * with like (a briefs column's items, a page of poems), only the neighbours change — nearer to what
 * an unseen page holds than the dealing of a whole half.
 */
import fs from 'node:fs';
import path from 'node:path';
import { explainPage, parsePage } from '../core/ingest';
import { DEV_SETS, inHalf, type DevSet, type Half } from './dev-sets';
import { sameHeadline, type GoldArticle } from './pages-dev';

interface Dealt {
  id: string;
  text: string;
  gold: GoldArticle;
  /** 1998 gold: a headline-less article (its first paragraph is running text). */
  headless: boolean;
}

export interface ShuffledResult {
  gold: number;
  found: number;
  matched: number;
  /** Matched articles whose headline block reads as the gold's (`sameHeadline`, eval/pages-dev.ts). */
  headlines: number;
  f1: number;
  /** `rule +|-` → [right, wrong] (`+`: it opened an article). */
  rules: Map<string, [number, number]>;
  /** Lines to print, when asked for: missed and invented boundaries (`verbose`), each decision of `rule`. */
  errors: string[];
}

const PER_PAGE = 8;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `flat`: the modern articles as text copied from a web page often comes, without its
 * `\u3000\u3000` indentation and with a blank line after every line (1998's shape, today's words).
 */
function goldArticles(set: DevSet, half?: Half, flat = false): Dealt[] {
  const dir = DEV_SETS[set];
  const out: Dealt[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const id = f.replace('.gold.json', '');
    if (!inHalf(id, half, set)) continue;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { articles: GoldArticle[] };
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    gold.articles.forEach((a, k) => {
      let t = text.slice(a.char_start, a.char_end).replace(/\s+$/, '');
      if (flat) t = t.replace(/^\u3000+/gm, '').replace(/\n+/g, '\n\n');
      out.push({ id: `${id}#${k + 1}`, text: t, gold: a, headless: set === 'modern' ? !a.title : a.first_para.length > 40 });
    });
  }
  return out;
}

interface DealtPage {
  text: string;
  gold: { start: number; end: number; a: Dealt }[];
}

/** How articles are dealt: `flat` (modern text without its indentation), `withinPage` (each real page's own articles, reordered). */
interface DealOptions {
  flat?: boolean;
  withinPage?: boolean;
}

function shuffled<T>(items: T[], rand: () => number): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * The made-up pages of one seed, in the set's layout: the half's articles in the seed's order, eight
 * to a page; or, `withinPage`, each real page's articles in the seed's order, a page each.
 */
function dealPages(set: DevSet, all: Dealt[], seed: number, deal: DealOptions = {}): DealtPage[] {
  const sep = set === 'modern' && !deal.flat ? '\n' : '\n\n';
  const rand = lcg(seed);
  const groups: Dealt[][] = [];
  if (deal.withinPage) {
    const byPage = new Map<string, Dealt[]>();
    for (const a of all) {
      const page = a.id.split('#')[0];
      byPage.set(page, [...(byPage.get(page) ?? []), a]);
    }
    for (const arts of byPage.values()) groups.push(shuffled(arts, rand));
  } else {
    const order = shuffled(all, rand);
    for (let p = 0; p * PER_PAGE < order.length; p++) groups.push(order.slice(p * PER_PAGE, (p + 1) * PER_PAGE));
  }
  return groups.map((arts) => {
    let text = '';
    const gold: DealtPage['gold'] = [];
    for (const a of arts) {
      if (text) text += sep;
      gold.push({ start: text.length, end: text.length + a.text.length, a });
      text += a.text;
    }
    return { text, gold };
  });
}

/** One dealt page's text (`page` counts from 1, as `--verbose` names pages), or null. */
export function dealtPage(opts: { set?: DevSet; half?: Half; seed: number; page: number } & DealOptions): string | null {
  const set = opts.set ?? '1998';
  if (!fs.existsSync(DEV_SETS[set])) return null;
  return dealPages(set, goldArticles(set, opts.half, opts.flat), opts.seed, opts)[opts.page - 1]?.text ?? null;
}

export function evaluateShuffled(opts: { set?: DevSet; half?: Half; seeds?: number[]; verbose?: boolean; rule?: string; headlines?: boolean } & DealOptions = {}): ShuffledResult | null {
  const set = opts.set ?? '1998';
  if (!fs.existsSync(DEV_SETS[set])) return null;
  const all = goldArticles(set, opts.half, opts.flat);
  const r: ShuffledResult = { gold: 0, found: 0, matched: 0, headlines: 0, f1: 0, rules: new Map(), errors: [] };
  for (const seed of opts.seeds ?? [1, 2, 3]) {
    const pages = dealPages(set, all, seed, opts);
    for (let p = 0; p < pages.length; p++) {
      const { text, gold } = pages[p];
      // A file name with a date, as the dev pages have (the issue date only; it splits nothing).
      const file = set === 'modern' ? '20190201-01.txt' : '19980101-01.txt';
      const parsed = parsePage(text, { file });
      r.gold += gold.length;
      r.found += parsed.articles.length;
      for (const a of parsed.articles) {
        const g = gold.find((x) => x.start === a.charStart && Math.abs(x.end - (a.charEnd ?? 0)) <= 4);
        if (!g) continue;
        r.matched++;
        if (sameHeadline(set, a, g.a.gold, text)) r.headlines++;
        else if (opts.headlines) r.errors.push(`headline seed ${seed} page ${p + 1}: ${[a.kicker && `[${a.kicker}]`, a.title, a.subtitle && `[${a.subtitle}]`].filter(Boolean).join(' ')} ≠ ${[g.a.gold.kicker && `[${g.a.gold.kicker}]`, g.a.gold.title ?? g.a.gold.first_para.slice(0, 30), g.a.gold.subtitle && `[${g.a.gold.subtitle}]`].filter(Boolean).join(' ')}`);
      }
      const lineAt = (o: number) => text.slice(0, o).split('\n').length;
      const goldLines = new Set(gold.map((g) => lineAt(g.start)));
      const explained = explainPage(text);
      for (const l of explained.lines) {
        if (!l.decision) continue;
        const key = `${l.decision.rule} ${l.decision.start ? '+' : '-'}`;
        const tally = r.rules.get(key) ?? [0, 0];
        tally[l.decision.start === goldLines.has(l.line) ? 0 : 1]++;
        r.rules.set(key, tally);
        if (opts.rule === l.decision.rule) {
          const right = l.decision.start === goldLines.has(l.line);
          r.errors.push(`${right ? 'right' : 'WRONG'} ${l.decision.start ? '+' : '-'} seed ${seed} page ${p + 1}: ${l.text.slice(0, 40)}`);
        }
        if (opts.verbose && l.decision.start !== goldLines.has(l.line)) {
          const what = l.decision.start ? 'invented' : 'missed';
          const before = explained.lines.filter((x) => x.line < l.line).pop()?.text.slice(-30) ?? '';
          r.errors.push(`${what} (${l.decision.rule}) seed ${seed} page ${p + 1}: …${before} ⏎ ${l.text.slice(0, 40)}`);
        }
      }
    }
  }
  const P = r.matched / Math.max(1, r.found);
  const R = r.matched / Math.max(1, r.gold);
  r.f1 = P + R === 0 ? 0 : (2 * P * R) / (P + R);
  return r;
}

export function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const set = (arg('--set') ?? '1998') as DevSet;
  const seeds = (arg('--seeds') ?? '1,2,3,4,5,6,7').split(',').map(Number);
  const halves: (Half | undefined)[] = arg('--half') ? [arg('--half') as Half] : ['a', 'b'];
  const page = arg('--page')?.match(/^(\d+):(\d+)$/);
  if (arg('--page') !== undefined) {
    // Pages are dealt per half: without --half no run ever saw the page.
    const text = page && arg('--half') ? dealtPage({ set, half: halves[0], seed: Number(page[1]), page: Number(page[2]), flat: args.includes('--flat'), withinPage: args.includes('--within-page') }) : null;
    if (text === null) {
      console.error(`没有这一版：--page ${arg('--page')}（要写成 --half a|b --page 种子:版号，如 --half b --page 6:32；${DEV_SETS[set]} 也须在）`);
      process.exitCode = 1;
    } else process.stdout.write(`${text}\n`);
    return;
  }
  for (const half of halves) {
    const r = evaluateShuffled({ set, half, seeds, verbose: args.includes('--verbose'), rule: arg('--rule'), headlines: args.includes('--headlines'), flat: args.includes('--flat'), withinPage: args.includes('--within-page') });
    if (!r) {
      console.log(`${DEV_SETS[set]} not found: skipped.`);
      return;
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `${set}${args.includes('--flat') ? ' (flat)' : ''}${args.includes('--within-page') ? ' (within page)' : ''} half ${half?.toUpperCase() ?? 'A+B'}, seeds ${seeds.join(',')}: gold ${r.gold}, found ${r.found}, matched ${r.matched}: P ${pct(r.matched / Math.max(1, r.found))}  R ${pct(r.matched / Math.max(1, r.gold))}  F1 ${pct(r.f1)}  headlines ${pct(r.headlines / Math.max(1, r.matched))} of matched`,
    );
    if (args.includes('--rules')) {
      for (const [rule, [right, wrong]] of [...r.rules].sort((a, b) => b[1][1] - a[1][1])) if (wrong) console.log(`  ${rule.padEnd(48)} right ${right}  wrong ${wrong}`);
    }
    for (const e of r.errors) console.log(`  ${e}`);
  }
}

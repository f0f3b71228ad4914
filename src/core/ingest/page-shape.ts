/**
 * Does a decoded text file have the shape of a newspaper page?
 *
 * A page is mostly Chinese, has short headline-like lines and paragraphs of
 * running Chinese prose ending in `。`, and almost none of the punctuation of
 * code and markup, of file names and addresses, or of the words of licences
 * and software notices. A README, a licence, a JSON or `.ini`/`.env` file, a
 * host name or a data set's `SOURCE.txt` notice lacks one of these, and is
 * reported as `不像报纸版面：…` instead of becoming an "article". Pure: text in,
 * verdict out; the importer lets the user force such a file in.
 */

/** How every reason starts (the import history tells a skipped file by it). */
export const NOT_A_PAGE = '不像报纸版面：';

export interface PageShapeFeatures {
  /** Characters other than white space. */
  chars: number;
  /** Han characters. */
  han: number;
  /** Han characters / characters (0..1). */
  hanShare: number;
  /** Non-empty lines. */
  lines: number;
  /** Short lines of Chinese without sentence punctuation at their end (headline-like). */
  headlineLines: number;
  /** Lines of running Chinese prose (≥ 20 Han characters, a sentence end `。！？`; figures may stand among them). */
  proseLines: number;
  /** Han characters in prose lines. */
  proseHan: number;
  /** Characters of code and markup (`{}[]<>=;_#*|\\/$@&^~` and backquotes) per character. */
  markupDensity: number;
  /** Lines that read `key = value` / `key: value` with an ASCII key. */
  keyValueLines: number;
  /** Markdown headings (`# …`), code fences, list bullets `- `/`* `, HTML tags. */
  markdownLines: number;
  /** File names, paths, URLs, e-mail addresses, version numbers. */
  techTokens: number;
  /** Words of licences, software manuals and data notices (`本软件`, `本协议`, `版权所有`, `安装`…). */
  noticeWords: number;
}

export interface PageShape {
  ok: boolean;
  /** Why it is not a page (`不像报纸版面：…`), when it is not. */
  reason?: string;
  features: PageShapeFeatures;
}

const HAN_G = /\p{Script=Han}/gu;
const MARKUP_G = /[{}[\]<>=;_#*|\\/$@&^~`]/g;
const KEY_VALUE = /^\s*[A-Za-z_][\w.-]*\s*(?:=|:(?!\/\/))\s*\S/;
const MARKDOWN = /^\s*(?:#{1,6}\s|```|~~~|[-*+]\s+\S|>\s|<\/?[a-zA-Z][^>]*>|\|.*\|\s*$|\d+\.\s+[A-Za-z`])/;
const TECH_G = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|(?:^|[\s(（])(?:[\w-]+\/)+[\w.-]+|\b[\w-]+\.(?:zip|7z|gz|tar|txt|md|json|jsonl|csv|xml|html?|js|ts|tsx|py|sh|ini|env|ya?ml|toml|cfg|conf|exe|dll|so)\b|\bv?\d+\.\d+\.\d+\b|\b[0-9a-f]{12,40}\b/gi;
const NOTICE_G = /本软件|本程序|本协议|本许可|许可证|许可协议|版权所有|解释权|免责|开源|源代码|源码|代码仓库|安装包|安装|脚本|数据集|语料|仅供研究|请勿|数据维护/g;
/** Sentence ends of Chinese prose (a closing quote or bracket may follow). */
const SENTENCE_END = /[。！？][”’」』）)]?\s*$|[。！？][”’」』]?/;

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

export function pageShapeFeatures(text: string): PageShapeFeatures {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const compact = text.replace(/\s+/g, '');
  const chars = compact.length;
  const han = count(compact, HAN_G);
  let headlineLines = 0;
  let proseLines = 0;
  let proseHan = 0;
  let keyValueLines = 0;
  let markdownLines = 0;
  for (const l of lines) {
    const lh = count(l, HAN_G);
    const len = l.replace(/\s+/g, '').length;
    if (KEY_VALUE.test(l) && lh <= len / 2) keyValueLines++;
    if (MARKDOWN.test(l)) markdownLines++;
    if (lh >= 20 && lh >= len * 0.4 && SENTENCE_END.test(l)) {
      proseLines++;
      proseHan += lh;
    } else if (len >= 2 && len <= 64 && lh >= Math.max(2, len * 0.6) && !/^[#>*`{[<|=-]/.test(l) && !/[。，；：,;:]$/.test(l)) {
      headlineLines++;
    }
  }
  return {
    chars,
    han,
    hanShare: chars ? han / chars : 0,
    lines: lines.length,
    headlineLines,
    proseLines,
    proseHan,
    markupDensity: chars ? count(compact, MARKUP_G) / chars : 0,
    keyValueLines,
    markdownLines,
    techTokens: count(text, TECH_G),
    noticeWords: count(text, NOTICE_G),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The verdict: a page, or not a page with the reason an editor reads. */
export function pageShape(text: string): PageShape {
  const f = pageShapeFeatures(text);
  const no = (why: string): PageShape => ({ ok: false, reason: `${NOT_A_PAGE}${why}`, features: f });
  // The shape of code, configuration and markup first: it names what the file is.
  const ends = text.trim();
  if (/^[{[]/.test(ends) && /[}\]]$/.test(ends)) return no('像 JSON 数据文件');
  if (/^<[?!a-zA-Z]/.test(ends) && ends.endsWith('>')) return no('像 HTML 或 XML 文件');
  if (f.keyValueLines >= 3 && f.keyValueLines >= f.lines * 0.2) return no(`有 ${f.keyValueLines} 行“名称=值”，像配置文件`);
  if (f.markdownLines >= 3 && f.markdownLines >= f.lines * 0.1) return no(`有 ${f.markdownLines} 行 Markdown 标题、列表或代码块，像软件说明文档`);
  if (f.markupDensity > 0.04) return no(`程序或标记符号很多（占 ${pct(f.markupDensity)}），像源代码、配置或数据文件`);
  if (f.han < 30) return no(f.han === 0 ? '没有汉字' : `只有 ${f.han} 个汉字`);
  if (f.hanShare < 0.3) return no(`汉字只占 ${pct(f.hanShare)}，大部分是外文、数字或符号`);
  // A page of lists (名单, results) may lack sentences, but its lines are long; a word list's are not.
  if (f.proseLines === 0 && f.chars / f.lines < 8) return no(`没有成段的中文正文，每行平均不到 8 个字，像词表或清单`);
  if (f.proseLines === 0 && (f.han < 100 || f.hanShare < 0.6)) return no('没有成段的中文正文（以“。”结尾的句子）');
  // Real pages carry at most a stray web address; a notice about files and sources many.
  if (f.techTokens >= 2 && f.techTokens * 200 > f.han) return no(`有 ${f.techTokens} 处文件名、网址或邮箱，像数据或软件的说明`);
  // A licence or a data notice reads like prose, but in its own words, densely.
  if (f.noticeWords >= 4 && f.noticeWords * 25 > f.han) return no(`像软件许可、说明或数据来源说明（“本软件”“许可”“版权所有”“安装”之类的词有 ${f.noticeWords} 处）`);
  if (f.headlineLines === 0 && f.lines === 1) return no('只有一段文字，没有标题');
  return { ok: true, features: f };
}

/**
 * Layout repair: columns and photos cut paragraphs (`…小微企业发` ⏎⏎ `展担保贷款…`).
 *
 * A unit that does not end a sentence is joined to the next one when the text
 * evidently runs on: it ends on a comma/enumeration mark, the next starts with
 * punctuation or a particle that cannot open a paragraph, or jieba finds a word
 * across the break (`产|业` → `产业`). Length alone never decides here.
 */
import { isBylineLine } from './byline';
import { matchDateline } from './dateline';
import { announcesWhatFollows, endsMidSentence, endsSentence, isIssueLine, isListRow, isMarker, isNumberedHead, isRankingRow, isTitleLike, type Unit } from './lines';
import { isPersonName } from './names';
import { firstIsSingleChar, wordAcrossBreak } from './words';

/** Punctuation that never opens a paragraph (`’` before digits is a year's apostrophe: `’９９昆明世博会`). */
export const CLOSING_START = /^(?:[，,。、；;：:！？!?）)」』”…·]|’(?![0-9０-９]))/;
/** Particles that open no paragraph when they stand alone (`的`, `等`…), but do inside words (`着力`, `和平`). */
const PARTICLE_START = /^[的地得了着过和与及等之而并或则于们吗呢吧啊]/;

function glue(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** A section number standing alone (`１`, `二`, `（三）`): it heads what follows and ends no sentence. */
const SECTION_NUMBER = /^(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)])$/;

function joinable(a: Unit, b: Unit): boolean {
  if (a.furniture || b.furniture) return false;
  if (b.gap > 1) return false;
  if (endsSentence(a.text) || /[：:]$/.test(a.text)) return false;
  if (isMarker(a.text) || isMarker(b.text)) return false;
  if (SECTION_NUMBER.test(a.text)) return false;
  // A numbered section's head (`一、过去五年的工作回顾`) over its text is whole, whatever word jieba finds
  // across the break (`回顾|过去`).
  if (isNumberedHead(a.text) && a.text.length <= 24 && isTitleLike(a.text) && !CLOSING_START.test(b.text)) return false;
  if (isBylineLine(a.text) || isBylineLine(b.text)) return false;
  // A line that is one whole note in brackets (a letter's signature, `（某县人民法院牛某华白某英）`) is
  // done: the short exclamation under it (`优先百姓好！`) is the next piece's headline, not its end.
  if (/^[（(][^（）()]*[）)]$/.test(a.text)) return false;
  if (matchDateline(b.text)) return false;
  // A paragraph of running text that ends on a lead-in dash (`…回首去岁文坛。…特邀几位评论家评说———`)
  // announces what follows: a headline-shaped line under it is the first section's subhead
  // (`更求长篇精品`), not the rest of the sentence. (A verse line ending on a dash runs on: `…震天动地的——` ⏎ `脚步`.)
  if (announcesWhatFollows(a.text) && isTitleLike(b.text)) return false;
  // A line of results is a row of a table (`男子１０公里：１．王某…２．…`): whole, however it ends; so
  // is a line that only names an issue or a date (`１９９８年第一期` under a listed work), and a row of a name
  // list or a book list (`秘书长\u3000赵某某` over the next list's title).
  if (isRankingRow(a.text) || isIssueLine(a.text) || isListRow(a.text)) return false;
  return true;
}

/** Whether the break between a and b is evidently inside a sentence. */
export function runsOn(a: Unit, b: Unit, useWords = true): boolean {
  if (!joinable(a, b)) return false;
  if (endsMidSentence(a.text)) return true;
  // An orphaned line end: a bare number (`12.3%`) or a few characters closing the sentence (`查。`).
  if (/^[0-9０-９.．%％]+[\u4e00-\u9fa5]{0,2}[。，,；;]?$/.test(b.text)) return true;
  if (b.text.length <= 6 && endsSentence(b.text) && !/^[（(]/.test(b.text)) return true;
  if (CLOSING_START.test(b.text)) return true;
  if (!useWords) return false;
  if (PARTICLE_START.test(b.text) && firstIsSingleChar(b.text)) return true;
  // Two short unpunctuated lines are verse or a list, not a cut sentence.
  if (a.text.length <= 15 && b.text.length <= 15 && !/[，,。；;、]/.test(a.text + b.text)) return false;
  return wordAcrossBreak(a.text, b.text);
}

export function joinUnits(a: Unit, b: Unit): Unit {
  return { text: glue(a.text, b.text), start: a.start, end: b.end, gap: a.gap, indent: a.indent };
}

/**
 * The writer's name (2–4 characters) on its own line right under a headline-shaped line stands
 * alone by the page's make-up, never the first half of a cut sentence (`标题` ⏎ `黄建林` ⏎ `家住…`
 * is a signed piece, not `黄建林家住…`).
 */
function standsAlone(before: Unit | undefined, a: Unit): boolean {
  return /^[\u4e00-\u9fa5]{2,4}$/.test(a.text) && !!before && !before.furniture && isTitleLike(before.text);
}

/** First pass over the whole page: join units whose break is evidently mid-sentence. */
export function repairBreaks(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  units.forEach((u, k) => {
    const prev = out[out.length - 1];
    if (prev && !standsAlone(out[out.length - 2], prev) && !writerUnderTitle(prev, u, units[k + 1]) && runsOn(prev, u)) out[out.length - 1] = joinUnits(prev, u);
    else out.push({ ...u });
  });
  return out;
}

/**
 * A writer's name under a title, over running text, whose surname is also a particle (`老槐树` ⏎ `于秋明`
 * ⏎ text): it stands alone, though jieba reads `于` as a word of its own. (A verse line that goes on
 * with a particle, `…做的帽子` ⏎ `和鞋子`, stands over more verse.)
 */
function writerUnderTitle(a: Unit, b: Unit, below: Unit | undefined): boolean {
  return /^[\u4e00-\u9fa5]{2,4}$/.test(b.text) && isPersonName(b.text) && isTitleLike(a.text) && !!below && !isTitleLike(below.text) && endsSentence(below.text) && below.text.length >= 40;
}

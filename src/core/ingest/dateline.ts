/**
 * Datelines at the head of a body paragraph: `淄博1月27日讯`, `本报济南1月27日讯`,
 * `新华社北京１２月３１日电`, `据新华社莫斯科１２月３０日电（记者张铁柱）`, `本报讯`,
 * optionally followed by a reporter clause (`记者王建新报道：`, `（记者刘子富）`).
 * Also the closing form `（新华社北京１月１日电）` at the end of an article.
 */
import type { Dateline } from '../../shared/types';
import { NUM, parseNumber } from './numbers';
import { memo } from './memo';
import { isPersonName } from './names';

const AGENCY = '(?:新华社|中新社|中通社|本报|本刊|人民网|新华网|综合本报和新华社|综合新华社|综合本报|本台)';
const PLACE = '[\\u4e00-\\u9fa5·]{1,12}?';
const DATELINE_RE = new RegExp(
  `^(据)?(${AGENCY})?\\s*(?:(?:驻)?(${PLACE}))?\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日\\s*(?:专)?(电|讯)\\s*`,
);
const PLAIN_RE = new RegExp(`^(据)?(${AGENCY})\\s*(?:专)?(电|讯)\\s*`);
/** An agency's dispatch with a place and no day, under its reporters: `据新华社乌鲁木齐电（记者张先国、段芝璞）`. */
const PLACE_ONLY_RE = /^(据)?(新华社|中新社|中通社)(?:驻)?([\u4e00-\u9fa5·]{2,8}?)(?:专)?电(?=[（(])/;
/** A reporter who is the first sentence's subject, before `从…获悉/了解到`: `记者朱剑红从今天召开的…`. */
const REPORTER_SUBJECT = /^((?:本报)?记者)([\u4e00-\u9fa5]{2,3}?)从/;
/** Reporter clause right after a dateline. */
const REPORTER_PAREN = /^[（(]([^（）()]{2,60}?)[）)]\s*/;
const REPORTER_SAID = /^((?:[\u4e00-\u9fa5·]{0,16}(?:记者|通讯员|实习生)[\u4e00-\u9fa5·、，, \u3000]{2,40}?))(?:报道|采写)\s*[：:]?\s*/;

export interface DatelineMatch {
  dateline: Dateline;
  /** Reporter clause text (`记者王建新`), when present. */
  credit?: string;
  /** Length of the prefix to remove from the paragraph. */
  length: number;
}

function withCredit(rest: string): { credit?: string; length: number } {
  const paren = rest.match(REPORTER_PAREN);
  if (paren && /记者|通讯员|实习生|^[\u4e00-\u9fa5·、，, ]{2,20}$/.test(paren[1])) {
    return { credit: paren[1], length: paren[0].length };
  }
  const said = rest.match(REPORTER_SAID);
  if (said) return { credit: said[0].replace(/[\s：:]+$/, ''), length: said[0].length };
  // The reporter as the sentence's subject (`记者陈陆军从广播电影电视部获悉：…`): the credit is read,
  // the sentence stays whole in the text.
  const subject = rest.match(REPORTER_SUBJECT);
  if (subject && isPersonName(subject[2])) return { credit: `${subject[1]}${subject[2]}`, length: 0 };
  return { length: 0 };
}

/** Read a dateline at the start of `text` (a tidy paragraph). */
function matchDatelineRaw(text: string): DatelineMatch | undefined {
  let m = text.match(DATELINE_RE);
  if (m) {
    const month = parseNumber(m[4]);
    const day = parseNumber(m[5]);
    if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const place = (m[3] ?? '').trim();
    const agency = m[2];
    // Without an agency a dateline needs a place (`淄博1月27日讯`), else it is just a date.
    if (!agency && !place) return undefined;
    const raw = m[0].trim();
    const credit = withCredit(text.slice(m[0].length));
    return {
      dateline: { place, month, day, ...(agency ? { agency } : {}), raw },
      credit: credit.credit,
      length: m[0].length + credit.length,
    };
  }
  m = text.match(PLAIN_RE);
  if (m) {
    const credit = withCredit(text.slice(m[0].length));
    return {
      dateline: { place: '', agency: m[2], raw: m[0].trim() },
      credit: credit.credit,
      length: m[0].length + credit.length,
    };
  }
  m = text.match(PLACE_ONLY_RE);
  if (m) {
    const credit = withCredit(text.slice(m[0].length));
    // Only with its reporters in brackets: a place and `电` alone could be any word (`北京电视台`).
    if (credit.credit && /记者|通讯员/.test(credit.credit)) {
      return { dateline: { place: m[3], agency: m[2], raw: m[0].trim() }, credit: credit.credit, length: m[0].length + credit.length };
    }
  }
  // A reporter clause alone opening the body: `本报记者 X 报道：`.
  const said = text.match(REPORTER_SAID);
  // Only when body text follows: a line that is nothing but `本报记者 X 摄影报道` is a byline.
  if (said && said.index === 0 && said[0].length < 40 && said[0].length < text.length) {
    return { dateline: { place: '', raw: '' }, credit: said[0].replace(/[\s：:]+$/, ''), length: said[0].length };
  }
  return undefined;
}

const CLOSING_RE = new RegExp(
  `[（(](据)?(${AGENCY})(?:驻)?(${PLACE})?(?:(?:${NUM}{4}年)?(${NUM}{1,3})月(${NUM}{1,3})日)?(?:专)?(电|讯)[）)]$`,
);

/** `（新华社北京１月１日电）` at the very end of a paragraph (its year too: `（新华社北京１９９７年１２月２９日电）`). */
export function matchClosingDateline(text: string): { dateline: Dateline; length: number } | undefined {
  const m = text.match(CLOSING_RE);
  if (!m) return undefined;
  const month = m[4] ? parseNumber(m[4]) : undefined;
  const day = m[5] ? parseNumber(m[5]) : undefined;
  return {
    dateline: {
      place: m[3] ?? '',
      ...(month ? { month } : {}),
      ...(day ? { day } : {}),
      agency: m[2],
      raw: m[0].slice(1, -1),
    },
    length: m[0].length,
  };
}

/** Memoised: the splitter asks this many times per line. */
export const matchDateline = memo(matchDatelineRaw);

/**
 * The byline after an editor corrects its people (issue 17): the people by role are the editor's,
 * and the byline's text (`raw`, what the reader, search results, exports and citations print) is
 * made to say the same, so no screen shows the old names beside the corrected tags.
 *
 * - A misread name mended (each role keeps its count and order, some names replaced): the names
 *   are replaced where they stand in the text, so the rest of it (the paper and desk, `摄`,
 *   `报道`, parentheses, the spacing) stays as the page printed it.
 * - Anything else (a name added, taken out, moved to another role; a name the text does not hold):
 *   the text is written anew in the usual form, `{paper and desk}记者 A B 通讯员 C 实习生 D 摄影 E`,
 *   keeping the words before the first role (`大众日报淄博融媒体中心`), the text's own word for a
 *   reporter (`本报记者`, `见习记者`) and the parentheses of a credit that stood in them.
 * - Nobody left: the text is empty (the reader then shows no byline); organisation and department stay.
 * Organisation and department are never changed here (a desk is not a person).
 */
import type { Byline } from '../../shared/types';
import { emptyByline } from '../ingest/byline';

export const PEOPLE = ['reporters', 'correspondents', 'photographers', 'interns'] as const;
export type People = Pick<Byline, (typeof PEOPLE)[number]>;

/** Role words as bylines print them (longest first, so `本报记者` is read before `记者`). */
const ROLE_WORD = /见习记者|实习记者|特约记者|首席记者|摄影记者|本报记者|记者|通讯员|实习生|摄影|摄/;
const REPORTER_WORD = /见习记者|实习记者|特约记者|首席记者|本报记者|记者/;
const WORD: Record<(typeof PEOPLE)[number], string> = { reporters: '记者', correspondents: '通讯员', interns: '实习生', photographers: '摄影' };
/** Canonical order of the groups in a byline written anew. */
const ORDER = ['reporters', 'correspondents', 'interns', 'photographers'] as const;

/** The byline with `people` as its people and its text following them. */
export function bylineWithPeople(old: Byline | undefined, people: People): Byline {
  const base: Byline = old ?? emptyByline('');
  const next: Byline = { ...base, ...copy(people) };
  next.raw = (old && replacedInPlace(old, people)) ?? written(base.raw, people);
  return next;
}

function copy(p: People): People {
  return { reporters: [...p.reporters], correspondents: [...p.correspondents], photographers: [...p.photographers], interns: [...p.interns] };
}

/**
 * Old name → new name when the change only mends names (same count and order in every role, one
 * spelling for each name); undefined for any other change.
 */
function renames(old: People, people: People): Map<string, string> | undefined {
  const map = new Map<string, string>();
  for (const k of PEOPLE) {
    if (old[k].length !== people[k].length) return undefined;
    for (let i = 0; i < old[k].length; i++) {
      const [from, to] = [old[k][i], people[k][i]];
      if (from === to) continue;
      if (map.has(from) && map.get(from) !== to) return undefined;
      map.set(from, to);
    }
  }
  // A name mended in one role but kept in another (`本报记者王东摄影报道`): the text cannot say both.
  for (const from of map.keys()) if (PEOPLE.some((k) => people[k].includes(from))) return undefined;
  return map;
}

/** The text with each renamed name replaced where it stands; undefined when a name is not in it. */
function replacedInPlace(old: Byline, people: People): string | undefined {
  const map = renames(old, people);
  if (!map || map.size === 0) return undefined;
  // Where each name stands: longer names claim their places first (`王丽娟` before `王丽`).
  const names = [...new Set(PEOPLE.flatMap((k) => old[k]))].sort((a, b) => b.length - a.length);
  const claimed: { at: number; end: number; name: string }[] = [];
  for (const name of names) {
    for (let at = old.raw.indexOf(name); at >= 0; at = old.raw.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (!claimed.some((c) => at < c.end && c.at < end)) claimed.push({ at, end, name });
    }
  }
  for (const from of map.keys()) if (!claimed.some((c) => c.name === from)) return undefined;
  let raw = old.raw;
  for (const c of claimed.filter((c) => map.has(c.name)).sort((a, b) => b.at - a.at)) raw = raw.slice(0, c.at) + map.get(c.name)! + raw.slice(c.end);
  return raw;
}

/** The byline text written anew for `people`, keeping what `raw` says before its first role and its parentheses. */
function written(raw: string, people: People): string {
  if (PEOPLE.every((k) => people[k].length === 0)) return '';
  const paren = /^[（(][^（）()]*[）)]$/.test(raw.trim());
  const inner = paren ? raw.trim().slice(1, -1).trim() : raw.trim();
  const first = ROLE_WORD.exec(inner);
  // The paper and desk before the first role word (`大众日报淄博融媒体中心`), when it is one word.
  const before = first ? inner.slice(0, first.index) : '';
  const prefix = /^[\u4e00-\u9fa5]{2,24}$/.test(before) ? before : '';
  const words = { ...WORD, reporters: REPORTER_WORD.exec(inner)?.[0] ?? WORD.reporters };
  const groups = ORDER.filter((k) => people[k].length > 0).map((k) => `${words[k]} ${people[k].join(' ')}`);
  const text = prefix + groups.join(' ');
  return paren ? `（${text}）` : text;
}

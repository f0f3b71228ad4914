/**
 * Pages printed in traditional characters (Hong Kong and Taiwan copy, old pages) are read with the
 * same cues as simplified ones: the parser reads the page's simplified twin (OpenCC through
 * `toSimplified`, the conversion search uses), so `本報記者 陳嘉欣` is a byline, `本報香港7月1日訊`
 * a dateline and `新華社` an agency; then every piece of text it read is given back in the
 * characters the page printed (`陳嘉欣`, not `陈嘉欣`).
 *
 * Giving back: the conversion keeps the page's length (checked; otherwise the page is read as it
 * stands), so a piece found in the twin at offset p is the original's text at p. A piece the parser
 * assembled (lines joined, space tidied) is given back character by character, where this page
 * converts a character one way only (`報` → `报` everywhere and no `报` printed as such); any other
 * character stays as read.
 */
import type { ParsedArticle, ParsedPage } from '../../shared/types';
import { hasTraditional, toSimplified } from '../../shared/search-fold';

const HAN = /\p{Script=Han}/gu;

/**
 * The page in simplified characters with the same length, or undefined for a page that is not
 * printed in traditional characters: none of them, or only a stray few that simplified text also
 * prints (`乾隆`: fewer than 3 and fewer than 1% of its Han characters), or a conversion that would
 * change the length.
 */
export function simplifiedTwin(text: string): string | undefined {
  if (!hasTraditional(text)) return undefined;
  const twin = toSimplified(text);
  if (twin.length !== text.length) return undefined;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== twin.charCodeAt(i)) changed++;
  const han = text.match(HAN)?.length ?? 0;
  return changed >= 3 && changed >= han / 100 ? twin : undefined;
}

class Restorer {
  /** Simplified character → the one character this page printed for it (absent when ambiguous). */
  private readonly back = new Map<string, string>();

  constructor(
    private readonly original: string,
    private readonly twin: string,
  ) {
    const ambiguous = new Set<string>();
    for (let i = 0; i < twin.length; i++) {
      const s = twin[i];
      const o = original[i];
      const known = this.back.get(s);
      if (s === o) {
        // The simplified character is printed as such somewhere: which one was meant cannot be told.
        if (known !== undefined) ambiguous.add(s);
        else this.back.set(s, s);
      } else if (known !== undefined && known !== o) ambiguous.add(s);
      else this.back.set(s, o);
    }
    for (const s of ambiguous) this.back.delete(s);
  }

  /** `piece` as printed where the page holds it as it stands; otherwise `piece` unchanged. */
  exact(piece: string): string {
    const at = piece ? this.twin.indexOf(piece) : -1;
    return at >= 0 ? this.original.slice(at, at + piece.length) : piece;
  }

  /** `piece` as printed. `from`: where in the page to look first (the article's start). */
  text(piece: string, from = 0): string {
    if (!piece) return piece;
    let at = this.twin.indexOf(piece, from);
    if (at < 0 && from > 0) at = this.twin.indexOf(piece);
    if (at >= 0) return this.original.slice(at, at + piece.length);
    let out = '';
    for (const c of piece) out += this.back.get(c) ?? c;
    return out;
  }
}

const NAME_LISTS = ['reporters', 'correspondents', 'photographers', 'interns'] as const;

function restoreArticle(a: ParsedArticle, r: Restorer): void {
  const from = a.charStart ?? 0;
  const t = (s: string) => r.text(s, from);
  a.title = t(a.title);
  if (a.kicker) a.kicker = t(a.kicker);
  if (a.subtitle) a.subtitle = t(a.subtitle);
  for (const p of a.paragraphs) p.text = t(p.text);
  if (a.dateline) {
    a.dateline.raw = t(a.dateline.raw);
    a.dateline.place = t(a.dateline.place);
  }
  if (a.byline) {
    const b = a.byline;
    b.raw = t(b.raw);
    if (b.organization) b.organization = t(b.organization);
    if (b.department) b.department = t(b.department);
    for (const k of NAME_LISTS) b[k] = b[k].map(t);
  }
}

/** The page read from `twin`, its texts given back in the characters of `original` (in place). */
export function restoreScript(page: ParsedPage, original: string, twin: string): ParsedPage {
  const r = new Restorer(original, twin);
  for (const a of page.articles) restoreArticle(a, r);
  // The paper's name as printed in the page's header; one from the file name or the import stays as given.
  if (page.paper) page.paper = r.exact(page.paper);
  return page;
}

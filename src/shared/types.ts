/**
 * Domain types shared by every runtime (core, main, preload, renderer).
 * Pure types only: nothing here may import a runtime module.
 */

export type ArticleKind = 'story' | 'sidebar' | 'brief' | 'photo';
export type ParagraphType = 'text' | 'heading' | 'caption';

export interface Paragraph {
  type: ParagraphType;
  text: string;
}

/** `淄博1月27日讯`, `新华社北京1月27日电`, `本报济南1月27日讯`. */
export interface Dateline {
  place: string;
  month?: number;
  day?: number;
  /** News agency or the paper itself (`新华社`, `本报`). */
  agency?: string;
  /** The dateline as it stands in the text. */
  raw: string;
}

/** `大众日报淄博融媒体中心记者 陆晓茜 通讯员 徐浩 郭方强`. */
export interface Byline {
  raw: string;
  organization?: string;
  department?: string;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  interns: string[];
}

/** One article as the parser reads it from a page. */
export interface ParsedArticle {
  kind: ArticleKind;
  kicker?: string;
  title: string;
  subtitle?: string;
  dateline?: Dateline;
  paragraphs: Paragraph[];
  byline?: Byline;
  warnings: string[];
  /** Page the article goes on to (`（下转第二版）`) and page it comes from (`（上接第一版）`). */
  continuedTo?: number;
  continuedFrom?: number;
  /** Offsets of the article in the decoded page text (half-open), for evaluation and "show raw". */
  charStart?: number;
  charEnd?: number;
}

export interface ParsedPage {
  file: string;
  paper?: string;
  /** ISO date `YYYY-MM-DD` of the edition. */
  date?: string;
  page?: number;
  /** Encoding the file was decoded from (`UTF-8`, `GB18030`, `UTF-16LE`…). */
  encoding?: string;
  articles: ParsedArticle[];
  warnings: string[];
}

export type TagKind = 'reporter' | 'department' | 'topic';
export type ReporterRole = '记者' | '通讯员' | '摄影' | '实习生';
export type TagSource = 'auto' | 'manual';

export interface ArticleTag {
  kind: TagKind;
  name: string;
  role?: ReporterRole;
  source: TagSource;
}

/** An article as the store keeps it and the reader shows it. */
export interface ArticleDetail extends ParsedArticle {
  id: number;
  paper?: string;
  /** ISO date of the issue the article appeared in (the dateline's date stays in `dateline`). */
  date?: string;
  /** Set when the date was unknown and `date` was read from the dateline. */
  dateInferred?: boolean;
  page?: number;
  importId: number;
  sourceFile: string;
  tags: ArticleTag[];
  /** Number of characters of body text. */
  chars: number;
  /** On the second part of a continued article: the first part's id (and, from `getArticle`, its headline and page). */
  partOfId?: number;
  partOf?: { id: number; title: string; page?: number };
  /** On the first part: the text that goes on on another page, once both pages are in the archive. */
  continuation?: { id: number; page?: number; paragraphs: Paragraph[] };
  /** An editor corrected it (`已校对`); `getOriginal` gives the parser's reading. */
  corrected?: boolean;
  /** The stretches of text corrections replaced, one a line (search still finds the old forms). */
  replacedText?: string;
}

/**
 * The hostile corpus, written at test time into a temp folder (the big and
 * binary files are never committed): empty and blank files, binaries with
 * PNG/ZIP headers, random bytes, 60 MB of text, UTF-16 without BOM, GBK
 * among UTF-8, a single 5 MB line, NUL bytes inside text, a byline repeated
 * thousands of times, Unicode oddities, and names with characters Windows
 * forbids. Each file says what a sound importer must do with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { seeded } from './support';

export type Expectation =
  /** Refused with a one-line message; nothing stored. */
  | 'reject'
  /** Real text: imported, with articles equal to those of `sameAs` when given. */
  | 'import'
  /** Either imported sensibly or refused with a clear message. */
  | 'either';

export interface HostileFile {
  name: string;
  expect: Expectation;
  /** The good page this one is a re-encoding of (its articles must come out the same). */
  sameAs?: string;
  why: string;
}

function randomBytes(rng: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rng() * 256);
  return b;
}

/**
 * Write the corpus into `dir`, using `page` (a real UTF-8 page) as the text
 * of the re-encoded and decorated files. Returns what each file must give.
 */
export function writeHostileCorpus(dir: string, page: string, seed = 7): HostileFile[] {
  fs.mkdirSync(dir, { recursive: true });
  const rng = seeded(seed);
  const text = fs.readFileSync(page, 'utf8');
  const lines = text.split('\n');
  const out: HostileFile[] = [];
  const put = (name: string, data: Buffer | string, expect: Expectation, why: string, sameAs?: string) => {
    fs.writeFileSync(path.join(dir, name), data);
    out.push({ name, expect, why, sameAs });
  };
  put('空文件.txt', Buffer.alloc(0), 'reject', 'empty');
  put('只有空白.txt', ' \n\t\n\u3000\n\r\n', 'reject', 'only white space');
  put('图片.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(rng, 40_000)]), 'reject', 'PNG header');
  put('压缩包.txt', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(rng, 40_000)]), 'reject', 'ZIP header');
  put('随机字节.txt', randomBytes(rng, 64_000), 'reject', 'random bytes, no header');
  put('空字节很多.txt', Buffer.concat(Array.from({ length: 200 }, () => Buffer.from([0, 0, 0, 0x41, 0, 0x42, 0, 0]))), 'reject', 'mostly NUL');
  {
    // 60 MB of real text, over the 50 MB limit.
    const chunk = Buffer.from(text, 'utf8');
    const fd = fs.openSync(path.join(dir, '六十兆.txt'), 'w');
    for (let n = 0; n < 60 * 1024 * 1024; n += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    out.push({ name: '六十兆.txt', expect: 'reject', why: '60 MB' });
  }
  put('utf16-无BOM.txt', iconv.encode(text, 'utf16le').subarray(0), 'either', 'UTF-16LE without BOM', path.basename(page));
  put('gbk-冒充utf8.txt', iconv.encode(text, 'gbk'), 'import', 'GBK among UTF-8 files', path.basename(page));
  put('一行五兆.txt', '经济'.repeat(5 * 1024 * 1024 / 6) + '。', 'either', 'a single 5 MB line');
  {
    const withNul = lines.map((l, i) => (i % 7 === 3 && l.length > 4 ? `${l.slice(0, 2)}\u0000${l.slice(2)}` : l)).join('\n');
    put('夹着空字节.txt', withNul, 'import', 'a few NUL bytes inside text', path.basename(page));
  }
  {
    const byline = '本报记者 张三 李四 王五 通讯员 赵六';
    put('重复署名.txt', [lines[0], ...Array.from({ length: 20_000 }, () => byline), ...lines.slice(1)].join('\n'), 'either', 'a byline repeated 20,000 times');
  }
  {
    // Combining marks, private-use characters, emoji (with ZWJ and skin tones), RTL/LRM marks, BOM in the middle, lone surrogate escapes.
    const odd = ['e\u0301\u0302\u0303', '\ue000\uf8ff', '👨‍👩‍👧‍👦🏽', '\u202e反向\u202c', '\u200f\u200e', '\ufeff', '\u00ad', 'ｆｕｌｌｗｉｄｔｈ'];
    const decorated = lines.map((l, i) => (l.length > 6 ? l.slice(0, 3) + odd[i % odd.length] + l.slice(3) : l)).join('\n');
    put('统一码怪字符.txt', decorated, 'import', 'Unicode oddities');
  }
  put('win非法<>:"|?*名.txt', text.replace(/\n/g, '\r\n'), 'import', 'characters illegal on Windows, CRLF', path.basename(page));
  put('只有标点.txt', '。，、；：？！…—·「」『』\n'.repeat(200), 'either', 'punctuation only');
  put(
    '无效utf8.txt',
    Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0xfd, 0x0a])]),
    'import',
    'a UTF-8 page with damaged bytes at the end',
    path.basename(page),
  );
  return out;
}

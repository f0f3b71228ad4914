/**
 * Turn the bytes of an uploaded page into text.
 *
 * Order of decisions: size and emptiness; BOMs (UTF-8, UTF-16LE/BE); binary
 * magic numbers and NUL-heavy content; UTF-16 without BOM when the NUL
 * pattern makes it evident; strict UTF-8; otherwise the `chardet` detector,
 * decoded with `iconv-lite` (GBK/GB2312 are widened to GB18030, a superset).
 * The result has LF line ends and no control characters.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { stripControls } from '../text/normalize';
import { IngestError } from './errors';

export interface DecodeResult {
  text: string;
  encoding: string;
  warnings: string[];
}

export const MAX_BYTES = 50 * 1024 * 1024;

const MAGIC: [string, number[]][] = [
  ['PNG 图片', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG 图片', [0xff, 0xd8, 0xff]],
  ['GIF 图片', [0x47, 0x49, 0x46, 0x38]],
  ['PDF 文档', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP 压缩包或 Office 文档', [0x50, 0x4b, 0x03, 0x04]],
  ['RAR 压缩包', [0x52, 0x61, 0x72, 0x21]],
  ['7z 压缩包', [0x37, 0x7a, 0xbc, 0xaf]],
  ['GZIP 压缩包', [0x1f, 0x8b]],
  ['旧版 Office 文档', [0xd0, 0xcf, 0x11, 0xe0]],
  ['可执行程序', [0x7f, 0x45, 0x4c, 0x46]],
  ['可执行程序', [0x4d, 0x5a]],
  ['SQLite 数据库', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
  ['RTF 文档', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  return bytes.every((b, i) => buf[i] === b);
}

/** Share of NUL bytes at even and odd offsets in the first 64 KB. */
function nulPattern(buf: Uint8Array): { even: number; odd: number; total: number } {
  const n = Math.min(buf.length, 65536);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half, total: (even + odd) / Math.max(1, n) };
}

/** Share of characters that look like text (CJK, ASCII printable, common punctuation, line ends). */
function textLikeShare(text: string): number {
  if (!text) return 0;
  let ok = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    if (/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\n\r\t]/.test(ch)) ok++;
  }
  return ok / n;
}

/** UTF-16 without BOM, when one byte order decodes to clearly textual content. */
function plausibleUtf16(buf: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const sample = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 65536));
  const le = textLikeShare(iconv.decode(sample, 'utf16le'));
  const be = textLikeShare(iconv.decode(sample, 'utf16be'));
  if (le >= 0.95 && le > be) return 'UTF-16LE';
  if (be >= 0.95 && be > le) return 'UTF-16BE';
  return undefined;
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** C0 controls other than tab, line ends and form feed; DEL; C1 controls. */
const BINARY_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Invalid as UTF-8 only in a few places: at most 2 % of the characters
 * damaged, and twenty times as many well-formed multi-byte characters around
 * them (a Latin-1 file has almost none; GBK breaks UTF-8 at nearly every
 * character, so neither qualifies).
 */
function isMostlyUtf8(buf: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  let multi = 0;
  for (const ch of text) {
    if (ch === '\ufffd') bad++;
    else if (ch.codePointAt(0)! > 0x7f) multi++;
  }
  return bad > 0 && bad * 50 <= text.length && multi >= 20 * bad;
}

function normaliseEncodingName(name: string): string {
  const n = name.toUpperCase().replace(/_/g, '-');
  if (n === 'GB2312' || n === 'GBK' || n === 'GB18030' || n === 'EUC-CN' || n === 'HZ-GB-2312') return 'GB18030';
  if (n === 'UTF8') return 'UTF-8';
  return n;
}

/** Pick an encoding for bytes that are not valid UTF-8 and carry no BOM. */
function detect(buf: Uint8Array): string {
  const sample = buf.length > 262144 ? buf.subarray(0, 262144) : buf;
  const candidates = chardet.analyse(sample);
  // Chinese files are overwhelmingly GB-family; prefer it whenever the detector ranks it at all
  // near the top, since short texts make Japanese/Korean multibyte sets look alike.
  const gb = candidates.find((c) => normaliseEncodingName(c.name) === 'GB18030');
  const top = candidates[0];
  if (gb && (!top || gb.confidence >= top.confidence - 30)) return 'GB18030';
  if (top && iconv.encodingExists(top.name)) return normaliseEncodingName(top.name);
  return 'GB18030';
}

function decodeWith(buf: Uint8Array, encoding: string): string {
  if (encoding === 'UTF-8') return new TextDecoder('utf-8').decode(buf);
  return iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding);
}

/** Decode a page file. Throws `IngestError` for empty, binary, oversized or undecodable input. */
export function decodeBuffer(buf: Uint8Array, _name?: string): DecodeResult {
  const warnings: string[] = [];
  if (buf.length === 0) throw new IngestError('文件为空');
  if (buf.length > MAX_BYTES) throw new IngestError('文件超过 50 MB');

  let encoding: string;
  let body = buf;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    encoding = 'UTF-8';
    body = buf.subarray(3);
  } else if (startsWith(buf, [0xff, 0xfe])) {
    encoding = 'UTF-16LE';
    body = buf.subarray(2);
  } else if (startsWith(buf, [0xfe, 0xff])) {
    encoding = 'UTF-16BE';
    body = buf.subarray(2);
  } else {
    for (const [label, bytes] of MAGIC) {
      if (startsWith(buf, bytes)) throw new IngestError(`这是二进制文件（${label}），不是文本`);
    }
    const nul = nulPattern(buf);
    const utf16 = nul.total > 0.01 && buf.length % 2 === 0 ? plausibleUtf16(buf) : undefined;
    if (utf16) {
      encoding = utf16;
      warnings.push(`文件没有字节序标记，按 ${encoding} 解码`);
    } else if (nul.total > 0.1) {
      throw new IngestError('这是二进制文件（含大量空字节），不是文本');
    } else if (isValidUtf8(buf)) {
      encoding = 'UTF-8';
    } else if (isMostlyUtf8(buf)) {
      // A UTF-8 page with a few damaged bytes (a cut download, a bad sector) stays UTF-8:
      // guessing another encoding would turn the whole page into mojibake.
      encoding = 'UTF-8';
    } else {
      encoding = detect(buf);
      if (!iconv.encodingExists(encoding)) encoding = 'GB18030';
    }
  }
  if (body.length === 0) throw new IngestError('文件为空');

  let text = decodeWith(body, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');

  const chars = text.replace(/\s/g, '');
  if (chars.length === 0) throw new IngestError('文件为空');
  let bad = 0;
  for (const ch of chars) if (ch === '\ufffd') bad++;
  if (bad / chars.length > 0.3) throw new IngestError('无法识别编码：解码后大部分是乱码');
  if (bad > 0) warnings.push(`有 ${bad} 个字符无法解码，已显示为 �`);

  // Bytes that are no text at all decode, in a single-byte code page, to text full of control characters.
  const controls = (text.match(BINARY_CONTROLS) ?? []).length;
  if (controls > 32 && controls / chars.length > 0.01) throw new IngestError('这是二进制文件（含大量控制字符），不是文本');

  const nuls = (text.match(/\u0000/g) ?? []).length;
  const stripped = stripControls(text);
  if (stripped.removed > 0) {
    warnings.push(
      nuls > 0
        ? `已删除 ${stripped.removed} 个控制字符（其中空字节 ${nuls} 个）`
        : `已删除 ${stripped.removed} 个控制字符`,
    );
  }
  text = stripped.text;
  if (text.trim().length === 0) throw new IngestError('文件为空');
  return { text, encoding, warnings };
}

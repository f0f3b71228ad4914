/** decodeBuffer: each encoding we accept and each input we refuse. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError, decodeBuffer } from '../../src/core/ingest';

const PAGE = '本报济南1月27日讯 记者 王丽 报道：今天，全省春运工作会议在济南召开。\n会议要求，确保旅客平安出行、温暖回家。\n';

describe('decodeBuffer', () => {
  it('reads UTF-8 without BOM', () => {
    const r = decodeBuffer(Buffer.from(PAGE, 'utf8'));
    expect(r.encoding).toBe('UTF-8');
    expect(r.text).toBe(PAGE);
    expect(r.warnings).toEqual([]);
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE, 'utf8')]));
    expect(r.encoding).toBe('UTF-8');
    expect(r.text).toBe(PAGE);
  });

  it('detects GBK / GB18030', () => {
    const r = decodeBuffer(iconv.encode(PAGE, 'gbk'));
    expect(r.encoding).toBe('GB18030');
    expect(r.text).toBe(PAGE);
  });

  it('detects GB18030 with characters outside GBK', () => {
    const text = `${PAGE}𠀀字与〇号（ＧＢ１８０３０）。\n`;
    const r = decodeBuffer(iconv.encode(text, 'gb18030'));
    expect(r.encoding).toBe('GB18030');
    expect(r.text).toBe(text);
  });

  it('reads UTF-16LE and UTF-16BE with BOM', () => {
    const le = decodeBuffer(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PAGE, 'utf16le')]));
    expect(le.encoding).toBe('UTF-16LE');
    expect(le.text).toBe(PAGE);
    const be = decodeBuffer(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(PAGE, 'utf16be')]));
    expect(be.encoding).toBe('UTF-16BE');
    expect(be.text).toBe(PAGE);
  });

  it('reads UTF-16LE without BOM when the NUL pattern shows it, with a warning', () => {
    const text = `Page 3 - 2022-01-28\n${PAGE}`;
    const r = decodeBuffer(iconv.encode(text, 'utf16le'));
    expect(r.encoding).toBe('UTF-16LE');
    expect(r.text).toBe(text);
    expect(r.warnings.join()).toMatch(/字节序/);
  });

  it('turns CRLF and CR into LF', () => {
    const r = decodeBuffer(Buffer.from('第一行\r\n第二行\r第三行\n', 'utf8'));
    expect(r.text).toBe('第一行\n第二行\n第三行\n');
  });

  it('removes NULs and control characters with a warning', () => {
    const r = decodeBuffer(Buffer.from('今天\u0000下雪\u0007了。\u200b\n', 'utf8'));
    expect(r.text).toBe('今天下雪了。\n');
    expect(r.warnings.some((w) => w.includes('控制字符'))).toBe(true);
  });

  const rejects = (buf: Uint8Array, message: RegExp) => {
    let err: unknown;
    try {
      decodeBuffer(buf);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n/);
  };

  it('rejects an empty file and a blank one', () => {
    rejects(new Uint8Array(0), /文件为空/);
    rejects(Buffer.from(' \n\r\n\t ', 'utf8'), /文件为空/);
  });

  it('rejects binary files by magic number', () => {
    rejects(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /二进制.*PNG/);
    rejects(Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(64, 1)]), /二进制.*ZIP/);
    rejects(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), /二进制.*PDF/);
  });

  it('rejects NUL-heavy content that is not UTF-16', () => {
    const buf = Buffer.alloc(4000);
    for (let i = 0; i < buf.length; i++) buf[i] = i % 7 === 0 ? 0x41 : i % 3 === 0 ? 0 : (i * 37) & 0xff;
    rejects(buf, /二进制/);
  });

  it('rejects files over 50 MB', () => {
    rejects(new Uint8Array(50 * 1024 * 1024 + 1).fill(0x41), /50 MB/);
  });

  it('rejects text that decodes to mostly U+FFFD', () => {
    rejects(Buffer.from('\ufffd'.repeat(200) + '好', 'utf8'), /乱码/);
  });
});

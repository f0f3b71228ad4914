/**
 * Does this text have the shape of a newspaper page at all? A folder of pages often holds other
 * files too (a README, a licence, a corpus's SOURCE.txt, a config file, /etc/hostname): those
 * must be reported and skipped, not imported as "articles". The user can force them in.
 *
 * A page is Chinese prose: it has some Han text, at least one paragraph of running Chinese
 * ending a sentence, and few lines of code, markup or settings. The thresholds are set so
 * that every page of both 人民日报 dev sets, the sample and the test fixtures pass, and the
 * non-pages in `test/ingest/page-shape.test.ts` do not.
 */

export interface PageShape {
  ok: boolean;
  /** Why it does not look like a page (Chinese, for the import report). */
  reason?: string;
}

const HAN = /\p{Script=Han}/gu;
/** Lines of code, markup or settings: `# 标题`, ```, `key = value`, `{`, `<tag>`, `import x`, `$ cmd`, list bullets. */
const MACHINE_LINE =
  /^\s*(?:#{1,6}\s|```|~~~|[{}[\]]|<\/?[a-zA-Z!?]|[A-Za-z_][\w.-]*\s*[=:]\s*\S|(?:import|export|from|const|let|var|function|def|class|return|if|for)\b|\$\s|[-*+]\s+\S|\d+\.\s+[A-Za-z]|\|.*\|$|"[^"]+"\s*:)/;
/** A paragraph of running Chinese: enough Han characters, and a full stop somewhere (a credit may follow it). */
const PROSE_HAN = 12;

export function pageShape(text: string): PageShape {
  const visible = text.replace(/\s+/g, '');
  if (!visible) return { ok: false, reason: '文件里没有文字' };
  const han = visible.match(HAN)?.length ?? 0;
  if (han < 20) return { ok: false, reason: `只有 ${han} 个汉字，不是一版报纸的文字` };
  if (han < visible.length * 0.3) return { ok: false, reason: `汉字只占 ${Math.round((han / visible.length) * 100)}%，像是外文或程序、数据文件` };
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  const machine = lines.filter((l) => MACHINE_LINE.test(l)).length;
  if (machine >= 3 && machine >= lines.length * 0.25) return { ok: false, reason: `${machine} 行像程序代码、标记或配置（共 ${lines.length} 行）` };
  const prose = lines.filter((l) => /[。！？]/.test(l) && (l.match(HAN)?.length ?? 0) >= PROSE_HAN).length;
  if (prose === 0) return { ok: false, reason: '没有一段以句号结尾的中文正文' };
  return { ok: true };
}

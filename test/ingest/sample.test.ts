/**
 * The real 大众日报 sample page against its hand-labelled reading
 * (`resources/sample/` or `../shared/samples/`): every check is read from the JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, parsePage } from '../../src/core/ingest';
import { compareArticle, fold, type ExpectedPage } from './expected';

/** The sample as shipped in the repo (named like an archive file), else the shared copy. */
function locate(): { txt: string; json: string } | undefined {
  const repo = path.resolve('resources/sample');
  if (fs.existsSync(repo)) {
    const json = fs.readdirSync(repo).find((f) => f.endsWith('.expected.json'));
    if (json) return { txt: path.join(repo, json.replace('.expected.json', '.txt')), json: path.join(repo, json) };
  }
  const shared = path.resolve('../shared/samples/000_d47e1c2891511237');
  if (fs.existsSync(`${shared}.txt`)) return { txt: `${shared}.txt`, json: `${shared}.expected.json` };
  return undefined;
}
const found = locate();

describe.skipIf(!found)('sample 大众日报 page', () => {
  const exp = JSON.parse(fs.readFileSync(found!.json, 'utf8')) as ExpectedPage;
  const { text } = decodeBuffer(fs.readFileSync(found!.txt));
  // The file name is the import's: paper/date/page come from it when it carries them.
  const page = parsePage(text, { file: path.basename(found!.txt) });

  it('takes the paper from the file name or agrees with the label', () => {
    if (page.paper !== undefined) expect(page.paper).toBe(exp.paper);
    else expect(page.warnings).toContain('未能确定报纸名称');
  });

  it('finds exactly the labelled articles', () => {
    expect(page.articles.map((a) => fold(a.kicker ?? a.title))).toEqual(exp.articles.map((e) => fold(e.titleLines[0])));
  });

  exp.articles.forEach((e, i) => {
    it(`reads 《${e.titleLines[0]}》 as labelled`, () => {
      expect(compareArticle(page.articles[i], e)).toEqual([]);
    });
  });

  it('gives offsets that point at each article in the text', () => {
    for (const a of page.articles) {
      const raw = text.slice(a.charStart, a.charEnd);
      expect(fold(raw).startsWith(fold(a.kicker ?? a.title))).toBe(true);
    }
    const ends = page.articles.map((a) => a.charEnd!);
    const starts = page.articles.map((a) => a.charStart!);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(ends[i - 1]);
  });
});

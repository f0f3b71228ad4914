/**
 * Test helpers: a fresh archive in a temp folder, optionally with the sample page imported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Archive } from '../../src/core/service';
import { expandPaths } from '../../src/core/ingest/sources';
import { storedRow } from '../support/sqlite';

export const REPO = path.resolve(__dirname, '..', '..');
export const SAMPLE_DIR = path.join(REPO, 'resources', 'sample');
export const SAMPLE_FILE = fs.readdirSync(SAMPLE_DIR).find((f) => f.endsWith('.txt'))!;
export const SAMPLE_EXPECTED = JSON.parse(
  fs.readFileSync(path.join(SAMPLE_DIR, SAMPLE_FILE.replace(/\.txt$/, '.expected.json')), 'utf8'),
) as { articles: { titleLines: string[]; reporters: string[]; correspondents: string[]; department?: string }[] };

export function tempDir(prefix = 'baoku-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function openArchive(dir = tempDir()): Promise<Archive> {
  return Archive.open({ dir, autoBackup: false, saveDelayMs: 50 });
}

export async function sampleArchive(dir = tempDir()): Promise<Archive> {
  const a = await openArchive(dir);
  await a.importSources(expandPaths([path.join(SAMPLE_DIR, SAMPLE_FILE)]).sources, {});
  return a;
}

/** Id of the article whose title contains `text`. */
export async function idOf(a: Archive, text: string): Promise<number> {
  const row = storedRow(a, 'SELECT id FROM articles WHERE instr(title, ?) > 0 OR instr(kicker, ?) > 0 OR instr(subtitle, ?) > 0', [text, text, text]) as
    | { id: number }
    | undefined;
  if (!row) throw new Error(`no article titled ${text}`);
  return row.id;
}

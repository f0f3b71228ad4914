/**
 * Issue 19 row 6: the Electron page may import only what the user chose.
 * main's real call path (`callApi` from src/main/call.ts, exactly what the
 * `baoku:call` IPC handler runs, with the `PathGrants` the open dialogs fill)
 * against the real core worker on a real archive: `/etc/passwd`, a private
 * key file and any path not picked are refused before the core sees them and
 * nothing is imported; a picked folder imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, PathGrants } from '../../src/main/call';
import { startCoreWorker, type CoreWorker } from '../../src/node/worker-client';
import type { ImportJobStatus } from '../../src/shared/api';
import { REPO, tmpDir } from '../reliability/support';

describe('Electron imports take only paths picked in main’s dialogs', () => {
  const root = tmpDir('grants');
  let worker: CoreWorker;
  const secret = path.join(root, 'id_ed25519.txt');
  const sampleDir = path.join(REPO, 'resources', 'sample');

  beforeAll(async () => {
    fs.writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\n私钥内容\n');
    worker = startCoreWorker({ archiveDir: path.join(root, 'archive'), resourcesDir: path.join(REPO, 'resources'), pdf: 'external', writable: true });
    await worker.ready;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const wait = async (jobId: string): Promise<ImportJobStatus> => {
    for (let i = 0; i < 600; i++) {
      const r = await callApi(worker, 'importStatus', { jobId });
      if (r.ok && (r.value as ImportJobStatus).state !== 'running') return r.value as ImportJobStatus;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('import did not finish');
  };

  it('refuses paths nobody picked, and imports nothing', async () => {
    const grants = new PathGrants();
    grants.grant([sampleDir]);
    for (const paths of [['/etc/passwd'], [secret], [sampleDir, secret], [path.join(sampleDir, '..', '..', 'package.json')], [root]]) {
      const r = await callApi(worker, 'startImport', { paths }, grants);
      expect(r.ok, JSON.stringify(paths)).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('bad-request');
        expect(r.error).toMatch(/对话框/);
      }
    }
    // Without grants (any other caller of callApi), no path at all.
    expect((await callApi(worker, 'startImport', { paths: [sampleDir] })).ok).toBe(false);
    const imports = await callApi(worker, 'listImports', {});
    expect(imports.ok && (imports.value as unknown[]).length).toBe(0);
  });

  it('imports a folder picked in the dialog (also written differently)', async () => {
    const grants = new PathGrants();
    grants.grant([sampleDir]);
    const r = await callApi(worker, 'startImport', { paths: [sampleDir + path.sep] }, grants);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const status = await wait((r as { value: { jobId: string } }).value.jobId);
    expect(status.state).toBe('done');
    expect(status.report!.files.some((f) => f.status === 'imported')).toBe(true);
    const raw = await callApi(worker, 'search', { query: '私钥' });
    expect(raw.ok && (raw.value as { total: number }).total).toBe(0);
  });
});

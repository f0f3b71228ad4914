/**
 * The child process of `kill.test.ts`: one sync of an archive in small batches (many transactions
 * on both sides, so a kill lands between and inside them), reporting each step on stdout.
 * Usage: node bin/run-ts.mjs test/sync/sync-child.ts ARCHIVE_DIR POSTGRES_URL USER
 */
import { Archive } from '../../src/core/service';
import { setDeskUser, syncArchive } from '../../src/core/sync/engine';
import { Remote } from '../../src/core/sync/remote';

const [dir, url, user] = process.argv.slice(2);
const archive = await Archive.open({ dir, autoBackup: false });
setDeskUser(archive, user);
const remote = await Remote.connect(url);
process.stdout.write('ready\n');
const report = await syncArchive(archive, remote, { pushBatch: 2, pullBatch: 3, onProgress: (what, n) => process.stdout.write(`${what} ${n}\n`) });
await remote.close();
await archive.close();
process.stdout.write(`done ${JSON.stringify(report)}\n`);

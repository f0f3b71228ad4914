/**
 * Command-line options of the desktop app: `--archive DIR` (or `--archive=DIR`)
 * and `--demo`. Pure, so it is unit-tested under plain Node.
 */
export interface ShellArgs {
  /** Archive folder given on the command line, if any (absolute or relative to cwd). */
  archiveDir?: string;
  /** Import the sample page on first start. */
  demo: boolean;
}

export function parseShellArgs(argv: readonly string[]): ShellArgs {
  const out: ShellArgs = { demo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--demo') out.demo = true;
    else if (a === '--archive' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.archiveDir = argv[++i];
    else if (a.startsWith('--archive=') && a.length > '--archive='.length) out.archiveDir = a.slice('--archive='.length);
  }
  return out;
}

/** Cross-page signals: focus the search box, archive changed (refresh stats and results). */
import { createStore } from './store';

export const searchInput: { current: HTMLInputElement | null } = { current: null };

/** Bumped whenever the archive changes (import, tag edits) so views reload. */
export const archiveVersion = createStore(0);

export function archiveChanged(): void {
  archiveVersion.set((v) => v + 1);
}

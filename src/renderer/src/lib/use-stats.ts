/** Archive statistics, reloaded whenever the archive changes; polls while the index is being built. */
import { useEffect, useState } from 'react';
import type { ArchiveStats } from '../../../shared/api';
import { api, errorMessage } from '../api-client';
import { archiveChanged, archiveVersion } from './app-events';
import { useStore } from './store';

export function useStats(): { stats: ArchiveStats | null; error: string | null } {
  const version = useStore(archiveVersion);
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Not useApiQuery: the poll below replaces the stats without a new call of this effect, and a
  // failed poll is silent (the stats shown stay, and no error replaces them every two seconds).
  useEffect(() => {
    let live = true;
    api
      .stats()
      .then((s) => {
        if (!live) return;
        setStats(s);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [version]);
  // While the index is not ready, look again every two seconds; when it becomes ready, reload views.
  useEffect(() => {
    if (!stats || stats.indexReady) return;
    const t = setInterval(() => {
      api
        .stats()
        .then((s) => {
          if (s.indexReady) archiveChanged();
          else setStats(s);
        })
        .catch(() => undefined);
    }, 2000);
    return () => clearInterval(t);
  }, [stats]);
  return { stats, error };
}

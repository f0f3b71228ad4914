// Development entry of a segmenting thread (segment-pool.ts): registers tsx in this thread, then runs
// the TypeScript module. (Built apps use the bundled out/main/segment-thread.js instead.)
import { register } from 'tsx/esm/api';

register();
await import('./segment-thread.ts');

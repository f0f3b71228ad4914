// Development entry of the core worker: registers tsx in this thread, then runs the TypeScript worker.
// (Built apps use the bundled out/main/core-worker.js instead.)
import { register } from 'tsx/esm/api';

register();
await import('./core-worker.ts');

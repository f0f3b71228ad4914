/** Command line of src/eval/search.ts (usage in its header). */
import { main } from '../src/eval/search';

main().catch((err) => {
  console.error(err);
  process.exit(2);
});

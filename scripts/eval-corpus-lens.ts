/** Command line of src/eval/corpus-lens.ts (usage in its header). */
import { main } from '../src/eval/corpus-lens';

main();

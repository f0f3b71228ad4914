/** Command line of src/eval/pages-dev.ts (usage in its header). */
import { main } from '../src/eval/pages-dev';

main();

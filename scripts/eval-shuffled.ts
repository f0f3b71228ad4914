/** Command line of src/eval/shuffled.ts (usage in its header). */
import { main } from '../src/eval/shuffled';

main();

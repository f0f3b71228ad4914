/** Command line of src/eval/people.ts (usage in its header). */
import { main } from '../src/eval/people';

main();

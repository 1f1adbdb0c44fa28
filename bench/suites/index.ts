import type { Suite } from '../lib/context.ts';
import { http } from './http.ts';
import { importSuite } from './import.ts';
import { matching } from './matching.ts';
import { search } from './search.ts';
import { startup } from './startup.ts';

/** Every suite, in the order `npm run bench` runs them. */
export const suites: Suite[] = [startup, http, importSuite, search, matching];

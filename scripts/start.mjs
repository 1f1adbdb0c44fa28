#!/usr/bin/env node
/**
 * `npm start`: runs the server from the bundle of src/ (scripts/bundle.mjs says why and how),
 * made again first when a source has changed.
 */
import { runBundled } from './bundle.mjs';

await runBundled('main');

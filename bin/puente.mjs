#!/usr/bin/env node
// The `puente` command: runs src/cli.ts from the bundle of src/ (scripts/bundle.mjs), made again
// first when a source has changed, so that no build step is needed.
import { runBundled } from '../scripts/bundle.mjs';

await runBundled('cli');

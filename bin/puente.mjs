#!/usr/bin/env node
// The `puente` command: runs src/cli.ts through tsx, so that no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

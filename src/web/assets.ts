import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR } from '../paths.ts';

export { ASSETS_DIR };

// Asset URLs carry a content hash so they can be cached for a year and still change on deploy.
const hashes = new Map<string, string>();

export function assetUrl(file: string): string {
  let hash = hashes.get(file);
  if (hash === undefined) {
    const content = fs.readFileSync(path.join(ASSETS_DIR, file));
    hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 10);
    hashes.set(file, hash);
  }
  return `/assets/${file}?v=${hash}`;
}

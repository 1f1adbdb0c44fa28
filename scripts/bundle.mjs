/**
 * The server (`npm start`) and the `puente` command run from a bundle of src/ made with esbuild
 * (about 0.2 s) rather than through tsx: loading TypeScript through tsx's module hooks doubled
 * the time to import the dependencies (measured: kysely 0.52 s instead of 0.24 s, typebox 0.52 s
 * instead of 0.19 s), which put a later start over its 3-second budget, and made each `puente`
 * command spend ~3 s loading before it did anything. Dependencies stay in node_modules (not
 * bundled); dynamic imports become separate chunks, so the database opens while the HTTP side is
 * still loading.
 *
 * Each bundle lives in `.build/<key>/`, the key a hash of the sources' names, sizes and times
 * (and of package-lock.json and of this script): a changed, added or removed source makes a new one. It is built in a
 * folder of its own and renamed into place, so that processes starting at the same moment (tests
 * run several) never read half a bundle; bundles older than a day that are not current are removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const builds = path.join(root, '.build');
const ENTRIES = { main: 'main.ts', cli: 'cli.ts' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every source file's path, size and modification time, in a stable order. */
function describeSources(dir, lines) {
  for (const item of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) describeSources(full, lines);
    else {
      const stat = fs.statSync(full);
      lines.push(`${path.relative(root, full)} ${stat.size} ${stat.mtimeMs}`);
    }
  }
  return lines;
}

function bundleKey() {
  const lines = describeSources(path.join(root, 'src'), []);
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(lock)) lines.push(`package-lock.json ${fs.statSync(lock).mtimeMs}`);
  lines.push(`bundle.mjs ${fs.readFileSync(import.meta.filename, 'utf8')}`); // how bundles are made
  return crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The esbuild options both bundles share (this one and the tests', bundle-tests.mjs): ES modules
 * for node 20 with shared chunks, Preact's JSX, source maps beside them. Dependencies stay in
 * node_modules, except JSON data (country names), which is bundled: an external JSON import would
 * lose its `with { type: 'json' }` attribute.
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  plugins: [
    {
      name: 'dependencies-external',
      setup(bundler) {
        bundler.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.endsWith('.json') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
};

async function build(outdir) {
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    ...BUNDLE_OPTIONS,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, 'src', file)]),
    ),
    outdir,
  });
}

function removeOldBundles(current) {
  for (const item of fs.readdirSync(builds, { withFileTypes: true })) {
    if (item.name === current) continue;
    const full = path.join(builds, item.name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > DAY_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

/** The bundle of the current sources, built if needed: the folder holding main.mjs and cli.mjs. */
export async function currentBundle() {
  const key = bundleKey();
  const dir = path.join(builds, key);
  if (fs.existsSync(path.join(dir, 'cli.mjs'))) return dir;
  fs.mkdirSync(builds, { recursive: true });
  const temporary = path.join(builds, `${key}.${process.pid}.tmp`);
  await build(temporary);
  try {
    fs.renameSync(temporary, dir);
  } catch (error) {
    // Another process put the same bundle in place first: keep theirs.
    fs.rmSync(temporary, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'cli.mjs'))) throw error;
  }
  removeOldBundles(key);
  return dir;
}

/** Runs one entry of the current bundle (`main` or `cli`) in this process. */
export async function runBundled(entry) {
  const dir = await currentBundle();
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);
}

/**
 * The test files as bundles (`npm test` runs these): each test process loads one bundle of plain
 * JavaScript instead of a few hundred TypeScript modules through tsx's module hooks, which cost
 * each of the ~130 test processes about 3 s of loading (measured: importing the app took 2.3 s
 * through tsx; the bundled `puente --help`, the same modules, 1.7 s in all). esbuild builds them
 * all in one go, with shared chunks, into .test-artifacts/bundle/ (the sources' layout kept);
 * dependencies stay in node_modules. `import.meta.dirname` and `import.meta.url` are replaced by
 * the source file's own, so that paths computed from them (the project root, fixtures) hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_OPTIONS } from './bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const TEST_BUNDLES = path.join(root, '.test-artifacts', 'bundle');

/** Bundles `files` (paths relative to the project); returns each one's bundle, by the same path. */
export async function bundleTests(files) {
  const { build } = await import('esbuild');
  fs.rmSync(TEST_BUNDLES, { recursive: true, force: true });
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: files.map((file) => path.join(root, file)),
    outbase: root,
    outdir: TEST_BUNDLES,
    plugins: [
      ...BUNDLE_OPTIONS.plugins,
      {
        name: 'source-locations',
        setup(bundler) {
          bundler.onLoad({ filter: /\.tsx?$/ }, (args) => {
            const contents = fs
              .readFileSync(args.path, 'utf8')
              .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
            return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
          });
        },
      },
    ],
  });
  return new Map(
    files.map((file) => [
      file,
      path.relative(root, path.join(TEST_BUNDLES, file.replace(/\.tsx?$/, '.mjs'))),
    ]),
  );
}

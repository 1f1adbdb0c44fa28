#!/usr/bin/env node
/**
 * `npm test`: every test, in four stages, then one closing line "N passed, N failed, N skipped".
 *
 *   1. npm run check (typecheck, lint, formatting, i18n catalogues)
 *   2. unit and integration tests on the embedded database (PGlite)
 *   3. the integration tests again on a PostgreSQL server: DATABASE_URL_TEST if set, else a
 *      throwaway server started with scripts/test-postgres.sh when PostgreSQL is on the machine
 *   4. end-to-end tests in headless Chromium, with axe-core and the Nu HTML checker
 *
 * Stages 3 and 4 run side by side: the browser stage runs one file at a time and leaves about
 * a core idle (measured: 1.2 cores busy on 2), which the server stage fills. Each of the two
 * writes to its own log in .test-artifacts/, printed whole when it ends, so their lines never mix.
 * `PUENTE_TEST_STAGES=sequential` runs them one after the other, printing as they go.
 *
 * The stages run the test files as bundles of plain JavaScript (scripts/bundle-tests.mjs: about
 * 1.6 s and 2.5 s of CPU less per test process than loading TypeScript through tsx);
 * `PUENTE_TEST_TSX=1 npm test` runs the sources through tsx instead, with their own line numbers.
 *
 * A stage that cannot run says SKIP and why; under CI=true a skip is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleTests } from './bundle-tests.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTIFACTS = path.join(ROOT, '.test-artifacts');
const CI = process.env.CI === 'true';
const only = process.argv.slice(2); // e.g. `npm test -- e2e` or `npm test -- src/accounts`
fs.mkdirSync(ARTIFACTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(ROOT, full)] : [];
  });
}

const all = [...walk(path.join(ROOT, 'src')), ...walk(path.join(ROOT, 'test'))].sort();
const selected = only.length > 0 ? all.filter((file) => only.some((pattern) => file.includes(pattern))) : all;
const e2e = selected.filter(
  (file) => file.startsWith('test/e2e/') || file.startsWith('test/support/browser'),
);
const integration = selected.filter((file) => !e2e.includes(file));
// The files that open the test database run a second time on the server.
const usesDatabase = (file) =>
  /support\/(app|database)\.ts/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));

/**
 * One stage: `node --test` over the files. With `log`, its output goes to that file and is
 * printed whole at the end (for stages that run side by side); without, straight to the terminal.
 */
async function runNodeTests(label, files, { env = {}, concurrency = 2, log = null } = {}) {
  if (files.length === 0) return;
  const heading = `\n=== ${label}: ${files.length} file(s)`;
  const slug = label.replace(/[^a-z0-9]+/gi, '-');
  const tapFile = path.join(ARTIFACTS, `${slug}.tap`);
  const logFile = log ? path.join(ARTIFACTS, `${slug}.log`) : null;
  if (logFile)
    console.log(`${heading}: started, alongside the other stage (its output follows when it ends)`);
  else console.log(heading);
  const started = Date.now();
  const output = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const status = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...(bundles ? [] : ['--import', 'tsx']),
        '--test',
        `--test-concurrency=${concurrency}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        ...files.map((file) => bundles?.get(file) ?? file),
      ],
      { cwd: ROOT, stdio: ['ignore', output, output], env: { ...process.env, ...env } },
    );
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  if (logFile) {
    fs.closeSync(output);
    console.log(`${heading}, done in ${Math.round((Date.now() - started) / 1000)} s:`);
    process.stdout.write(fs.readFileSync(logFile, 'utf8'));
  }
  const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (status !== 0) problems.push(`${label}: exit code ${status}`);
}

function skip(label, reason) {
  console.log(`\nSKIP: ${label}: ${reason}`);
  totals.skipped++;
  if (CI) problems.push(`${label} was skipped under CI=true (${reason})`);
}

// 1. Static checks
if (only.length === 0) {
  console.log('=== npm run check');
  const check = spawnSync('npm', ['run', '--silent', 'check'], { cwd: ROOT, stdio: 'inherit' });
  if (check.status === 0) totals.passed++;
  else {
    totals.failed++;
    problems.push('npm run check failed');
  }
}

// A PostgreSQL server for stage 3 (and for the tests of stage 2 that move data between the two).
let serverUrl = process.env.DATABASE_URL_TEST;
let startedServer = false;
const serverFiles = integration.filter(usesDatabase);
if (!serverUrl && serverFiles.length > 0) {
  const start = spawnSync('bash', ['scripts/test-postgres.sh', 'start'], { cwd: ROOT, encoding: 'utf8' });
  if (start.status === 0) {
    serverUrl = start.stdout.trim().split('\n').pop();
    startedServer = true;
  } else {
    skip(
      'PostgreSQL server tests',
      `no DATABASE_URL_TEST and no PostgreSQL server could be started (${(start.stderr || '').trim().split('\n').pop()})`,
    );
  }
}

// The bundles of every selected test file, made once for all the stages.
let bundles = null;
if (process.env.PUENTE_TEST_TSX !== '1') {
  const started = Date.now();
  bundles = await bundleTests(selected);
  console.log(`\n=== ${selected.length} test file(s) bundled in ${Date.now() - started} ms`);
}

const sequential = process.env.PUENTE_TEST_STAGES === 'sequential';
const browserStage = () => runNodeTests('end-to-end (Chromium)', e2e, { concurrency: 1, log: !sequential });
let browserRun = Promise.resolve();
try {
  // 2. Embedded database
  await runNodeTests('embedded database (PGlite)', integration, {
    env: { PUENTE_TEST_DB: 'embedded', ...(serverUrl ? { DATABASE_URL_TEST: serverUrl } : {}) },
  });
  // 3. PostgreSQL server, and 4. the browser beside it
  if (!sequential) browserRun = browserStage();
  if (serverUrl)
    await runNodeTests('PostgreSQL server', serverFiles, {
      env: { PUENTE_TEST_DB: 'server', DATABASE_URL_TEST: serverUrl },
      log: !sequential && e2e.length > 0,
    });
} finally {
  await browserRun;
  if (startedServer) spawnSync('bash', ['scripts/test-postgres.sh', 'stop'], { cwd: ROOT, stdio: 'inherit' });
}
if (sequential) await browserStage();

if (CI && totals.skipped > 0) problems.push(`${totals.skipped} test(s) skipped under CI=true`);
console.log('');
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);

// `npm run bench [-- SUITE...]`: runs the benchmark suites (all by default) and prints their
// tables side by side, then a "figures" block for the README. It reports, it does not assert:
// the exit code is 0 even when a target is missed, 1 when a server under test failed to start.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Runner } from './lib/context.ts';
import { ROOT } from './lib/process.ts';
import { formatTable } from './lib/table.ts';
import { suites } from './suites/index.ts';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
  console.log('usage: npm run bench [-- SUITE...]   (default: all suites)\n');
  for (const suite of suites) console.log(`  ${suite.name.padEnd(10)} ${suite.description}`);
  process.exit(0);
}
const unknown = args.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(
    `bench: unknown suite ${unknown.join(', ')}; known: ${suites.map((suite) => suite.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = args.length === 0 ? suites : suites.filter((suite) => args.includes(suite.name));

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

const cpus = os.cpus();
const cores = os.availableParallelism();
const cpuModel = cpus[0]?.model.trim() ?? 'unknown CPU';
const machine = `${cpuModel}, ${cores} core${cores === 1 ? '' : 's'}${cpus.length !== cores ? ` (of ${cpus.length} on the host)` : ''}`;
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const startedAt = new Date();

console.log('## Puente benchmarks\n');
console.log(
  `- machine: ${machine}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
);
console.log(`- node: ${process.version}; commit ${commit()}; ${startedAt.toISOString()}`);
console.log(
  `- load average at start (1/5/15 min): ${loadAverage()} (anything else running on the machine skews the figures)`,
);
console.log(`- suites: ${selected.map((suite) => suite.name).join(', ')}\n`);

const runner = new Runner();
let interrupted = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) return;
  interrupted = true;
  console.error(`bench: ${signal}: stopping the servers`);
  void runner.cleanup().finally(() => process.exit(130));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const figures: string[] = [];
try {
  for (const suite of selected) {
    const suiteStarted = performance.now();
    runner.log(`suite ${suite.name}…`);
    try {
      const result = await suite.run(runner);
      for (const table of result.tables) console.log(formatTable(table) + '\n');
      figures.push(...result.figures);
    } catch (error) {
      runner.fail(
        `suite ${suite.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    runner.log(`suite ${suite.name} took ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s`);
  }
} finally {
  await runner.cleanup();
}

const elapsed = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
console.log('### Figures\n');
console.log(
  `Measured with \`npm run bench\` on ${machine}, Node ${process.version}, ${startedAt.toISOString().slice(0, 10)}:\n`,
);
for (const line of figures) console.log(line);
console.log(`\n(load average at the end: ${loadAverage()}; bench took ${elapsed} s)`);
if (runner.failures.length > 0) {
  console.log(`\nFAILED: ${runner.failures.length} server(s) did not start:`);
  for (const failure of runner.failures) console.log(`- ${failure.split('\n')[0]}`);
  process.exit(1);
}
process.exit(0);

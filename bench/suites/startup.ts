import type { BenchContext, Suite } from '../lib/context.ts';
import { inProcessMs, startPuente } from '../lib/process.ts';
import { median, seconds, type Table } from '../lib/table.ts';

const FIRST_RUNS = 2;
const LATER_RUNS = 3;
const FIRST_TARGET_MS = 15_000;
const LATER_TARGET_MS = 3_000;

interface Case {
  label: string;
  runs: number;
  targetMs: number;
  via?: 'start' | 'tsx';
  /** The data folder and database URL of each run. */
  setup: (run: number) => Promise<{ dataDir: string; databaseUrl: string | null } | null>;
}

interface Measured {
  wallMs: number[];
  inProcessMs: number[];
  failed: string | null;
}

/** Starts Puente `runs` times, stopping it (SIGTERM) after the ready line each time. */
async function measure(ctx: BenchContext, item: Case): Promise<Measured> {
  const measured: Measured = { wallMs: [], inProcessMs: [], failed: null };
  for (let run = 1; run <= item.runs; run++) {
    const setup = await item.setup(run);
    if (!setup) {
      measured.failed = 'no database';
      break;
    }
    ctx.log(`startup: ${item.label}, run ${run}/${item.runs}`);
    try {
      const server = await startPuente({ name: item.label, ...setup, demo: true, via: item.via ?? 'start' });
      measured.wallMs.push(server.readyMs);
      const inside = inProcessMs(server.readyLine);
      if (inside !== null) measured.inProcessMs.push(inside);
      const code = await server.stop();
      if (code !== 0) ctx.log(`startup: ${item.label} exited with code ${code} after SIGTERM`);
    } catch (error) {
      ctx.fail((error as Error).message);
      measured.failed = 'FAILED';
      break;
    }
  }
  return measured;
}

export const startup: Suite = {
  name: 'startup',
  description:
    'time from spawning `npm start`\'s command (scripts/start.mjs) to "Puente is running at": first and later starts',
  async run(ctx) {
    // (a) first start: a new empty folder each time; (b) later start: the folder of the first run, now full.
    const firstDirs: string[] = [];
    const embeddedFirst: Case = {
      label: 'first start, embedded (empty folder)',
      runs: FIRST_RUNS,
      targetMs: FIRST_TARGET_MS,
      setup: async () => {
        const dataDir = ctx.tempDir('startup');
        firstDirs.push(dataDir);
        return { dataDir, databaseUrl: null };
      },
    };
    const embeddedLater: Case = {
      label: 'later start, embedded (same folder)',
      runs: LATER_RUNS,
      targetMs: LATER_TARGET_MS,
      setup: async () => (firstDirs[0] ? { dataDir: firstDirs[0], databaseUrl: null } : null),
    };
    // The same later start with the sources loaded through tsx instead of the bundle: why npm start bundles.
    const embeddedLaterTsx: Case = {
      ...embeddedLater,
      label: 'later start, embedded, sources through tsx',
      via: 'tsx',
    };

    // (c) the same against a PostgreSQL server: one first start into a fresh database, then later starts.
    const postgres = await ctx.postgres();
    let databaseUrl: string | null = null;
    const pgDir = ctx.tempDir('startup-pg');
    const pgCase = (label: string, runs: number, targetMs: number): Case => ({
      label,
      runs,
      targetMs,
      setup: async () => {
        if (!('server' in postgres)) return null;
        databaseUrl ??= await postgres.server.createDatabase();
        return { dataDir: pgDir, databaseUrl };
      },
    });
    const pgFirst = pgCase('first start, PostgreSQL (empty database)', 1, FIRST_TARGET_MS);
    const pgLater = pgCase('later start, PostgreSQL (same database)', LATER_RUNS, LATER_TARGET_MS);

    const cases = [
      embeddedFirst,
      embeddedLater,
      embeddedLaterTsx,
      ...('server' in postgres ? [pgFirst, pgLater] : []),
    ];
    const results = new Map<Case, Measured>();
    for (const item of cases) results.set(item, await measure(ctx, item));

    const rows = cases.map((item) => {
      const measured = results.get(item) as Measured;
      if (measured.wallMs.length === 0)
        return [
          item.label,
          '0',
          measured.failed ?? 'FAILED',
          '',
          '',
          '',
          `< ${seconds(item.targetMs)}`,
          'n/a',
        ];
      const middle = median(measured.wallMs);
      return [
        item.label,
        String(measured.wallMs.length),
        seconds(middle),
        `${seconds(Math.min(...measured.wallMs))}–${seconds(Math.max(...measured.wallMs))}`,
        measured.inProcessMs.length ? seconds(middle - median(measured.inProcessMs)) : '?',
        measured.inProcessMs.length ? seconds(median(measured.inProcessMs)) : '?',
        `< ${seconds(item.targetMs)}`,
        middle < item.targetMs ? 'yes' : 'NO',
      ];
    });
    if (!('server' in postgres)) {
      rows.push([
        pgFirst.label,
        '0',
        'SKIP',
        '',
        '',
        '',
        '',
        `SKIP: no PostgreSQL server (${postgres.skip})`,
      ]);
      rows.push([pgLater.label, '0', 'SKIP', '', '', '', '', 'SKIP']);
    }
    const table: Table = {
      title: 'startup: spawn to "Puente is running at" (PUENTE_DEMO=true, LOG_LEVEL=warn)',
      columns: [
        { header: 'case' },
        { header: 'runs', right: true },
        { header: 'median s', right: true },
        { header: 'min–max s', right: true },
        { header: 'loading s', right: true },
        { header: 'in process s', right: true },
        { header: 'target s', right: true },
        { header: 'met' },
      ],
      rows,
      notes: [
        '"median s" is wall-clock from spawning node to the ready line; it splits into "loading s" (node, checking or',
        'making the bundle, importing the first modules, before main.ts starts its clock) and "in process s", the "ready',
        'in N ms" main.ts prints (open the database while the HTTP modules load, migrate, load the demo, listen). Each',
        'run is stopped with SIGTERM before the next. The tsx row loads the same sources through tsx, for comparison.',
        ...('server' in postgres
          ? [`PostgreSQL: ${postgres.server.version}, ${postgres.server.source}.`]
          : []),
      ],
    };

    const med = (item: Case) => {
      const values = results.get(item)?.wallMs ?? [];
      return values.length ? `${seconds(median(values))} s` : 'n/a';
    };
    const figures = [
      `- Start-up (spawn to ready, median): first start ${med(embeddedFirst)} on the embedded database ` +
        `(creates it, migrates, loads the demo; target < 15 s), later start ${med(embeddedLater)} (target < 3 s)` +
        ('server' in postgres
          ? `; on a PostgreSQL ${postgres.server.version.split(' ')[0]} server: first start ${med(pgFirst)}, later start ${med(pgLater)}.`
          : '; PostgreSQL server: not measured (none available).'),
    ];
    return { tables: [table], figures };
  },
};

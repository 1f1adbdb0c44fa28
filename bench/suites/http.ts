import autocannon from 'autocannon';
import type { BenchContext, Suite } from '../lib/context.ts';
import { freePort, startPuente, startServer, type StartedServer } from '../lib/process.ts';
import { fixed, integer, type Table } from '../lib/table.ts';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
/** BENCH_HTTP_SECONDS shortens the runs while working on the bench itself. */
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS) || 10;

interface Target {
  label: string;
  path: string;
  start: () => Promise<StartedServer | { skip: string }>;
}

interface Measured {
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Status codes other than 200, with their counts. */
  others: string[];
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds });
}

async function measure(
  ctx: BenchContext,
  target: Target,
): Promise<Measured | { skip: string } | { failed: string }> {
  let server: StartedServer | { skip: string };
  try {
    server = await target.start();
  } catch (error) {
    ctx.fail((error as Error).message);
    return { failed: 'server failed to start' };
  }
  if ('skip' in server) return server;
  try {
    const url = server.url + target.path;
    const first = await fetch(url);
    await first.arrayBuffer();
    if (first.status !== 200)
      ctx.log(`http: ${target.label}: GET ${target.path} answered ${first.status} before the load`);
    ctx.log(
      `http: ${target.label}: ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s with ${CONNECTIONS} connections`,
    );
    await load(url, WARMUP_SECONDS);
    const result = await load(url, SECONDS);
    const codes = result.statusCodeStats ?? {};
    const others = Object.entries(codes)
      .filter(([code, stats]) => code !== '200' && (stats?.count ?? 0) > 0)
      .map(([code, stats]) => `${code}: ${stats?.count ?? 0}`);
    const total = Object.values(codes).reduce((sum, stats) => sum + (stats?.count ?? 0), 0);
    return {
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      total,
      others,
    };
  } finally {
    await server.stop();
  }
}

export const http: Suite = {
  name: 'http',
  description:
    'requests/s and latency of the home page /en (embedded and PostgreSQL) against a bare Fastify route',
  async run(ctx) {
    const postgres = await ctx.postgres();
    const targets: Target[] = [
      {
        label: 'bare Fastify route (ceiling)',
        path: '/',
        start: async () => {
          const port = await freePort();
          return startServer({
            name: 'bare Fastify route',
            args: ['--import', 'tsx', 'bench/fixtures/bare-fastify.ts'],
            env: { ...process.env, PORT: String(port) },
            port,
            ready: /listening/,
          });
        },
      },
      {
        label: 'Puente /en, embedded (PGlite)',
        path: '/en',
        start: () => startPuente({ name: 'Puente, embedded', dataDir: ctx.tempDir('http'), demo: true }),
      },
      {
        label: 'list page, 50 rows, embedded (PGlite)',
        path: '/en/organisations?pageSize=50',
        start: () =>
          startPuente({ name: 'Puente list, embedded', dataDir: ctx.tempDir('http-list'), demo: true }),
      },
      {
        label: 'list page, 50 rows, PostgreSQL server',
        path: '/en/organisations?pageSize=50',
        start: async () => {
          if (!('server' in postgres)) return { skip: `SKIP: no PostgreSQL server (${postgres.skip})` };
          const databaseUrl = await postgres.server.createDatabase();
          return startPuente({
            name: 'Puente list, PostgreSQL',
            dataDir: ctx.tempDir('http-list-pg'),
            databaseUrl,
            demo: true,
          });
        },
      },
      {
        label: 'Puente /en, PostgreSQL server',
        path: '/en',
        start: async () => {
          if (!('server' in postgres)) return { skip: `SKIP: no PostgreSQL server (${postgres.skip})` };
          const databaseUrl = await postgres.server.createDatabase();
          return startPuente({
            name: 'Puente, PostgreSQL',
            dataDir: ctx.tempDir('http-pg'),
            databaseUrl,
            demo: true,
          });
        },
      },
    ];

    const results: (Measured | { skip: string } | { failed: string })[] = [];
    for (const target of targets) results.push(await measure(ctx, target));
    const bare = results[0] && 'reqPerSec' in results[0] ? results[0].reqPerSec : null;

    const rows = targets.map((target, index) => {
      const result = results[index];
      if (!result) return [target.label];
      if ('skip' in result) return [target.label, 'SKIP'];
      if ('failed' in result) return [target.label, 'FAILED: ' + result.failed];
      return [
        target.label,
        integer(result.reqPerSec),
        fixed(result.p50, 1),
        fixed(result.p99, 1),
        `${result.errors} / ${result.non2xx}`,
        bare ? `${fixed(result.reqPerSec / bare, 3)}x` : '?',
      ];
    });

    const measured = results.filter((result): result is Measured => 'reqPerSec' in result);
    const total = measured.reduce((sum, result) => sum + result.total, 0);
    const bad = targets.flatMap((target, index) => {
      const result = results[index];
      if (!result || !('reqPerSec' in result)) return [];
      const problems = [
        ...result.others,
        ...(result.errors > 0 ? [`connection errors: ${result.errors}`] : []),
      ];
      return problems.length ? [`${target.label}: ${problems.join(', ')}`] : [];
    });
    const statusNote =
      bad.length === 0
        ? `Every response was 200 (${integer(total)} responses measured, no connection errors).`
        : `NOT every response was 200: ${bad.join('; ')}.`;

    const table: Table = {
      title: `http: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after a ${WARMUP_SECONDS} s warm-up, servers in child processes`,
      columns: [
        { header: 'target' },
        { header: 'req/s', right: true },
        { header: 'p50 ms', right: true },
        { header: 'p99 ms', right: true },
        { header: 'errors / non-2xx', right: true },
        { header: 'vs bare', right: true },
      ],
      rows,
      notes: [
        statusNote,
        ...results.flatMap((result) => (result && 'skip' in result ? [result.skip] : [])),
        'DESIGN targets are for a public list page (50 rows, full layout): >= 2,000 req/s with p99 < 50 ms on a PostgreSQL',
        'server, >= 800 req/s embedded. /en is lighter (a few networks), so read these rows as an upper bound for list pages.',
        ...('server' in postgres
          ? [`PostgreSQL: ${postgres.server.version}, ${postgres.server.source}.`]
          : []),
      ],
    };

    const describe = (index: number, where: string) => {
      const result = results[index];
      if (!result || 'skip' in result) return `${where}: not measured (none available)`;
      if ('failed' in result) return `${where}: failed to start`;
      return `${integer(result.reqPerSec)} req/s ${where} (p50 ${fixed(result.p50, 1)} ms, p99 ${fixed(result.p99, 1)} ms)`;
    };
    // By label, not position: the figures must not shift when a target is added.
    const at = (label: string) => targets.findIndex((target) => target.label === label);
    const figures = [
      `- Home page /en (autocannon, ${CONNECTIONS} connections, ${SECONDS} s): ${describe(at('Puente /en, embedded (PGlite)'), 'on the embedded database')}, ` +
        `${describe(at('Puente /en, PostgreSQL server'), 'on a PostgreSQL server')}; ceiling: ${describe(at('bare Fastify route (ceiling)'), 'for a bare Fastify route on the same machine')}.`,
      `- Organisations list page, 50 rows with facets: ${describe(at('list page, 50 rows, embedded (PGlite)'), 'on the embedded database (target ≥ 800)')}, ` +
        `${describe(at('list page, 50 rows, PostgreSQL server'), 'on a PostgreSQL server (target ≥ 2,000, p99 < 50 ms)')}.`,
    ];
    return { tables: [table], figures };
  },
};

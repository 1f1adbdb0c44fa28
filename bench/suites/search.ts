import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { readConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { searchPracticeList } from '../../src/practices/practices.queries.ts';
import { CANDIDATE_LIMIT, searchPractices } from '../../src/practices/practices.search.ts';
import { startPuente as startInProcess } from '../../src/server.ts';
import { type BenchQuery, benchQueries, generateCorpus, queryUrl } from '../corpus/practices-corpus.ts';
import { folderBytes, IMPORT_CHUNK, importCorpus, keepUp, publishedAtOf } from '../corpus/practices-load.ts';
import { PracticesMiniSearch } from '../fixtures/minisearch-practices.ts';
import type { Suite } from '../lib/context.ts';
import { freePort, startServer, type StartedServer } from '../lib/process.ts';
import { fixed, integer, seconds, type Table } from '../lib/table.ts';

/** BENCH_SEARCH_PRACTICES makes a smaller corpus while working on the bench itself; figures are for 100,000. */
const PRACTICES = Number(process.env.BENCH_SEARCH_PRACTICES) || 100_000;
/** Passes over the query set after the warm-up pass. */
const PASSES = 3;
const CLIENTS = 10;
const WARMUP_SECONDS = 2;
/** BENCH_HTTP_SECONDS shortens the load, as for the http suite. */
const LOAD_SECONDS = Number(process.env.BENCH_HTTP_SECONDS) || 10;

const TARGETS = {
  importPerSecond: 2_000,
  e2eP95Ms: 30,
  ratio: 1.3,
  searchesPerSecond: 100,
  rssMb: 500,
  firstResultMs: 2_500,
};

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentiles and the mean. */
function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

type Samples = { all: number[]; byKind: Map<string, number[]> };

/**
 * Runs each path over the first `warmUp` queries to warm up, then over every query `passes` times, timed. The paths take turns
 * query by query, so that a change in the machine's load (other processes) weighs on all alike.
 */
async function timePaths<P extends string>(
  queries: BenchQuery[],
  paths: Record<P, (query: BenchQuery) => Promise<unknown> | unknown>,
  { passes = PASSES, warmUp = queries.length }: { passes?: number; warmUp?: number } = {},
): Promise<Record<P, Samples>> {
  const names = Object.keys(paths) as P[];
  const samples = Object.fromEntries(
    names.map((name) => [name, { all: [], byKind: new Map() }]),
  ) as unknown as Record<P, Samples>;
  for (const query of queries.slice(0, warmUp)) for (const name of names) await paths[name](query);
  for (let pass = 0; pass < passes; pass++) {
    for (const [index, query] of queries.entries()) {
      // Who goes first reads the pages the others then find in the buffer cache: it rotates.
      const shift = (index + pass) % names.length;
      for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
        const started = performance.now();
        await paths[name](query);
        const elapsed = performance.now() - started;
        samples[name].all.push(elapsed);
        const byKind = samples[name].byKind.get(query.kind) ?? [];
        byKind.push(elapsed);
        samples[name].byKind.set(query.kind, byKind);
      }
    }
  }
  return samples;
}

/** GET on 127.0.0.1:port through `agent`: the status and the whole body as text. */
function get(agent: http.Agent, port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Settings that must not leak from the bench's own environment into a server under test. */
const INHERITED_OUT = [
  'DATABASE_URL',
  'DATABASE_URL_BENCH',
  'DATABASE_URL_TEST',
  'PORT',
  'HOST',
  'PUENTE_DATA_DIR',
];

function serverEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_OUT) delete env[name];
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUENTE_DATA_DIR: dataDir,
    PUENTE_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
}

/** `node scripts/start.mjs` once with a bad PORT: it bundles src/ into .build/ if needed, then exits (code 2). */
async function bundleServer(): Promise<void> {
  const env = { ...process.env, PORT: 'bundle-only', LOG_LEVEL: 'warn' };
  await startServer({
    name: 'bundle',
    args: ['scripts/start.mjs'],
    env,
    port: 0,
    ready: /(?!)/,
    timeoutMs: 60_000,
  }).catch(() => undefined);
}

/**
 * Spawns `node scripts/start.mjs` on the loaded folder and polls GET /api/v1/practices?q=migrants
 * from the spawn until the first 200 with results: what a person restarting Puente waits for.
 */
async function startAndTimeFirstResult(dataDir: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/v1/practices?q=migrants`;
  const spawned = performance.now();
  const starting = startServer({
    name: 'Puente on the search corpus',
    args: ['scripts/start.mjs'],
    env: serverEnvironment(dataDir, port),
    port,
    ready: /Puente is running at/,
  });
  let failed = false;
  starting.catch(() => {
    failed = true;
  });
  let firstResultMs: number | null = null;
  while (firstResultMs === null && !failed && performance.now() - spawned < 60_000) {
    try {
      const response = await fetch(url);
      const body = (await response.json()) as { items?: unknown[] };
      if (response.status === 200 && (body.items?.length ?? 0) > 0)
        firstResultMs = performance.now() - spawned;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const server = await starting;
  return { server, firstResultMs };
}

function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** autocannon with CLIENTS connections, each request the next query of the set. */
async function throughput(server: StartedServer, queries: BenchQuery[]) {
  const paths = queries.map((query) => queryUrl(query.params));
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: server.url,
      connections: CLIENTS,
      duration,
      requests: [
        { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) },
      ],
    });
  await run(WARMUP_SECONDS);
  const result = await run(LOAD_SECONDS);
  const non200 = Object.entries(result.statusCodeStats ?? {})
    .filter(([code, stats]) => code !== '200' && (stats?.count ?? 0) > 0)
    .map(([code, stats]) => `${code}: ${stats?.count ?? 0}`);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non200,
  };
}

const ms = (value: number) => fixed(value, 1);
const latencyRow = (label: string, measured: Latencies, target: string) => [
  label,
  ms(measured.p50),
  ms(measured.p95),
  ms(measured.p99),
  ms(measured.mean),
  target,
];

export const search: Suite = {
  name: 'search',
  description: `search over ${integer(PRACTICES)} generated practices in four languages (embedded): import, HTTP vs SQL vs MiniSearch, 10 clients, RSS, start to first result`,
  async run(ctx) {
    const dataDir = ctx.tempDir('search');

    // 1–2. A deterministic corpus, loaded through the real import path; the upkeep PGlite never
    // does by itself; the folder's size after a checkpoint.
    ctx.log(`search: generating ${integer(PRACTICES)} practices`);
    const loading: DatabaseHandle = await openDatabase({ dataDir, databaseUrl: null });
    await migrateToLatest(loading.db as never);
    // The corpus lives only while it is imported: the measurements below run without it in memory.
    const { queries, generateMs, imported, importMs } = await (async () => {
      const generated = performance.now();
      const corpus = generateCorpus(PRACTICES);
      const generateMs = performance.now() - generated;
      const done = await importCorpus(loading, corpus.practices, (count, spent) =>
        ctx.log(`search: imported ${integer(count)} practices (${integer(count / (spent / 1000))}/s)`),
      );
      return { queries: benchQueries(corpus), generateMs, ...done };
    })();
    const upkeepStarted = performance.now();
    const indexes = await keepUp(loading);
    const upkeepMs = performance.now() - upkeepStarted;
    await sql`CHECKPOINT`.execute(loading.db);
    await loading.close();
    const folderMb = folderBytes(dataDir) / 1e6;
    const importerRss = process.memoryUsage().rss / 2 ** 20;

    // 3a–b. The app (src/server.ts) in this process on the loaded folder, listening: HTTP end to
    // end, the request's SQL without HTTP (searchPracticeList: the search, the page's rows, their
    // snippets) and the search alone (searchPractices), taking turns query by query.
    ctx.log(
      `search: ${queries.length} queries × ${PASSES}: HTTP, the request's SQL, the search's SQL, in turns`,
    );
    const port = await freePort();
    const puente = await startInProcess(readConfig(serverEnvironment(dataDir, port)));
    const db = puente.database.db;
    const totals = new Map<BenchQuery, { total: number; lowerBound: boolean }>();
    const bodies = new Map<BenchQuery, { status: number; text: string }>();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let measured: Record<'search' | 'request' | 'http', Samples>;
    try {
      measured = await timePaths(queries, {
        search: async (query: BenchQuery) => {
          const outcome = await searchPractices(db, query.params);
          totals.set(query, { total: outcome.total, lowerBound: outcome.totalIsLowerBound });
        },
        request: (query: BenchQuery) => searchPracticeList(db, query.params, 'en'),
        // node:http with a kept-alive socket; the body is read whole but parsed after the timing.
        http: async (query: BenchQuery) => {
          const answer = await get(agent, port, queryUrl(query.params));
          if (!bodies.has(query)) bodies.set(query, answer);
        },
      });
    } finally {
      agent.destroy();
      await puente.close();
    }
    const mismatches: string[] = [];
    for (const [query, { status, text }] of bodies) {
      const total = status === 200 ? (JSON.parse(text) as { total?: number }).total : undefined;
      if (status !== 200 || total !== totals.get(query)?.total)
        mismatches.push(`${queryUrl(query.params)}: ${status}${status === 200 ? `, total ${total}` : ''}`);
    }

    // 5b, 4, 5a. The server as `npm start` runs it, in its own process: time to the first result,
    // CLIENTS concurrent clients, then its RSS.
    ctx.log('search: starting `node scripts/start.mjs` on the loaded folder');
    await bundleServer();
    let started: Awaited<ReturnType<typeof startAndTimeFirstResult>>;
    try {
      started = await startAndTimeFirstResult(dataDir);
    } catch (error) {
      ctx.fail((error as Error).message);
      return { tables: [], figures: ['- search: the server failed to start on the loaded folder'] };
    }
    const { server, firstResultMs } = started;
    let load: Awaited<ReturnType<typeof throughput>>;
    let rss: ReturnType<typeof rssOf>;
    try {
      ctx.log(`search: ${CLIENTS} clients for ${LOAD_SECONDS} s after a ${WARMUP_SECONDS} s warm-up`);
      load = await throughput(server, queries);
      rss = rssOf(server.child.pid!);
    } finally {
      await server.stop();
    }

    // 3c. MiniSearch on the same corpus (made again: the same seed, the same practices) and queries.
    ctx.log('search: the same corpus and queries in MiniSearch');
    const again = generateCorpus(PRACTICES);
    const indexed = performance.now();
    const mini = new PracticesMiniSearch(again.practices, publishedAtOf);
    const miniIndexMs = performance.now() - indexed;
    const miniTotals = new Map<BenchQuery, number>();
    // One pass (it has no cache to fill, and a pass takes about a minute), after a short warm-up.
    const { mini: miniTimes } = await timePaths(
      queries,
      { mini: (query: BenchQuery) => miniTotals.set(query, mini.search(query.params).total) },
      { passes: 1, warmUp: 25 },
    );
    const miniRss = process.memoryUsage().rss / 2 ** 20;

    const overHttp = latencies(measured.http.all);
    const request = latencies(measured.request.all);
    const searchOnly = latencies(measured.search.all);
    const inMemory = latencies(miniTimes.all);
    const ratio = overHttp.p95 / searchOnly.p95;
    const requestRatio = overHttp.p95 / request.p95;
    const vsMini = overHttp.p95 / inMemory.p95;
    const importRate = imported / (importMs / 1000);
    const bounded = [...totals.values()].filter((entry) => entry.lowerBound).length;
    const empty = [...totals.values()].filter((entry) => entry.total === 0).length;
    const miniEmpty = [...miniTotals.values()].filter((total) => total === 0).length;
    const kinds = [...new Set(queries.map((query) => query.kind))];
    const cell = (samples: number[] | undefined) => {
      if (!samples) return '-';
      const { p50, p95 } = latencies(samples);
      return `${ms(p50)} / ${ms(p95)}`;
    };

    const tables: Table[] = [
      {
        title: `search: ${integer(imported)} practices in fr, es, en, pt on the embedded database (PGlite)`,
        columns: [{ header: 'measure' }, { header: 'value', right: true }, { header: 'target', right: true }],
        rows: [
          ['corpus generated (s)', seconds(generateMs), ''],
          [
            'import through importPractices (practices/s)',
            integer(importRate),
            `≥ ${integer(TARGETS.importPerSecond)}`,
          ],
          ['  import (s)', seconds(importMs), ''],
          ['  then ANALYZE and the GIN pending lists merged (s)', seconds(upkeepMs), ''],
          ['data folder after CHECKPOINT (MB)', integer(folderMb), ''],
          [
            `searches/s, ${CLIENTS} clients (autocannon, ${LOAD_SECONDS} s)`,
            integer(load.perSecond),
            `≥ ${TARGETS.searchesPerSecond}`,
          ],
          ['  latency p50 / p99 under that load (ms)', `${ms(load.p50)} / ${ms(load.p99)}`, ''],
          ['server RSS after the load (MB)', integer(rss.rssMb), `≤ ${TARGETS.rssMb}`],
          ['  server peak RSS (MB)', integer(rss.peakMb), ''],
          [
            'process start to first result (s)',
            firstResultMs === null ? 'none' : seconds(firstResultMs),
            `≤ ${seconds(TARGETS.firstResultMs)}`,
          ],
          ['  process start to "Puente is running" (s)', seconds(server.readyMs), ''],
          ['MiniSearch index built (s)', seconds(miniIndexMs), ''],
        ],
        notes: [
          `Import: ${Math.ceil(imported / IMPORT_CHUNK)} JSON texts of ${integer(IMPORT_CHUNK)} practices, one importPractices call ` +
            `(one transaction) each; this process's RSS afterwards: ${integer(importerRss)} MB (it held the corpus).`,
          `Upkeep: ANALYZE, then gin_clean_pending_list on ${indexes.join(', ')}. PGlite has no autovacuum: without it the ` +
            'planner has no statistics and every search reads the pending lists whole.',
          `Load: the server is \`node scripts/start.mjs\` in its own process; ${load.errors} connection errors, ` +
            (load.non200.length
              ? `NOT every response a 200: ${load.non200.join(', ')}.`
              : 'every response a 200.'),
        ],
      },
      {
        title: `search latency: ${queries.length} queries × ${PASSES} passes after a warm-up pass, one at a time (ms)`,
        columns: [
          { header: 'path' },
          { header: 'p50', right: true },
          { header: 'p95', right: true },
          { header: 'p99', right: true },
          { header: 'mean', right: true },
          { header: 'target', right: true },
        ],
        rows: [
          latencyRow('HTTP end to end: GET /api/v1/practices?q=…', overHttp, `p95 ≤ ${TARGETS.e2eP95Ms}`),
          latencyRow("the request's SQL: searchPracticeList", request, ''),
          latencyRow("the search's SQL: searchPractices", searchOnly, ''),
          latencyRow('MiniSearch, same corpus and queries', inMemory, ''),
          ['HTTP p95 / search SQL p95', `${fixed(ratio, 2)}x`, '', '', '', `≤ ${TARGETS.ratio}x`],
          ['HTTP p95 / request SQL p95', `${fixed(requestRatio, 2)}x`, '', '', '', ''],
          ['HTTP p95 / MiniSearch p95', `${fixed(vsMini, 2)}x`, '', '', '', '< 1x'],
        ],
        notes: [
          'HTTP: the app of src/server.ts in this process, node:http over a kept-alive socket; a page of 20 with titles, ' +
            'snippets and every facet, as JSON. The three paths take turns query by query (who goes first rotates) on the ' +
            'same database.',
          'MiniSearch: in this process, one pass after 25 queries of warm-up; fields title, summary and description in ' +
            'every language; the same thesaurus expansion; no stemming; fuzzy and prefix off; facets counted in JS over ' +
            'every match.',
          `Counts: ${bounded} of ${queries.length} queries find more than ${integer(CANDIDATE_LIMIT)} candidates (the total says ` +
            `"more than"); ${empty} find nothing in SQL, ${miniEmpty} in MiniSearch. MiniSearch's RSS: ${integer(miniRss)} MB.`,
          mismatches.length === 0
            ? 'Every HTTP answer was a 200 with the same total as searchPractices.'
            : `HTTP answers that differ from searchPractices (${mismatches.length}): ${mismatches.slice(0, 5).join('; ')}`,
        ],
      },
      {
        title: 'search latency by kind of query, p50 / p95 (ms)',
        columns: [
          { header: 'kind' },
          { header: 'queries', right: true },
          { header: 'HTTP', right: true },
          { header: 'request SQL', right: true },
          { header: 'search SQL', right: true },
          { header: 'MiniSearch', right: true },
        ],
        rows: kinds.map((kind) => [
          kind,
          String(queries.filter((query) => query.kind === kind).length),
          cell(measured.http.byKind.get(kind)),
          cell(measured.request.byKind.get(kind)),
          cell(measured.search.byKind.get(kind)),
          cell(miniTimes.byKind.get(kind)),
        ]),
      },
    ];
    const figures = [
      `- Search, ${integer(imported)} practices in four languages, embedded database, ${queries.length} mixed queries with facets: ` +
        `HTTP p50/p95/p99 ${ms(overHttp.p50)}/${ms(overHttp.p95)}/${ms(overHttp.p99)} ms (target p95 ≤ ${TARGETS.e2eP95Ms} ms); ` +
        `the search's SQL ${ms(searchOnly.p50)}/${ms(searchOnly.p95)}/${ms(searchOnly.p99)} ms, HTTP/search p95 ${fixed(ratio, 2)}x (target ≤ ${TARGETS.ratio}x); ` +
        `the request's SQL ${ms(request.p50)}/${ms(request.p95)}/${ms(request.p99)} ms, HTTP/request p95 ${fixed(requestRatio, 2)}x; ` +
        `MiniSearch ${ms(inMemory.p50)}/${ms(inMemory.p95)}/${ms(inMemory.p99)} ms (HTTP/MiniSearch p95 ${fixed(vsMini, 2)}x, target < 1x).`,
      `- Search throughput, ${CLIENTS} clients: ${integer(load.perSecond)} searches/s (target ≥ ${TARGETS.searchesPerSecond}); ` +
        `server RSS ${integer(rss.rssMb)} MB after the load (target ≤ ${TARGETS.rssMb} MB); process start to first result ` +
        `${firstResultMs === null ? 'none' : `${seconds(firstResultMs)} s`} (target ≤ ${seconds(TARGETS.firstResultMs)} s).`,
      `- Import of ${integer(imported)} practices (JSON, importPractices): ${integer(importRate)} practices/s ` +
        `(target ≥ ${integer(TARGETS.importPerSecond)}), then ${seconds(upkeepMs)} s of ANALYZE and GIN upkeep; ` +
        `data folder ${integer(folderMb)} MB after CHECKPOINT.`,
    ];
    return { tables, figures };
  },
};

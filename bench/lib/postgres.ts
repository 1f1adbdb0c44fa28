import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, ROOT } from './process.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL server for the bench, found in this order:
 *   1. DATABASE_URL_BENCH, then DATABASE_URL: an existing server (each suite gets a fresh
 *      database `puente_bench_<random>`, dropped at the end);
 *   2. scripts/test-postgres.sh: a throwaway server, with its own state file so it never
 *      touches a server the test suites are using;
 *   3. initdb/pg_ctl on PATH or under /usr/lib/postgresql/* /bin: a throwaway server of our own;
 *   4. none: the PostgreSQL rows are skipped.
 * BENCH_POSTGRES=url|script|initdb|none forces one way (for checking each of them).
 */
export interface PostgresServer {
  /** Where the server comes from, for the report. */
  source: string;
  version: string;
  /** A fresh, empty database on the server; returns its URL. Dropped by `close`. */
  createDatabase(): Promise<string>;
  /** Drops the databases created here and stops the server if the bench started it. */
  close(): Promise<void>;
}

export type PostgresOutcome = { server: PostgresServer } | { skip: string };

type Log = (message: string) => void;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Wraps a server reachable at `adminUrl`: fresh databases in it, dropped at the end, then `stopServer`. */
async function serverAt(
  adminUrl: string,
  source: string,
  stopServer: () => Promise<void>,
): Promise<PostgresServer> {
  let version: string;
  try {
    const rows = await query<{ server_version: string }>(adminUrl, 'SHOW server_version');
    version = rows[0]?.server_version ?? '?';
  } catch (error) {
    await stopServer();
    throw new Error(
      `cannot reach PostgreSQL at ${redact(adminUrl)} (${source}): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const created: string[] = [];
  return {
    source,
    version,
    async createDatabase() {
      const name = `puente_bench_${randomBytes(4).toString('hex')}`;
      await query(adminUrl, `CREATE DATABASE "${name}"`);
      created.push(name);
      return withDatabase(adminUrl, name);
    },
    async close() {
      for (const name of created.splice(0)) {
        try {
          // WITH (FORCE): PostgreSQL 13+; the servers under test are stopped by now anyway.
          await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } catch (error) {
          console.error(`bench: could not drop database ${name}: ${(error as Error).message}`);
        }
      }
      await stopServer();
    },
  };
}

async function viaScript(log: Log): Promise<PostgresServer> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-bench-pgstate-'));
  const env = {
    ...process.env,
    PUENTE_PG_STATE: path.join(stateDir, 'postgres.env'),
    PUENTE_PG_PORT: '55329',
  };
  const script = path.join(ROOT, 'scripts', 'test-postgres.sh');
  log('starting a throwaway PostgreSQL with scripts/test-postgres.sh');
  const stop = async () => {
    try {
      await run('bash', [script, 'stop'], { cwd: ROOT, env });
    } catch (error) {
      console.error(`bench: scripts/test-postgres.sh stop failed: ${(error as Error).message}`);
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  let stdout: string;
  try {
    ({ stdout } = await run('bash', [script, 'start'], { cwd: ROOT, env, timeout: 120_000 }));
  } catch (error) {
    await stop();
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`scripts/test-postgres.sh start failed: ${stderr.trim() || (error as Error).message}`, {
      cause: error,
    });
  }
  const url = stdout.trim().split('\n').pop() ?? '';
  return serverAt(url, 'throwaway server from scripts/test-postgres.sh', stop);
}

function findPgBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const initdb = path.join(dir, 'initdb');
    if (dir && fs.existsSync(initdb) && fs.existsSync(path.join(dir, 'pg_ctl')))
      return path.dirname(fs.realpathSync(initdb));
  }
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((entry) => fs.existsSync(path.join(base, entry, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

/** Runs a PostgreSQL binary as `postgres` when we are root (the server refuses to run as root). */
function asOwner(command: string, args: string[], cwd: string) {
  const isRoot = process.getuid?.() === 0;
  return isRoot
    ? run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd, timeout: 120_000 })
    : run(command, args, { cwd, timeout: 120_000 });
}

async function viaInitdb(bin: string, log: Log): Promise<PostgresServer> {
  log(`starting a throwaway PostgreSQL with ${bin}/initdb`);
  const dir = fs.mkdtempSync(path.join('/tmp', 'puente-bench-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await run('chown', ['postgres:', dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, 'data');
  let started = false;
  const stop = async () => {
    if (started) {
      try {
        await asOwner(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'], dir);
      } catch (error) {
        console.error(`bench: pg_ctl stop failed: ${(error as Error).message}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asOwner(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'],
      dir,
    );
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    await asOwner(
      path.join(bin, 'pg_ctl'),
      ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'postgres.log'), '-o', settings],
      dir,
    );
    started = true;
    return await serverAt(
      `postgres://postgres@127.0.0.1:${port}/postgres`,
      `throwaway server (${bin})`,
      stop,
    );
  } catch (error) {
    const logFile = path.join(dir, 'postgres.log');
    const tail = fs.existsSync(logFile)
      ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-10).join('\n')
      : '';
    await stop();
    throw new Error(`could not start PostgreSQL from ${bin}: ${(error as Error).message}\n${tail}`, {
      cause: error,
    });
  }
}

export async function providePostgres(log: Log): Promise<PostgresOutcome> {
  const forced = process.env.BENCH_POSTGRES;
  const url = process.env.DATABASE_URL_BENCH || process.env.DATABASE_URL;
  if (forced === 'none') return { skip: 'BENCH_POSTGRES=none' };
  if ((forced === undefined || forced === 'url') && url) {
    const name = process.env.DATABASE_URL_BENCH ? 'DATABASE_URL_BENCH' : 'DATABASE_URL';
    return { server: await serverAt(url, `${name} (${redact(url)})`, async () => {}) };
  }
  if (forced === 'url')
    return { skip: 'BENCH_POSTGRES=url but neither DATABASE_URL_BENCH nor DATABASE_URL is set' };
  const script = path.join(ROOT, 'scripts', 'test-postgres.sh');
  if ((forced === undefined || forced === 'script') && fs.existsSync(script))
    return { server: await viaScript(log) };
  if (forced === 'script')
    return { skip: 'BENCH_POSTGRES=script but scripts/test-postgres.sh does not exist' };
  const bin = findPgBin();
  if (bin) return { server: await viaInitdb(bin, log) };
  return { skip: 'no DATABASE_URL(_BENCH), no scripts/test-postgres.sh, no initdb/pg_ctl' };
}

import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Database, Db } from './schema.ts';

export type DatabaseKind = 'embedded' | 'server';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** True when the embedded folder was created by this open (first start). */
  created: boolean;
  /** The embedded engine itself (for snapshots in tests and for backups); absent on a server. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Folder of the embedded database; `null` keeps it in memory (tests). */
  dataDir: string | null;
  databaseUrl: string | null;
  /** A PGlite data-dir tarball to start from (tests load a migrated snapshot). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

/** Another process has the embedded database open: PGlite serves one process at a time. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dataDir} is in use by another Puente process (pid ${pid}); stop it first`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder's lock file (`puente.lock`, holding our pid), so that `npm start` and a
 * `puente backup` never open the same embedded database at once. A lock left by a dead process
 * is taken over. Returns the release function.
 */
const lockedHere = new Set<string>();

function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'puente.lock');
  if (lockedHere.has(lockFile)) throw new DataDirInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      lockedHere.add(lockFile);
      const release = () => {
        lockedHere.delete(lockFile);
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      // Our own pid in a lock we do not hold is a previous life of this process (pid 1 in a container).
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock ${lockFile}`);
}

// A date (no time) is read as its 'YYYY-MM-DD' text: a JS Date would put it at midnight in some
// time zone and shift it. The same on both drivers (and int8 as text on the server).
const DATE_OID = 1082;

/**
 * PGlite's shared buffers (its default is PostgreSQL's 128MB). Opening PGlite takes time in
 * proportion to them: on the search bench's folder of 20,000 practices, 128MB took ~1 s longer to
 * open than 64MB on a quiet machine and left the process ~60–100 MB larger, for no measurable
 * gain in search time (README, "Search"): pages that miss come from the OS's page cache.
 */
const EMBEDDED_SHARED_BUFFERS = '64MB';

/** Opens the embedded database (PGlite, in a folder) or a PostgreSQL server (`DATABASE_URL`). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    // Loaded only for a server: the embedded start does not pay for it.
    const { default: pg } = await import('pg');
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
    pg.types.setTypeParser(DATE_OID, (value) => value);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection that the server closes (a restart, a terminated backend) is dropped from
    // the pool and the next query opens another; without a listener, pg would end the process.
    pool.on('error', () => {});
    // Fail fast with a clear error instead of on the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'server', created: false, close: () => db.destroy() };
  }
  let created = false;
  let dataDir: string | undefined;
  let release = () => {};
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pgdata');
    created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`],
      parsers: { [DATE_OID]: (value: string) => value },
    });
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  const close = async () => {
    await db.destroy();
    release();
  };
  return { db, kind: 'embedded', created, pglite, close };
}

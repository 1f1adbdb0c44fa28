import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
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

// int8 (bigint) and numeric come back as strings from node-postgres; keep dates as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/** Opens the embedded database (PGlite, in a folder) or a PostgreSQL server (`DATABASE_URL`). */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // Fail fast with a clear error instead of on the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'server', created: false, close: () => db.destroy() };
  }
  let created = false;
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pgdata');
    created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'embedded', created, pglite, close: () => db.destroy() };
}

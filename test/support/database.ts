import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/schema.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, '.test-artifacts');
const MIGRATIONS = path.join(ROOT, 'src/db/migrations');

/** Which database the integration tests run on: `PUENTE_TEST_DB=server` uses `DATABASE_URL_TEST`. */
export function testDatabaseKind(): 'embedded' | 'server' {
  return process.env.PUENTE_TEST_DB === 'server' ? 'server' : 'embedded';
}

function migrationsHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS).sort())
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite data folder as a tarball, made once per set of migrations and shared by every
 * test process: creating PGlite runs initdb (~5 s), loading the snapshot takes ~1.5 s.
 */
async function migratedSnapshot(): Promise<Blob> {
  const file = path.join(ARTIFACTS, `pglite-${migrationsHash()}.tar`);
  if (!fs.existsSync(file)) {
    const handle = await openDatabase({ dataDir: null, databaseUrl: null });
    await migrateToLatest(handle.db as never);
    const blob = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(temporary, file); // atomic: concurrent processes never read half a file
  }
  return new Blob([fs.readFileSync(file)]);
}

/** A fresh database on the test server, made for this process and migrated. */
async function serverDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.DATABASE_URL_TEST;
  if (!adminUrl)
    throw new Error('PUENTE_TEST_DB=server needs DATABASE_URL_TEST (see scripts/test-postgres.sh)');
  const name = `puente_test_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ dataDir: null, databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db as never);
  const close = handle.close;
  return {
    ...handle,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

let shared: Promise<DatabaseHandle> | undefined;

/** The database of this test process, opened once; call `resetDatabase` between tests. */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??=
    testDatabaseKind() === 'server'
      ? serverDatabase()
      : migratedSnapshot().then((snapshot) =>
          openDatabase({ dataDir: null, databaseUrl: null, loadDataDir: snapshot }),
        );
  return shared;
}

/** A database of its own (for tests that need two, e.g. backup and restore). */
export async function freshDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseKind() === 'server') return serverDatabase();
  return openDatabase({ dataDir: null, databaseUrl: null, loadDataDir: await migratedSnapshot() });
}

/** Empties every table (but the migrations' own), so each test starts from a known state. */
export async function resetDatabase(db: Db): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT LIKE 'puente_migrations%'`.execute(db);
  if (rows.length === 0) return;
  await sql
    .raw(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`)
    .execute(db);
}

export async function closeTestDatabase(): Promise<void> {
  if (shared) {
    const handle = await shared;
    shared = undefined;
    await handle.close();
  }
}

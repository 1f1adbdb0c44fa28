import fs from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths.ts';
import { splitQuery, postgreSplitterOptions } from 'dbgate-query-splitter';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';

/**
 * Migrations are plain SQL files named `YYYYMMDD_NNNN_name.sql`, applied in name order by Kysely's
 * migrator (which locks, records and checks the order). PGlite's extended protocol takes one
 * statement at a time, so each file is split by a PostgreSQL-aware splitter (dollar quotes,
 * comments and strings respected) and run statement by statement in the migration's transaction.
 */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of (await fs.readdir(this.folder)).filter((f) => f.endsWith('.sql')).sort()) {
      const text = await fs.readFile(path.join(this.folder, file), 'utf8');
      const statements = splitQuery(text, postgreSplitterOptions)
        .map((statement) => (typeof statement === 'string' ? statement : statement.text))
        .map((statement) => statement.trim())
        .filter((statement) => statement.replace(/--.*$/gm, '').trim() !== '');
      migrations[file.replace(/\.sql$/, '')] = {
        async up(db: Kysely<unknown>) {
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

/** True when every migration file is already recorded as applied (the usual later start). */
async function isUpToDate(db: Kysely<never>): Promise<boolean> {
  const files = (await fs.readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
  try {
    const applied = await sql<{ name: string }>`SELECT name FROM puente_migrations`.execute(db);
    const names = new Set(applied.rows.map((row) => row.name));
    return files.every((file) => names.has(file));
  } catch {
    return false; // no bookkeeping table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<never>): Promise<MigrationResultSet> {
  // Kysely's migrator takes a lock and reads every file: worth it only when something is to do.
  if (await isUpToDate(db)) return { results: [] };
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrationProvider(MIGRATIONS_DIR),
    migrationTableName: 'puente_migrations',
    migrationLockTableName: 'puente_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

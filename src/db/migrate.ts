import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitQuery, postgreSplitterOptions } from 'dbgate-query-splitter';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

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

export async function migrateToLatest(db: Kysely<never>): Promise<MigrationResultSet> {
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

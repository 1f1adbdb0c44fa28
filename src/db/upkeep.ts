import { sql } from 'kysely';
import type { Db } from './schema.ts';

/**
 * The chores autovacuum does on a PostgreSQL server, for the embedded database, which has none
 * (PGlite runs PostgreSQL in single-user mode): without them the planner has no statistics after
 * a bulk import, GIN indexes keep growing pending lists that every search reads whole, and
 * updated or deleted rows are never reclaimed. Same thresholds as autovacuum's defaults, from
 * this process's counters (`pg_stat_user_tables`); a table never analyzed (`reltuples < 0`, kept
 * in the catalogue across restarts) is analyzed whatever the counters say. VACUUM also merges the
 * GIN pending lists. Runs hourly (housekeeping) and after an import; a no-op on a server.
 */
export async function upkeepEmbedded(db: Db): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  // This process's counts of changed rows reach the statistics at most once a second unless asked.
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ name: string; vacuum: boolean; analyze: boolean }>`
    SELECT s.relname AS name,
      s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
      s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) OR c.reltuples < 0 AS analyze
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = 'public'
    ORDER BY s.relname`.execute(db);
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const table of rows) {
    if (table.vacuum) {
      await sql`VACUUM (ANALYZE) ${sql.id(table.name)}`.execute(db);
      vacuumed.push(table.name);
    } else if (table.analyze) {
      await sql`ANALYZE ${sql.id(table.name)}`.execute(db);
      analyzed.push(table.name);
    }
  }
  return { vacuumed, analyzed };
}

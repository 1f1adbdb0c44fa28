import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { Db } from './schema.ts';

/**
 * A portable backup: gzipped JSON lines. The first line is the header; then, for each table in the
 * header's order, exactly `rows` lines, each one row as PostgreSQL's own `to_jsonb(t)`. The server
 * writes and reads every value (timestamps to the microsecond, numerics, arrays, jsonb), so a backup
 * of the embedded database restores into a PostgreSQL server and back: that is how a network moves.
 */
export interface BackupHeader {
  format: 'puente-backup';
  version: 1;
  createdAt: string;
  /** The migrations applied to the source: a restore needs every one of them known to the target. */
  migrations: string[];
  /** In foreign-key order (a table comes after the tables it references). */
  tables: { name: string; rows: number; columns: string[] }[];
  /** Last values of the sequences, so ids are never handed out twice after a restore. */
  sequences: { name: string; lastValue: string | null }[];
}

export interface TableProgress {
  table: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: TableProgress) => void;

export interface BackupSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  migrations: string[];
  ms: number;
}

/** An expected failure (refusal, damaged file): the CLI prints its message, never a stack. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const FORMAT = 'puente-backup';
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Kysely's migrator keeps its own bookkeeping: recorded in the header, not restored as data. */
const BOOKKEEPING = new Set(['puente_migrations', 'puente_migrations_lock']);

type Executor = Kysely<never>;

async function listTables(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db);
  return rows.map((row) => row.name).filter((name) => !BOOKKEEPING.has(name));
}

/**
 * Foreign keys between public tables, as `table → referenced table` (self-references included).
 * A DEFERRABLE key is checked at commit (restore defers them all), so it puts no order on the
 * tables: that is how a cycle (a practice and its versions) is restored.
 */
async function foreignKeys(db: Executor): Promise<{ from: string; to: string }[]> {
  const { rows } = await sql<{ from: string; to: string }>`
    SELECT DISTINCT src.relname AS "from", dst.relname AS "to"
    FROM pg_constraint k
    JOIN pg_class src ON src.oid = k.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
    JOIN pg_class dst ON dst.oid = k.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
    WHERE k.contype = 'f' AND NOT k.condeferrable AND sn.nspname = 'public' AND dn.nspname = 'public'`.execute(
    db,
  );
  return rows;
}

/**
 * Orders tables so that each comes after the tables it references (Kahn's algorithm, ties by name).
 * A self-reference is no obstacle between tables, but rows of one table may arrive child first:
 * future migrations must declare self-referencing foreign keys (and any cycle between tables)
 * DEFERRABLE, since restore runs `SET CONSTRAINTS ALL DEFERRED` and the check then waits for the
 * commit. A cycle is broken at the first of its tables by name, relying on that same rule.
 */
export function orderByDependencies(tables: string[], keys: { from: string; to: string }[]): string[] {
  const known = new Set(tables);
  const dependsOn = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of keys) {
    if (key.from !== key.to && known.has(key.from) && known.has(key.to)) dependsOn.get(key.from)!.add(key.to);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort();
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      [...dependsOn.get(table)!].every((dependency) => placed.has(dependency)),
    );
    const next = ready.length > 0 ? ready : remaining.slice(0, 1); // a cycle: see above
    for (const table of next) {
      ordered.push(table);
      placed.add(table);
    }
    remaining = remaining.filter((table) => !placed.has(table));
  }
  return ordered;
}

async function appliedMigrations(db: Executor): Promise<string[] | null> {
  const { rows: exists } = await sql<{
    found: boolean;
  }>`SELECT to_regclass('public.puente_migrations') IS NOT NULL AS found`.execute(db);
  if (!exists[0]?.found) return null;
  const { rows } = await sql<{ name: string }>`SELECT name FROM puente_migrations ORDER BY name`.execute(db);
  return rows.map((row) => row.name);
}

/** Columns that take a value on insert (generated columns are computed again by the target). */
async function insertableColumns(db: Executor, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT attname AS name FROM pg_attribute
    WHERE attrelid = ${`public.${quoteIdent(table)}`}::text::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
    ORDER BY attnum`.execute(db);
  return rows.map((row) => row.name);
}

async function primaryKey(db: Executor, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await sql<{ name: string; type: string }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indrelid = ${`public.${quoteIdent(table)}`}::text::regclass AND i.indisprimary
    ORDER BY k.position`.execute(db);
  return rows;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function countRows(db: Executor, table: string): Promise<number> {
  const { rows } = await sql<{
    count: string;
  }>`SELECT count(*)::text AS count FROM ${sql.id('public', table)}`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/**
 * Reads a table in primary-key order, ~1000 rows at a time, each row already serialised by the
 * server. Keyset pagination (`WHERE key > last`) stays fast on big tables; a table without a
 * primary key falls back to OFFSET, which the snapshot of the backup transaction keeps stable.
 */
async function* tableRows(db: Executor, table: string): AsyncGenerator<string[]> {
  const key = await primaryKey(db, table);
  const target = sql.id('public', table);
  if (key.length === 0) {
    for (let offset = 0; ; offset += BATCH_ROWS) {
      const { rows } = await sql<{ row: string }>`
        SELECT to_jsonb(t)::text AS row FROM ${target} t ORDER BY ctid LIMIT ${BATCH_ROWS} OFFSET ${offset}`.execute(
        db,
      );
      if (rows.length > 0) yield rows.map((r) => r.row);
      if (rows.length < BATCH_ROWS) return;
    }
  }
  const columns = sql.join(key.map((column) => sql.ref(`t.${column.name}`)));
  const keyText = sql.join(key.map((column) => sql`${sql.ref(`t.${column.name}`)}::text`));
  let last: string[] | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> =
      last === null
        ? sql`TRUE`
        : sql`(${columns}) > (${sql.join(key.map((column, i) => sql`${last![i]}::text::${sql.raw(column.type)}`))})`;
    const { rows } = await sql<{ row: string; key: string[] }>`
      SELECT to_jsonb(t)::text AS row, ARRAY[${keyText}] AS key
      FROM ${target} t WHERE ${after} ORDER BY ${columns} LIMIT ${BATCH_ROWS}`.execute(db);
    if (rows.length > 0) yield rows.map((r) => r.row);
    if (rows.length < BATCH_ROWS) return;
    last = rows[rows.length - 1]!.key;
  }
}

/** Writes a backup of every table to `file` (through `file.partial`, renamed when complete). */
export async function backupDatabase(
  database: Db,
  file: string,
  onProgress?: ProgressListener,
): Promise<BackupSummary> {
  const started = performance.now();
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial));
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const header = await database.transaction().execute(async (trx) => {
      const db = trx as unknown as Executor;
      // One snapshot for the whole backup: counts and rows agree even while the app keeps writing.
      await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(db);
      const tables = orderByDependencies(await listTables(db), await foreignKeys(db));
      const { rows: sequences } = await sql<{ name: string; lastValue: string | null }>`
        SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
        WHERE schemaname = 'public' ORDER BY sequencename`.execute(db);
      const header: BackupHeader = {
        format: FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        migrations: (await appliedMigrations(db)) ?? [],
        tables: [],
        sequences,
      };
      for (const name of tables) {
        header.tables.push({
          name,
          rows: await countRows(db, name),
          columns: await insertableColumns(db, name),
        });
      }
      await write(JSON.stringify(header));
      for (const table of header.tables) {
        let done = 0;
        onProgress?.({ table: table.name, done, total: table.rows });
        for await (const batch of tableRows(db, table.name)) {
          await write(batch.join('\n')); // one write per batch: zlib works per chunk
          done += batch.length;
          onProgress?.({ table: table.name, done, total: table.rows });
        }
        if (done !== table.rows)
          throw new Error(`table ${table.name}: counted ${table.rows} rows but read ${done}`);
      }
      return header;
    });
    gzip.end();
    await written;
    await fs.promises.rename(partial, file);
    return {
      tables: header.tables.map(({ name, rows }) => ({ name, rows })),
      rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
      migrations: header.migrations,
      ms: performance.now() - started,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

/** The decompressed lines of a backup file; a damaged or truncated file ends in a BackupError. */
async function* backupLines(file: string): AsyncGenerator<string> {
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new BackupError(`cannot read the backup file ${file}`);
  }
  const gunzip = zlib.createGunzip();
  const decompressed = pipeline(input, gunzip).catch((error: unknown) => {
    gunzip.destroy(error as Error);
  });
  gunzip.setEncoding('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    throw new BackupError(`the backup file is damaged or truncated (${(error as Error).message})`);
  } finally {
    input.destroy();
    await decompressed;
  }
  if (pending !== '') yield pending;
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw new BackupError('this file is not a Puente backup (no header)');
  }
  if (header.format !== FORMAT) throw new BackupError('this file is not a Puente backup');
  if (header.version !== 1)
    throw new BackupError(
      `this backup has format version ${String(header.version)}; this Puente reads version 1`,
    );
  if (!Array.isArray(header.tables) || !Array.isArray(header.migrations))
    throw new BackupError('the backup header is damaged');
  return header as BackupHeader;
}

/** Reads and checks the header only, so that a wrong file is refused before the database is touched. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    return parseHeader((await lines.next()).value as string | undefined);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Restores a backup into an empty, migrated database, in one transaction: a crash, a damaged file
 * or a refused row leaves the database as it was. The target may be newer than the backup (more
 * migrations): columns the backup lacks take their defaults. It may not be older.
 */
export async function restoreDatabase(
  database: Db,
  file: string,
  onProgress?: ProgressListener,
): Promise<BackupSummary> {
  const started = performance.now();
  const lines = backupLines(file);
  try {
    const header = parseHeader((await lines.next()).value as string | undefined);
    await database.transaction().execute(async (trx) => {
      const db = trx as unknown as Executor;
      const applied = await appliedMigrations(db);
      if (applied === null) throw new BackupError('the database is not migrated: run `puente migrate` first');
      const unknown = header.migrations.filter((name) => !applied.includes(name));
      if (unknown.length > 0) {
        throw new BackupError(
          `the backup comes from a newer version of Puente (unknown migrations: ${unknown.join(', ')}); upgrade Puente first`,
        );
      }
      const targetTables = await listTables(db);
      for (const table of targetTables) {
        const { rows } = await sql<{
          found: boolean;
        }>`SELECT EXISTS (SELECT 1 FROM ${sql.id('public', table)}) AS found`.execute(db);
        if (rows[0]?.found) {
          throw new BackupError(
            `the database is not empty (table ${table} has rows): restore only into a new, empty database`,
          );
        }
      }
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(db);

      // Rows are inserted as they are read; a table whose referenced tables are not restored yet
      // (a file written in another order) waits in memory until they are.
      const keys = await foreignKeys(db);
      const order = orderByDependencies(targetTables, keys);
      const inBackup = new Set(header.tables.map((table) => table.name));
      const done = new Set(targetTables.filter((table) => !inBackup.has(table)));
      const waiting = new Map<string, { columns: string[]; rows: string[]; total: number }>();
      const isReady = (table: string) =>
        keys.every(
          (key) =>
            key.from !== table ||
            key.to === table ||
            done.has(key.to) ||
            order.indexOf(key.to) > order.indexOf(table),
        );

      const insertBatch = async (table: string, columns: string[], rows: string[]) => {
        const list = sql.join(columns.map((column) => sql.id(column)));
        try {
          await sql`INSERT INTO ${sql.id('public', table)} (${list}) OVERRIDING SYSTEM VALUE
            SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.id('public', table)}, ${`[${rows.join(',')}]`}::text::jsonb)`.execute(
            db,
          );
        } catch (error) {
          throw new BackupError(`table ${table}: a row was refused (${(error as Error).message})`);
        }
      };
      const flushWaiting = async () => {
        for (let progress = true; progress;) {
          progress = false;
          for (const [table, held] of waiting) {
            if (!isReady(table)) continue;
            for (let i = 0; i < held.rows.length; i += BATCH_ROWS) {
              await insertBatch(table, held.columns, held.rows.slice(i, i + BATCH_ROWS));
              onProgress?.({ table, done: Math.min(i + BATCH_ROWS, held.rows.length), total: held.total });
            }
            waiting.delete(table);
            done.add(table);
            progress = true;
          }
        }
      };

      for (const table of header.tables) {
        if (!targetTables.includes(table.name))
          throw new BackupError(`the backup has a table this version does not know: ${table.name}`);
        const targetColumns = await insertableColumns(db, table.name);
        const lost = table.columns.filter((column) => !targetColumns.includes(column));
        if (lost.length > 0)
          throw new BackupError(`table ${table.name}: columns unknown to this version: ${lost.join(', ')}`);
        const ready = isReady(table.name);
        const held: string[] = [];
        let batch: string[] = [];
        let bytes = 0;
        let count = 0;
        onProgress?.({ table: table.name, done: 0, total: table.rows });
        while (count < table.rows) {
          const next = await lines.next();
          if (next.done)
            throw new BackupError(
              `the backup file is truncated (table ${table.name}: ${count} of ${table.rows} rows)`,
            );
          const row = next.value;
          if (!row.startsWith('{') || !row.endsWith('}'))
            throw new BackupError(`table ${table.name}: row ${count + 1} is not a JSON object`);
          count += 1;
          if (!ready) {
            held.push(row);
            continue;
          }
          batch.push(row);
          bytes += row.length;
          if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES || count === table.rows) {
            await insertBatch(table.name, table.columns, batch);
            onProgress?.({ table: table.name, done: count, total: table.rows });
            batch = [];
            bytes = 0;
          }
        }
        if (ready) {
          done.add(table.name);
          await flushWaiting();
        } else {
          waiting.set(table.name, { columns: table.columns, rows: held, total: table.rows });
        }
      }
      await flushWaiting();
      if (waiting.size > 0)
        throw new BackupError(`could not order the tables: ${[...waiting.keys()].join(', ')}`);
      const extra = await lines.next();
      if (!extra.done && extra.value !== '')
        throw new BackupError('the backup file has more rows than its header announces');

      await resetSequences(db, header);
    });
    return {
      tables: header.tables.map(({ name, rows }) => ({ name, rows })),
      rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
      migrations: header.migrations,
      ms: performance.now() - started,
    };
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Moves every column's sequence (serial and identity) past the restored ids, and never behind the
 * source's own value: ids handed out then deleted (audit entries, login failures) stay unused.
 */
async function resetSequences(db: Executor, header: BackupHeader): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; sequence: string; name: string }>`
    SELECT c.relname AS "table", a.attname AS "column", s.sequence, split_part(s.sequence, '.', 2) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    CROSS JOIN LATERAL (SELECT pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS sequence) s
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND s.sequence IS NOT NULL`.execute(db);
  const recorded = new Map((header.sequences ?? []).map((sequence) => [sequence.name, sequence.lastValue]));
  for (const row of rows) {
    const sourceValue = recorded.get(row.name.replace(/^"|"$/g, '')) ?? null;
    await sql`
      SELECT setval(${row.sequence}::text::regclass, GREATEST(v, 1), v > 0) FROM (
        SELECT GREATEST(COALESCE(max(${sql.id(row.column)})::bigint, 0), COALESCE(${sourceValue}::text::bigint, 0)) AS v
        FROM ${sql.id('public', row.table)}
      ) AS m`.execute(db);
  }
}

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from './database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The embedded database in its worker thread, as the app, the CLI and the tests use it (on a new
 * empty database: this file runs in the embedded stage only).
 */
describe('PGlite in its own thread', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await openDatabase({ dataDir: null, databaseUrl: null });
    await sql`CREATE TABLE thread_probe (id int PRIMARY KEY, note text NOT NULL)`.execute(handle.db);
  });
  after(async () => {
    await handle.close();
    await assert.rejects(
      sql`SELECT 1`.execute(handle.db),
      /destroyed/,
      'a closed database refuses statements',
    );
    await assert.rejects(handle.pglite!.query('SELECT 1'), /the embedded database is closed/);
  });

  it("answers with PGlite's types: dates as text, timestamps as Date, jsonb, arrays, bytea, numbers", async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT '2024-02-29'::date AS day, '2024-02-29T10:00:00Z'::timestamptz AS at,
        '{"a":[1,"é"]}'::jsonb AS doc, ARRAY['x','y'] AS list, '\\x00ff'::bytea AS bytes,
        12::int AS n, NULL::text AS nothing, ${'naïve ✓'}::text AS param`.execute(handle.db);
    assert.deepEqual(rows[0], {
      day: '2024-02-29',
      at: new Date('2024-02-29T10:00:00Z'),
      doc: { a: [1, 'é'] },
      list: ['x', 'y'],
      bytes: new Uint8Array([0, 255]),
      n: 12,
      nothing: null,
      param: 'naïve ✓',
    });
  });

  it("keeps an error's SQLSTATE, constraint and detail across threads", async () => {
    await sql`INSERT INTO thread_probe VALUES (1, 'one')`.execute(handle.db);
    await assert.rejects(
      sql`INSERT INTO thread_probe VALUES (1, 'again')`.execute(handle.db),
      (error: unknown) => {
        const fields = error as { code?: string; constraint?: string; detail?: string };
        assert.equal(fields.code, '23505');
        assert.equal(fields.constraint, 'thread_probe_pkey');
        assert.match(fields.detail ?? '', /\(id\)=\(1\)/);
        return true;
      },
    );
  });

  it('runs a transaction alone: a statement from outside waits until it commits, a failed one leaves nothing', async () => {
    let outside: Promise<number> | undefined;
    await handle.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO thread_probe VALUES (2, 'two')`.execute(tx);
      outside = sql<{ n: number }>`SELECT count(*)::int AS n FROM thread_probe`
        .execute(handle.db)
        .then((result) => result.rows[0]!.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sql`INSERT INTO thread_probe VALUES (3, 'three')`.execute(tx);
    });
    assert.equal(await outside, 3, 'the count ran after the commit');

    await assert.rejects(
      handle.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO thread_probe VALUES (4, 'four')`.execute(tx);
        await sql`INSERT INTO thread_probe VALUES (4, 'four again')`.execute(tx);
      }),
      /duplicate key/,
    );
    const { rows } = await sql<{ id: number }>`SELECT id FROM thread_probe ORDER BY id`.execute(handle.db);
    assert.deepEqual(
      rows.map((row) => row.id),
      [1, 2, 3],
    );
  });

  it('dumps its data folder as a tarball that another database opens', async () => {
    const blob = await handle.pglite!.dumpDataDir('none');
    const copy = await openDatabase({ dataDir: null, databaseUrl: null, loadDataDir: blob });
    try {
      const { rows } = await sql<{ id: number }>`SELECT id FROM thread_probe ORDER BY id`.execute(copy.db);
      assert.deepEqual(
        rows.map((row) => row.id),
        [1, 2, 3],
      );
    } finally {
      await copy.close();
    }
  });

  it('does not keep a process alive once its statements are answered', async () => {
    // A script that opens the database, runs a statement and never closes it: it must end by itself.
    const script = `
      const { openDatabase } = await import('./src/db/database.ts');
      const { sql } = await import('kysely');
      const handle = await openDatabase({ dataDir: null, databaseUrl: null });
      const { rows } = await sql\`SELECT 41 + 1 AS n\`.execute(handle.db);
      console.log(rows[0].n);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 60_000);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.equal(code, 0, `the process ended by itself (stderr: ${stderr})`);
    assert.equal(stdout.trim(), '42');
  });
});

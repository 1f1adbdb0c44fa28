import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { signIn } from '../src/accounts/accounts.commands.ts';
import { readConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { insertNetwork } from '../src/directory/index.ts';
import type { Mailer } from '../src/mail/mailer.ts';
import { translator } from '../src/web/i18n.ts';
import { generateOrganisationsCsv } from '../bench/suites/import.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/puente.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `puente` command, as an operator would, with only the given settings. */
function puente(
  args: string[],
  options: { dataDir: string; env?: Record<string, string>; input?: string },
): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'C',
    PUENTE_DATA_DIR: options.dataDir,
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

async function rowCounts(dataDir: string): Promise<Record<string, number>> {
  const handle = await openDatabase({ dataDir, databaseUrl: null });
  try {
    const { rows: tables } = await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'puente_migrations%'
      ORDER BY tablename`.execute(handle.db);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await sql<{
        count: string;
      }>`SELECT count(*)::text AS count FROM ${sql.id(name)}`.execute(handle.db);
      counts[name] = Number(rows[0]!.count);
    }
    return counts;
  } finally {
    await handle.close();
  }
}

// Each spawn of a new embedded database runs initdb (~5-10 s): the steps share two folders and run in order.
describe('puente (the command line)', { timeout: 400_000 }, () => {
  let work: string;
  let first: string;
  let second: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-cli-'));
    first = path.join(work, 'first');
    second = path.join(work, 'second');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('migrate applies the migrations, then has nothing to apply', { timeout: 150_000 }, async () => {
    const run = await puente(['migrate'], { dataDir: first });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Applied migration 20261125_0001_foundation/);
    const again = await puente(['migrate'], { dataDir: first });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Nothing to apply/);
    assert.doesNotMatch(again.stdout, /Applied/);
  });

  it(
    'user:create reads the password from stdin, not from the command line',
    { timeout: 60_000 },
    async () => {
      const run = await puente(
        [
          'user:create',
          '--email',
          'ana@example.org',
          '--name',
          'Ana Pérez',
          '--admin',
          '--locale',
          'es',
          '--password-stdin',
        ],
        {
          dataDir: first,
          input: 'a long enough passphrase\n',
        },
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Created the administrator ana@example.org/);
      assert.doesNotMatch(run.stdout, /reset/);
    },
  );

  it('a bad setting ends with exit code 2 and one line naming it', async () => {
    const run = await puente(['migrate'], { dataDir: first, env: { PORT: 'abc' } });
    assert.equal(run.code, 2);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /PORT/);
  });

  it('an unknown command shows the usage and ends with exit code 2', async () => {
    const run = await puente(['frobnicate'], { dataDir: first });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command "frobnicate"/);
    assert.match(run.stderr, /Usage: puente <command>/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it(
    'backup, then restore into another empty folder, gives the same rows',
    { timeout: 150_000 },
    async () => {
      const file = path.join(work, 'backup.puente.gz');
      const backup = await puente(['backup', file], { dataDir: first });
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /Backup written to .*backup\.puente\.gz/);
      assert.match(backup.stderr, /users\s+1 \/ 1 rows/);
      const restore = await puente(['restore', file], { dataDir: second });
      assert.equal(restore.code, 0, restore.stderr);
      assert.match(restore.stdout, /Restored/);
      assert.match(restore.stderr, /audit_log\s+1 \/ 1 rows/);
      const [before, after] = [await rowCounts(first), await rowCounts(second)];
      assert.deepEqual(after, before);
      assert.equal(before.users, 1);
    },
  );

  it('the restored account signs in with the password given on stdin', { timeout: 60_000 }, async () => {
    const handle = await openDatabase({ dataDir: second, databaseUrl: null });
    try {
      const ctx = { db: handle.db, config: readConfig({}), mailer: {} as Mailer, secret: 'x'.repeat(32) };
      const t = translator('en');
      const wrong = await signIn(
        ctx,
        { email: 'ana@example.org', password: 'not the passphrase', address: '127.0.0.1' },
        t,
      );
      assert.equal(wrong.ok, false);
      const right = await signIn(
        ctx,
        { email: 'ana@example.org', password: 'a long enough passphrase', address: '127.0.0.1' },
        t,
      );
      assert.equal(right.ok, true);
      const user = await handle.db
        .selectFrom('users')
        .select(['name', 'locale', 'is_admin'])
        .executeTakeFirstOrThrow();
      assert.deepEqual(user, { name: 'Ana Pérez', locale: 'es', is_admin: true });
    } finally {
      await handle.close();
    }
  });

  it(
    'import:organisations shows its progress on stderr, imports all rows, and export:organisations writes them back',
    { timeout: 150_000 },
    async () => {
      const file = path.join(work, 'organisations.csv');
      fs.writeFileSync(file, generateOrganisationsCsv(1500));
      const run = await puente(['import:organisations', file], { dataDir: second });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /Checking rows +\[#{30}\] +1500 \/ 1500/);
      assert.match(run.stderr, /Inserting rows +\[#{30}\] +1500 \/ 1500/);
      assert.match(run.stdout, /Imported 1500 organisations from .*organisations\.csv in [\d.]+ s\./);
      const csv = path.join(work, 'export.csv');
      const json = path.join(work, 'export.json');
      const toCsv = await puente(['export:organisations', csv], { dataDir: second });
      assert.equal(toCsv.code, 0, toCsv.stderr);
      assert.match(toCsv.stdout, /Exported 1500 organisations/);
      assert.match(fs.readFileSync(csv, 'utf8').split('\r\n')[1]!, /^#meta \+id,#org \+name \+i_fr/);
      const toJson = await puente(['export:organisations', json], { dataDir: second });
      assert.equal(toJson.code, 0, toJson.stderr);
      assert.equal((JSON.parse(fs.readFileSync(json, 'utf8')) as unknown[]).length, 1500);
    },
  );

  it(
    'import:organisations with a bad row prints the report, imports nothing and exits 1',
    { timeout: 60_000 },
    async () => {
      const file = path.join(work, 'bad.csv');
      fs.writeFileSync(
        file,
        'name_en,stakeholder_group,website\nGood,academia,https://example.org\nBad,academia,not-a-url\n',
      );
      const run = await puente(['import:organisations', file], { dataDir: second });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /row 3: website: /);
      assert.match(run.stderr, /1 problem\(s\) in .*bad\.csv: nothing was imported/);
      assert.equal((await rowCounts(second)).organisations, 1500);
      const wrong = await puente(['import:organisations', path.join(work, 'file.txt')], { dataDir: second });
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /must end in \.csv or \.json/);
    },
  );

  it(
    'import:memberships shows its progress, imports every row, and on a bad row imports nothing and exits 1',
    { timeout: 60_000 },
    async () => {
      const handle = await openDatabase({ dataDir: second, databaseUrl: null });
      let ids: string[];
      try {
        await insertNetwork(handle.db, { slug: 'cli-network', name: { en: 'CLI network' }, description: {} });
        ids = (await handle.db.selectFrom('organisations').select('id').orderBy('id').limit(3).execute()).map(
          (row) => row.id,
        );
      } finally {
        await handle.close();
      }
      const bad = path.join(work, 'bad-memberships.csv');
      fs.writeFileSync(
        bad,
        `organisation_id,network,role,since\n${ids[0]},cli-network,member,\n${ids[1]},cli-network,chief,\n`,
      );
      const refused = await puente(['import:memberships', bad], { dataDir: second });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /row 3: role: /);
      assert.match(refused.stderr, /1 problem\(s\) in .*bad-memberships\.csv: nothing was imported/);
      assert.equal((await rowCounts(second)).network_memberships, 0);
      const file = path.join(work, 'memberships.csv');
      fs.writeFileSync(
        file,
        [
          'organisation_id,organisation_name,network,role,since',
          '#org +id,#org +name,#group +code,#org +role,#date +start',
          ...ids.map(
            (id, n) => `${id},Name ${n},cli-network,${n === 0 ? 'coordinator' : 'member'},2020-0${n + 1}-15`,
          ),
        ].join('\r\n'),
      );
      const run = await puente(['import:memberships', file], { dataDir: second });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /Checking rows +\[#{30}\] +3 \/ 3/);
      assert.match(run.stderr, /Inserting rows +\[#{30}\] +3 \/ 3/);
      assert.match(run.stdout, /Imported 3 memberships from .*memberships\.csv in [\d.]+ s\./);
      assert.equal((await rowCounts(second)).network_memberships, 3);
    },
  );

  it(
    'practices:import shows its progress and publishes every row; on a bad row it imports nothing and exits 1',
    { timeout: 60_000 },
    async () => {
      const handle = await openDatabase({ dataDir: second, databaseUrl: null });
      let organisationId: string;
      try {
        organisationId = (
          await handle.db
            .selectFrom('network_memberships')
            .select('organisation_id')
            .orderBy('organisation_id')
            .executeTakeFirstOrThrow()
        ).organisation_id;
      } finally {
        await handle.close();
      }
      const practices = Array.from({ length: 1200 }, (_, n) => ({
        network: 'cli-network',
        organisationId,
        originalLanguage: 'en',
        title: { en: `Practice ${n} from the command line` },
        countries: ['MX'],
      }));
      // --format says what the file name does not.
      const file = path.join(work, 'practices.txt');
      fs.writeFileSync(file, JSON.stringify(practices));
      const run = await puente(['practices:import', '--format', 'json', file], { dataDir: second });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /Checking rows +\[#{30}\] +1200 \/ 1200/);
      assert.match(run.stderr, /Inserting rows +\[#{30}\] +1200 \/ 1200/);
      assert.match(run.stdout, /Imported 1200 practices from .*practices\.txt in [\d.]+ s\./);
      const counts = await rowCounts(second);
      assert.deepEqual([counts.practices, counts.practice_search], [1200, 1200]);
      const bad = path.join(work, 'bad-practices.csv');
      fs.writeFileSync(
        bad,
        `network,organisation_id,original_language,title_en\ncli-network,${organisationId},en,Good\ncli-network,${organisationId},en,\n`,
      );
      const refused = await puente(['practices:import', bad], { dataDir: second });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /row 3: title_en: /);
      assert.match(refused.stderr, /1 problem\(s\) in .*bad-practices\.csv: nothing was imported/);
      assert.equal((await rowCounts(second)).practices, 1200);
      const wrong = await puente(['practices:import', '--format', 'xml', bad], { dataDir: second });
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /--format is csv or json/);
    },
  );
});

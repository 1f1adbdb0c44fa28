import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../test/support/database.ts';
import {
  buildApiToken,
  buildCooperationRecord,
  buildIndicator,
  buildMatch,
  buildPractice,
  buildNetwork,
  buildOrganisation,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';
import { insertFailures, insertPasswordReset } from '../accounts/accounts.repository.ts';
import { recordAudit } from '../audit/index.ts';
import { hashToken, newToken } from '../accounts/accounts.secrets.ts';
import {
  backupDatabase,
  BackupError,
  orderByDependencies,
  restoreDatabase,
  type TableProgress,
} from './backup.ts';
import type { DatabaseHandle } from './database.ts';
import { instanceSecret, setSetting } from './instance.ts';
import type { Db } from './schema.ts';

async function dataTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'puente_migrations%'
    ORDER BY tablename`.execute(db);
  return rows.map((row) => row.tablename);
}

async function contents(db: Db, table: string): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    SELECT to_jsonb(t)::text AS row FROM ${sql.id('public', table)} t ORDER BY to_jsonb(t)::text`.execute(db);
  return rows.map((row) => row.row);
}

async function totalRows(db: Db): Promise<number> {
  let total = 0;
  for (const table of await dataTables(db)) total += (await contents(db, table)).length;
  return total;
}

/** An empty database of the other kind than this run's (the test helper reads PUENTE_TEST_DB). */
async function freshDatabaseOfOtherKind(): Promise<DatabaseHandle> {
  const saved = process.env.PUENTE_TEST_DB;
  process.env.PUENTE_TEST_DB = saved === 'server' ? 'embedded' : 'server';
  try {
    return await freshDatabase();
  } finally {
    if (saved === undefined) delete process.env.PUENTE_TEST_DB;
    else process.env.PUENTE_TEST_DB = saved;
  }
}

/** A network with something in every table, including the awkward values. */
async function fillEveryTable(db: Db): Promise<void> {
  await instanceSecret(db, null);
  await setSetting(db, 'note', 'multi-line\nvalue with "quotes", \\ backslash, émoji 🌍 and a tab\t');
  const network = await buildNetwork(db, {
    name: { fr: 'Réseau « test »', es: 'Red de prueba', en: 'Test network' },
  });
  const second = await buildNetwork(db);
  const organisation = await buildOrganisation(db, {
    name: { fr: 'Croix-Rouge', en: 'Red Cross' },
    acronym: { en: 'CR' },
  });
  const partner = await buildOrganisation(db);
  // The directory: a membership, a relationship, an accreditation, a focal point, an invitation.
  await db
    .updateTable('organisations')
    .set({
      countries_served: ['MX', 'GT'],
      thematic_areas: ['counter-trafficking'],
      headquarters_country: 'MX',
    })
    .where('id', '=', organisation.id)
    .execute();
  await db
    .updateTable('networks')
    .set({ countries: ['MX'], year_founded: 1997, funding_status: 'partly-funded' })
    .where('id', '=', network.id)
    .execute();
  await db
    .insertInto('network_memberships')
    .values({
      network_id: network.id,
      organisation_id: organisation.id,
      role: 'coordinator',
      since: '2012-12-01',
    })
    .execute();
  await db
    .insertInto('organisation_relationships')
    .values({
      organisation_id: partner.id,
      related_organisation_id: organisation.id,
      kind: 'service-provider',
      since: '2010-05-04',
      note: 'shelters',
    })
    .execute();
  await db
    .insertInto('organisation_accreditations')
    .values({
      organisation_id: organisation.id,
      accrediting_organisation_id: partner.id,
      kind: 'observer',
      granted_on: '2001-06-07',
    })
    .execute();
  await db
    .insertInto('focal_points')
    .values({
      organisation_id: organisation.id,
      name: 'Ana Pérez',
      email: 'ana@example.org',
      languages: ['es', 'en'],
    })
    .execute();
  await db
    .insertInto('invitations')
    .values({
      token_hash: hashToken(newToken()),
      organisation_id: organisation.id,
      network_id: network.id,
      email: 'new@example.org',
      name: 'New Person',
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  const users = [];
  for (let i = 0; i < 5; i += 1) {
    users.push(
      await buildUser(db, {
        locale: (['fr', 'es', 'en', 'pt'] as const)[i % 4]!,
        isAdmin: i === 0,
        organisationId: i % 2 === 0 ? organisation.id : null,
        roles: [
          { networkId: network.id, role: i === 1 ? 'secretariat' : 'member' },
          ...(i === 2 ? [{ networkId: second.id, role: 'member' as const }] : []),
        ],
      }),
    );
  }
  await db
    .updateTable('users')
    .set({ disabled_at: new Date('2026-01-02T03:04:05.123Z') })
    .where('id', '=', users[4]!.id)
    .execute();
  for (const user of users) await buildSession(db, user.id);
  await insertPasswordReset(db, hashToken(newToken()), users[3]!.id, new Date(Date.now() + 3_600_000));
  await buildApiToken(db, users[0]!.id, 'scripts');
  await buildApiToken(db, users[1]!.id);
  // Practices: a principle, a call, a published practice (versions, events, search row, lexicon),
  // one under review (reviews) and an attachment with bytes that are not text.
  await db
    .insertInto('smart_principles')
    .values({ network_id: network.id, code: 'P1', stage: 'design', label: JSON.stringify({ fr: 'Besoins' }) })
    .execute();
  await db
    .insertInto('practice_calls')
    .values({
      network_id: network.id,
      title: JSON.stringify({ es: 'Convocatoria « trata »' }),
      opens_on: '2026-01-01',
      closes_on: '2026-03-31',
      gcm_objectives: ['10'],
    })
    .execute();
  const published = await buildPractice(db, {
    organisationId: organisation.id,
    networkId: network.id,
    published: true,
    content: {
      originalLanguage: 'fr',
      title: { fr: 'Traite des êtres humains « test »' },
      countries: ['MX'],
    },
  });
  await buildPractice(db, {
    organisationId: organisation.id,
    networkId: network.id,
    reviewerId: users[2]!.id,
  });
  await db
    .insertInto('practice_attachments')
    .values({
      practice_id: published.id,
      file_name: 'rapport.pdf',
      media_type: 'application/pdf',
      size_bytes: 6,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    })
    .execute();
  const counterpart = await buildOrganisation(db, { name: { es: 'Socio « cooperación »' } });
  const match = await buildMatch(db, {
    networkId: network.id,
    demandOrganisationId: organisation.id,
    offerOrganisationId: counterpart.id,
  });
  await db
    .insertInto('matching_weights')
    .values({ network_id: network.id, weights: JSON.stringify({ areas: 3, text: 0.5 }), updated_by: null })
    .execute();
  const record = await buildCooperationRecord(db, {
    networkId: network.id,
    providerId: counterpart.id,
    beneficiaryId: organisation.id,
  });
  await db
    .updateTable('cooperation_records')
    .set({ match_id: match.id, budget_amount: '1234567.89', budget_currency: 'USD' })
    .where('id', '=', record)
    .execute();
  await db
    .insertInto('cooperation_record_practices')
    .values({ record_id: record, practice_id: published.id })
    .execute();
  await buildIndicator(db, { networkId: network.id, recordId: record });
  await fillNetworkLife(db, {
    networkId: network.id,
    organisationId: organisation.id,
    userIds: users.map((u) => u.id),
  });
  // Enough rows for several batches, and a gap at the end that the sequence must not reuse.
  await sql`INSERT INTO login_failures (key_hash, failed_at)
    SELECT md5(i::text), now() - i * interval '1 second' FROM generate_series(1, 2500) AS i`.execute(db);
  await insertFailures(db, ['last-one']);
  await db.deleteFrom('login_failures').where('key_hash', '=', 'last-one').execute();
  for (const user of users) {
    await recordAudit(db, {
      actorUserId: user.id,
      action: 'user.update',
      subjectType: 'user',
      subjectId: user.id,
      details: { fields: ['name', 'locale'], nested: { n: 1.5, nothing: null, text: 'ñ\u2028' } },
    });
  }
  await recordAudit(db, { actorUserId: null, action: 'demo.load', subjectType: 'instance', subjectId: '-' });
  // Numbers beyond a JavaScript double must survive: the server serialises them, not Node.
  await sql`INSERT INTO audit_log (action, subject_type, subject_id, details, at)
    VALUES ('precision', 'instance', '-', '{"big": 123456789012345678901234567890.000000000000001, "tiny": 1e-30}',
            '2026-02-03 04:05:06.789012+00')`.execute(db);
}

/** Meetings and their record, the feed, questions, subscriptions and a job: one row or more in each table. */
async function fillNetworkLife(
  db: Db,
  ids: { networkId: string; organisationId: string; userIds: string[] },
): Promise<void> {
  const [, secretariat, member] = ids.userIds as [string, string, string];
  const meeting = await db
    .insertInto('meetings')
    .values({
      network_id: ids.networkId,
      kind: 'teleconference',
      original_language: 'es',
      title: JSON.stringify({ es: 'Llamada « bimestral »' }),
      starts_at: '2026-03-10T15:00:00Z',
      ends_at: '2026-03-10T16:30:00Z',
      time_zone: 'America/Panama',
      series_id: '5d6f2f0e-9f7a-4c1e-8a51-2b1d7d1f0a01',
      recurrence: 'FREQ=MONTHLY;INTERVAL=2;COUNT=6',
      created_by: secretariat,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meetingId = meeting.id;
  await db
    .insertInto('meeting_agenda_items')
    .values({
      meeting_id: meetingId,
      position: 1,
      title: JSON.stringify({ es: 'Rutas' }),
      duration_minutes: 20,
    })
    .execute();
  await db
    .insertInto('meeting_documents')
    .values({
      meeting_id: meetingId,
      title: 'Nota conceptual',
      language: 'es',
      file_name: 'nota.pdf',
      media_type: 'application/pdf',
      size_bytes: 4,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      data: new Uint8Array([0x25, 0x50, 0x00, 0xfe]),
    })
    .execute();
  await db
    .insertInto('meeting_invitations')
    .values([
      { meeting_id: meetingId, organisation_id: ids.organisationId, role: 'observer' },
      { meeting_id: meetingId, user_id: member },
    ])
    .execute();
  await db
    .insertInto('meeting_rsvps')
    .values({ meeting_id: meetingId, user_id: member, response: 'maybe' })
    .execute();
  await db
    .insertInto('meeting_attendance')
    .values({ meeting_id: meetingId, name: 'Invitada « externa »', role: 'speaker' })
    .execute();
  await db
    .insertInto('meeting_minutes')
    .values({ meeting_id: meetingId, language: 'es', body: 'Acta\nlínea 2', status: 'approved' })
    .execute();
  const decision = await db
    .insertInto('meeting_decisions')
    .values({
      meeting_id: meetingId,
      position: 1,
      original_language: 'es',
      text: JSON.stringify({ es: 'Acordado' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_items')
    .values({
      meeting_id: meetingId,
      decision_id: decision.id,
      title: 'Enviar el mapa',
      language: 'es',
      owner_user_id: member,
      due_on: '2026-04-01',
    })
    .execute();
  await db.insertInto('calendar_feeds').values({ user_id: member, token_hash: 'feed-hash' }).execute();
  const update = await db
    .insertInto('updates')
    .values({
      network_id: ids.networkId,
      organisation_id: ids.organisationId,
      author_id: member,
      category: 'migration-routes',
      countries: ['PA', 'CO'],
      language: 'es',
      title: 'Nueva ruta « Darién »',
      body: 'Texto',
      links: JSON.stringify([{ url: 'https://example.org', label: 'Informe' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('update_attachments')
    .values({
      update_id: update.id,
      file_name: 'mapa.png',
      media_type: 'image/png',
      size_bytes: 2,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      data: new Uint8Array([0x89, 0x50]),
    })
    .execute();
  const question = await db
    .insertInto('network_questions')
    .values({
      network_id: ids.networkId,
      organisation_id: ids.organisationId,
      original_language: 'fr',
      title: JSON.stringify({ fr: 'Visa humanitaire ?' }),
      deadline: '2026-05-01T12:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const item = await db
    .insertInto('network_question_items')
    .values({
      question_id: question.id,
      position: 1,
      text: JSON.stringify({ fr: 'Existe-t-il ?' }),
      answer_type: 'yes-no',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answer = await db
    .insertInto('network_question_answers')
    .values({ question_id: question.id, organisation_id: ids.organisationId, country: 'MX', language: 'es' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('network_question_answer_values')
    .values({ answer_id: answer.id, item_id: item.id, value: 'yes' })
    .execute();
  const subscription = await db
    .insertInto('subscriptions')
    .values({
      user_id: member,
      source: 'practices',
      name: 'Trata',
      filters: JSON.stringify({ q: 'trata', country: ['MX'] }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('digest_settings').values({ user_id: member, frequency: 'daily' }).execute();
  await db
    .insertInto('unsubscribe_tokens')
    .values({
      token_hash: 'unsubscribe-hash',
      user_id: member,
      scope: 'subscription',
      subscription_id: subscription.id,
    })
    .execute();
  await db
    .insertInto('jobs')
    .values({
      kind: 'mail.send',
      payload: JSON.stringify({ subject: 'Réunion' }),
      idempotency_key: 'k:1',
      run_at: new Date(),
    })
    .execute();
}

describe('backup and restore', () => {
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let folder: string;
  let file: string;

  before(async () => {
    [source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
    await fillEveryTable(source.db);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-backup-'));
    file = path.join(folder, 'network.puente.gz');
  });

  after(async () => {
    await Promise.all([source?.close(), target?.close()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('fills every table of the schema in the source (a new table needs rows in fillEveryTable)', async () => {
    const empty = [];
    for (const table of await dataTables(source.db))
      if ((await contents(source.db, table)).length === 0) empty.push(table);
    assert.deepEqual(empty, []);
  });

  it('writes a gzipped header with the migrations and every table in foreign-key order', async () => {
    const progress: TableProgress[] = [];
    const summary = await backupDatabase(source.db, file, (p) => progress.push(p));
    assert.equal(summary.rows, await totalRows(source.db));
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    assert.equal(header.format, 'puente-backup');
    assert.equal(header.version, 1);
    assert.ok(header.migrations.length > 0);
    const names = header.tables.map((table: { name: string }) => table.name);
    assert.deepEqual([...names].sort(), await dataTables(source.db));
    assert.ok(names.indexOf('users') > names.indexOf('organisations'));
    assert.ok(
      names.indexOf('network_roles') > names.indexOf('users') &&
        names.indexOf('network_roles') > names.indexOf('networks'),
    );
    assert.equal(lines.length, 1 + summary.rows);
    assert.deepEqual(progress.at(-1), {
      table: names.at(-1),
      done: header.tables.at(-1).rows,
      total: header.tables.at(-1).rows,
    });
    assert.ok(
      progress.some((p) => p.table === 'login_failures' && p.done === 1000),
      'reads in batches of 1000',
    );
    assert.equal(fs.existsSync(`${file}.partial`), false);
  });

  it('leaves the target empty when the file is truncated', async () => {
    const truncated = path.join(folder, 'truncated.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await assert.rejects(
      restoreDatabase(target.db, truncated),
      (error) => error instanceof BackupError && /damaged|truncated/.test(error.message),
    );
    assert.equal(await totalRows(target.db), 0);
  });

  it('leaves the target empty when a row has a value of the wrong type, even after earlier tables went in', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const userLine = lines.findIndex((line) => line.includes('"password_hash":'));
    const user = JSON.parse(lines[userLine]!);
    lines[userLine] = JSON.stringify({ ...user, created_at: 'not a date' });
    const broken = path.join(folder, 'broken.gz');
    fs.writeFileSync(broken, zlib.gzipSync(lines.join('\n')));
    await assert.rejects(
      restoreDatabase(target.db, broken),
      (error) => error instanceof BackupError && /users/.test(error.message),
    );
    assert.equal(await totalRows(target.db), 0);
  });

  it('refuses a file that is not a backup', async () => {
    const other = path.join(folder, 'other.gz');
    fs.writeFileSync(other, zlib.gzipSync('{"hello":"world"}\n'));
    await assert.rejects(restoreDatabase(target.db, other), /not a Puente backup/);
    await assert.rejects(restoreDatabase(target.db, path.join(folder, 'missing.gz')), /cannot read/);
  });

  it('refuses a backup made with migrations this version does not know', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    lines[0] = JSON.stringify({ ...header, migrations: [...header.migrations, '29991231_0001_future'] });
    const future = path.join(folder, 'future.gz');
    fs.writeFileSync(future, zlib.gzipSync(lines.join('\n')));
    await assert.rejects(restoreDatabase(target.db, future), /newer version of Puente.*29991231_0001_future/);
    assert.equal(await totalRows(target.db), 0);
  });

  it('restores every row of every table identically into an empty database', async () => {
    const progress: TableProgress[] = [];
    const summary = await restoreDatabase(target.db, file, (p) => progress.push(p));
    assert.equal(summary.rows, await totalRows(source.db));
    for (const table of await dataTables(source.db)) {
      assert.deepEqual(await contents(target.db, table), await contents(source.db, table), `table ${table}`);
    }
    assert.ok(progress.some((p) => p.table === 'login_failures' && p.done === p.total && p.total > 2000));
  });

  it('continues the sequences after the restored ids, and after ids the source had deleted', async () => {
    const { rows: sourceMax } = await sql<{
      id: string;
    }>`SELECT max(id)::text AS id FROM login_failures`.execute(source.db);
    const { rows: sourceNext } = await sql<{
      id: string;
    }>`SELECT nextval('login_failures_id_seq')::text AS id`.execute(source.db);
    const { rows } = await sql<{
      id: string;
    }>`INSERT INTO login_failures (key_hash) VALUES ('after restore') RETURNING id::text AS id`.execute(
      target.db,
    );
    assert.ok(BigInt(rows[0]!.id) > BigInt(sourceMax[0]!.id));
    assert.equal(rows[0]!.id, sourceNext[0]!.id, 'the id deleted in the source is not handed out again');
    await recordAudit(target.db, {
      actorUserId: null,
      action: 'after.restore',
      subjectType: 'instance',
      subjectId: '-',
    });
  });

  it(
    'moves a network between the embedded database and a PostgreSQL server, both ways',
    {
      skip: !process.env.DATABASE_URL_TEST && 'needs DATABASE_URL_TEST (scripts/test-postgres.sh start)',
      timeout: 60_000,
    },
    async () => {
      const other = await freshDatabaseOfOtherKind();
      try {
        assert.notEqual(other.kind, source.kind);
        await restoreDatabase(other.db, file);
        const back = path.join(folder, 'back.gz');
        await backupDatabase(other.db, back);
        const roundTrip = await freshDatabase();
        try {
          await restoreDatabase(roundTrip.db, back);
          for (const table of await dataTables(source.db)) {
            const expected = await contents(source.db, table);
            assert.deepEqual(await contents(roundTrip.db, table), expected, `table ${table}, back`);
            assert.deepEqual(
              (await contents(other.db, table)).sort(),
              [...expected].sort(),
              `table ${table}, across`,
            );
          }
        } finally {
          await roundTrip.close();
        }
      } finally {
        await other.close();
      }
    },
  );

  it('refuses to restore into a database that has rows', async () => {
    await assert.rejects(restoreDatabase(source.db, file), /not empty/);
  });
});

describe('orderByDependencies', () => {
  it('puts referenced tables first, ignores self-references and still places tables caught in a cycle', () => {
    const order = orderByDependencies(
      ['c', 'b', 'a', 'x', 'y', 'tree'],
      [
        { from: 'c', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'tree', to: 'tree' },
        { from: 'x', to: 'y' },
        { from: 'y', to: 'x' },
      ],
    );
    assert.deepEqual(order, ['a', 'tree', 'b', 'c', 'x', 'y']);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { principalOfUser } from '../accounts/index.ts';
import { actionItemsFor, isOverdue } from '../meetings/meetings.actions.queries.ts';
import { loadDemo } from './index.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
  await loadDemo(database.db);
});
after(() => closeTestDatabase());

const principalOf = async (email: string) => {
  const user = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return (await principalOfUser(database.db, user.id))!;
};

describe('the demo’s meetings', () => {
  it('has the working group’s bimonthly calls as one series, three past and three ahead, at 10:00 in Panama', async () => {
    const calls = await database.db
      .selectFrom('meetings')
      .select(['starts_at', 'series_id', 'recurrence', 'time_zone'])
      .where('kind', '=', 'teleconference')
      .orderBy('starts_at')
      .execute();
    assert.equal(calls.length, 6);
    assert.equal(new Set(calls.map((c) => c.series_id)).size, 1);
    assert.equal(calls[0]!.recurrence, 'FREQ=MONTHLY;INTERVAL=2;COUNT=6');
    const now = Date.now();
    assert.equal(calls.filter((c) => c.starts_at.getTime() < now).length, 3);
    for (const call of calls)
      assert.equal(call.starts_at.getUTCHours(), 15, '10:00 in Panama (UTC−5, no DST)');
  });

  it('has each kind of meeting of seeds 003 and 004, the ICRC invited and present as observer', async () => {
    const kinds = await database.db.selectFrom('meetings').select('kind').distinct().execute();
    assert.deepEqual(kinds.map((k) => k.kind).sort(), [
      'annual-meeting',
      'high-level-meeting',
      'teleconference',
      'workshop',
    ]);
    const observer = await database.db
      .selectFrom('meeting_attendance as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.role'])
      .where('a.role', '=', 'observer')
      .execute();
    assert.equal(observer.length, 1);
    const invited = await database.db
      .selectFrom('meeting_invitations')
      .select('role')
      .where('role', '=', 'observer')
      .execute();
    assert.equal(invited.length, 1);
    const upcoming = await database.db
      .selectFrom('meetings')
      .select('id')
      .where('starts_at', '>', new Date())
      .execute();
    assert.ok(upcoming.length >= 4);
    assert.ok((await database.db.selectFrom('meeting_rsvps').select('user_id').execute()).length >= 5);
  });

  it('has minutes in several languages, decisions, and action items on the demo users’ lists, one overdue', async () => {
    const minutes = await database.db.selectFrom('meeting_minutes').select(['language', 'status']).execute();
    assert.deepEqual([...new Set(minutes.map((m) => m.language))].sort(), ['en', 'es', 'fr', 'pt']);
    assert.ok(minutes.some((m) => m.status === 'draft'));
    assert.ok((await database.db.selectFrom('meeting_decisions').select('id').execute()).length >= 6);
    const cruzRoja = await actionItemsFor(
      database.db,
      await principalOf('focal.cruzroja@demo.puente.example'),
    );
    assert.equal(cruzRoja.length, 1);
    assert.ok(isOverdue(cruzRoja[0]!, new Date()), 'Cruz Roja Mexicana’s item is overdue');
    for (const email of [
      'focal.colombia@demo.puente.example',
      'focal.mexico@demo.puente.example',
      'perco@demo.puente.example',
      'member@demo.puente.example',
      'secretariat@demo.puente.example',
    ])
      assert.ok((await actionItemsFor(database.db, await principalOf(email))).length >= 1, email);
  });
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildUser } from '../../test/support/factories.ts';
import { buildActionItem, buildRecordMeeting } from '../../test/support/fixtures.meetings-record.ts';
import { type JobContext, runDueJobs } from '../jobs/jobs.ts';
import { actionItemJobs, actionItemReminderSchedule } from './meetings.actions.jobs.ts';

const DAY = 86_400_000;
const NOW = new Date('2030-03-10T08:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
let meetingId: string;

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(ctx.database.db);
  meetingId = await buildRecordMeeting(ctx.database.db, {
    networkId: fixtures.network.id,
    title: { en: 'Americas working group call', es: 'Llamada del grupo de trabajo de las Américas' },
  });
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const silent = { info() {}, error() {} };
const contextAt = (now: Date): JobContext => ({
  db: ctx.database.db,
  mailer: ctx.mailer,
  config: ctx.config,
  now,
  log: silent,
});
/** One sweep, then the jobs it made, as an instance's timer would run them. */
async function sweepAndRun(now = NOW) {
  await actionItemReminderSchedule.run(contextAt(now));
  return runDueJobs({ ...contextAt(now), now: () => now }, actionItemJobs);
}
const jobsOfKind = () =>
  ctx.database.db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', 'meetings.action-item-reminder')
    .execute();

describe('reminders of action items', () => {
  it('emails each person of the owning organisation once, in their language, even when sweeps run twice', async () => {
    const db = ctx.database.db;
    const ana = await buildUser(db, {
      organisationId: fixtures.owningOrganisation.id,
      locale: 'es',
      name: 'Ana',
    });
    const id = await buildActionItem(db, {
      meetingId,
      ownerOrganisationId: fixtures.owningOrganisation.id,
      dueOn: day(2),
      title: 'Enviar la tabla consolidada',
    });
    await Promise.all([
      actionItemReminderSchedule.run(contextAt(NOW)),
      actionItemReminderSchedule.run(contextAt(NOW)),
    ]);
    assert.equal((await jobsOfKind()).length, 1, 'two sweeps, one job');
    await runDueJobs({ ...contextAt(NOW), now: () => NOW }, actionItemJobs);
    await sweepAndRun(new Date(NOW.getTime() + 3_600_000));
    await sweepAndRun(new Date(NOW.getTime() + DAY));
    const recipients = ctx.smtp.messages.flatMap((m) => m.to).sort();
    const focalOwn = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', fixtures.actors.focalOwn.userId!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(recipients, [ana.email, focalOwn.email].sort(), 'one mail per person, once');
    const spanish = ctx.smtp.messages.find((m) => m.to.includes(ana.email))!;
    assert.match(spanish.subject, /^Puente: acción para el 12 mar 2030: Enviar la tabla consolidada$/);
    assert.match(
      spanish.text,
      /acordada en la reunión «Llamada del grupo de trabajo de las Américas», vence el/,
    );
    assert.match(spanish.text, new RegExp(`http://localhost:3000/es/actions/${id}`));
    assert.ok(spanish.html && spanish.html.includes('<html lang="es">'));
    const english = ctx.smtp.messages.find((m) => m.to.includes(focalOwn.email))!;
    assert.match(english.subject, /^Puente: action item due on Mar 12, 2030/);
    const row = await db
      .selectFrom('action_items')
      .select('reminded_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.reminded_at?.toISOString(), NOW.toISOString());
  });

  it('reminds of an overdue item again only after seven days, and never of one done or due later', async () => {
    const db = ctx.database.db;
    const owner = fixtures.actors.member.userId!;
    await buildActionItem(db, { meetingId, ownerUserId: owner, dueOn: day(-5), title: 'Overdue' });
    await buildActionItem(db, { meetingId, ownerUserId: owner, dueOn: day(10), title: 'Later' });
    await buildActionItem(db, {
      meetingId,
      ownerUserId: owner,
      dueOn: day(-5),
      status: 'done',
      title: 'Done',
    });
    await buildActionItem(db, {
      meetingId,
      ownerUserId: owner,
      dueOn: day(1),
      status: 'cancelled',
      title: 'Cancelled',
    });
    await sweepAndRun();
    assert.deepEqual(
      ctx.smtp.messages.map((m) => m.subject),
      ['Puente: action item overdue since Mar 5, 2030: Overdue'],
    );
    await sweepAndRun(new Date(NOW.getTime() + 6 * DAY));
    assert.equal(ctx.smtp.messages.length, 1, 'not again within seven days');
    await sweepAndRun(new Date(NOW.getTime() + 7 * DAY + 60_000));
    assert.equal(ctx.smtp.messages.length, 3, 'again after seven days, and "Later" is now due within three');
  });

  it('drops a reminder whose item was done between the sweep and the job', async () => {
    const db = ctx.database.db;
    const id = await buildActionItem(db, {
      meetingId,
      ownerUserId: fixtures.actors.member.userId,
      dueOn: day(1),
    });
    await actionItemReminderSchedule.run(contextAt(NOW));
    await db.updateTable('action_items').set({ status: 'done' }).where('id', '=', id).execute();
    const outcome = await runDueJobs({ ...contextAt(NOW), now: () => NOW }, actionItemJobs);
    assert.equal(outcome.done, 1);
    assert.equal(ctx.smtp.messages.length, 0);
  });

  it('retries when the SMTP server is down, and loses no reminder', async () => {
    const db = ctx.database.db;
    await buildActionItem(db, { meetingId, ownerUserId: fixtures.actors.member.userId, dueOn: day(1) });
    await actionItemReminderSchedule.run(contextAt(NOW));
    const failing = { send: async () => Promise.reject(new Error('connect ECONNREFUSED')), close() {} };
    const first = await runDueJobs({ ...contextAt(NOW), mailer: failing, now: () => NOW }, actionItemJobs);
    assert.equal(first.retried, 1);
    const later = new Date(NOW.getTime() + 3_600_000);
    const second = await runDueJobs({ ...contextAt(later), now: () => later }, actionItemJobs);
    assert.equal(second.done, 1);
    assert.equal(ctx.smtp.messages.length, 1);
  });
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { buildActors, buildUser } from '../../test/support/factories.ts';
import { buildInvitation, buildMeeting } from '../../test/support/fixtures.meetings.ts';
import { type JobContext, runDueJobs } from '../jobs/jobs.ts';
import { invitationJobs, rsvpReminderSweep } from './meetings.invitations.jobs.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;

before(async () => {
  ctx = await buildTestApp({ PUENTE_ATTACHMENT_LIMIT: '2048' });
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(ctx.database.db);
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const db = () => ctx.database.db;
function agentOf(name: 'secretariat' | 'member' | 'focalOwn' | 'focalOther' | 'admin' | 'public') {
  const agent = new Agent(ctx.app);
  const actor = fixtures.actors[name];
  if (actor.sessionCookie) agent.cookies.set('puente_session', actor.sessionCookie);
  return agent;
}
function apiOf(name: 'secretariat' | 'member' | 'focalOwn' | 'focalOther') {
  const agent = new Agent(ctx.app);
  agent.bearer = fixtures.actors[name].apiToken;
  return agent;
}
const form = (overrides: Record<string, string> = {}) => ({
  networkId: fixtures.network.id,
  kind: 'teleconference',
  language: 'en',
  title: 'Americas working group call',
  timeZone: 'America/Mexico_City',
  startsAt: '2030-03-12T10:00',
  endsAt: '2030-03-12T11:30',
  visibility: 'network',
  ...overrides,
});
const meetingCount = async () =>
  Number(
    (
      await db()
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** The message shown next to a field of a re-rendered form. */
const fieldError = (html: string, field: string) =>
  new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1] ?? null;

describe('creating a meeting (POST /{lang}/meetings)', () => {
  it('stores the local time entered in the organiser’s zone as UTC and shows both zones', async () => {
    const response = await agentOf('secretariat').postForm('/en/meetings', form());
    assert.equal(response.statusCode, 303);
    const row = await db().selectFrom('meetings').selectAll().executeTakeFirstOrThrow();
    assert.equal(new Date(row.starts_at).toISOString(), '2030-03-12T16:00:00.000Z');
    const page = await agentOf('member').get(`/fr/meetings/${row.id}?tz=Europe/Paris`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /10:00\s*–\s*11:30 \(heure de Mexico City\)/);
    assert.match(page.body, /17:00\s*–\s*18:30 à votre heure \(Europe\/Paris\)/);
  });

  it('shows UTC, said so, to a visitor who chose no zone', async () => {
    const { id } = await buildMeeting(db(), {
      networkId: fixtures.network.id,
      visibility: 'public',
      startsAt: new Date('2030-03-12T16:00:00Z'),
    });
    const page = await agentOf('public').get(`/fr/meetings/${id}`);
    assert.match(page.body, /16:00\s*–\s*17:30 UTC/);
  });

  it('refuses an end before the start, next to the end field, and saves nothing', async () => {
    const response = await agentOf('secretariat').postForm(
      '/es/meetings',
      form({ endsAt: '2030-03-12T09:00' }),
    );
    assert.equal(response.statusCode, 400);
    assert.equal(fieldError(response.body, 'endsAt'), 'La reunión debe terminar después de comenzar.');
    assert.equal(await meetingCount(), 0);
  });

  it('refuses an unknown time zone, next to the zone field, and saves nothing', async () => {
    const response = await agentOf('secretariat').postForm(
      '/fr/meetings',
      form({ timeZone: 'Mars/Olympus_Mons' }),
    );
    assert.equal(response.statusCode, 400);
    assert.match(
      fieldError(response.body, 'timeZone')!,
      /« Mars\/Olympus_Mons » n’est pas un fuseau horaire connu/,
    );
    assert.equal(await meetingCount(), 0);
  });

  it('answers the API with a problem naming the field', async () => {
    const response = await apiOf('secretariat').json('POST', '/api/v1/meetings', {
      ...form({ endsAt: '2030-03-12T09:00' }),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(
      response.json().errors.map((e: { field: string }) => e.field),
      ['endsAt'],
    );
  });

  it('is refused to a member who is not the secretariat', async () => {
    const response = await agentOf('member').postForm('/en/meetings', form());
    assert.equal(response.statusCode, 403);
    assert.equal(await meetingCount(), 0);
  });

  it('makes a series every two months that keeps 10:00 in Paris across the DST change', async () => {
    const response = await agentOf('secretariat').postForm(
      '/en/meetings',
      form({
        timeZone: 'Europe/Paris',
        startsAt: '2030-01-15T10:00',
        endsAt: '2030-01-15T11:00',
        frequency: 'monthly',
        interval: '2',
        count: '4',
      }),
    );
    assert.equal(response.statusCode, 303);
    const rows = await db().selectFrom('meetings').selectAll().orderBy('starts_at').execute();
    assert.equal(rows.length, 4);
    assert.equal(new Set(rows.map((r) => r.series_id)).size, 1);
    assert.equal(rows[0]!.recurrence, 'FREQ=MONTHLY;INTERVAL=2;COUNT=4');
    assert.deepEqual(
      rows.map((r) => new Date(r.starts_at).toISOString().slice(5, 16)),
      ['01-15T09:00', '03-15T09:00', '05-15T08:00', '07-15T08:00'],
    );
    const page = await agentOf('member').get(`/en/meetings/${rows[2]!.id}`);
    assert.match(page.body, /Every 2 months/);
    assert.match(page.body, /4 meetings in the series/);
  });

  it('refuses a series without an end, or too long', async () => {
    const none = await agentOf('secretariat').postForm('/en/meetings', form({ frequency: 'weekly' }));
    assert.equal(none.statusCode, 400);
    assert.ok(fieldError(none.body, 'count'));
    const long = await agentOf('secretariat').postForm(
      '/en/meetings',
      form({ frequency: 'weekly', until: '2040-01-01' }),
    );
    assert.match(fieldError(long.body, 'until')!, /more than 104 meetings/);
    assert.equal(await meetingCount(), 0);
  });
});

describe('editing and cancelling', () => {
  it('shows a conflict page when the meeting changed since the form was read', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id });
    const secretariat = agentOf('secretariat');
    assert.equal(
      (await secretariat.postForm(`/en/meetings/${id}/edit`, form({ title: 'First', version: '1' })))
        .statusCode,
      303,
    );
    const stale = await secretariat.postForm(
      `/en/meetings/${id}/edit`,
      form({ title: 'Second', version: '1' }),
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this meeting/);
    const row = await db()
      .selectFrom('meetings')
      .select(['title', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: { en: 'First' }, version: 2 });
  });

  it('cancels one meeting, tells the invited, and the .ics then says so', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id, visibility: 'public' });
    await buildInvitation(db(), id, { userId: fixtures.actors.member.userId! });
    assert.equal(
      (await agentOf('secretariat').postForm(`/en/meetings/${id}/cancel`, { version: '1' })).statusCode,
      303,
    );
    const told = await ctx.smtp.waitFor((m) => m.subject === 'Cancelled: Bimonthly teleconference');
    assert.equal(told.to.length, 1);
    const ics = await agentOf('public').get(`/api/v1/meetings/${id}/calendar.ics`);
    assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.body)).getFirstSubcomponent('vevent')!);
    assert.equal(event.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.sequence, 1);
  });
});

describe('invitations and answers', () => {
  it('invites an organisation: its people get an email in their language, and may answer', async () => {
    const { id } = await buildMeeting(db(), {
      networkId: fixtures.network.id,
      title: { en: 'Annual meeting' },
    });
    const ana = await buildUser(db(), {
      organisationId: fixtures.owningOrganisation.id,
      locale: 'es',
      name: 'Ana',
    });
    const response = await agentOf('secretariat').postForm(`/en/meetings/${id}/invitations`, {
      organisationId: fixtures.owningOrganisation.id,
      role: 'observer',
    });
    assert.equal(response.statusCode, 303);
    const mail = await ctx.smtp.waitFor((m) => m.to.includes(ana.email));
    assert.equal(mail.subject, 'Invitación: Annual meeting');
    assert.match(mail.text, /como observador/);
    assert.match(mail.text, new RegExp(`/api/v1/meetings/${id}/calendar.ics`));
    assert.ok(mail.html && mail.html.includes('<html lang="es">'));
    const answer = await agentOf('focalOwn').postForm(`/en/meetings/${id}/rsvp`, {
      response: 'maybe',
      comment: 'Depends on travel',
    });
    assert.equal(answer.statusCode, 303);
    const rsvp = await db().selectFrom('meeting_rsvps').selectAll().executeTakeFirstOrThrow();
    assert.equal(rsvp.response, 'maybe');
    assert.equal(rsvp.user_id, fixtures.actors.focalOwn.userId);
  });

  it('refuses an answer from someone not invited, with a localized reason, and saves nothing', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id });
    await buildInvitation(db(), id, { organisationId: fixtures.owningOrganisation.id });
    const page = await agentOf('focalOther').postForm(`/fr/meetings/${id}/rsvp`, { response: 'yes' });
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Vous n’êtes pas invité·e à cette réunion/);
    const api = await apiOf('focalOther').json(
      'POST',
      `/api/v1/meetings/${id}/rsvp`,
      { response: 'yes' },
      { 'accept-language': 'es' },
    );
    assert.equal(api.statusCode, 403);
    assert.match(api.json().detail, /No está invitado\/a a esta reunión/);
    assert.equal((await db().selectFrom('meeting_rsvps').selectAll().execute()).length, 0);
  });

  it('records attendance of an invited person and of a guest by name', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id });
    await buildInvitation(db(), id, { userId: fixtures.actors.member.userId! });
    const secretariat = agentOf('secretariat');
    assert.equal(
      (
        await secretariat.postForm(`/en/meetings/${id}/attendance`, {
          userId: fixtures.actors.member.userId!,
          role: 'participant',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await secretariat.postForm(`/en/meetings/${id}/attendance`, {
          name: 'ICRC delegate',
          role: 'observer',
        })
      ).statusCode,
      303,
    );
    const stranger = await secretariat.postForm(`/en/meetings/${id}/attendance`, {
      userId: fixtures.actors.focalOther.userId!,
    });
    assert.equal(stranger.statusCode, 400);
    const rows = await db()
      .selectFrom('meeting_attendance')
      .select(['name', 'role'])
      .orderBy('recorded_at')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.role),
      ['participant', 'observer'],
    );
  });
});

describe('agenda and documents', () => {
  it('adds, moves and deletes agenda items without JavaScript', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id });
    const secretariat = agentOf('secretariat');
    for (const title of ['Welcome', 'Routes', 'Any other business'])
      assert.equal(
        (await secretariat.postForm(`/en/meetings/${id}/agenda`, { title, durationMinutes: '10' }))
          .statusCode,
        303,
      );
    const bad = await secretariat.postForm(`/en/meetings/${id}/agenda`, {
      title: 'x',
      durationMinutes: 'ten',
    });
    assert.equal(bad.statusCode, 400);
    assert.ok(fieldError(bad.body, 'durationMinutes'));
    const items = await db()
      .selectFrom('meeting_agenda_items')
      .select(['id', 'title'])
      .orderBy('position')
      .execute();
    await secretariat.postForm(`/en/meetings/${id}/agenda/${items[2]!.id}/move`, { direction: 'up' });
    await secretariat.postForm(`/en/meetings/${id}/agenda/${items[0]!.id}/delete`, {});
    const after = await db().selectFrom('meeting_agenda_items').select('title').orderBy('position').execute();
    assert.deepEqual(
      after.map((r) => r.title.en),
      ['Any other business', 'Routes'],
    );
  });

  it('refuses a text file named .pdf and a file over the limit, naming the file field', async () => {
    const { id } = await buildMeeting(db(), { networkId: fixtures.network.id });
    const secretariat = agentOf('secretariat');
    const upload = async (name: string, bytes: Buffer, type: string) => {
      const body = new FormData();
      body.append('_csrf', await secretariat.csrfToken());
      body.append('title', 'Concept note');
      body.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      const request = new Request('http://x/', { method: 'POST', body });
      return secretariat.request({
        method: 'POST',
        url: `/en/meetings/${id}/documents`,
        headers: { 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      });
    };
    const text = await upload('note.pdf', Buffer.from('just text, not a PDF'), 'application/pdf');
    assert.equal(text.statusCode, 400);
    assert.match(fieldError(text.body, 'file')!, /This type of file is not accepted/);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32), Buffer.from('\n%%EOF\n')]);
    const big = await upload('big.pdf', Buffer.concat([pdf, Buffer.alloc(4096, 32)]), 'application/pdf');
    assert.equal(big.statusCode, 413);
    assert.match(fieldError(big.body, 'file')!, /larger than/);
    assert.equal((await db().selectFrom('meeting_documents').selectAll().execute()).length, 0);
    assert.equal((await upload('Note "conceptuelle".pdf', pdf, 'application/pdf')).statusCode, 303);
    const doc = await db().selectFrom('meeting_documents').select('id').executeTakeFirstOrThrow();
    const download = await agentOf('member').get(`/en/meetings/${id}/documents/${doc.id}`);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="Note _conceptuelle_.pdf"/,
    );
    assert.equal((await agentOf('public').get(`/en/meetings/${id}/documents/${doc.id}`)).statusCode, 404);
  });
});

describe('time zones of the viewer', () => {
  it('answers an unknown ?tz= with a message beside the chooser, not a 500', async () => {
    const response = await agentOf('public').get('/en/meetings?tz=Nowhere/Atlantis');
    assert.equal(response.statusCode, 400);
    assert.match(fieldError(response.body, 'tz')!, /“Nowhere\/Atlantis” is not a time zone we know/);
  });

  it('saves a signed-in person’s zone and uses it', async () => {
    const { id } = await buildMeeting(db(), {
      networkId: fixtures.network.id,
      startsAt: new Date('2030-03-12T16:00:00Z'),
    });
    const member = agentOf('member');
    const saved = await member.postForm('/en/meetings/time-zone', {
      timeZone: 'Europe/Paris',
      returnTo: `/en/meetings/${id}`,
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/en/meetings/${id}?done=zone-saved`);
    const page = await member.get(`/fr/meetings/${id}`);
    assert.match(page.body, /17:00\s*–\s*18:30 à votre heure \(Europe\/Paris\)/);
    const bad = await member.postForm('/en/meetings/time-zone', { timeZone: 'Europe/Atlantis' });
    assert.equal(bad.statusCode, 400);
  });
});

describe('the personal calendar feed', () => {
  it('lists, for a secret URL, the meetings of the person’s networks and those they are invited to', async () => {
    await buildMeeting(db(), { networkId: fixtures.network.id, title: { en: 'Network call' } });
    const elsewhere = await db()
      .insertInto('networks')
      .values({ slug: 'elsewhere', name: JSON.stringify({ en: 'Elsewhere' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const other = await buildMeeting(db(), { networkId: elsewhere.id, title: { en: 'Elsewhere call' } });
    // Of another network, not invited: not in the feed.
    await buildMeeting(db(), { networkId: elsewhere.id, title: { en: 'Not for me' } });
    await buildInvitation(db(), other.id, { userId: fixtures.actors.member.userId! });
    const page = await agentOf('member').postForm('/en/meetings/calendar', {});
    const url = /<code class="feed-url">([^<]+)<\/code>/.exec(page.body)![1]!;
    const feed = await new Agent(ctx.app).get(url.replace('http://localhost:3000', ''));
    assert.equal(feed.statusCode, 200);
    const summaries = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).summary)
      .sort();
    assert.deepEqual(summaries, ['Elsewhere call', 'Network call']);
    const stored = await db().selectFrom('calendar_feeds').select('token_hash').executeTakeFirstOrThrow();
    assert.ok(!url.includes(stored.token_hash), 'only the hash is kept');
    await agentOf('member').postForm('/en/meetings/calendar', {});
    assert.equal(
      (await new Agent(ctx.app).get(url.replace('http://localhost:3000', ''))).statusCode,
      404,
      'reset: the old URL stops working',
    );
  });
});

describe('RSVP reminders', () => {
  const silent = { info() {}, error() {} };
  const contextAt = (now: Date): JobContext => ({
    db: db(),
    mailer: ctx.mailer,
    config: ctx.config,
    now,
    log: silent,
  });

  it('reminds each invited person without an answer once, in their language, for meetings within 7 days', async () => {
    const now = new Date('2030-03-01T09:00:00Z');
    const soon = await buildMeeting(db(), {
      networkId: fixtures.network.id,
      startsAt: new Date('2030-03-05T16:00:00Z'),
      title: { en: 'Call', fr: 'Appel' },
    });
    const later = await buildMeeting(db(), {
      networkId: fixtures.network.id,
      startsAt: new Date('2030-04-05T16:00:00Z'),
    });
    const fatima = await buildUser(db(), {
      organisationId: fixtures.owningOrganisation.id,
      locale: 'fr',
      name: 'Fatima',
    });
    await buildInvitation(db(), soon.id, { organisationId: fixtures.owningOrganisation.id });
    await buildInvitation(db(), later.id, { organisationId: fixtures.owningOrganisation.id });
    await db()
      .insertInto('meeting_rsvps')
      .values({ meeting_id: soon.id, user_id: fixtures.actors.focalOwn.userId!, response: 'yes' })
      .execute();
    for (const hour of [0, 1, 24]) {
      const at = new Date(now.getTime() + hour * 3_600_000);
      await Promise.all([rsvpReminderSweep.run(contextAt(at)), rsvpReminderSweep.run(contextAt(at))]);
      await runDueJobs({ ...contextAt(at), now: () => at }, invitationJobs);
    }
    const reminder = await ctx.smtp.waitFor((m) => m.to.includes(fatima.email));
    assert.equal(reminder.subject, 'Participerez-vous ? Appel');
    // Mail of earlier tests may still be arriving: count the reminders only.
    const reminders = ctx.smtp.messages.filter((m) => /^(Participerez-vous|Will you attend)/.test(m.subject));
    assert.deepEqual(
      reminders.map((m) => m.to).flat(),
      [fatima.email],
      'one reminder, to the one who did not answer',
    );
    const invitation = await db()
      .selectFrom('meeting_invitations')
      .select('reminded_at')
      .where('meeting_id', '=', soon.id)
      .executeTakeFirstOrThrow();
    assert.ok(invitation.reminded_at);
  });
});

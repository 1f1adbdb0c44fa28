import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  type Actor,
  buildActors,
  buildOrganisation,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';
import { buildMemberships, buildQuestion } from '../../test/support/fixtures.questions.ts';
import { type JobContext, runDueJobs } from '../jobs/jobs.ts';
import { questionJobs, questionSchedules } from './questions.jobs.ts';

const DAY = 86_400_000;
let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
/** A third member organisation, headquartered in Mexico, with a Spanish-speaking focal point. */
let mexico: { id: string; userId: string; email: string; session: string };

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  const db = ctx.database.db;
  await resetDatabase(db);
  ctx.smtp.messages.length = 0;
  fixtures = await buildActors(db);
  const organisation = await buildOrganisation(db, { name: { es: 'Instituto Nacional de Migración' } });
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'MX' })
    .where('id', '=', organisation.id)
    .execute();
  await db
    .updateTable('organisations')
    .set({ headquarters_country: 'CO' })
    .where('id', '=', fixtures.owningOrganisation.id)
    .execute();
  await buildMemberships(db, fixtures.network.id, [
    fixtures.owningOrganisation.id,
    fixtures.otherOrganisation.id,
    organisation.id,
  ]);
  const user = await buildUser(db, {
    organisationId: organisation.id,
    locale: 'es',
    email: 'focal.mx@example.org',
  });
  mexico = {
    id: organisation.id,
    userId: user.id,
    email: user.email,
    session: await buildSession(db, user.id),
  };
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const api = (actor: Actor) => {
  const agent = new Agent(ctx.app);
  agent.bearer = actor.apiToken;
  return agent;
};
const browser = (session: string) => {
  const agent = new Agent(ctx.app);
  agent.cookies.set('puente_session', session);
  return agent;
};

function jobContext(now = new Date()): JobContext {
  return {
    db: ctx.database.db,
    mailer: ctx.mailer,
    config: ctx.config,
    now,
    log: { info() {}, error() {} },
  };
}
/** Runs the due jobs as a worker would a moment later (jobs enqueued "now" are due). */
const runJobs = (now = new Date()) => {
  const later = new Date(now.getTime() + 60_000);
  return runDueJobs({ ...jobContext(later), now: () => later }, questionJobs);
};

const askBody = (overrides: Record<string, unknown> = {}) => ({
  networkId: fixtures.network.id,
  originalLanguage: 'en',
  title: { en: 'Humanitarian visas' },
  background: { en: 'For the annual meeting of the working group.' },
  items: [
    { text: { en: 'Is there a humanitarian visa?' }, answerType: 'yes-no' },
    { text: { en: 'How many returns were assisted in 2025?' }, answerType: 'number' },
    {
      text: { en: 'How are migrants regularised?' },
      answerType: 'choice',
      choices: [{ en: 'Programme' }, { en: 'Case by case' }],
    },
  ],
  deadline: new Date(Date.now() + 20 * DAY).toISOString(),
  timeZone: 'America/Bogota',
  visibility: 'public',
  ...overrides,
});

async function openQuestion(
  organisationId = fixtures.otherOrganisation.id,
  spec: Partial<Parameters<typeof buildQuestion>[1]> = {},
) {
  return buildQuestion(ctx.database.db, { networkId: fixtures.network.id, organisationId, ...spec });
}

describe('POST /api/v1/questions (asking the network)', () => {
  it('lets a member institution’s focal point ask, and tells each member person once, in their language', async () => {
    const response = await api(fixtures.actors.focalOwn).json('POST', '/api/v1/questions', askBody());
    assert.equal(response.statusCode, 201, response.body);
    const question = response.json();
    assert.equal(question.items.length, 3);
    assert.equal(question.status, 'open');
    assert.equal(question.timeZone, 'America/Bogota');

    const jobs = await ctx.database.db.selectFrom('jobs').select(['idempotency_key']).execute();
    // member, focalOther, secretariat and the Mexican focal point; never the asker.
    assert.equal(jobs.length, 4);
    assert.ok(jobs.every((j) => j.idempotency_key!.startsWith(`question:${question.id}:`)));
    assert.ok(!jobs.some((j) => j.idempotency_key!.endsWith(fixtures.actors.focalOwn.userId!)));

    const first = await runJobs();
    assert.deepEqual([first.done, first.retried, first.failed], [4, 0, 0]);
    assert.equal((await runJobs()).done, 0, 'nothing is sent twice');
    assert.equal(ctx.smtp.messages.length, 4);
    const spanish = ctx.smtp.messages.find((m) => m.to.includes(mexico.email))!;
    assert.match(spanish.subject, /^Pregunta a la red: Humanitarian visas/);
    assert.match(spanish.text, /Fecha límite: .*\(America\/Bogota\)/);
    assert.match(spanish.text, new RegExp(`/es/questions/${question.id}`));
    assert.ok(spanish.html && spanish.html.includes('lang="es"'));
  });

  it('lets the secretariat ask for a member institution', async () => {
    const response = await api(fixtures.actors.secretariat).json(
      'POST',
      '/api/v1/questions',
      askBody({ organisationId: mexico.id }),
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().organisation.id, mexico.id);
  });

  it('refuses a focal point asking for another organisation (403), and a plain member (403)', async () => {
    const body = askBody({ organisationId: fixtures.owningOrganisation.id });
    assert.equal(
      (await api(fixtures.actors.focalOther).json('POST', '/api/v1/questions', body)).statusCode,
      403,
    );
    assert.equal((await api(fixtures.actors.member).json('POST', '/api/v1/questions', body)).statusCode, 403);
  });

  it('refuses a deadline in the past, an unknown time zone and a choice with one option, naming each field', async () => {
    const response = await api(fixtures.actors.focalOwn).json(
      'POST',
      '/api/v1/questions',
      askBody({
        deadline: '2020-01-01T00:00:00Z',
        timeZone: 'Mars/Olympus_Mons',
        items: [{ text: { en: 'Which?' }, answerType: 'choice', choices: [{ en: 'Only one' }] }],
      }),
      { 'accept-language': 'fr' },
    );
    assert.equal(response.statusCode, 400);
    const fields = Object.fromEntries(
      (response.json().errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    assert.match(fields.deadlineDate!, /dans le futur/);
    assert.match(fields.timeZone!, /Mars\/Olympus_Mons/);
    assert.match(fields['item-1-choices']!, /de 2 à 20 options/);
    assert.equal((await ctx.database.db.selectFrom('network_questions').select('id').execute()).length, 0);
  });

  it('refuses more than ten items and no item at all', async () => {
    const item = { text: { en: 'Q' }, answerType: 'text' };
    for (const items of [[], Array(11).fill(item)]) {
      const response = await api(fixtures.actors.focalOwn).json(
        'POST',
        '/api/v1/questions',
        askBody({ items }),
      );
      assert.equal(response.statusCode, 400);
    }
  });
});

describe('the ask form without JavaScript', () => {
  it('ignores empty rows, adds rows on request without saving, and saves the deadline in its time zone', async () => {
    const agent = browser(fixtures.actors.focalOwn.sessionCookie!);
    const form = {
      networkId: fixtures.network.id,
      organisationId: fixtures.owningOrganisation.id,
      originalLanguage: 'es',
      title: '¿Visa humanitaria?',
      deadlineDate: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      deadlineTime: '17:00',
      timeZone: 'America/Mexico_City',
      visibility: 'network',
      rows: '5',
      'item-1-text': '¿Existe una visa humanitaria?',
      'item-1-type': 'yes-no',
      'item-3-text': '¿Qué procedimiento?',
      'item-3-type': 'choice',
      'item-3-choices': 'Programa\nCaso por caso\n',
    };
    const more = await agent.postForm('/en/questions', { ...form, moreRows: '1' });
    assert.equal(more.statusCode, 200);
    assert.match(more.body, /name="item-10-text"/);
    assert.equal((await ctx.database.db.selectFrom('network_questions').select('id').execute()).length, 0);

    const saved = await agent.postForm('/en/questions', form);
    assert.equal(saved.statusCode, 303, saved.body);
    const items = await ctx.database.db
      .selectFrom('network_question_items')
      .select(['position', 'answer_type', 'choices'])
      .orderBy('position')
      .execute();
    assert.deepEqual(
      items.map((i) => [i.position, i.answer_type, i.choices.length]),
      [
        [1, 'yes-no', 0],
        [2, 'choice', 2],
      ],
    );
    const question = await ctx.database.db
      .selectFrom('network_questions')
      .selectAll()
      .executeTakeFirstOrThrow();
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Mexico_City',
      hour: '2-digit',
      minute: '2-digit',
    }).format(question.deadline);
    assert.equal(local, '17:00');
  });

  it('re-renders the form with localized messages beside the fields', async () => {
    const agent = browser(fixtures.actors.focalOwn.sessionCookie!);
    const response = await agent.postForm('/fr/questions', {
      networkId: fixtures.network.id,
      originalLanguage: 'fr',
      title: '',
      deadlineDate: 'demain',
      deadlineTime: '17:00',
      timeZone: 'UTC',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-title-error"[^>]*>Écrivez le titre/);
    assert.match(response.body, /id="field-deadlineDate-error"/);
    assert.match(response.body, /Écrivez au moins un point/);
  });
});

describe('answering once', () => {
  const answer = (actor: Actor, id: string, values: { item: number; value: unknown }[], headers = {}) =>
    api(actor).json('POST', `/api/v1/questions/${id}/answers`, { values }, headers);

  it('saves one answer per organisation, with its headquarters country by default', async () => {
    const { id } = await openQuestion();
    const response = await answer(fixtures.actors.focalOwn, id, [
      { item: 1, value: true },
      { item: 2, value: '1 250' },
      { item: 3, value: 2 },
      { item: 4, value: 'Por decreto.' },
    ]);
    assert.equal(response.statusCode, 201, response.body);
    const row = await ctx.database.db
      .selectFrom('network_question_answers')
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.equal(row.country, 'CO');
    const values = await ctx.database.db
      .selectFrom('network_question_answer_values')
      .select('value')
      .orderBy('value')
      .execute();
    assert.deepEqual(values.map((v) => v.value).sort(), ['1250', '2', 'Por decreto.', 'yes'].sort());
  });

  it('refuses a second answer of the same organisation with the date of the first, changing nothing', async () => {
    const { id } = await openQuestion();
    assert.equal((await answer(fixtures.actors.focalOwn, id, [{ item: 1, value: 'yes' }])).statusCode, 201);
    const again = await answer(fixtures.actors.focalOwn, id, [{ item: 1, value: 'no' }], {
      'accept-language': 'es',
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().errors[0].message, /^Su organización respondió el /);
    const values = await ctx.database.db
      .selectFrom('network_question_answer_values')
      .select('value')
      .execute();
    assert.deepEqual(
      values.map((v) => v.value),
      ['yes'],
    );
  });

  it('gives the same message, never a 500, to two answers of one organisation sent at once', async () => {
    const { id } = await openQuestion();
    const responses = await Promise.all([
      answer(fixtures.actors.focalOwn, id, [{ item: 1, value: 'yes' }]),
      answer(fixtures.actors.focalOwn, id, [{ item: 1, value: 'no' }]),
      answer(fixtures.actors.focalOwn, id, [{ item: 1, value: 'no' }]),
    ]);
    assert.deepEqual(responses.map((r) => r.statusCode).sort(), [201, 409, 409]);
    for (const r of responses.filter((r) => r.statusCode === 409))
      assert.match(r.json().errors[0].message, /^Your organisation answered on /);
    assert.equal(
      (await ctx.database.db.selectFrom('network_question_answers').select('id').execute()).length,
      1,
    );
  });

  it('checks each value by its item’s type and saves nothing when one is wrong', async () => {
    const { id } = await openQuestion();
    const response = await answer(fixtures.actors.focalOwn, id, [
      { item: 1, value: 'maybe' },
      { item: 2, value: 'many' },
      { item: 3, value: 4 },
      { item: 4, value: 'fine' },
    ]);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      (response.json().errors as { field: string }[]).map((e) => e.field),
      ['item-1', 'item-2', 'item-3'],
    );
    assert.equal(
      (await ctx.database.db.selectFrom('network_question_answers').select('id').execute()).length,
      0,
    );
  });

  it('refuses an answer after the deadline, and on a closed question, saving nothing', async () => {
    const late = await openQuestion(undefined, { deadline: new Date(Date.now() - DAY) });
    const refused = await answer(fixtures.actors.focalOwn, late.id, [{ item: 1, value: 'yes' }], {
      'accept-language': 'pt',
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().errors[0].message, /^O prazo .* já passou/);
    const closed = await openQuestion(undefined, { status: 'closed' });
    const refusedToo = await answer(fixtures.actors.focalOwn, closed.id, [{ item: 1, value: 'yes' }]);
    assert.equal(refusedToo.statusCode, 409);
    assert.match(refusedToo.json().errors[0].message, /closed/);
    assert.equal(
      (await ctx.database.db.selectFrom('network_question_answers').select('id').execute()).length,
      0,
    );
  });

  it('does not let the asking organisation answer its own question, nor a plain member', async () => {
    const { id } = await openQuestion();
    assert.equal((await answer(fixtures.actors.focalOther, id, [{ item: 1, value: 'yes' }])).statusCode, 403);
    assert.equal((await answer(fixtures.actors.member, id, [{ item: 1, value: 'yes' }])).statusCode, 403);
  });

  it('answers through the page without JavaScript, then shows “Your organisation answered on …”', async () => {
    const { id } = await openQuestion();
    const agent = browser(fixtures.actors.focalOwn.sessionCookie!);
    const form = await agent.get(`/en/questions/${id}`);
    assert.match(form.body, /name="item-1" value="yes"/);
    const posted = await agent.postForm(`/en/questions/${id}/answers`, {
      organisationId: fixtures.owningOrganisation.id,
      'item-1': 'no',
      'item-2': '12',
    });
    assert.equal(posted.statusCode, 303);
    const page = await agent.get(`/en/questions/${id}`);
    assert.match(page.body, /Your organisation answered on/);
    assert.doesNotMatch(page.body, /name="item-1"/);
    const again = await agent.postForm(`/en/questions/${id}/answers`, { 'item-1': 'yes' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Your organisation answered on/);
  });
});

describe('closing a question', () => {
  it('lets the asking organisation close it early, not another member', async () => {
    const { id } = await openQuestion(fixtures.owningOrganisation.id);
    assert.equal(
      (await api(fixtures.actors.focalOther).json('POST', `/api/v1/questions/${id}/close`, {})).statusCode,
      403,
    );
    const closed = await api(fixtures.actors.focalOwn).json('POST', `/api/v1/questions/${id}/close`, {});
    assert.equal(closed.statusCode, 200);
    assert.equal(closed.json().status, 'closed');
  });
});

describe('the comparison table', () => {
  it('has a row per answering organisation by country, labels in the reader’s language, and who has not answered', async () => {
    const { id } = await openQuestion(fixtures.otherOrganisation.id, { visibility: 'public' });
    await api(fixtures.actors.focalOwn).json('POST', `/api/v1/questions/${id}/answers`, {
      values: [
        { item: 1, value: 'yes' },
        { item: 3, value: 1 },
      ],
    });
    await browser(mexico.session).postForm(`/es/questions/${id}/answers`, {
      'item-1': 'no',
      'item-2': '3,5',
    });

    const page = await new Agent(ctx.app).get(`/fr/questions/${id}`);
    assert.equal(page.statusCode, 200);
    const table = page.body.slice(page.body.indexOf('<table'), page.body.indexOf('</table>'));
    assert.ok(table.indexOf('Colombie') < table.indexOf('Mexique'), 'sorted by country');
    assert.match(table, /Oui/);
    assert.match(table, /Non/);
    assert.match(table, /3,5/);
    assert.match(table, /Regularisation programme/);

    const csv = await new Agent(ctx.app).get(`/api/v1/questions/${id}/comparison.csv?lang=es`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    const rows = parse(csv.body) as string[][];
    assert.equal(rows[1]![0], '#country +code');
    assert.equal(rows.length, 4);
    assert.deepEqual(
      rows.slice(2).map((r) => [r[0], r[6], r[7]]),
      [
        ['CO', 'yes', 'Sí'],
        ['MX', 'no', 'No'],
      ],
    );

    const json = (
      await new Agent(ctx.app).get(`/api/v1/questions/${id}/comparison?sort=organisation`)
    ).json();
    assert.equal(json.rows.length, 2);
    assert.deepEqual(json.unanswered, [], 'the asker is not expected to answer');
  });

  it('hides a network question from the public (404) and shows it to members', async () => {
    const { id } = await openQuestion();
    assert.equal((await new Agent(ctx.app).get(`/en/questions/${id}`)).statusCode, 404);
    assert.equal((await new Agent(ctx.app).get(`/api/v1/questions/${id}/comparison.csv`)).statusCode, 404);
    assert.equal(
      (await browser(fixtures.actors.member.sessionCookie!).get(`/en/questions/${id}`)).statusCode,
      200,
    );
    const list = await new Agent(ctx.app).get('/api/v1/questions');
    assert.deepEqual(list.json(), []);
  });
});

describe('reminders three days before the deadline', () => {
  it('reminds the people of members that have not answered, once, even when two sweeps run at once', async () => {
    const now = new Date();
    const { id } = await openQuestion(fixtures.otherOrganisation.id, {
      createdAt: new Date(now.getTime() - 10 * DAY),
      deadline: new Date(now.getTime() + 2 * DAY),
    });
    await api(fixtures.actors.focalOwn).json('POST', `/api/v1/questions/${id}/answers`, {
      values: [{ item: 1, value: 'yes' }],
    });
    const sweep = questionSchedules[0]!;
    await Promise.all([sweep.run(jobContext(now)), sweep.run(jobContext(now))]);
    await sweep.run(jobContext(now));
    await runJobs(now);
    await runJobs(now);
    assert.deepEqual(
      ctx.smtp.messages.map((m) => m.to),
      [[mexico.email]],
      'only the member that has not answered; not the asker, not the one that answered',
    );
    assert.match(ctx.smtp.messages[0]!.subject, /^Recordatorio: /);
  });

  it('does not remind for a question asked less than three days before its deadline', async () => {
    const now = new Date();
    await openQuestion(fixtures.otherOrganisation.id, { deadline: new Date(now.getTime() + 2 * DAY) });
    await questionSchedules[0]!.run(jobContext(now));
    assert.equal((await ctx.database.db.selectFrom('jobs').select('id').execute()).length, 0);
  });
});

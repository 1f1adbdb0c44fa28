import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import { type ActorName, buildActors } from '../../test/support/factories.ts';
import {
  buildActionItem,
  buildDecision,
  buildMinutes,
  buildRecordMeeting,
  ensureMembership,
} from '../../test/support/fixtures.meetings-record.ts';
import { principalOfUser } from '../accounts/index.ts';
import type { Db } from '../db/schema.ts';
import { translator } from '../web/i18n.ts';
import { meetingRecordSection } from './meetings.record.section.tsx';
import { actionItemsFor } from './meetings.actions.queries.ts';

let ctx: TestContext;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
let meetingId: string;

before(async () => {
  ctx = await buildTestApp();
});
beforeEach(async () => {
  await resetDatabase(ctx.database.db);
  fixtures = await buildActors(ctx.database.db);
  meetingId = await buildRecordMeeting(ctx.database.db, { networkId: fixtures.network.id });
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

const db = () => ctx.database.db;
const resolvePrincipalForTest = async (database: Db, userId: string | null) =>
  userId ? principalOfUser(database, userId) : null;
function pageAgent(name: ActorName) {
  const agent = new Agent(ctx.app);
  const cookie = fixtures.actors[name].sessionCookie;
  if (cookie) agent.cookies.set('puente_session', cookie);
  return agent;
}
function apiAgent(name: ActorName) {
  const agent = new Agent(ctx.app);
  agent.bearer = fixtures.actors[name].apiToken;
  return agent;
}
const minutesRows = () => db().selectFrom('meeting_minutes').selectAll().execute();

async function section(
  name: ActorName,
  lang: 'fr' | 'es' | 'en' | 'pt',
  visibility: 'public' | 'network' = 'network',
) {
  const principal = await resolvePrincipalForTest(db(), fixtures.actors[name].userId);
  const request = { lang, t: translator(lang), principal } as unknown as FastifyRequest;
  const node = await meetingRecordSection(db(), request, {
    id: meetingId,
    networkId: fixtures.network.id,
    visibility,
    startsAt: new Date(),
    endsAt: new Date(),
  });
  return node ? renderToString(node) : null;
}

describe('minutes per language', () => {
  it('the secretariat writes a draft that only the secretariat sees, then approves it for all who see the meeting', async () => {
    const secretariat = pageAgent('secretariat');
    const editor = await secretariat.get(`/en/meetings/${meetingId}/minutes/es/edit`);
    assert.equal(editor.statusCode, 200);
    assert.match(editor.body, /Minutes in Spanish/);
    const saved = await secretariat.postForm(`/en/meetings/${meetingId}/minutes/es`, {
      body: 'Se revisó el plan de trabajo.\n\nPróxima llamada en dos meses.',
      status: 'draft',
      version: '0',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal((await pageAgent('member').get(`/en/meetings/${meetingId}/minutes/es`)).statusCode, 404);
    assert.equal(await section('member', 'en'), null, 'nothing approved, nothing decided: no section');
    const draft = await secretariat.get(`/en/meetings/${meetingId}/minutes/es`);
    assert.match(draft.body, /Draft/);

    const approved = await secretariat.postForm(`/en/meetings/${meetingId}/minutes/es`, {
      body: 'Se revisó el plan de trabajo.\n\nPróxima llamada en dos meses.',
      status: 'approved',
      version: '1',
    });
    assert.equal(approved.statusCode, 303);
    const read = await pageAgent('member').get(`/fr/meetings/${meetingId}/minutes/es`);
    assert.equal(read.statusCode, 200);
    assert.match(read.body, /<p>Se revisó el plan de trabajo.<\/p><p>Próxima llamada en dos meses.<\/p>/);
  });

  it('shows the minutes in the page’s language, or visibly in another, with links to the others', async () => {
    await buildMinutes(db(), { meetingId, language: 'es', body: 'Acta en español.' });
    await buildMinutes(db(), { meetingId, language: 'pt', body: 'Ata em português.' });
    const french = (await section('member', 'fr'))!;
    assert.match(french, /disponible en espagnol/);
    assert.match(french, /lang="es"[^>]*><p>Acta en español.<\/p>/);
    assert.match(french, new RegExp(`href="/fr/meetings/${meetingId}/minutes/pt" hreflang="pt">portugais`));
    const portuguese = (await section('member', 'pt'))!;
    assert.match(portuguese, /Ata em português/);
    assert.doesNotMatch(portuguese, /disponível em/);
  });

  it('renders user text as text, never as HTML', async () => {
    await buildMinutes(db(), { meetingId, language: 'en', body: '<script>alert(1)</script>\nline two' });
    const html = (await section('member', 'en'))!;
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script><br\/>line two/);
    assert.doesNotMatch(html, /<script>/);
  });

  it('detects a concurrent edit: the second save from the same version gets the conflict page, nothing overwritten', async () => {
    await buildMinutes(db(), { meetingId, language: 'en', body: 'First version.' });
    const first = await apiAgent('secretariat').json('PUT', `/api/v1/meetings/${meetingId}/minutes/en`, {
      body: 'Edited by Ana.',
      status: 'draft',
      version: 1,
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 2);
    const second = await pageAgent('secretariat').postForm(`/en/meetings/${meetingId}/minutes/en`, {
      body: 'Edited by Luis.',
      status: 'approved',
      version: '1',
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /Changed in the meantime/);
    assert.match(second.body, /Edited by Ana\./, 'the saved version is shown');
    assert.match(second.body, /Edited by Luis\./, 'and the loser’s text is kept in the form');
    const [row] = await minutesRows();
    assert.equal(row!.body, 'Edited by Ana.');
  });

  it('refuses an unknown language, empty minutes, an unknown status, and anyone but the secretariat — nothing saved', async () => {
    const secretariat = pageAgent('secretariat');
    const unknown = await secretariat.postForm(`/en/meetings/${meetingId}/minutes/xx`, {
      body: 'Text',
      status: 'draft',
      version: '0',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Choose a language: French, Spanish, English or Portuguese/);
    const empty = await secretariat.postForm(`/es/meetings/${meetingId}/minutes/es`, {
      body: '  \n ',
      status: 'draft',
      version: '0',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="field-body-error">Escriba el acta: no puede estar vacía\./);
    const status = await apiAgent('secretariat').json('PUT', `/api/v1/meetings/${meetingId}/minutes/en`, {
      body: 'Text',
      status: 'published',
    });
    assert.equal(status.statusCode, 400);
    assert.equal(status.json().errors[0].field, 'status');
    const language = await apiAgent('secretariat').json('PUT', `/api/v1/meetings/${meetingId}/minutes/de`, {
      body: 'Text',
      status: 'draft',
    });
    assert.equal(language.statusCode, 400);
    assert.equal(language.json().errors[0].field, 'language');
    for (const name of ['member', 'focalOwn'] as const) {
      const refused = await pageAgent(name).postForm(`/en/meetings/${meetingId}/minutes/en`, {
        body: 'Text',
        status: 'approved',
        version: '0',
      });
      assert.equal(refused.statusCode, 403, name);
    }
    assert.deepEqual(await minutesRows(), []);
  });

  it('hides a network meeting’s minutes from the public and from members of other networks', async () => {
    await buildMinutes(db(), { meetingId, language: 'en' });
    assert.equal((await new Agent(ctx.app).get(`/en/meetings/${meetingId}/minutes/en`)).statusCode, 404);
    assert.equal((await new Agent(ctx.app).get(`/api/v1/meetings/${meetingId}/minutes`)).statusCode, 404);
    const publicMeeting = await buildRecordMeeting(db(), {
      networkId: fixtures.network.id,
      visibility: 'public',
    });
    await buildMinutes(db(), { meetingId: publicMeeting, language: 'en' });
    await buildMinutes(db(), { meetingId: publicMeeting, language: 'fr', status: 'draft' });
    const open = await new Agent(ctx.app).get(`/api/v1/meetings/${publicMeeting}/minutes`);
    assert.deepEqual(
      open.json().map((m: { language: string }) => m.language),
      ['en'],
      'the public reads approved minutes only',
    );
  });
});

describe('decisions', () => {
  it('the secretariat adds, translates and removes decisions, in order', async () => {
    const api = apiAgent('secretariat');
    const a = await api.json('POST', `/api/v1/meetings/${meetingId}/decisions`, {
      text: 'Adoptar el plan de trabajo 2027.',
      language: 'es',
    });
    assert.equal(a.statusCode, 201, a.body);
    const b = await pageAgent('secretariat').postForm(`/en/meetings/${meetingId}/decisions`, {
      text: 'Hold the annual meeting in Panama.',
      language: 'en',
    });
    assert.equal(b.statusCode, 303);
    const translated = await api.json('PUT', `/api/v1/meetings/${meetingId}/decisions/${a.json().id}`, {
      text: 'Adopt the 2027 work plan.',
      language: 'en',
    });
    assert.deepEqual(translated.json().text, {
      es: 'Adoptar el plan de trabajo 2027.',
      en: 'Adopt the 2027 work plan.',
    });
    assert.equal(translated.json().originalLanguage, 'es');
    const listed = await new Agent(ctx.app).get(`/api/v1/meetings/${meetingId}/decisions`);
    assert.equal(listed.statusCode, 404, 'a network meeting: not for the public');
    const member = await apiAgent('member').get(`/api/v1/meetings/${meetingId}/decisions`);
    assert.deepEqual(
      member.json().map((d: { position: number }) => d.position),
      [1, 2],
    );
    const page = await pageAgent('secretariat').get(`/en/meetings/${meetingId}/decisions`);
    assert.match(page.body, /Adopt the 2027 work plan\.[\s\S]*Hold the annual meeting in Panama\./);
    const removed = await pageAgent('secretariat').postForm(
      `/en/meetings/${meetingId}/decisions/${a.json().id}/delete`,
      {},
    );
    assert.equal(removed.statusCode, 303);
    assert.equal((await apiAgent('member').get(`/api/v1/meetings/${meetingId}/decisions`)).json().length, 1);
  });

  it('refuses an empty decision with a message beside the field, and members', async () => {
    const empty = await pageAgent('secretariat').postForm(`/pt/meetings/${meetingId}/decisions`, {
      text: '',
      language: 'pt',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="field-text-error">Escreva o texto da decisão\./);
    const member = await apiAgent('focalOwn').json('POST', `/api/v1/meetings/${meetingId}/decisions`, {
      text: 'x',
      language: 'en',
    });
    assert.equal(member.statusCode, 403);
    assert.equal((await db().selectFrom('meeting_decisions').selectAll().execute()).length, 0);
  });
});

describe('action items', () => {
  beforeEach(async () => {
    await ensureMembership(db(), fixtures.network.id, fixtures.owningOrganisation.id);
  });

  it('the secretariat assigns one to an organisation; its people see it in their list and update its status', async () => {
    const decision = await buildDecision(db(), { meetingId });
    const created = await pageAgent('secretariat').postForm(`/en/meetings/${meetingId}/actions`, {
      title: 'Circulate the consolidated table',
      language: 'en',
      owner: `organisation:${fixtures.owningOrganisation.id}`,
      dueOn: '2020-01-31',
      status: 'open',
      note: '',
      decisionId: decision,
    });
    assert.equal(created.statusCode, 303, created.body);
    const id = /actions\/([0-9a-f-]+)/.exec(created.headers.location as string)![1]!;
    const mine = await pageAgent('focalOwn').get('/en/actions');
    assert.match(mine.body, /Circulate the consolidated table/);
    assert.match(mine.body, /Overdue/);
    assert.match(mine.body, /1 action item overdue/);
    const page = await pageAgent('focalOwn').get(`/en/actions/${id}`);
    assert.match(page.body, /Update the status/);
    assert.doesNotMatch(page.body, /Edit the action item/);
    const updated = await pageAgent('focalOwn').postForm(`/en/actions/${id}/status`, {
      status: 'done',
      note: 'Sent on 2 February.',
      version: '1',
    });
    assert.equal(updated.statusCode, 303, updated.body);
    const row = await db()
      .selectFrom('action_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
    assert.ok(row.completed_at);
    const principal = (await resolvePrincipalForTest(db(), fixtures.actors.focalOwn.userId))!;
    assert.equal((await actionItemsFor(db(), principal)).length, 0, 'done items leave the list');
    assert.equal((await actionItemsFor(db(), principal, { includeDone: true })).length, 1);
  });

  it('refuses a due date that is not a date, a status that does not exist, an owner outside the network — nothing saved', async () => {
    const page = await pageAgent('secretariat').postForm(`/fr/meetings/${meetingId}/actions`, {
      title: 'Préparer le bulletin',
      owner: `organisation:${fixtures.otherOrganisation.id}`,
      dueOn: '31/02/2027',
      status: 'someday',
    });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /id="field-dueOn-error">Indiquez l’échéance comme une date réelle/);
    assert.match(page.body, /id="field-status-error">Choisissez un état de la liste/);
    assert.match(
      page.body,
      /id="field-owner-error">Le responsable doit être une personne ou une organisation membre/,
    );
    assert.match(page.body, /value="Préparer le bulletin"/, 'what was typed is kept');
    const api = await apiAgent('secretariat').json('POST', `/api/v1/meetings/${meetingId}/actions`, {
      title: 'x',
      ownerOrganisationId: fixtures.owningOrganisation.id,
      dueOn: '2027-02-30',
    });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().errors[0].field, 'dueOn');
    assert.equal((await db().selectFrom('action_items').selectAll().execute()).length, 0);
  });

  it('only the owner’s people and the secretariat change an item; the owner only its status and note', async () => {
    const id = await buildActionItem(db(), {
      meetingId,
      ownerOrganisationId: fixtures.owningOrganisation.id,
    });
    const other = await apiAgent('focalOther').json('PATCH', `/api/v1/actions/${id}`, { status: 'done' });
    assert.equal(other.statusCode, 403);
    const otherPage = await pageAgent('focalOther').postForm(`/en/actions/${id}/status`, { status: 'done' });
    assert.equal(otherPage.statusCode, 403);
    const owner = await apiAgent('focalOwn').json('PATCH', `/api/v1/actions/${id}`, { dueOn: '2031-01-01' });
    assert.equal(owner.statusCode, 403, 'the due date is the secretariat’s');
    const bad = await apiAgent('focalOwn').json('PATCH', `/api/v1/actions/${id}`, { status: 'finished' });
    assert.equal(bad.statusCode, 400);
    const ok = await apiAgent('focalOwn').json('PATCH', `/api/v1/actions/${id}`, {
      status: 'in-progress',
      version: 1,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'in-progress');
    const stale = await apiAgent('secretariat').json('PATCH', `/api/v1/actions/${id}`, {
      dueOn: '2031-01-01',
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    const row = await db()
      .selectFrom('action_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'in-progress');
    assert.equal(String(row.due_on).slice(0, 10), '2030-01-31');
  });

  it('lists my own and my organisation’s items, soonest due first, in the API', async () => {
    await buildActionItem(db(), {
      meetingId,
      ownerOrganisationId: fixtures.owningOrganisation.id,
      dueOn: '2031-05-01',
      title: 'Later',
    });
    await buildActionItem(db(), {
      meetingId,
      ownerUserId: fixtures.actors.focalOwn.userId,
      dueOn: '2031-03-01',
      title: 'Sooner',
    });
    await buildActionItem(db(), { meetingId, ownerUserId: fixtures.actors.member.userId, title: 'Not mine' });
    const mine = await apiAgent('focalOwn').get('/api/v1/actions');
    assert.deepEqual(
      mine.json().map((a: { title: string }) => a.title),
      ['Sooner', 'Later'],
    );
    assert.equal(mine.json()[0].owner.kind, 'user');
    assert.equal(mine.json()[1].owner.name, 'Owning organisation');
    assert.equal((await new Agent(ctx.app).get('/en/actions')).statusCode, 401);
  });

  it('shows a meeting’s items to its network’s members, not to the public', async () => {
    await buildActionItem(db(), { meetingId, ownerOrganisationId: fixtures.owningOrganisation.id });
    assert.match((await section('member', 'en'))!, /Action items agreed at the meeting/);
    assert.equal(await section('public', 'en', 'public'), null, 'nothing for the public to see');
    await buildDecision(db(), { meetingId });
    const open = (await section('public', 'en', 'public'))!;
    assert.match(open, /The network adopts its work plan/);
    assert.doesNotMatch(open, /Action items/);
  });
});

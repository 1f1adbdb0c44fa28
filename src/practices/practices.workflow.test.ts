import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Agent, buildTestApp, type TestContext } from '../../test/support/app.ts';
import { closeTestDatabase, resetDatabase } from '../../test/support/database.ts';
import {
  buildApiToken,
  buildNetwork,
  buildOrganisation,
  buildPractice,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';
import type { Db } from '../db/schema.ts';

let ctx: TestContext;
let db: Db;

before(async () => {
  ctx = await buildTestApp();
  db = ctx.database.db;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

interface Person {
  id: string;
  name: string;
}

/**
 * A network with the submitting organisation and two peer institutions (the first with two
 * members), its secretariat (two people), a plain member, a translator into French, an admin,
 * and a second network with its own secretariat.
 */
async function buildWorld() {
  const network = await buildNetwork(db, { slug: 'workflow-network', name: { en: 'Workflow network' } });
  const otherNetwork = await buildNetwork(db, { slug: 'other-network' });
  const own = await buildOrganisation(db, { name: { es: 'Migración Colombia' } });
  const peerA = await buildOrganisation(db, { name: { fr: 'Croix-Rouge française' } });
  const peerB = await buildOrganisation(db, { name: { pt: 'Cruz Vermelha Portuguesa' } });
  for (const organisation of [own, peerA, peerB])
    await db
      .insertInto('network_memberships')
      .values({ network_id: network.id, organisation_id: organisation.id })
      .execute();
  const person = async (name: string, spec: Parameters<typeof buildUser>[1]): Promise<Person> => ({
    id: (await buildUser(db, { ...spec, name })).id,
    name,
  });
  const memberOf = (organisationId: string | null) => ({
    organisationId,
    roles: [{ networkId: network.id, role: 'member' as const }],
  });
  const people = {
    focal: await person('Julián Herrera', memberOf(own.id)),
    colleague: await person('Camila Rojas', memberOf(own.id)),
    peerA1: await person('Claire Dubois', memberOf(peerA.id)),
    peerA2: await person('Louis Martin', memberOf(peerA.id)),
    peerB1: await person('João Pereira', memberOf(peerB.id)),
    member: await person('Plain Member', memberOf(null)),
    translator: await person('Tradutora', memberOf(null)),
    secretariat: await person('Sofía Ramírez', { roles: [{ networkId: network.id, role: 'secretariat' }] }),
    secretariat2: await person('Ana Torres', { roles: [{ networkId: network.id, role: 'secretariat' }] }),
    otherSecretariat: await person('Other Secretariat', {
      roles: [{ networkId: otherNetwork.id, role: 'secretariat' }],
    }),
    admin: await person('Ana Admin', { isAdmin: true }),
  };
  await db
    .updateTable('users')
    .set({ translator_languages: ['fr'] })
    .where('id', '=', people.translator.id)
    .execute();
  return { network, otherNetwork, own, peerA, peerB, people };
}

let world: Awaited<ReturnType<typeof buildWorld>>;
type Who = keyof typeof world.people;

beforeEach(async () => {
  await resetDatabase(db);
  world = await buildWorld();
});

/** A browser signed in as one of the world's people (or the public). */
async function browser(who: Who | 'public'): Promise<Agent> {
  const agent = new Agent(ctx.app);
  if (who !== 'public') agent.cookies.set('puente_session', await buildSession(db, world.people[who].id));
  return agent;
}

const TITLE = 'Binational protocol against trafficking at the border';

/** A practice of the submitting organisation: a draft unless said otherwise. */
async function practice(options: { published?: boolean; title?: string } = {}) {
  const built = await buildPractice(db, {
    organisationId: world.own.id,
    networkId: world.network.id,
    published: options.published ?? false,
    content: {
      originalLanguage: 'en',
      title: { en: options.title ?? TITLE },
      summary: { en: 'Two migration authorities identify and protect victims of trafficking together.' },
    },
  });
  return built.id;
}

async function versionOf(id: string): Promise<string> {
  const row = await db
    .selectFrom('practices')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return String(row.version);
}

async function statusOf(id: string) {
  return (await db.selectFrom('practices').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;
}

/** Runs one workflow step as a user, from the version they would have read. */
async function step(who: Who, id: string, path: string, fields: Record<string, string | string[]> = {}) {
  return (await browser(who)).postForm(`/en/practices/${id}/${path}`, {
    version: await versionOf(id),
    ...fields,
  });
}

const REVIEW = {
  relevance: '4',
  effectiveness: '5',
  replicability: '3',
  sustainability: '4',
  recommendation: 'publish',
  comments: 'Clear protocol; the results section could say more about follow-up.',
};

async function submitAndAssign(id: string) {
  assert.equal((await step('focal', id, 'submit')).statusCode, 303);
  const assigned = await (
    await browser('secretariat')
  ).postForm(`/en/practices/${id}/reviewers`, {
    secretariatReviewer: world.people.secretariat2.id,
    memberReviewers: [world.people.peerA1.id, world.people.peerB1.id],
  });
  assert.equal(assigned.statusCode, 303, assigned.body);
}

async function reviewAs(who: Who, id: string, fields: Partial<typeof REVIEW> = {}) {
  return (await browser(who)).postForm(`/en/practices/${id}/review`, { ...REVIEW, ...fields });
}

async function searchApi(q: string): Promise<string[]> {
  const response = await new Agent(ctx.app).get(`/api/v1/practices?q=${encodeURIComponent(q)}`);
  assert.equal(response.statusCode, 200);
  return (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
}

describe('the review workflow through the pages', () => {
  it('takes a draft from submission through three reviews to publication, and shows it to the public', async () => {
    const id = await practice();
    const focal = await browser('focal');
    const work = await focal.get('/en/practices/work');
    assert.equal(work.statusCode, 200);
    assert.match(work.body, /Binational protocol against trafficking/);
    assert.match(work.body, new RegExp(`action="/en/practices/${id}/submit"`));

    const submitted = await step('focal', id, 'submit');
    assert.equal(submitted.statusCode, 303);
    assert.equal(submitted.headers.location, `/en/practices/${id}?notice=submitted`);
    assert.equal(await statusOf(id), 'submitted');

    const secretariat = await browser('secretariat');
    const queue = await secretariat.get('/en/practices/work');
    assert.match(queue.body, /Submitted, waiting for reviewers/);
    const form = await secretariat.get(`/en/practices/${id}/reviewers`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Claire Dubois — Croix-Rouge française/);
    assert.match(form.body, /João Pereira — Cruz Vermelha Portuguesa/);
    assert.doesNotMatch(form.body, /Camila Rojas/, 'the submitting institution is not offered');

    const assigned = await secretariat.postForm(`/en/practices/${id}/reviewers`, {
      secretariatReviewer: world.people.secretariat2.id,
      memberReviewers: [world.people.peerA1.id, world.people.peerB1.id],
    });
    assert.equal(assigned.statusCode, 303);
    assert.equal(assigned.headers.location, '/en/practices/work?notice=reviewersAssigned');
    assert.equal(await statusOf(id), 'in-review');
    assert.match((await secretariat.get('/en/practices/work')).body, /In review: 0\/3 reviews in/);

    for (const reviewer of ['secretariat2', 'peerA1'] as const) {
      const page = await (await browser(reviewer)).get(`/en/practices/${id}/review`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="relevance" value="5"/);
      assert.match(page.body, new RegExp(`href="/en/practices/${id}\\?version=working"`));
      const sent = await reviewAs(reviewer, id);
      assert.equal(sent.statusCode, 303);
      assert.equal(sent.headers.location, `/en/practices/${id}/review?notice=reviewed`);
    }

    const early = await step('secretariat', id, 'publish');
    assert.equal(early.statusCode, 400, 'refused while a review is missing');
    assert.match(early.body, /One review is still missing\./);
    assert.match(early.body, /Binational protocol/);

    await reviewAs('peerB1', id);
    const thanks = await (await browser('peerB1')).get(`/en/practices/${id}/review?notice=reviewed`);
    assert.match(thanks.body, /Thank you: your review was sent/);
    assert.match(thanks.body, /5 out of 5/);
    assert.doesNotMatch(thanks.body, /name="relevance"/, 'a sent review is read-only');
    assert.match((await secretariat.get('/en/practices/work')).body, /Ready to publish/);

    assert.deepEqual(await searchApi('trafficking'), []);
    const published = await step('secretariat', id, 'publish');
    assert.equal(published.statusCode, 303);
    assert.equal(published.headers.location, `/en/practices/${id}?notice=published`);
    assert.equal(await statusOf(id), 'published');
    assert.deepEqual(await searchApi('trafficking'), [id]);
    const reviewerWork = await (await browser('peerB1')).get('/en/practices/work');
    assert.match(reviewerWork.body, /1 review done/, 'a review given stays in My work after publication');
    const page = await (
      await browser('public')
    ).get(`/en/practices?q=${encodeURIComponent('binational protocol')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Binational protocol against trafficking/);
  });

  it('returns a practice with comments: its authors read them, revise it and submit it again', async () => {
    const id = await practice();
    assert.equal((await step('focal', id, 'submit')).statusCode, 303);
    const secretariat = await browser('secretariat');
    const form = await secretariat.get(`/en/practices/${id}/return`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="comment"/);

    const empty = await step('secretariat', id, 'return', { comment: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="field-comment-error"[^>]*>Tell the authors what to change/);

    const returned = await step('secretariat', id, 'return', {
      comment: 'Please describe how victims are referred between the two countries.',
    });
    assert.equal(returned.statusCode, 303);
    assert.equal(returned.headers.location, `/en/practices/${id}?notice=returned`);
    assert.equal(await statusOf(id), 'returned');

    const focal = await browser('focal');
    const work = await focal.get('/en/practices/work');
    assert.match(work.body, /Returned with comments/);
    assert.match(work.body, /Please describe how victims are referred between the two countries\./);
    assert.match(work.body, new RegExp(`href="/en/practices/${id}/edit"`));
    const reviews = await focal.get(`/en/practices/${id}/reviews`);
    assert.equal(reviews.statusCode, 200);
    assert.match(reviews.body, /Please describe how victims are referred/);

    const token = await buildApiToken(db, world.people.focal.id);
    const client = new Agent(ctx.app);
    client.bearer = token.token;
    const revised = await client.json('PUT', `/api/v1/practices/${id}`, {
      originalLanguage: 'en',
      title: { en: TITLE },
      summary: { en: 'Victims are referred between the two countries through a shared protocol.' },
      version: Number(await versionOf(id)),
    });
    assert.equal(revised.statusCode, 200, revised.body);
    assert.equal((await step('focal', id, 'submit')).statusCode, 303);
    assert.equal(await statusOf(id), 'submitted');
  });

  it('withdraws a practice: out of search, not found for the public, still there for its authors', async () => {
    const id = await practice({ published: true });
    assert.deepEqual(await searchApi('trafficking'), [id]);
    const form = await (await browser('focal')).get(`/en/practices/${id}/withdraw`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Reason \(optional\)/);
    const withdrawn = await step('focal', id, 'withdraw', { comment: '' });
    assert.equal(withdrawn.statusCode, 303);
    assert.equal(withdrawn.headers.location, `/en/practices/${id}?notice=withdrawn`);
    assert.equal(await statusOf(id), 'withdrawn');
    assert.deepEqual(await searchApi('trafficking'), []);
    assert.equal((await (await browser('public')).get(`/en/practices/${id}`)).statusCode, 404);
    assert.equal((await (await browser('peerA1')).get(`/en/practices/${id}`)).statusCode, 404);
    assert.equal((await (await browser('focal')).get(`/en/practices/${id}`)).statusCode, 200);
    const again = await (await browser('focal')).get(`/en/practices/${id}/withdraw`);
    assert.match(again.body, /This practice is already withdrawn\./);
  });

  it('archives a published practice: still readable, with a banner, and out of search', async () => {
    const id = await practice({ published: true });
    const archived = await step('secretariat', id, 'archive');
    assert.equal(archived.statusCode, 303);
    assert.equal(archived.headers.location, `/en/practices/${id}?notice=archived`);
    const page = await (await browser('public')).get(`/en/practices/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /This practice is archived/);
    assert.deepEqual(await searchApi('trafficking'), []);
  });

  it('answers 409 with the current state when someone acted first, and changes nothing', async () => {
    const id = await practice();
    const stale = await versionOf(id);
    assert.equal((await step('focal', id, 'submit')).statusCode, 303);
    const late = await (
      await browser('colleague')
    ).postForm(`/en/practices/${id}/submit`, { version: stale });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Someone acted first/);
    assert.match(late.body, /Submitted/);
    const lateReturn = await (
      await browser('secretariat')
    ).postForm(`/en/practices/${id}/return`, {
      version: stale,
      comment: 'Too late',
    });
    assert.equal(lateReturn.statusCode, 409);
    assert.equal(await statusOf(id), 'submitted');
  });

  it('refuses a transition the state does not allow with the practice again and the reason (400)', async () => {
    const id = await practice();
    const response = await step('secretariat', id, 'publish');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /No version is under review\./);
    assert.match(response.body, /<h1[^>]*>Binational protocol/);
    const archive = await step('secretariat', id, 'archive');
    assert.equal(archive.statusCode, 400);
    assert.match(archive.body, /This practice is not published\./);
    const noVersion = await (await browser('focal')).postForm(`/en/practices/${id}/submit`, {});
    assert.equal(noVersion.statusCode, 400);
    assert.match(noVersion.body, /reload the page and try again/);
  });

  it('refuses the steps to those who may not take them (403), and unknown practices (404)', async () => {
    const id = await practice();
    assert.equal((await step('peerA1', id, 'submit')).statusCode, 403);
    assert.equal((await step('otherSecretariat', id, 'publish')).statusCode, 403);
    assert.equal(
      (await (await browser('otherSecretariat')).get(`/en/practices/${id}/return`)).statusCode,
      403,
    );
    assert.equal((await (await browser('peerA1')).get(`/en/practices/${id}/withdraw`)).statusCode, 403);
    assert.equal(
      (await (await browser('focal')).get(`/en/practices/${crypto.randomUUID()}/withdraw`)).statusCode,
      404,
    );
    assert.equal((await (await browser('focal')).get('/en/practices/not-an-id/withdraw')).statusCode, 404);
  });
});

describe('POST /{lang}/practices/:id/reviewers', () => {
  async function assign(id: string, fields: Record<string, string | string[]>) {
    return (await browser('secretariat')).postForm(`/en/practices/${id}/reviewers`, fields);
  }

  it('refuses two reviewers of the same institution, next to the field', async () => {
    const id = await practice();
    await step('focal', id, 'submit');
    const response = await assign(id, {
      secretariatReviewer: world.people.secretariat2.id,
      memberReviewers: [world.people.peerA1.id, world.people.peerA2.id],
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-memberReviewers-error"/);
    assert.match(response.body, new RegExp(`value="${world.people.peerA2.id}" selected`));
    assert.equal(await statusOf(id), 'submitted');
  });

  it('refuses a reviewer of the submitting institution', async () => {
    const id = await practice();
    await step('focal', id, 'submit');
    const response = await assign(id, {
      secretariatReviewer: world.people.secretariat2.id,
      memberReviewers: [world.people.colleague.id, world.people.peerB1.id],
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-memberReviewers-error"/);
  });

  it('refuses fewer than two reviewers of member institutions, and a secretariat seat taken by a member', async () => {
    const id = await practice();
    await step('focal', id, 'submit');
    const response = await assign(id, {
      secretariatReviewer: world.people.peerB1.id,
      memberReviewers: [world.people.peerA1.id, ''],
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-memberReviewers-error"/);
    assert.match(response.body, /id="field-secretariatReviewer-error"/);
  });

  it('says there is nothing to assign before the practice is submitted', async () => {
    const id = await practice();
    const page = await (await browser('secretariat')).get(`/en/practices/${id}/reviewers`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /No submitted version is waiting for review\./);
    assert.doesNotMatch(page.body, /name="secretariatReviewer"/);
  });

  it('is refused to the secretariat of another network and to focal points', async () => {
    const id = await practice();
    await step('focal', id, 'submit');
    assert.equal(
      (await (await browser('otherSecretariat')).get(`/en/practices/${id}/reviewers`)).statusCode,
      403,
    );
    assert.equal((await (await browser('focal')).get(`/en/practices/${id}/reviewers`)).statusCode, 403);
  });
});

describe('GET/POST /{lang}/practices/:id/review', () => {
  it('is refused to members who are not assigned, even of the secretariat', async () => {
    const id = await practice();
    await submitAndAssign(id);
    for (const who of ['peerA2', 'member', 'secretariat', 'focal'] as const) {
      assert.equal((await (await browser(who)).get(`/en/practices/${id}/review`)).statusCode, 403, who);
      assert.equal((await reviewAs(who, id)).statusCode, 403, who);
    }
  });

  it('re-renders the form with localized errors next to the fields', async () => {
    const id = await practice();
    await submitAndAssign(id);
    const response = await reviewAs('peerA1', id, { relevance: '', recommendation: 'maybe', comments: ' ' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-relevance-error"[^>]*>Give “Relevance” a score from 1 to 5\./);
    assert.match(response.body, /id="field-recommendation-error"/);
    assert.match(response.body, /id="field-comments-error"/);
    assert.match(response.body, /name="effectiveness" value="5" checked/);
    const es = await (
      await browser('peerA1')
    ).postForm(`/es/practices/${id}/review`, { ...REVIEW, relevance: '9' });
    assert.equal(es.statusCode, 400);
    assert.match(es.body, /Indique una puntuación de 1 a 5 para «Pertinencia»/);
  });

  it('shows the reviews to the secretariat with names, to a reviewer their own, to the authors after the decision', async () => {
    const id = await practice();
    await submitAndAssign(id);
    await reviewAs('peerA1', id, { comments: 'Comment of the first peer.' });
    await reviewAs('peerB1', id, { comments: 'Comment of the second peer.' });

    const secretariat = await (await browser('secretariat')).get(`/en/practices/${id}/reviews`);
    assert.match(secretariat.body, /Claire Dubois \(member institution\)/);
    assert.match(secretariat.body, /Comment of the second peer\./);
    const reviewer = await (await browser('peerA1')).get(`/en/practices/${id}/reviews`);
    assert.equal(reviewer.statusCode, 200);
    assert.match(reviewer.body, /Comment of the first peer\./);
    assert.doesNotMatch(reviewer.body, /Comment of the second peer\./);
    const authors = await (await browser('focal')).get(`/en/practices/${id}/reviews`);
    assert.match(authors.body, /2 of 3 reviews in\./);
    assert.doesNotMatch(authors.body, /Comment of the/);

    await step('secretariat', id, 'return', { comment: 'See the reviews.' });
    const after = await (await browser('focal')).get(`/en/practices/${id}/reviews`);
    assert.match(after.body, /Comment of the first peer\./);
    assert.match(after.body, /Comment of the second peer\./);
    assert.doesNotMatch(after.body, /Claire Dubois/, 'reviewers stay anonymous to the authors');
    const peer = await (await browser('peerA1')).get(`/en/practices/${id}/reviews`);
    assert.match(peer.body, /Comment of the second peer\./);
    assert.equal((await (await browser('peerA2')).get(`/en/practices/${id}/reviews`)).statusCode, 403);
  });

  it('lists my reviews to do and done on the work page', async () => {
    const id = await practice();
    await submitAndAssign(id);
    const before = await (await browser('peerA1')).get('/en/practices/work');
    assert.match(before.body, /1 review to do/);
    await reviewAs('peerA1', id);
    const after = await (await browser('peerA1')).get('/en/practices/work');
    assert.match(after.body, /1 review done/);
  });
});

describe('GET/POST /{lang}/practices/:id/translate/:target', () => {
  it('lets a translator add a language, which publishes a new version the page shows', async () => {
    const id = await practice({ published: true });
    const translator = await browser('translator');
    const form = await translator.get(`/en/practices/${id}/translate/fr`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<p lang="en">Two migration authorities identify/);
    assert.match(form.body, /id="field-title" name="title" lang="fr"/);
    const saved = await translator.postForm(`/en/practices/${id}/translate/fr`, {
      title: 'Protocole binational contre la traite à la frontière',
      summary: 'Deux autorités migratoires identifient et protègent ensemble les victimes de la traite.',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/en/practices/${id}?notice=translated`);
    const versions = await db
      .selectFrom('practice_versions')
      .select(['number', 'kind', 'state'])
      .where('practice_id', '=', id)
      .orderBy('number')
      .execute();
    assert.deepEqual(versions, [
      { number: 1, kind: 'revision', state: 'superseded' },
      { number: 2, kind: 'translation', state: 'published' },
    ]);
    const page = await (await browser('public')).get(`/fr/practices/${id}`);
    assert.match(page.body, /Protocole binational contre la traite à la frontière/);
    const again = await translator.get(`/en/practices/${id}/translate/fr`);
    assert.match(again.body, /value="Protocole binational contre la traite à la frontière"/);
  });

  it('is refused to members who do not translate into that language, and unknown for other languages', async () => {
    const id = await practice({ published: true });
    assert.equal((await (await browser('member')).get(`/en/practices/${id}/translate/fr`)).statusCode, 403);
    assert.equal(
      (await (await browser('translator')).get(`/en/practices/${id}/translate/es`)).statusCode,
      403,
    );
    assert.equal(
      (await (await browser('translator')).get(`/en/practices/${id}/translate/xx`)).statusCode,
      404,
    );
    assert.equal((await (await browser('focal')).get(`/en/practices/${id}/translate/en`)).statusCode, 404);
    assert.equal((await (await browser('focal')).get(`/en/practices/${id}/translate/es`)).statusCode, 200);
  });

  it('says a draft is not translated yet', async () => {
    const id = await practice();
    const response = await (await browser('focal')).get(`/en/practices/${id}/translate/fr`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /This practice is not published\./);
  });
});

describe('GET/POST /{lang}/admin/translators', () => {
  it('lets an admin grant and take away the translator role, with an audit entry', async () => {
    const admin = await browser('admin');
    const page = await admin.get('/en/admin/translators');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Tradutora &lt;/);
    const saved = await admin.postForm('/en/admin/translators', {
      userId: world.people.member.id,
      languages: ['pt', 'es'],
    });
    assert.equal(saved.statusCode, 303);
    const row = await db
      .selectFrom('users')
      .select('translator_languages')
      .where('id', '=', world.people.member.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.translator_languages, ['es', 'pt']);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', world.people.member.id)
      .execute();
    assert.deepEqual(audit, [{ action: 'user.translator-languages' }]);
    const edit = await admin.get(`/en/admin/translators?user=${world.people.member.id}`);
    assert.match(edit.body, /id="language-es" name="languages" value="es" checked/);
    await admin.postForm('/en/admin/translators', { userId: world.people.member.id });
    const cleared = await db
      .selectFrom('users')
      .select('translator_languages')
      .where('id', '=', world.people.member.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(cleared.translator_languages, []);
  });

  it('refuses an unknown person or language, and everyone but admins', async () => {
    const admin = await browser('admin');
    const unknown = await admin.postForm('/en/admin/translators', {
      userId: crypto.randomUUID(),
      languages: 'es',
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Choose a person from the list\./);
    const language = await admin.postForm('/en/admin/translators', {
      userId: world.people.member.id,
      languages: 'xx',
    });
    assert.equal(language.statusCode, 400);
    assert.equal((await (await browser('secretariat')).get('/en/admin/translators')).statusCode, 403);
  });
});

describe('calls for practices', () => {
  const CALL = {
    network: 'workflow-network',
    'title.en': 'Protecting children on the move',
    'title.es': 'Protección de la niñez en movimiento',
    'description.en': 'Practices that protect unaccompanied children.',
    opensOn: '2020-01-01',
    closesOn: '2099-12-31',
    gcmObjectives: ['7'],
  };

  it('opens a call from the secretariat’s form and lists it, open, with a way to answer it', async () => {
    const secretariat = await browser('secretariat');
    const form = await secretariat.get('/en/practice-calls/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<option value="workflow-network" selected/);
    const opened = await secretariat.postForm('/en/practice-calls', CALL);
    assert.equal(opened.statusCode, 303, opened.body);
    const location = opened.headers.location as string;
    assert.match(location, /^\/en\/practice-calls\/[0-9a-f-]{36}\?notice=opened$/);
    const callId = location.split('/')[3]!.split('?')[0]!;
    const page = await (await browser('public')).get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Protecting children on the move/);
    const list = await (await browser('public')).get('/es/practice-calls');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Workflow network/);
    assert.match(list.body, /Protección de la niñez en movimiento/);
    assert.match(list.body, /Abierta/);
    assert.match(list.body, new RegExp(`/es/practices/new\\?call=${callId}&amp;network=workflow-network`));
  });

  it('refuses a period that ends before it starts, next to the field', async () => {
    const response = await (
      await browser('secretariat')
    ).postForm('/en/practice-calls', {
      ...CALL,
      opensOn: '2026-06-01',
      closesOn: '2026-05-01',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /id="field-closesOn-error"[^>]*>The end must come after the start\./);
    assert.match(response.body, /value="Protecting children on the move"/);
    const missing = await (
      await browser('secretariat')
    ).postForm('/en/practice-calls', { ...CALL, 'title.en': '', 'title.es': '', opensOn: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /id="field-opensOn-error"/);
    assert.match(missing.body, /id="field-title.en-error"/);
  });

  it('is refused to the secretariat of another network', async () => {
    const response = await (await browser('otherSecretariat')).postForm('/en/practice-calls', CALL);
    assert.equal(response.statusCode, 403);
  });

  it('lists the published practices that answer a call to the public, and their drafts to the authors', async () => {
    await (await browser('secretariat')).postForm('/en/practice-calls', CALL);
    const call = await db.selectFrom('practice_calls').select('id').executeTakeFirstOrThrow();
    const published = await practice({ published: true, title: 'Published answer' });
    const draft = await practice({ title: 'Draft answer' });
    await db
      .updateTable('practices')
      .set({ call_id: call.id })
      .where('id', 'in', [published, draft])
      .execute();
    const publicPage = await (await browser('public')).get(`/en/practice-calls/${call.id}`);
    assert.match(publicPage.body, /Published answer/);
    assert.doesNotMatch(publicPage.body, /Draft answer/);
    const authors = await (await browser('focal')).get(`/en/practice-calls/${call.id}`);
    assert.match(authors.body, /Draft answer/);
    assert.equal(
      (await (await browser('public')).get(`/en/practice-calls/${crypto.randomUUID()}`)).statusCode,
      404,
    );
  });
});

describe('GET/POST /{lang}/networks/:slug/principles', () => {
  const P1 = {
    action: 'save',
    code: 'P1',
    stage: 'design',
    'label.fr': 'la pratique met l’accent sur les besoins des migrants',
    'label.es': 'la práctica hace hincapié en las necesidades de los migrantes',
    'label.en': 'the practice focuses on the needs of migrants',
    'label.pt': 'a prática dá ênfase às necessidades dos migrantes',
  };
  const url = '/en/networks/workflow-network/principles';

  it('adds, edits and deletes a principle; everyone reads them', async () => {
    const secretariat = await browser('secretariat');
    assert.match((await (await browser('public')).get(url)).body, /has not defined principles yet/);
    const added = await secretariat.postForm(url, P1);
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, `${url}?notice=saved`);
    const publicPage = await (await browser('public')).get(url);
    assert.match(publicPage.body, /the practice focuses on the needs of migrants/);
    assert.doesNotMatch(publicPage.body, /name="code"/, 'no form for the public');
    const edit = await secretariat.get(`${url}?edit=P1`);
    assert.match(edit.body, /value="the practice focuses on the needs of migrants"/);
    await secretariat.postForm(url, {
      ...P1,
      stage: 'implementation',
      'label.en': 'it recognises equitable treatment',
    });
    const rows = await db.selectFrom('smart_principles').select(['code', 'stage', 'label']).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.stage, 'implementation');
    assert.equal((rows[0]!.label as Record<string, string>).en, 'it recognises equitable treatment');
    const deleted = await secretariat.postForm(url, { action: 'delete', code: 'P1' });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${url}?notice=deleted`);
    assert.equal((await db.selectFrom('smart_principles').select('code').execute()).length, 0);
  });

  it('refuses a bad code, a missing label and deleting a principle practices carry', async () => {
    const secretariat = await browser('secretariat');
    const bad = await secretariat.postForm(url, { ...P1, code: 'P 1!', 'label.pt': '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-code-error"/);
    assert.match(bad.body, /id="field-label.pt-error"/);
    await secretariat.postForm(url, P1);
    await buildPractice(db, {
      organisationId: world.own.id,
      networkId: world.network.id,
      published: true,
      content: { originalLanguage: 'en', title: { en: 'Tagged' }, smartPrinciples: ['P1'] },
    });
    const inUse = await secretariat.postForm(url, { action: 'delete', code: 'P1' });
    assert.equal(inUse.statusCode, 400);
    assert.match(inUse.body, /P1 tags one practice: it cannot be deleted/);
  });

  it('is refused to the secretariat of another network, and unknown networks are 404', async () => {
    const response = await (await browser('otherSecretariat')).postForm(url, P1);
    assert.equal(response.statusCode, 403);
    assert.equal((await db.selectFrom('smart_principles').select('code').execute()).length, 0);
    assert.equal(
      (await (await browser('public')).get('/en/networks/no-such-network/principles')).statusCode,
      404,
    );
  });
});

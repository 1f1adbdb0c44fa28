import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { principalOfUser } from '../accounts/index.ts';
import type { DatabaseHandle } from '../db/database.ts';
import type { Principal } from '../http/access.ts';
import { HttpProblem, type Result } from '../http/problems.ts';
import { translator } from '../web/i18n.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { buildNetwork, buildOrganisation, buildUser } from '../../test/support/factories.ts';
import * as commands from './practices.commands.ts';
import { diffVersions } from './practices.diff.ts';
import { getPracticeView, listVersions } from './practices.queries.ts';
import * as repo from './practices.repository.ts';
import { assignReviewers, submitReview } from './practices.reviews.ts';
import type { PracticeInput } from './practices.schemas.ts';
import { searchPractices } from './practices.search.ts';

const t = translator('en');
let database: DatabaseHandle;
before(async () => {
  database = await testDatabase();
});
after(closeTestDatabase);

interface World {
  networkSlug: string;
  networkId: string;
  organisationId: string;
  focal: Principal;
  otherFocal: Principal;
  secretariat: Principal;
  reviewers: { secretariat: Principal; members: [Principal, Principal] };
}
let world: World;

async function principal(userId: string): Promise<Principal> {
  return (await principalOfUser(database.db, userId))!;
}

/** A network with a submitting organisation, a second member organisation with two members, and a third. */
async function buildWorld(): Promise<World> {
  const db = database.db;
  const network = await buildNetwork(db, { slug: 'ricomi-test' });
  const own = await buildOrganisation(db, { name: { es: 'Migración Colombia' } });
  const peerA = await buildOrganisation(db, { name: { fr: 'Croix-Rouge française' } });
  const peerB = await buildOrganisation(db, { name: { pt: 'Cruz Vermelha Portuguesa' } });
  for (const organisation of [own, peerA, peerB])
    await db
      .insertInto('network_memberships')
      .values({ network_id: network.id, organisation_id: organisation.id })
      .execute();
  const member = (organisationId: string) => ({
    organisationId,
    roles: [{ networkId: network.id, role: 'member' as const }],
  });
  const focal = await buildUser(db, member(own.id));
  const otherFocal = await buildUser(db, member(peerA.id));
  const peerB1 = await buildUser(db, member(peerB.id));
  const secretariat = await buildUser(db, { roles: [{ networkId: network.id, role: 'secretariat' }] });
  const secretariatReviewer = await buildUser(db, {
    roles: [{ networkId: network.id, role: 'secretariat' }],
  });
  return {
    networkSlug: network.slug,
    networkId: network.id,
    organisationId: own.id,
    focal: await principal(focal.id),
    otherFocal: await principal(otherFocal.id),
    secretariat: await principal(secretariat.id),
    reviewers: {
      secretariat: await principal(secretariatReviewer.id),
      members: [await principal(otherFocal.id), await principal(peerB1.id)],
    },
  };
}

beforeEach(async () => {
  await resetDatabase(database.db);
  world = await buildWorld();
});

function draft(overrides: Partial<PracticeInput> = {}): PracticeInput {
  return {
    network: world.networkSlug,
    organisationId: world.organisationId,
    originalLanguage: 'es',
    title: { es: 'Protocolo binacional contra la trata de personas en la frontera' },
    summary: {
      es: 'Las autoridades migratorias de dos países identifican y protegen a las víctimas de trata.',
    },
    description: {
      es: 'Un protocolo común de identificación, derivación y protección en los pasos fronterizos.',
    },
    countries: ['CO', 'EC'],
    gcmObjectives: ['10'],
    thematicAreas: [],
    modality: 'bilateral',
    periodStart: '2019-03-01',
    ongoing: true,
    ...overrides,
  };
}

function value<T>(result: Result<T> | { ok: false; errors: unknown }): T {
  assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
  return (result as { ok: true; value: T }).value;
}

/** Drafts, submits, routes to three reviewers, collects their reviews and publishes. */
async function publish(input: PracticeInput): Promise<string> {
  const db = database.db;
  const created = value(await commands.createPractice(db, world.focal, input, t));
  const submitted = value(await commands.submitPractice(db, world.focal, created.id, created.version, t));
  value(
    await assignReviewers(
      db,
      world.secretariat,
      created.id,
      {
        secretariatReviewer: world.reviewers.secretariat.userId,
        memberReviewers: world.reviewers.members.map((reviewer) => reviewer.userId),
      },
      t,
    ),
  );
  for (const reviewer of [world.reviewers.secretariat, ...world.reviewers.members]) {
    value(
      await submitReview(
        db,
        reviewer,
        created.id,
        {
          relevance: 5,
          effectiveness: 4,
          replicability: 4,
          sustainability: 3,
          recommendation: 'publish',
          comments: 'Clear and replicable.',
        },
        t,
      ),
    );
  }
  const practice = (await repo.findPractice(db, created.id))!;
  assert.equal(practice.version, submitted.version + 1, 'assigning reviewers moved the practice on');
  value(await commands.publishPractice(db, world.secretariat, created.id, practice.version, t));
  return created.id;
}

describe('createPractice', () => {
  it('drafts a practice for the focal point’s organisation with a completeness score', async () => {
    const created = value(
      await commands.createPractice(database.db, world.focal, draft({ notCommunicated: ['results'] }), t),
    );
    const view = await getPracticeView(database.db, world.focal, created.id);
    assert.equal(view.status, 'draft');
    assert.equal(view.shown.number, 1);
    assert.deepEqual(view.shown.content.notCommunicated, ['results']);
    assert.ok(view.shown.completeness > 0 && view.shown.completeness < 100);
    assert.equal(view.translation.es, 'original');
    assert.equal(view.translation.fr, 'missing');
  });

  it('refuses a title over 300 characters, naming the field, and saves nothing', async () => {
    const result = await commands.createPractice(
      database.db,
      world.focal,
      draft({ title: { es: 'x'.repeat(301) } }),
      t,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ['title.es'],
    );
    assert.equal((await database.db.selectFrom('practices').select('id').execute()).length, 0);
  });

  it('refuses a period that ends before it starts, unknown codes, and a filled field marked not communicated', async () => {
    const result = await commands.createPractice(
      database.db,
      world.focal,
      draft({
        periodStart: '2020-01-01',
        periodEnd: '2019-01-01',
        gcmObjectives: ['24'],
        countries: ['ZZ'],
        notCommunicated: ['summary'],
      }),
      t,
    );
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.field).sort(), [
      'countries.0',
      'gcmObjectives.0',
      'periodEnd',
      'summary',
    ]);
    assert.match(result.errors.find((e) => e.field === 'periodEnd')!.message, /after the start/);
  });

  it('refuses a focal point of another organisation (403) and an organisation outside the network', async () => {
    await assert.rejects(
      commands.createPractice(database.db, world.otherFocal, draft(), t),
      (error: unknown) => error instanceof HttpProblem && error.kind === 'forbidden',
    );
    const outsider = await buildOrganisation(database.db);
    const result = await commands.createPractice(
      database.db,
      world.secretariat,
      draft({ organisationId: outsider.id }),
      t,
    );
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.field, 'organisationId');
  });
});

describe('the review workflow', () => {
  it('publishes after three reviews; the practice is then public and found', async () => {
    const id = await publish(draft());
    const view = await getPracticeView(database.db, null, id);
    assert.equal(view.status, 'published');
    const found = await searchPractices(database.db, { q: 'trata' });
    assert.deepEqual(
      found.hits.map((hit) => hit.id),
      [id],
    );
  });

  it('refuses to publish while a review is missing', async () => {
    const db = database.db;
    const created = value(await commands.createPractice(db, world.focal, draft(), t));
    value(await commands.submitPractice(db, world.focal, created.id, created.version, t));
    value(
      await assignReviewers(
        db,
        world.secretariat,
        created.id,
        {
          secretariatReviewer: world.reviewers.secretariat.userId,
          memberReviewers: world.reviewers.members.map((r) => r.userId),
        },
        t,
      ),
    );
    const practice = (await repo.findPractice(db, created.id))!;
    const result = await commands.publishPractice(db, world.secretariat, created.id, practice.version, t);
    assert.ok(!result.ok);
    assert.match(result.errors[0]!.message, /3 reviews are still missing/);
  });

  it('wants one secretariat reviewer and two from two member institutions other than the submitter', async () => {
    const db = database.db;
    const created = value(await commands.createPractice(db, world.focal, draft(), t));
    value(await commands.submitPractice(db, world.focal, created.id, created.version, t));
    const sameInstitution = await assignReviewers(
      db,
      world.secretariat,
      created.id,
      {
        secretariatReviewer: world.reviewers.secretariat.userId,
        memberReviewers: [world.reviewers.members[0].userId, world.reviewers.members[0].userId],
      },
      t,
    );
    assert.ok(!sameInstitution.ok);
    assert.equal(sameInstitution.errors[0]!.field, 'memberReviewers');
    const submitter = await assignReviewers(
      db,
      world.secretariat,
      created.id,
      {
        secretariatReviewer: world.reviewers.secretariat.userId,
        memberReviewers: [world.focal.userId, world.reviewers.members[0].userId],
      },
      t,
    );
    assert.ok(!submitter.ok);
    await assert.rejects(
      assignReviewers(db, world.focal, created.id, {}, t),
      (error: unknown) => error instanceof HttpProblem && error.kind === 'forbidden',
    );
  });

  it('keeps a reviewer who has answered in their seat when the reviewers are reassigned', async () => {
    const db = database.db;
    const created = value(await commands.createPractice(db, world.focal, draft(), t));
    value(await commands.submitPractice(db, world.focal, created.id, created.version, t));
    const seats = (secretariatReviewer: string) => ({
      secretariatReviewer,
      memberReviewers: world.reviewers.members.map((r) => r.userId),
    });
    value(
      await assignReviewers(db, world.secretariat, created.id, seats(world.reviewers.secretariat.userId), t),
    );
    value(
      await submitReview(
        db,
        world.reviewers.secretariat,
        created.id,
        {
          relevance: 4,
          effectiveness: 4,
          replicability: 3,
          sustainability: 3,
          recommendation: 'publish',
          comments: 'Well documented.',
        },
        t,
      ),
    );
    const replaced = await assignReviewers(
      db,
      world.secretariat,
      created.id,
      seats(world.secretariat.userId),
      t,
    );
    assert.ok(!replaced.ok);
    assert.deepEqual(
      replaced.errors.map((error) => error.field),
      ['secretariatReviewer'],
    );
    value(
      await assignReviewers(db, world.secretariat, created.id, seats(world.reviewers.secretariat.userId), t),
    );
    const reviews = await db
      .selectFrom('practice_reviews as r')
      .innerJoin('practice_versions as v', 'v.id', 'r.version_id')
      .select(['r.reviewer_id', 'r.submitted_at'])
      .where('v.practice_id', '=', created.id)
      .execute();
    assert.equal(reviews.length, 3);
    assert.equal(reviews.filter((review) => review.submitted_at !== null).length, 1);
  });

  it('returns a version with comments; the authors edit a new version and submit again', async () => {
    const db = database.db;
    const created = value(await commands.createPractice(db, world.focal, draft(), t));
    const submitted = value(await commands.submitPractice(db, world.focal, created.id, created.version, t));
    value(
      await commands.returnPractice(
        db,
        world.secretariat,
        created.id,
        submitted.version,
        'Add the results.',
        t,
      ),
    );
    const returned = (await repo.findPractice(db, created.id))!;
    assert.equal(returned.status, 'returned');
    const revised = value(
      await commands.revisePractice(
        db,
        world.focal,
        created.id,
        { ...draft(), results: { es: 'Cien víctimas protegidas.' }, version: returned.version },
        t,
      ),
    );
    assert.equal(revised.versionNumber, 2, 'the returned version is kept as the reviewers saw it');
    const versions = await listVersions(db, created.id);
    assert.deepEqual(
      versions.map((v) => [v.number, v.state]),
      [
        [2, 'draft'],
        [1, 'returned'],
      ],
    );
  });

  it('keeps a published practice public while its next revision is drafted, and diffs any two versions', async () => {
    const db = database.db;
    const id = await publish(draft());
    const published = (await repo.findPractice(db, id))!;
    const revised = value(
      await commands.revisePractice(
        db,
        world.focal,
        id,
        {
          ...draft(),
          title: { es: 'Protocolo binacional contra la trata y el tráfico de personas' },
          version: published.version,
        },
        t,
      ),
    );
    assert.equal(revised.versionNumber, 2);
    const publicView = await getPracticeView(db, null, id);
    assert.equal(publicView.shown.number, 1, 'the public still reads version 1');
    assert.equal(publicView.status, 'published');
    const working = await getPracticeView(db, world.focal, id, 'working');
    assert.equal(working.shown.number, 2);
    await assert.rejects(
      getPracticeView(db, null, id, 'working').then((v) => assert.equal(v.shown.number, 2)),
    );
    const before = (await repo.findVersionByNumber(db, id, 1))!;
    const after = (await repo.findVersionByNumber(db, id, 2))!;
    const changes = diffVersions(before.content, after.content);
    assert.equal(changes.length, 1);
    const change = changes[0]!;
    assert.ok(change.kind === 'text' && change.field === 'title' && change.lang === 'es');
    assert.ok(change.parts.some((part) => part.change === 'added' && part.text.includes('tráfico')));
  });

  it('answers a stale version with a conflict and changes nothing', async () => {
    const db = database.db;
    const created = value(await commands.createPractice(db, world.focal, draft(), t));
    value(
      await commands.revisePractice(db, world.focal, created.id, { ...draft(), version: created.version }, t),
    );
    const stale = await commands.revisePractice(
      db,
      world.focal,
      created.id,
      { ...draft(), title: { es: 'Otro título' }, version: created.version },
      t,
    );
    assert.ok(!stale.ok && 'conflict' in stale);
    const view = await getPracticeView(db, world.focal, created.id);
    assert.equal(view.shown.content.title.es, draft().title.es);
  });

  it('withdraws (gone from search, hidden from the public) and archives (readable, out of search)', async () => {
    const db = database.db;
    const first = await publish(draft());
    const second = await publish(draft({ title: { es: 'Retorno y reintegración de migrantes' } }));
    const firstRow = (await repo.findPractice(db, first))!;
    value(
      await commands.withdrawPractice(
        db,
        world.focal,
        first,
        firstRow.version,
        'Replaced by a new protocol',
        t,
      ),
    );
    await assert.rejects(getPracticeView(db, null, first), (error: unknown) => error instanceof HttpProblem);
    const secondRow = (await repo.findPractice(db, second))!;
    value(await commands.archivePractice(db, world.secretariat, second, secondRow.version, t));
    assert.equal((await getPracticeView(db, null, second)).status, 'archived');
    assert.equal((await searchPractices(db, {})).total, 0);
  });

  it('adds a translation as a new published version, recorded in the history', async () => {
    const db = database.db;
    const id = await publish(draft());
    const translatorUser = await buildUser(db, { roles: [{ networkId: world.networkId, role: 'member' }] });
    await db
      .updateTable('users')
      .set({ translator_languages: ['fr'] })
      .where('id', '=', translatorUser.id)
      .execute();
    const translator = await principal(translatorUser.id);
    await assert.rejects(
      commands.addTranslation(db, translator, id, 'pt', { title: 'Protocolo' }, t),
      (error: unknown) => error instanceof HttpProblem && error.kind === 'forbidden',
    );
    const result = value(
      await commands.addTranslation(
        db,
        translator,
        id,
        'fr',
        { title: 'Protocole binational contre la traite' },
        t,
      ),
    );
    assert.equal(result.versionNumber, 2);
    const view = await getPracticeView(db, null, id);
    assert.equal(view.shown.content.title.fr, 'Protocole binational contre la traite');
    assert.equal(view.shown.kind, 'translation');
    assert.equal(view.translation.fr, 'partial');
  });
});

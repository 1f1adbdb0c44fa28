/**
 * The authorization matrix, generated from the route table: every route is called as the public,
 * a member, a focal point of another organisation, a focal point of the owning organisation, the
 * secretariat and an admin, and the answer must follow the route's declared access. A new route
 * joins simply by declaring `config.access` (and `config.harness` when it needs fixtures).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Access } from '../src/http/access.ts';
import type { RouteEntry } from '../src/http/app.ts';
import { L } from '../src/web/routes.ts';
import { Agent, buildTestApp, type TestContext } from './support/app.ts';
import { closeTestDatabase } from './support/database.ts';
import { jobsFixtures } from './support/fixtures.jobs.ts';
import { meetingsFixtures } from './support/fixtures.meetings.ts';
import { meetingsRecordFixtures } from './support/fixtures.meetings-record.ts';
import { questionsFixtures } from './support/fixtures.questions.ts';
import { subscriptionsFixtures } from './support/fixtures.subscriptions.ts';
import { updatesFixtures } from './support/fixtures.updates.ts';
import type { MatrixEnv, MatrixFixture } from './support/matrix-env.ts';
import {
  ACTOR_NAMES,
  type Actor,
  type ActorName,
  buildActors,
  buildApiToken,
  buildCooperationItem,
  buildCooperationRecord,
  buildIndicator,
  buildMatch,
  buildOrganisation,
  buildPractice,
} from './support/factories.ts';

/** Written out by hand, independently of the code that enforces it. */
const ALLOWED: Record<Access, readonly ActorName[]> = {
  public: ACTOR_NAMES,
  'signed-in': ['member', 'focalOther', 'focalOwn', 'secretariat', 'admin'],
  member: ['member', 'focalOther', 'focalOwn', 'secretariat', 'admin'],
  'own-organisation': ['focalOwn', 'secretariat', 'admin'],
  secretariat: ['secretariat', 'admin'],
  admin: ['admin'],
};

let ctx: TestContext;
let actors: Record<ActorName, Actor>;
let fixtures: Awaited<ReturnType<typeof buildActors>>;
/** An organisation none of the callers belongs to. */
let thirdOrganisationId: string;

/** Values for the path parameters that routes name in `harness.params`, made for each caller. */
const FIXTURES: Record<string, (actor: Actor) => Promise<string>> = {
  ownApiToken: async (actor) =>
    actor.userId ? (await buildApiToken(ctx.database.db, actor.userId, 'fixture')).id : crypto.randomUUID(),
  /** The organisation that `focalOwn` belongs to and `focalOther` does not. */
  owningOrganisation: async () => fixtures.owningOrganisation.id,
  otherOrganisation: async () => fixtures.otherOrganisation.id,
  /** The network where `member`, the focal points and `secretariat` hold their roles: its slug, its id. */
  networkSlug: async () => fixtures.network.slug,
  networkId: async () => fixtures.network.id,
  /** A fresh draft of the owning organisation in the network, made for each call. */
  ownPractice: async () => (await buildPractice(ctx.database.db, practiceOwner())).id,
  publishedPractice: async () =>
    (await buildPractice(ctx.database.db, { ...practiceOwner(), published: true })).id,
  /** A practice under review where the caller, if signed in, is one of the reviewers. */
  practiceReviewedByCaller: async (actor) =>
    (await buildPractice(ctx.database.db, { ...practiceOwner(), reviewerId: actor.userId })).id,
  /** Spanish, the language `translatablePractice` can be translated into. */
  translationLanguage: async () => 'es',
  /** A published practice, the caller (if signed in) being a translator into Spanish. */
  translatablePractice: async (actor) =>
    (
      await buildPractice(ctx.database.db, {
        ...practiceOwner(),
        published: true,
        translatorId: actor.userId,
      })
    ).id,
  /** A fresh open offer (demand) of the owning organisation, visible to the network only. */
  ownOffer: async () => (await buildCooperationItem(ctx.database.db, { side: 'offer', ...networkOnly() })).id,
  ownDemand: async () =>
    (await buildCooperationItem(ctx.database.db, { side: 'demand', ...networkOnly() })).id,
  /** A public offer (demand) of the owning organisation. */
  publicOffer: async () =>
    (await buildCooperationItem(ctx.database.db, { side: 'offer', ...practiceOwner() })).id,
  publicDemand: async () =>
    (await buildCooperationItem(ctx.database.db, { side: 'demand', ...practiceOwner() })).id,
  /** A match between the owning organisation's demand and the other organisation's offer. */
  ownMatch: async () =>
    (
      await buildMatch(ctx.database.db, {
        networkId: fixtures.network.id,
        demandOrganisationId: fixtures.owningOrganisation.id,
        offerOrganisationId: fixtures.otherOrganisation.id,
      })
    ).id,
  /** A cooperation record under way where the owning organisation is a party (the other organisation is not). */
  ownRecord: async () => buildCooperationRecord(ctx.database.db, recordParties()),
  /** A completed (so public) cooperation record where the owning organisation is a party. */
  completedRecord: async () =>
    buildCooperationRecord(ctx.database.db, { ...recordParties(), status: 'completed' }),
  /** An indicator of the network, with one value. */
  networkIndicator: async () => buildIndicator(ctx.database.db, { networkId: fixtures.network.id }),
  /** An indicator of a record under way where the owning organisation is a party. */
  ownRecordIndicator: async () =>
    buildIndicator(ctx.database.db, {
      networkId: fixtures.network.id,
      recordId: await buildCooperationRecord(ctx.database.db, recordParties()),
    }),
  /** An open public offer of a third organisation (no caller's): proposing it with `ownDemand` makes focalOther no party. */
  thirdOrganisationOffer: async () =>
    (
      await buildCooperationItem(ctx.database.db, {
        side: 'offer',
        networkId: fixtures.network.id,
        organisationId: thirdOrganisationId,
      })
    ).id,
  /** A match of the owning organisation's demand with a third organisation's offer: focalOther is no party of it. */
  ownMatchWithThird: async () =>
    (
      await buildMatch(ctx.database.db, {
        networkId: fixtures.network.id,
        demandOrganisationId: fixtures.owningOrganisation.id,
        offerOrganisationId: thirdOrganisationId,
      })
    ).id,
  /** The owning organisation as the one party of a new record: an array, for JSON bodies (POST/PUT /api/v1/cooperation). */
  ownParties: async () =>
    [{ organisationId: fixtures.owningOrganisation.id, role: 'provider' }] as unknown as string,
};

/** The fixtures of the domains that keep theirs in `test/support/fixtures.<domain>.ts`. */
const DOMAIN_FIXTURES: Record<string, MatrixFixture> = {
  ...jobsFixtures,
  ...meetingsFixtures,
  ...meetingsRecordFixtures,
  ...updatesFixtures,
  ...questionsFixtures,
  ...subscriptionsFixtures,
};

const matrixEnv = (): MatrixEnv => ({
  db: ctx.database.db,
  networkId: fixtures.network.id,
  networkSlug: fixtures.network.slug,
  owningOrganisationId: fixtures.owningOrganisation.id,
  otherOrganisationId: fixtures.otherOrganisation.id,
  thirdOrganisationId,
  actors,
});

/** A fixture's value for a caller, wherever the fixture is defined. */
async function fixtureValue(name: string, actor: Actor): Promise<string> {
  const local = FIXTURES[name];
  if (local) return local(actor);
  const domain = DOMAIN_FIXTURES[name];
  if (!domain) throw new Error(`no authorization-matrix fixture named ${name}`);
  return domain(actor, matrixEnv());
}

const networkOnly = () => ({ ...practiceOwner(), visibility: 'network' as const });

/** The owning organisation as provider; a third organisation, outside the matrix's callers, as beneficiary. */
const recordParties = () => ({
  networkId: fixtures.network.id,
  providerId: fixtures.owningOrganisation.id,
  beneficiaryId: thirdOrganisationId,
});

const practiceOwner = () => ({
  organisationId: fixtures.owningOrganisation.id,
  networkId: fixtures.network.id,
});

before(async () => {
  ctx = await buildTestApp();
  fixtures = await buildActors(ctx.database.db);
  actors = fixtures.actors;
  thirdOrganisationId = (await buildOrganisation(ctx.database.db, { name: { en: 'Third organisation' } })).id;
});
after(async () => {
  await ctx.close();
  await closeTestDatabase();
});

async function concreteUrl(route: RouteEntry, actor: Actor): Promise<string> {
  let url = route.url.replace(L, '/en');
  for (const match of url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    const name = match[1]!;
    const fixture = route.config.harness?.params?.[name];
    const value = fixture ? await fixtureValue(fixture, actor) : crypto.randomUUID();
    url = url.replace(`:${name}`, value);
  }
  return url;
}

async function call(route: RouteEntry, actor: Actor) {
  const url = await concreteUrl(route, actor);
  const agent = new Agent(ctx.app);
  const isApi = url.startsWith('/api/');
  if (isApi) agent.bearer = actor.apiToken;
  else if (actor.sessionCookie) agent.cookies.set('puente_session', actor.sessionCookie);
  const body: Record<string, unknown> = { ...route.config.harness?.body };
  for (const [field, fixture] of Object.entries(route.config.harness?.bodyParams ?? {}))
    body[field] = await fixtureValue(fixture, actor);
  if (route.method === 'GET') return agent.get(url);
  if (isApi) return agent.json(route.method as 'POST', url, route.method === 'DELETE' ? undefined : body);
  return agent.postForm(url, Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])));
}

describe('authorization matrix', () => {
  it('covers every route, and every route declares its access', () => {
    assert.ok(ctx.app.routeTable.length > 10);
    for (const route of ctx.app.routeTable) assert.ok(route.config.access, `${route.method} ${route.url}`);
  });

  it('answers each caller of each route as its declared access says', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of ctx.app.routeTable) {
      if (route.config.harness?.skipMatrix || route.url.startsWith('/assets/')) continue;
      const access = route.config.access!;
      for (const name of ACTOR_NAMES) {
        const response = await call(route, actors[name]);
        const allowed = ALLOWED[access].includes(name);
        const status = response.statusCode;
        checked++;
        if (status >= 500) failures.push(`${route.method} ${route.url} as ${name}: ${status}`);
        else if (allowed && (status === 401 || status === 403))
          failures.push(
            `${route.method} ${route.url} as ${name}: denied (${status}) but ${access} allows it`,
          );
        else if (!allowed && status !== (name === 'public' ? 401 : 403)) {
          failures.push(
            `${route.method} ${route.url} as ${name}: ${status}, expected ${name === 'public' ? 401 : 403} (${access})`,
          );
        }
      }
    }
    assert.ok(checked > 60, `checked ${checked} calls`);
    assert.deepEqual(failures, []);
  });
});

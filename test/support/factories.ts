import crypto from 'node:crypto';
import type { Db } from '../../src/db/schema.ts';
import { grantNetworkRole, hashPassword, insertUser } from '../../src/accounts/index.ts';
import { insertNetwork, insertOrganisation } from '../../src/directory/index.ts';
import { hashToken, newToken, API_TOKEN_PREFIX } from '../../src/accounts/accounts.secrets.ts';
import { insertApiToken, insertSession } from '../../src/accounts/accounts.repository.ts';
import type { Lang } from '../../src/web/language.ts';
import * as practices from '../../src/practices/practices.repository.ts';
import { completenessOf, toContent } from '../../src/practices/practices.content.ts';
import { makePublic } from '../../src/practices/practices.commands.ts';
import type { PracticeContentInput } from '../../src/practices/practices.schemas.ts';
import * as cooperation from '../../src/cooperation/cooperation.repository.ts';

let counter = 0;
const unique = () => `${process.pid}-${++counter}-${crypto.randomBytes(2).toString('hex')}`;

export async function buildNetwork(db: Db, overrides: { slug?: string; name?: Record<string, string> } = {}) {
  const slug = overrides.slug ?? `network-${unique()}`;
  const { id } = await insertNetwork(db, {
    slug,
    name: overrides.name ?? { en: `Network ${slug}` },
    description: {},
  });
  return { id, slug };
}

export async function buildOrganisation(
  db: Db,
  overrides: { name?: Record<string, string>; acronym?: Record<string, string> } = {},
) {
  const { id } = await insertOrganisation(db, {
    name: overrides.name ?? { en: `Organisation ${unique()}` },
    acronym: overrides.acronym ?? {},
  });
  return { id };
}

// Hashing with argon2id is slow on purpose: hash the usual test password once per process.
let defaultHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface BuiltUser {
  id: string;
  email: string;
  password: string;
}

export async function buildUser(
  db: Db,
  overrides: {
    email?: string;
    name?: string;
    password?: string;
    locale?: Lang;
    isAdmin?: boolean;
    organisationId?: string | null;
    roles?: { networkId: string; role: 'secretariat' | 'member' }[];
  } = {},
): Promise<BuiltUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash = overrides.password
    ? await hashPassword(password)
    : await (defaultHash ??= hashPassword(TEST_PASSWORD));
  const email = overrides.email ?? `user-${unique()}@example.org`;
  const { id } = await insertUser(db, {
    email,
    name: overrides.name ?? 'Test User',
    passwordHash,
    locale: overrides.locale ?? 'en',
    isAdmin: overrides.isAdmin ?? false,
    organisationId: overrides.organisationId ?? null,
  });
  for (const role of overrides.roles ?? []) await grantNetworkRole(db, id, role.networkId, role.role);
  return { id, email, password };
}

/** Opens a session for a user without going through the sign-in form; returns the cookie value. */
export async function buildSession(db: Db, userId: string): Promise<string> {
  const token = newToken();
  await insertSession(db, hashToken(token), userId, new Date(Date.now() + 86_400_000));
  return token;
}

export async function buildApiToken(
  db: Db,
  userId: string,
  name = 'test',
): Promise<{ id: string; token: string }> {
  const token = newToken(API_TOKEN_PREFIX);
  const row = await insertApiToken(db, {
    userId,
    name,
    tokenHash: hashToken(token),
    tokenPrefix: token.slice(0, 10),
  });
  return { id: row.id, token };
}

export type ActorName = 'public' | 'member' | 'focalOther' | 'focalOwn' | 'secretariat' | 'admin';
export const ACTOR_NAMES: readonly ActorName[] = [
  'public',
  'member',
  'focalOther',
  'focalOwn',
  'secretariat',
  'admin',
];

export interface Actor {
  name: ActorName;
  userId: string | null;
  sessionCookie: string | null;
  apiToken: string | null;
}

/**
 * The six callers of the authorization matrix, in one network: the public, a plain member, a
 * focal point of another organisation, a focal point of the owning organisation, the network's
 * secretariat and an instance admin. `fixtures` holds ids that routes' `harness.params` name.
 */
export async function buildActors(db: Db) {
  const network = await buildNetwork(db, { slug: 'matrix-network' });
  const owning = await buildOrganisation(db, { name: { en: 'Owning organisation' } });
  const other = await buildOrganisation(db, { name: { en: 'Other organisation' } });
  const specs: Record<Exclude<ActorName, 'public'>, Parameters<typeof buildUser>[1]> = {
    member: { roles: [{ networkId: network.id, role: 'member' }] },
    focalOther: { organisationId: other.id, roles: [{ networkId: network.id, role: 'member' }] },
    focalOwn: { organisationId: owning.id, roles: [{ networkId: network.id, role: 'member' }] },
    secretariat: { roles: [{ networkId: network.id, role: 'secretariat' }] },
    admin: { isAdmin: true },
  };
  const actors: Record<ActorName, Actor> = {
    public: { name: 'public', userId: null, sessionCookie: null, apiToken: null },
  } as Record<ActorName, Actor>;
  for (const [name, spec] of Object.entries(specs) as [
    Exclude<ActorName, 'public'>,
    Parameters<typeof buildUser>[1],
  ][]) {
    const user = await buildUser(db, {
      ...spec,
      email: `${name.toLowerCase()}-${unique()}@example.org`,
      name,
    });
    actors[name] = {
      name,
      userId: user.id,
      sessionCookie: await buildSession(db, user.id),
      apiToken: (await buildApiToken(db, user.id)).token,
    };
  }
  return { actors, network, owningOrganisation: owning, otherOrganisation: other };
}

/**
 * A practice of an organisation in a network (made a member if it is not): a draft, or published,
 * or under review with `reviewerId` as one of its reviewers; `translatorId` becomes a translator
 * into Spanish.
 */
export async function buildPractice(
  db: Db,
  options: {
    organisationId: string;
    networkId: string;
    published?: boolean;
    reviewerId?: string | null;
    translatorId?: string | null;
    content?: Partial<PracticeContentInput>;
  },
) {
  await db
    .insertInto('network_memberships')
    .values({ network_id: options.networkId, organisation_id: options.organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const content = toContent({
    originalLanguage: 'en',
    title: { en: `Practice ${unique()}` },
    summary: { en: 'A practice built by the test factories.' },
    ...options.content,
  });
  const id = await practices.insertPracticeRow(db, {
    networkId: options.networkId,
    organisationId: options.organisationId,
    callId: null,
    createdBy: null,
  });
  const versionId = await practices.insertVersionRow(db, {
    practiceId: id,
    number: 1,
    state: options.reviewerId ? 'in-review' : 'draft',
    content,
    completeness: completenessOf(content),
    createdBy: null,
  });
  await practices.updatePracticeRow(db, id, {
    workingVersionId: versionId,
    ...(options.reviewerId ? { status: 'in-review' as const } : {}),
  });
  if (options.published) {
    const row = (await practices.findPractice(db, id))!;
    await makePublic(db, row, (await practices.findVersion(db, versionId))!, null);
  }
  if (options.reviewerId) {
    await db
      .insertInto('practice_reviews')
      .values({ version_id: versionId, reviewer_id: options.reviewerId, seat: 'member' })
      .execute();
  }
  if (options.translatorId) {
    await db
      .updateTable('users')
      .set({ translator_languages: ['es'] })
      .where('id', '=', options.translatorId)
      .execute();
  }
  return { id, versionId };
}

async function ensureMember(db: Db, networkId: string, organisationId: string) {
  await db
    .insertInto('network_memberships')
    .values({ network_id: networkId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** An offer or a demand of an organisation in a network (made a member if it is not): open and public unless told. */
export async function buildCooperationItem(
  db: Db,
  options: {
    side: 'offer' | 'demand';
    organisationId: string;
    networkId: string;
  } & Partial<cooperation.NewCooperationItem>,
) {
  await ensureMember(db, options.networkId, options.organisationId);
  const id = await cooperation.insertItemRow(db, {
    originalLanguage: 'en',
    title: { en: `${options.side === 'offer' ? 'Offer' : 'Demand'} ${unique()}` },
    description: { en: 'Built by the test factories.' },
    kind: 'technical-assistance',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10'],
    countries: ['MX'],
    regions: [],
    workingLanguages: ['es'],
    startsOn: null,
    endsOn: null,
    capacity: null,
    budgetAmount: null,
    budgetCurrency: null,
    status: 'open',
    visibility: 'public',
    createdBy: null,
    ...options,
  });
  return (await cooperation.findItem(db, id))!;
}

/** A match at "proposed" between a demand of `demandOrganisationId` and an offer of `offerOrganisationId`. */
export async function buildMatch(
  db: Db,
  options: { networkId: string; demandOrganisationId: string; offerOrganisationId: string },
) {
  const demand = await buildCooperationItem(db, {
    side: 'demand',
    networkId: options.networkId,
    organisationId: options.demandOrganisationId,
  });
  const offer = await buildCooperationItem(db, {
    side: 'offer',
    networkId: options.networkId,
    organisationId: options.offerOrganisationId,
  });
  const id = await cooperation.insertMatchRow(db, {
    networkId: options.networkId,
    demandId: demand.id,
    offerId: offer.id,
    score: null,
    explanation: [],
    proposedBy: null,
    occurredOn: new Date().toISOString().slice(0, 10),
    note: null,
  });
  return { id, demand, offer };
}

/** A cooperation record of a network between two organisations (a provider and a beneficiary). */
export async function buildCooperationRecord(
  db: Db,
  options: {
    networkId: string;
    providerId: string;
    beneficiaryId: string;
    status?: 'planned' | 'under-way' | 'completed';
  },
) {
  await ensureMember(db, options.networkId, options.providerId);
  await ensureMember(db, options.networkId, options.beneficiaryId);
  return cooperation.insertRecordRow(db, {
    networkId: options.networkId,
    matchId: null,
    originalLanguage: 'en',
    title: { en: `Cooperation ${unique()}` },
    summary: { en: 'Built by the test factories.' },
    activities: {},
    results: {},
    resources: {},
    modality: 'bilateral',
    thematicAreas: ['counter-trafficking'],
    gcmObjectives: ['10'],
    countries: ['MX', 'GT'],
    startsOn: '2025-01-01',
    endsOn: null,
    budgetAmount: null,
    budgetCurrency: null,
    status: options.status ?? 'under-way',
    createdBy: null,
    parties: [
      { organisationId: options.providerId, role: 'provider' },
      { organisationId: options.beneficiaryId, role: 'beneficiary' },
    ],
    practiceIds: [],
  });
}

/** An indicator of a network (or of a record, given `recordId`), a count from 0 to 10, with one value. */
export async function buildIndicator(db: Db, options: { networkId: string; recordId?: string }) {
  const id = await cooperation.insertIndicatorRow(db, {
    networkId: options.networkId,
    scope: options.recordId ? 'record' : 'network',
    recordId: options.recordId ?? null,
    gcmObjective: null,
    originalLanguage: 'en',
    name: { en: `Indicator ${unique()}` },
    description: {},
    unitType: 'count',
    unit: { en: 'people trained' },
    currency: null,
    baselineValue: 0,
    baselineOn: '2024-01-01',
    targetValue: 10,
    targetOn: '2026-12-31',
    createdBy: null,
  });
  await cooperation.insertIndicatorValueRow(db, {
    indicatorId: id,
    value: 4,
    measuredOn: '2025-06-30',
    source: 'Test factories',
    note: null,
    authorId: null,
  });
  return id;
}

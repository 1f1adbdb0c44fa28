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

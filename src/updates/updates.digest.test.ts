import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import { buildNetwork, buildOrganisation, buildUser } from '../../test/support/factories.ts';
import { buildUpdate, principalOf } from '../../test/support/fixtures.updates.ts';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { recentUpdatesFor, updatesForDigest } from './index.ts';

let db: Db;
let world: {
  americas: { id: string; slug: string };
  perco: { id: string; slug: string };
  americasMember: Principal;
  percoMember: Principal;
  focal: Principal;
  admin: Principal;
  posts: Record<string, string>;
};
const day = 86_400_000;
const now = Date.now();
const ago = (days: number) => new Date(now - days * day);

before(async () => {
  db = (await testDatabase()).db;
  await resetDatabase(db);
  const americas = await buildNetwork(db, { slug: 'americas-mwg' });
  const perco = await buildNetwork(db, { slug: 'perco' });
  const cruzRoja = await buildOrganisation(db, { name: { es: 'Cruz Roja Colombiana' } });
  await db
    .insertInto('network_memberships')
    .values({ network_id: americas.id, organisation_id: cruzRoja.id })
    .execute();
  const user = async (spec: Parameters<typeof buildUser>[1]) =>
    principalOf(db, (await buildUser(db, spec)).id);
  const posts: Record<string, string> = {};
  const post = async (key: string, spec: Omit<Parameters<typeof buildUpdate>[1], 'title'>) =>
    (posts[key] = (await buildUpdate(db, { ...spec, title: key })).id);
  await post('public-darien', {
    networkId: americas.id,
    category: 'migration-routes',
    countries: ['PA', 'CO'],
    visibility: 'public',
    language: 'es',
    publishedAt: ago(2),
  });
  await post('members-funding', {
    networkId: americas.id,
    category: 'funding',
    countries: ['CO'],
    publishedAt: ago(1),
  });
  await post('perco-members', { networkId: perco.id, category: 'funding', publishedAt: ago(1.5) });
  await post('old-public', { networkId: americas.id, visibility: 'public', publishedAt: ago(40) });
  await post('withdrawn', {
    networkId: americas.id,
    visibility: 'public',
    status: 'withdrawn',
    publishedAt: ago(1),
  });
  world = {
    americas,
    perco,
    americasMember: await user({ roles: [{ networkId: americas.id, role: 'member' }] }),
    percoMember: await user({ roles: [{ networkId: perco.id, role: 'member' }] }),
    // A focal point whose organisation is a member: a member of the network through it.
    focal: await user({ organisationId: cruzRoja.id }),
    admin: await user({ isAdmin: true }),
    posts,
  };
});
after(() => closeTestDatabase());

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

describe('updatesForDigest', () => {
  it('gives the public only public posts published after `since`, newest first, never withdrawn ones', async () => {
    const rows = await updatesForDigest(db, null, {}, ago(30), 10);
    assert.deepEqual(titles(rows), ['public-darien']);
    const [row] = rows;
    assert.equal(row!.path, `/updates/${world.posts['public-darien']}`);
    assert.equal(row!.language, 'es');
    assert.deepEqual(row!.countries, ['PA', 'CO']);
    assert.equal(row!.category, 'migration-routes');
    assert.ok(row!.publishedAt instanceof Date);
    assert.ok(row!.networkName);
  });

  it('gives a network’s members its members-only posts, but not another network’s', async () => {
    assert.deepEqual(titles(await updatesForDigest(db, world.americasMember, {}, ago(30), 10)), [
      'members-funding',
      'public-darien',
    ]);
    assert.deepEqual(titles(await updatesForDigest(db, world.focal, {}, ago(30), 10)), [
      'members-funding',
      'public-darien',
    ]);
    assert.deepEqual(titles(await updatesForDigest(db, world.percoMember, {}, ago(30), 10)), [
      'perco-members',
      'public-darien',
    ]);
    assert.equal((await updatesForDigest(db, world.admin, {}, ago(30), 10)).length, 3);
  });

  it('narrows by category, country and network (slug or id), the filters combining', async () => {
    const reader = world.admin;
    assert.deepEqual(titles(await updatesForDigest(db, reader, { category: ['funding'] }, ago(30), 10)), [
      'members-funding',
      'perco-members',
    ]);
    assert.deepEqual(
      titles(await updatesForDigest(db, reader, { category: ['funding'], country: ['CO'] }, ago(30), 10)),
      ['members-funding'],
    );
    assert.deepEqual(titles(await updatesForDigest(db, reader, { network: ['perco'] }, ago(30), 10)), [
      'perco-members',
    ]);
    assert.deepEqual(titles(await updatesForDigest(db, reader, { network: [world.perco.id] }, ago(30), 10)), [
      'perco-members',
    ]);
    assert.deepEqual(
      titles(await updatesForDigest(db, reader, { country: ['PA'], network: ['perco'] }, ago(30), 10)),
      [],
    );
  });

  it('respects `since` and `limit`', async () => {
    assert.deepEqual(titles(await updatesForDigest(db, world.admin, {}, ago(1.2), 10)), ['members-funding']);
    assert.deepEqual(titles(await updatesForDigest(db, world.admin, {}, ago(30), 1)), ['members-funding']);
    assert.equal((await updatesForDigest(db, null, {}, ago(60), 10)).length, 2, 'the old public post too');
  });
});

describe('recentUpdatesFor', () => {
  it('lists the newest posts the reader may see', async () => {
    assert.deepEqual(titles(await recentUpdatesFor(db, world.americasMember, 2)), [
      'members-funding',
      'public-darien',
    ]);
    assert.deepEqual(titles(await recentUpdatesFor(db, null, 5)), ['public-darien', 'old-public']);
  });
});

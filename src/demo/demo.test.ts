import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { checkOrganisationRow } from '../directory/exchange.ts';
import { isCode } from '../reference/index.ts';
import { translator } from '../web/i18n.ts';
import { COALITION_MEMBERS, DEMO_ORGANISATIONS } from './demo.data.ts';
import { loadDemo, loadDemoOnFirstStart } from './index.ts';
import type { PracticeContent } from '../practices/practices.schemas.ts';
import { searchPractices } from '../practices/practices.search.ts';

let database: DatabaseHandle;

before(async () => {
  database = await testDatabase();
  await resetDatabase(database.db);
});
after(() => closeTestDatabase());

async function count(query: ReturnType<typeof sql<{ count: string }>>): Promise<number> {
  const { rows } = await query.execute(database.db);
  return Number(rows[0]!.count);
}

describe('the demo network', () => {
  it('has organisations that pass the directory’s own rules', () => {
    const t = translator('en');
    for (const organisation of DEMO_ORGANISATIONS) {
      assert.deepEqual(checkOrganisationRow(structuredClone(organisation), t), [], organisation.key);
      assert.ok(isCode('stakeholder-groups', organisation.stakeholderGroup));
    }
  });

  it('loads on the first start, in one go, and only once', async () => {
    const accounts = await loadDemoOnFirstStart(database.db);
    assert.ok(accounts?.some((account) => account.email === 'secretariat@demo.puente.example'));
    assert.equal(await loadDemoOnFirstStart(database.db), null);
    await assert.rejects(loadDemo(database.db)); // a second load collides and leaves nothing half-done
    assert.equal(
      await count(sql`SELECT count(*)::text AS count FROM organisations`),
      DEMO_ORGANISATIONS.length,
    );
  });

  it('has the fifteen NGOs of the coalition, with its four advocacy themes', async () => {
    assert.equal(COALITION_MEMBERS.length, 15);
    const members = await count(sql`
      SELECT count(*)::text AS count FROM network_memberships m JOIN networks n ON n.id = m.network_id
      WHERE n.slug = 'northern-triangle-ngo-group'`);
    assert.ok(members >= 15);
    const { rows } = await sql<{ objectives: { fr: string } }>`
      SELECT objectives FROM networks WHERE slug = 'northern-triangle-ngo-group'`.execute(database.db);
    assert.match(rows[0]!.objectives.fr, /a\).*b\).*c\).*d\)/s);
  });

  it('has the ICRC as observer of the Americas working group, which lacked funds in 2016', async () => {
    const { rows } = await sql<{ role: string; funding_status: string; funding_year: number }>`
      SELECT m.role, n.funding_status, n.funding_year FROM network_memberships m
      JOIN networks n ON n.id = m.network_id JOIN organisations o ON o.id = m.organisation_id
      WHERE n.slug = 'americas-mwg' AND o.acronym->>'en' = 'ICRC'`.execute(database.db);
    assert.deepEqual(rows, [{ role: 'observer', funding_status: 'partly-funded', funding_year: 2016 }]);
  });

  it('has IOM in relationships of at least three kinds, and NGOs with observer status at IOM', async () => {
    const kinds = await count(sql`
      SELECT count(DISTINCT r.kind)::text AS count FROM organisation_relationships r
      JOIN organisations o ON o.id = r.related_organisation_id WHERE o.acronym->>'en' = 'IOM'`);
    assert.ok(kinds >= 3, `${kinds} kinds`);
    const observers = await count(sql`
      SELECT count(*)::text AS count FROM organisation_accreditations a
      JOIN organisations o ON o.id = a.accrediting_organisation_id
      WHERE o.acronym->>'en' = 'IOM' AND a.kind = 'observer status'`);
    assert.ok(observers >= 3);
  });

  it('has RICOMI coordinated by the OAS, with national migration authorities as members', async () => {
    const { rows } = await sql<{ coordinator: string; authorities: string }>`
      SELECT c.acronym->>'en' AS coordinator,
        (SELECT count(*) FROM network_memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.network_id = n.id AND o.stakeholder_group = 'government')::text AS authorities
      FROM networks n JOIN organisations c ON c.id = n.coordinating_organisation_id
      WHERE n.slug = 'ricomi'`.execute(database.db);
    assert.equal(rows[0]!.coordinator, 'OAS');
    assert.ok(Number(rows[0]!.authorities) >= 3);
    const perco = await sql<{
      year_founded: number;
    }>`SELECT year_founded FROM networks WHERE slug = 'perco'`.execute(database.db);
    assert.equal(perco.rows[0]!.year_founded, 1997);
  });

  it('publishes the coalition practice of seed 000 with P1 and P4 and its fields not communicated', async () => {
    const { rows } = await sql<{ content: PracticeContent; status: string }>`
      SELECT v.content, p.status FROM practices p JOIN practice_versions v ON v.id = p.published_version_id
      WHERE v.content->'title'->>'fr' LIKE 'Plaidoyer commun%'`.execute(database.db);
    assert.equal(rows.length, 1);
    const content = rows[0]!.content;
    assert.deepEqual(content.smartPrinciples, ['P1', 'P4']);
    assert.deepEqual([...content.notCommunicated].sort(), ['challenges', 'lessonsLearned', 'results']);
    assert.match(content.description.fr!, /Kids in Need of Defence/);
  });

  it('has practices at every stage of review, and published ones found across languages', async () => {
    const { rows } = await sql<{ status: string; n: number }>`
      SELECT status, count(*)::int AS n FROM practices GROUP BY status`.execute(database.db);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    assert.ok(byStatus.published! >= 45, JSON.stringify(byStatus));
    for (const status of ['draft', 'submitted', 'in-review', 'returned']) assert.ok(byStatus[status], status);
    const trafficking = await searchPractices(database.db, { q: 'trafficking' });
    assert.ok(trafficking.facets.language.length >= 3, 'found in at least three languages');
  });
});

import type { Db, Executor } from '../db/schema.ts';
import { getSetting, setSetting } from '../db/instance.ts';
import { grantNetworkRole, hashPassword, insertUser } from '../accounts/index.ts';
import {
  DEMO_ACCREDITATIONS,
  DEMO_MEMBERSHIPS,
  DEMO_NETWORKS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_RELATIONSHIPS,
  DEMO_USERS,
  type DemoNetwork,
  type DemoOrganisation,
} from './demo.data.ts';
import { loadDemoPractices } from './demo.practices.load.ts';
import { loadDemoCooperation } from './demo.cooperation.ts';
import type { NetworkLifeIds } from './demo.ids.ts';
import { loadDemoMeetings } from './demo.meetings.ts';
import { loadDemoQuestions } from './demo.questions.ts';
import { loadDemoSubscriptions } from './demo.subscriptions.ts';
import { loadDemoUpdates } from './demo.updates.ts';

export interface DemoAccount {
  email: string;
  role: string;
  password: string;
}

/** Loads the demo network once, on the first start of an empty instance. */
export async function loadDemoOnFirstStart(db: Db): Promise<DemoAccount[] | null> {
  if ((await getSetting(db, 'demo_loaded_at')) !== null) return null;
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  return loadDemo(db);
}

// The demo writes the directory's tables directly: its data is checked by demo.test.ts against
// the same reference vocabularies as the directory's commands.

async function insertDemoOrganisation(tx: Executor, organisation: DemoOrganisation): Promise<string> {
  const row = await tx
    .insertInto('organisations')
    .values({
      name: JSON.stringify(organisation.name),
      acronym: JSON.stringify(organisation.acronym ?? {}),
      stakeholder_group: organisation.stakeholderGroup,
      headquarters_country: organisation.headquartersCountry,
      countries_served: organisation.countriesServed,
      thematic_areas: organisation.thematicAreas,
      website: organisation.website,
      description: JSON.stringify(organisation.description),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertDemoNetwork(
  tx: Executor,
  network: DemoNetwork,
  organisationIds: Map<string, string>,
): Promise<string> {
  const row = await tx
    .insertInto('networks')
    .values({
      slug: network.slug,
      name: JSON.stringify(network.name),
      description: JSON.stringify(network.description),
      kind: network.kind,
      region: network.region,
      year_founded: network.yearFounded,
      objectives: JSON.stringify(network.objectives ?? {}),
      coordinating_organisation_id: network.coordinator ? organisationIds.get(network.coordinator)! : null,
      meeting_cadence: JSON.stringify(network.meetingCadence ?? {}),
      funding_status: network.fundingStatus ?? null,
      funding_note: JSON.stringify(network.fundingNote ?? {}),
      funding_year: network.fundingYear ?? null,
      countries: network.countries,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Loads the demo network in one transaction: all of it or nothing. */
export async function loadDemo(db: Db): Promise<DemoAccount[]> {
  // One hash for the shared demo password: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS)
      organisationIds.set(organisation.key, await insertDemoOrganisation(tx, organisation));
    const organisationId = (key: string) => {
      const id = organisationIds.get(key);
      if (!id) throw new Error(`demo data: no organisation "${key}"`);
      return id;
    };
    const networkIds = new Map<string, string>();
    for (const network of DEMO_NETWORKS)
      networkIds.set(network.slug, await insertDemoNetwork(tx, network, organisationIds));
    for (const [slug, memberships] of Object.entries(DEMO_MEMBERSHIPS)) {
      await tx
        .insertInto('network_memberships')
        .values(
          memberships.map((membership) => ({
            network_id: networkIds.get(slug)!,
            organisation_id: organisationId(membership.organisation),
            role: membership.role,
            since: membership.since ?? null,
          })),
        )
        .execute();
    }
    await tx
      .insertInto('organisation_relationships')
      .values(
        DEMO_RELATIONSHIPS.map((relationship) => ({
          organisation_id: organisationId(relationship.organisation),
          related_organisation_id: organisationId(relationship.related),
          kind: relationship.kind,
          note: relationship.note,
        })),
      )
      .execute();
    await tx
      .insertInto('organisation_accreditations')
      .values(
        DEMO_ACCREDITATIONS.map((accreditation) => ({
          organisation_id: organisationId(accreditation.organisation),
          accrediting_organisation_id: organisationId(accreditation.accreditedBy),
          kind: accreditation.kind,
          note: accreditation.note,
        })),
      )
      .execute();
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const { id } = await insertUser(tx, {
        email: user.email,
        name: user.name,
        locale: user.locale,
        passwordHash,
        isAdmin: user.isAdmin ?? false,
        organisationId: user.organisation ? organisationId(user.organisation) : null,
      });
      userIds.set(user.email, id);
      for (const grant of user.grants ?? [])
        await grantNetworkRole(tx, id, networkIds.get(grant.network)!, grant.role);
      if (user.translates)
        await tx
          .updateTable('users')
          .set({ translator_languages: user.translates })
          .where('id', '=', id)
          .execute();
    }
    await loadDemoPractices(tx, {
      organisation: organisationId,
      network: (slug) => {
        const id = networkIds.get(slug);
        if (!id) throw new Error(`demo data: no network "${slug}"`);
        return id;
      },
    });
    await loadDemoCooperation(tx, {
      organisation: organisationId,
      network: (slug) => networkIds.get(slug)!,
    });
    // Network life (meetings, the feed, questions, subscriptions) stands on the people too.
    const networkLife: NetworkLifeIds = {
      organisation: organisationId,
      network: (slug: string) => networkIds.get(slug)!,
      user: (email: string) => {
        const id = userIds.get(email);
        if (!id) throw new Error(`demo data: no user "${email}"`);
        return id;
      },
    };
    await loadDemoMeetings(tx, networkLife);
    await loadDemoUpdates(tx, networkLife);
    await loadDemoQuestions(tx, networkLife);
    await loadDemoSubscriptions(tx, networkLife);
    await setSetting(tx, 'demo_loaded_at', new Date().toISOString());
  });
  return DEMO_USERS.map((user) => ({ email: user.email, role: user.role, password: DEMO_PASSWORD }));
}

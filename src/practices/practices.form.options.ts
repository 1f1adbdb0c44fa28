import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import { principlesOfNetwork } from './practices.repository.ts';
import type { FormRules } from './practices.form.values.ts';

/**
 * What the practice form offers to choose from, read for the person filling it in: the networks
 * and organisations they may submit for, the open calls, the network's principles, the
 * organisation's focal points, and the organisations that can be named as actors.
 */

export interface NetworkChoice {
  id: string;
  slug: string;
  name: LocalizedText;
}

export interface OrganisationChoice {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
}

export interface SetupChoices {
  networks: NetworkChoice[];
  organisations: OrganisationChoice[];
  /** network id → the ids of its member organisations among `organisations`. */
  members: Map<string, Set<string>>;
}

/**
 * A focal point submits for their organisation, in the networks it belongs to; the secretariat of
 * a network for any of its members; an admin for any member of any network.
 */
export async function setupChoices(db: Executor, actor: Principal): Promise<SetupChoices> {
  const secretariatOf = actor.roles
    .filter((role) => role.role === 'secretariat')
    .map((role) => role.networkId);
  let memberships = db
    .selectFrom('network_memberships as m')
    .select(['m.network_id as networkId', 'm.organisation_id as organisationId']);
  if (!actor.isAdmin) {
    const own = actor.organisationId;
    memberships = memberships.where((eb) =>
      eb.or([
        ...(own ? [eb('m.organisation_id', '=', own)] : []),
        ...(secretariatOf.length > 0 ? [eb('m.network_id', 'in', secretariatOf)] : []),
        eb.val(false),
      ]),
    );
  }
  const rows = (await memberships.execute()).filter(
    (row) => isSecretariat(actor, row.networkId) || row.organisationId === actor.organisationId,
  );
  const members = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!members.has(row.networkId)) members.set(row.networkId, new Set());
    members.get(row.networkId)!.add(row.organisationId);
  }
  const networkIds = [...members.keys()];
  const organisationIds = [...new Set(rows.map((row) => row.organisationId))];
  const [networks, organisations] = await Promise.all([
    networkIds.length > 0
      ? db
          .selectFrom('networks')
          .select(['id', 'slug', 'name'])
          .where('id', 'in', networkIds)
          .orderBy('slug')
          .execute()
      : [],
    organisationIds.length > 0
      ? db
          .selectFrom('organisations')
          .select(['id', 'name', 'acronym'])
          .where('id', 'in', organisationIds)
          .execute()
      : [],
  ]);
  return { networks, organisations, members };
}

export interface FocalPointChoice {
  id: string;
  name: string;
  title: string | null;
}

export interface CallChoice {
  id: string;
  title: LocalizedText;
  closesOn: string;
}

export interface PrincipleChoice {
  code: string;
  stage: 'design' | 'implementation';
  label: LocalizedText;
}

export interface DetailChoices {
  network: NetworkChoice;
  organisation: OrganisationChoice;
  principles: PrincipleChoice[];
  focalPoints: FocalPointChoice[];
  calls: CallChoice[];
  /** Every organisation of the directory, for the actors. */
  actorOrganisations: OrganisationChoice[];
}

/** The choices that depend on the network and the submitting organisation. */
export async function detailChoices(
  db: Executor,
  networkId: string,
  organisationId: string | null,
  withCalls: boolean,
): Promise<DetailChoices> {
  const today = new Date().toISOString().slice(0, 10);
  const [network, organisation, principles, focalPoints, calls, actorOrganisations] = await Promise.all([
    db
      .selectFrom('networks')
      .select(['id', 'slug', 'name'])
      .where('id', '=', networkId)
      .executeTakeFirstOrThrow(),
    organisationId
      ? db
          .selectFrom('organisations')
          .select(['id', 'name', 'acronym'])
          .where('id', '=', organisationId)
          .executeTakeFirst()
      : undefined,
    principlesOfNetwork(db, networkId),
    organisationId
      ? db
          .selectFrom('focal_points')
          .select(['id', 'name', 'title'])
          .where('organisation_id', '=', organisationId)
          .orderBy('name')
          .execute()
      : [],
    withCalls
      ? db
          .selectFrom('practice_calls')
          .select(['id', 'title', 'closes_on as closesOn'])
          .where('network_id', '=', networkId)
          .where('opens_on', '<=', today)
          .where('closes_on', '>=', today)
          .orderBy('closes_on')
          .execute()
      : [],
    db.selectFrom('organisations').select(['id', 'name', 'acronym']).execute(),
  ]);
  return {
    network,
    organisation: organisation ?? { id: organisationId ?? '', name: {}, acronym: {} },
    principles,
    focalPoints,
    calls,
    actorOrganisations,
  };
}

export function rulesOf(choices: DetailChoices): FormRules {
  return {
    principles: new Set(choices.principles.map((principle) => principle.code)),
    focalPoints: new Set(choices.focalPoints.map((focalPoint) => focalPoint.id)),
    calls: new Set(choices.calls.map((call) => call.id)),
  };
}

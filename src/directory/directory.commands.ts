import type { Db } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { recordAudit } from '../audit/index.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import type { LocalizedText } from '../web/language.ts';
import {
  FocalPointInput,
  MembershipInput,
  NetworkInput,
  OrganisationInput,
  type FocalPointInput as FocalPointInputType,
  type MembershipInput as MembershipInputType,
  type NetworkInput as NetworkInputType,
  type OrganisationInput as OrganisationInputType,
} from './directory.schemas.ts';
import * as organisations from './organisations.repository.ts';
import * as networks from './networks.repository.ts';
import { organisationExists } from './directory.repository.ts';

const validateOrganisation = inputValidator(OrganisationInput);
const validateNetwork = inputValidator(NetworkInput);
const validateFocalPoint = inputValidator(FocalPointInput);
const validateMembership = inputValidator(MembershipInput);
const UNIQUE_VIOLATION = '23505';

/** A save that lost a race: the caller shows both versions, nothing is overwritten. */
export interface Conflict<T> {
  ok: false;
  conflict: true;
  current: T;
  errors: FieldError[];
}

function hasText(text: LocalizedText | undefined): boolean {
  return Object.values(text ?? {}).some((value) => typeof value === 'string' && value.trim() !== '');
}

/** The checks a schema cannot make: codes from the reference vocabularies, a name in some language. */
function checkOrganisationCodes(input: OrganisationInputType, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  if (!hasText(input.name)) errors.push({ field: 'name', message: t('directory.error.nameRequired') });
  if (!isCode('stakeholder-groups', input.stakeholderGroup)) {
    errors.push({
      field: 'stakeholderGroup',
      message: t('directory.error.unknownCode', { field: 'stakeholderGroup' }),
    });
  }
  if (input.headquartersCountry && !isCode('countries', input.headquartersCountry)) {
    errors.push({
      field: 'headquartersCountry',
      message: t('directory.error.unknownCountry', { code: input.headquartersCountry }),
    });
  }
  for (const [index, code] of (input.countriesServed ?? []).entries()) {
    if (!isCode('countries', code))
      errors.push({
        field: `countriesServed.${index}`,
        message: t('directory.error.unknownCountry', { code }),
      });
  }
  for (const [index, code] of (input.thematicAreas ?? []).entries()) {
    if (!isCode('iom-areas', code))
      errors.push({
        field: `thematicAreas.${index}`,
        message: t('directory.error.unknownCode', { field: 'thematicAreas' }),
      });
  }
  return errors;
}

function organisationRow(input: OrganisationInputType): organisations.OrganisationRow {
  return {
    name: input.name,
    acronym: input.acronym ?? {},
    stakeholderGroup: input.stakeholderGroup,
    headquartersCountry: input.headquartersCountry ?? null,
    countriesServed: input.countriesServed ?? [],
    thematicAreas: input.thematicAreas ?? [],
    website: input.website ?? null,
    description: input.description ?? {},
  };
}

/** Copies the input through JSON so that the validator's removal of unknown fields never touches the caller's object. */

/** The secretariat of any network, or an admin, creates organisations. */
export async function createOrganisation(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }>> {
  if (!isSecretariat(actor)) return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as OrganisationInputType;
  const errors = validateOrganisation(data, t);
  if (errors.length > 0) return invalid(errors);
  const codeErrors = checkOrganisationCodes(data, t);
  if (codeErrors.length > 0) return invalid(codeErrors);
  const created = await organisations.insertOrganisationRow(db, organisationRow(data));
  return ok(created);
}

/** May this principal edit this organisation? Its own focal points, any secretariat, admins. */
export function canEditOrganisation(actor: Principal | null, organisationId: string): boolean {
  if (actor === null) return false;
  return actor.isAdmin || actor.organisationId === organisationId || isSecretariat(actor);
}

/**
 * Saves an organisation if nobody saved it since `version`. A stale version is a conflict that
 * carries the current record, so that the page can show both and nothing is lost.
 */
export async function updateOrganisation(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  input: unknown,
  t: Translate,
): Promise<
  | Result<{ id: string; version: number }>
  | Conflict<NonNullable<Awaited<ReturnType<typeof organisations.findOrganisation>>>>
  | { ok: false; notFound: true; errors: FieldError[] }
> {
  if (!canEditOrganisation(actor, id))
    return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as OrganisationInputType;
  const errors = validateOrganisation(data, t);
  if (errors.length > 0) return invalid(errors);
  const codeErrors = checkOrganisationCodes(data, t);
  if (codeErrors.length > 0) return invalid(codeErrors);
  const saved = await organisations.updateOrganisationRow(db, id, version, organisationRow(data));
  if (saved) return ok(saved);
  const current = await organisations.findOrganisation(db, id);
  if (!current) return { ok: false, notFound: true, errors: [] };
  return {
    ok: false,
    conflict: true,
    current,
    errors: [{ field: 'version', message: t('directory.error.conflict') }],
  };
}

export async function deleteOrganisation(
  db: Db,
  actor: Principal,
  id: string,
): Promise<'deleted' | 'forbidden' | 'not-found'> {
  if (!isSecretariat(actor)) return 'forbidden';
  return (await organisations.deleteOrganisationRow(db, id)) ? 'deleted' : 'not-found';
}

/** Adds a focal point; personal data, so the change is in the audit log (fields named, not values). */
export async function addFocalPoint(
  db: Db,
  actor: Principal,
  organisationId: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }>> {
  if (!canEditOrganisation(actor, organisationId))
    return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as FocalPointInputType;
  const errors = validateFocalPoint(data, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await organisationExists(db, organisationId)))
    return invalid([{ field: 'organisationId', message: t('error.notFound.title') }]);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('focal_points')
      .values({
        organisation_id: organisationId,
        name: data.name,
        title: data.title ?? null,
        email: data.email ?? null,
        phone: data.phone ?? null,
        languages: data.languages ?? [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor.userId,
      action: 'focal-point.create',
      subjectType: 'focal-point',
      subjectId: row.id,
      details: { organisationId, fields: Object.keys(data).sort() },
    });
    return ok({ id: row.id });
  });
}

function networkRow(input: NetworkInputType): networks.NetworkRow {
  return {
    slug: input.slug,
    name: input.name,
    kind: input.kind,
    description: input.description ?? {},
    region: input.region ?? null,
    yearFounded: input.yearFounded ?? null,
    objectives: input.objectives ?? {},
    coordinatingOrganisationId: input.coordinatingOrganisationId ?? null,
    meetingCadence: input.meetingCadence ?? {},
    fundingStatus: input.fundingStatus ?? null,
    fundingNote: input.fundingNote ?? {},
    fundingYear: input.fundingYear ?? null,
    countries: input.countries ?? [],
  };
}

async function checkNetwork(db: Db, input: NetworkInputType, t: Translate): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!hasText(input.name)) errors.push({ field: 'name', message: t('directory.error.nameRequired') });
  if (input.region && !isCode('regions', input.region))
    errors.push({ field: 'region', message: t('directory.error.unknownCode', { field: 'region' }) });
  for (const [index, code] of (input.countries ?? []).entries()) {
    if (!isCode('countries', code))
      errors.push({ field: `countries.${index}`, message: t('directory.error.unknownCountry', { code }) });
  }
  if (input.coordinatingOrganisationId && !(await organisationExists(db, input.coordinatingOrganisationId))) {
    errors.push({ field: 'coordinatingOrganisationId', message: t('directory.error.unknownOrganisation') });
  }
  return errors;
}

/** Admins create networks (an instance hosts several); each network's secretariat edits its own. */
export async function createNetwork(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; slug: string; version: number }>> {
  if (!actor.isAdmin) return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as NetworkInputType;
  const errors = validateNetwork(data, t);
  if (errors.length > 0) return invalid(errors);
  const more = await checkNetwork(db, data, t);
  if (more.length > 0) return invalid(more);
  try {
    return ok(await networks.insertNetworkRow(db, networkRow(data)));
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      return invalid([{ field: 'slug', message: t('directory.error.slugTaken') }]);
    throw error;
  }
}

export async function updateNetwork(
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  input: unknown,
  t: Translate,
) {
  if (!isSecretariat(actor, id)) return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as NetworkInputType;
  const errors = validateNetwork(data, t);
  if (errors.length > 0) return invalid(errors);
  const more = await checkNetwork(db, data, t);
  if (more.length > 0) return invalid(more);
  try {
    const saved = await networks.updateNetworkRow(db, id, version, networkRow(data));
    if (saved) return ok(saved);
    return {
      ok: false as const,
      conflict: true as const,
      errors: [{ field: 'version', message: t('directory.error.conflict') }],
    };
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      return invalid([{ field: 'slug', message: t('directory.error.slugTaken') }]);
    throw error;
  }
}

/** The network's secretariat adds an organisation as coordinator, member or observer. */
export async function addMember(
  db: Db,
  actor: Principal,
  networkId: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ networkId: string; organisationId: string }>> {
  if (!isSecretariat(actor, networkId))
    return invalid([{ field: 'body', message: t('error.forbidden.body') }]);
  const data = plainCopy(input) as MembershipInputType;
  const errors = validateMembership(data, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await organisationExists(db, data.organisationId)))
    return invalid([{ field: 'organisationId', message: t('directory.error.unknownOrganisation') }]);
  if (await networks.findMembership(db, networkId, data.organisationId)) {
    return invalid([{ field: 'organisationId', message: t('directory.error.alreadyMember') }]);
  }
  await networks.upsertMembership(db, networkId, data.organisationId, data.role, data.since ?? null);
  return ok({ networkId, organisationId: data.organisationId });
}

export type { MembershipInputType, NetworkInputType, OrganisationInputType, FocalPointInputType };

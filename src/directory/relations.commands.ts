import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { recordAudit } from '../audit/index.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { canEditOrganisation } from './directory.commands.ts';
import { organisationExists } from './directory.repository.ts';
import {
  AccreditationInput,
  FocalPointInput,
  RelationshipInput,
  type AccreditationInput as AccreditationInputType,
  type FocalPointInput as FocalPointInputType,
  type RelationshipInput as RelationshipInputType,
} from './directory.schemas.ts';

const validateRelationship = inputValidator(RelationshipInput);
const validateAccreditation = inputValidator(AccreditationInput);
const validateFocalPoint = inputValidator(FocalPointInput);
const UNIQUE_VIOLATION = '23505';

/** Copies the input through JSON so that the validator's removal of unknown fields never touches the caller's object. */

type NotFound = { ok: false; notFound: true; errors: FieldError[] };
const notFound: NotFound = { ok: false, notFound: true, errors: [] };
const forbidden = <T>(t: Translate): Result<T> =>
  invalid([{ field: 'body', message: t('error.forbidden.body') }]);

/** Whether a failed result means "not allowed" (the route answers 403). */
export const isForbidden = (errors: FieldError[]) => errors.some((e) => e.field === 'body');

/** What the relationship form offers: every other organisation of the directory. */
export function organisationChoices(db: Db) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .orderBy(sql`lower(name::text)`)
    .execute();
}

/** "{organisationId} is <kind> of {relatedOrganisationId}", recorded by whoever may edit the organisation. */
export async function addRelationship(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }> | NotFound> {
  if (!canEditOrganisation(actor, organisationId)) return forbidden(t);
  const data = plainCopy(input) as RelationshipInputType;
  const errors = validateRelationship(data, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await organisationExists(db, organisationId))) return notFound;
  const more: FieldError[] = [];
  if (!isCode('relationship-kinds', data.kind))
    more.push({ field: 'kind', message: t('directory.error.unknownCode', { field: 'kind' }) });
  if (data.relatedOrganisationId === organisationId)
    more.push({ field: 'relatedOrganisationId', message: t('relations.error.self') });
  else if (!(await organisationExists(db, data.relatedOrganisationId)))
    more.push({ field: 'relatedOrganisationId', message: t('directory.error.unknownOrganisation') });
  if (more.length > 0) return invalid(more);
  try {
    const row = await db
      .insertInto('organisation_relationships')
      .values({
        organisation_id: organisationId,
        related_organisation_id: data.relatedOrganisationId,
        kind: data.kind,
        since: data.since ?? null,
        note: data.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ok({ id: row.id });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      return invalid([{ field: 'kind', message: t('relations.error.duplicate') }]);
    throw error;
  }
}

export async function removeRelationship(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  relationshipId: string,
): Promise<'deleted' | 'forbidden' | 'not-found'> {
  if (!canEditOrganisation(actor, organisationId)) return 'forbidden';
  const row = await db
    .deleteFrom('organisation_relationships')
    .where('id', '=', relationshipId)
    .where('organisation_id', '=', organisationId)
    .returning('id')
    .executeTakeFirst();
  return row ? 'deleted' : 'not-found';
}

/** An accreditation is granted by someone else: the secretariat or an admin records it, not the organisation. */
export async function addAccreditation(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }> | NotFound> {
  if (!isSecretariat(actor)) return forbidden(t);
  const data = plainCopy(input) as AccreditationInputType;
  const errors = validateAccreditation(data, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await organisationExists(db, organisationId))) return notFound;
  const body = data.accreditingBody?.trim() || null;
  const accreditingId = data.accreditingOrganisationId ?? null;
  if (data.kind.trim() === '')
    return invalid([{ field: 'kind', message: t('validation.required', { field: 'kind' }) }]);
  if (accreditingId === null && body === null)
    return invalid([{ field: 'accreditingBody', message: t('relations.error.accreditorRequired') }]);
  if (accreditingId === organisationId)
    return invalid([{ field: 'accreditingOrganisationId', message: t('relations.error.self') }]);
  if (accreditingId !== null && !(await organisationExists(db, accreditingId)))
    return invalid([
      { field: 'accreditingOrganisationId', message: t('directory.error.unknownOrganisation') },
    ]);
  const row = await db
    .insertInto('organisation_accreditations')
    .values({
      organisation_id: organisationId,
      accrediting_organisation_id: accreditingId,
      accrediting_body: body,
      kind: data.kind.trim(),
      granted_on: data.grantedOn ?? null,
      note: data.note ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

export async function removeAccreditation(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  accreditationId: string,
): Promise<'deleted' | 'forbidden' | 'not-found'> {
  if (!isSecretariat(actor)) return 'forbidden';
  const row = await db
    .deleteFrom('organisation_accreditations')
    .where('id', '=', accreditationId)
    .where('organisation_id', '=', organisationId)
    .returning('id')
    .executeTakeFirst();
  return row ? 'deleted' : 'not-found';
}

export interface FocalPointRecord {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  version: number;
}

/** A save that lost a race: the page shows the saved version beside the submitted one. */
export interface FocalPointConflict {
  ok: false;
  conflict: true;
  current: FocalPointRecord;
  errors: FieldError[];
}

const FOCAL_POINT_FIELDS = ['name', 'title', 'email', 'phone', 'languages'] as const;

/**
 * Saves a focal point if nobody saved it since `version`; personal data, so the change and its
 * audit entry (the fields changed, never their values) land in one transaction.
 */
export async function updateFocalPoint(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  focalPointId: string,
  version: number,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }> | FocalPointConflict | NotFound> {
  if (!canEditOrganisation(actor, organisationId)) return forbidden(t);
  const data = plainCopy(input) as FocalPointInputType;
  const errors = validateFocalPoint(data, t);
  if (errors.length > 0) return invalid(errors);
  const next = {
    name: data.name,
    title: data.title ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    languages: data.languages ?? [],
  };
  return db.transaction().execute(async (tx) => {
    const current = await tx
      .selectFrom('focal_points')
      .select(['id', 'name', 'title', 'email', 'phone', 'languages', 'version'])
      .where('id', '=', focalPointId)
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return notFound;
    if (current.version !== version)
      return {
        ok: false as const,
        conflict: true as const,
        current,
        errors: [{ field: 'version', message: t('directory.error.conflict') }],
      };
    const changed = FOCAL_POINT_FIELDS.filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
    );
    const saved = await tx
      .updateTable('focal_points')
      .set({ ...next, version: current.version + 1, updated_at: sql`now()` })
      .where('id', '=', focalPointId)
      .where('version', '=', version)
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'focal-point.update',
      subjectType: 'focal-point',
      subjectId: focalPointId,
      details: { organisationId, fields: changed },
    });
    return ok(saved);
  });
}

export async function deleteFocalPoint(
  db: Db,
  actor: Principal | null,
  organisationId: string,
  focalPointId: string,
): Promise<'deleted' | 'forbidden' | 'not-found'> {
  if (!canEditOrganisation(actor, organisationId)) return 'forbidden';
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .deleteFrom('focal_points')
      .where('id', '=', focalPointId)
      .where('organisation_id', '=', organisationId)
      .returning('id')
      .executeTakeFirst();
    if (!row) return 'not-found' as const;
    await recordAudit(tx, {
      actorUserId: actor!.userId,
      action: 'focal-point.delete',
      subjectType: 'focal-point',
      subjectId: focalPointId,
      details: { organisationId },
    });
    return 'deleted' as const;
  });
}

import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import { canFacilitate, canManageRecord, partiesOfRecord } from './cooperation.access.ts';
import {
  type NewCooperationRecord,
  findItem,
  findMatch,
  findRecord,
  insertRecordRow,
} from './cooperation.repository.ts';
import * as repo from './cooperation.records.repository.ts';
import {
  RecordInput,
  RecordUpdate,
  type RecordInput as RecordInputType,
  type RecordUpdate as RecordUpdateType,
} from './cooperation.records.schemas.ts';
import type { MatchStage } from './cooperation.tables.ts';

const validateInput = inputValidator(RecordInput);
const validateUpdate = inputValidator(RecordUpdate);
const UNIQUE_VIOLATION = '23505';

/** The stages from which a match may become a cooperation record. */
export const RECORDABLE_STAGES: readonly MatchStage[] = ['agreement-signed', 'under-way', 'completed'];

/** A save that lost a race: the page shows the saved record beside the user's; nothing is overwritten. */
export interface Conflict {
  ok: false;
  conflict: true;
  current: repo.RecordDetail;
  errors: FieldError[];
}

type Content = Omit<RecordUpdateType, 'version'>;

function cleanText(text: LocalizedText | undefined): LocalizedText {
  const clean: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const value = text?.[lang]?.trim();
    if (value) clean[lang] = value;
  }
  return clean;
}

/** The stored shape of a validated input: trimmed texts, every list present, parties without repeats. */
function toRow(data: Content) {
  const seen = new Set<string>();
  const parties = data.parties.filter((party) => {
    const key = `${party.organisationId}|${party.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    originalLanguage: data.originalLanguage,
    title: cleanText(data.title),
    summary: cleanText(data.summary),
    activities: cleanText(data.activities),
    results: cleanText(data.results),
    resources: cleanText(data.resources),
    modality: data.modality,
    thematicAreas: data.thematicAreas ?? [],
    gcmObjectives: data.gcmObjectives ?? [],
    countries: data.countries ?? [],
    startsOn: data.startsOn ?? null,
    endsOn: data.endsOn ?? null,
    budgetAmount: data.budgetAmount ?? null,
    budgetCurrency:
      data.budgetAmount === null || data.budgetAmount === undefined ? null : (data.budgetCurrency ?? null),
    status: data.status,
    parties,
    practiceIds: data.practiceIds ?? [],
  };
}
type RecordRow = ReturnType<typeof toRow>;

const CODE_LISTS = [
  ['thematicAreas', 'iom-areas'],
  ['gcmObjectives', 'gcm-objectives'],
  ['countries', 'countries'],
] as const;

/**
 * The rules a schema cannot state. `keptPracticeIds` are practices already linked to the record:
 * they stay linked even if no longer published; a new link must be to a published practice.
 */
async function checkRecord(
  db: Executor,
  row: RecordRow,
  networkId: string,
  t: Translate,
  keptPracticeIds: readonly string[] = [],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!row.title[row.originalLanguage as keyof LocalizedText])
    errors.push({
      field: `title.${row.originalLanguage}`,
      message: t('cooperationRecords.error.titleInOriginal'),
    });
  if (!isCode('cooperation-modalities', row.modality))
    errors.push({
      field: 'modality',
      message: t('cooperationRecords.error.unknownCode', { code: row.modality }),
    });
  for (const [field, vocabulary] of CODE_LISTS)
    for (const [index, code] of row[field].entries())
      if (!isCode(vocabulary, code))
        errors.push({
          field: `${field}.${index}`,
          message: t('cooperationRecords.error.unknownCode', { code }),
        });
  if (row.startsOn && row.endsOn && row.endsOn < row.startsOn)
    errors.push({ field: 'endsOn', message: t('cooperationRecords.error.periodEndsBeforeStart') });
  if (row.budgetAmount !== null) {
    if (!Number.isFinite(row.budgetAmount) || row.budgetAmount < 0)
      errors.push({ field: 'budgetAmount', message: t('cooperationRecords.error.negativeBudget') });
    else if (row.budgetAmount >= 1e12)
      errors.push({ field: 'budgetAmount', message: t('cooperationRecords.error.budgetTooLarge') });
    if (row.budgetCurrency === null)
      errors.push({ field: 'budgetCurrency', message: t('cooperationRecords.error.currencyRequired') });
  }
  if (row.parties.length === 0)
    errors.push({ field: 'parties', message: t('cooperationRecords.error.noParties') });
  const members = await repo.membersAmong(
    db,
    networkId,
    row.parties.map((p) => p.organisationId),
  );
  for (const [index, party] of row.parties.entries())
    if (!members.has(party.organisationId))
      errors.push({ field: `parties.${index}`, message: t('cooperationRecords.error.partyNotMember') });
  const kept = new Set(keptPracticeIds);
  const added = row.practiceIds.filter((id) => !kept.has(id));
  const published = await repo.publishedAmong(db, added);
  for (const [index, id] of row.practiceIds.entries())
    if (!kept.has(id) && !published.has(id))
      errors.push({
        field: `practiceIds.${index}`,
        message: (await repo.practiceExists(db, id))
          ? t('cooperationRecords.error.practiceNotPublished')
          : t('cooperationRecords.error.unknownPractice'),
      });
  return errors;
}

/** The match a record may come from: of the network, at agreement signed or later, seen by the caller, not yet recorded. */
async function checkMatch(
  db: Executor,
  actor: Principal,
  matchId: string,
  networkId: string,
  t: Translate,
): Promise<FieldError[]> {
  const field = 'matchId';
  const match = await findMatch(db, matchId);
  if (!match || match.networkId !== networkId)
    return [{ field, message: t('cooperationRecords.error.unknownMatch') }];
  const [demand, offer] = await Promise.all([findItem(db, match.demandId), findItem(db, match.offerId)]);
  if (
    !demand ||
    !offer ||
    !canFacilitate(actor, {
      networkId,
      demandOrganisationId: demand.organisationId,
      offerOrganisationId: offer.organisationId,
    })
  )
    return [{ field, message: t('cooperationRecords.error.unknownMatch') }];
  if (!RECORDABLE_STAGES.includes(match.stage))
    return [{ field, message: t('cooperationRecords.error.matchNotAgreed') }];
  if ((await repo.recordIdOfMatch(db, matchId)) !== null)
    return [{ field, message: t('cooperationRecords.error.matchAlreadyRecorded') }];
  return [];
}

function partyIdsOf(input: unknown): string[] {
  const parties = (input as { parties?: unknown } | null)?.parties;
  if (!Array.isArray(parties)) return [];
  return parties
    .map((party) => (party as { organisationId?: unknown } | null)?.organisationId)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * Refuses (403) whoever may not record this cooperation: neither the network's secretariat nor a
 * focal point of one of the parties. Answers the network, when the input names a known one.
 */
export async function assertMayCreate(db: Executor, actor: Principal, input: unknown) {
  const slug = (input as { network?: unknown } | null)?.network;
  const network = typeof slug === 'string' && slug !== '' ? await repo.networkBySlug(db, slug) : undefined;
  const isParty = actor.organisationId !== null && partyIdsOf(input).includes(actor.organisationId);
  if (!isParty && !(network ? isSecretariat(actor, network.id) : isSecretariat(actor)))
    throw new HttpProblem('forbidden');
  return network;
}

/**
 * The secretariat of the network records any cooperation among its members; a focal point, one
 * their organisation is a party to. Anyone else is refused before the input is looked at further.
 */
export async function createRecord(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }>> {
  const data = plainCopy(input) as RecordInputType;
  const network = await assertMayCreate(db, actor, data);
  const errors = validateInput(data, t);
  if (errors.length > 0) return invalid(errors);
  if (!network) return invalid([{ field: 'network', message: t('cooperationRecords.error.unknownNetwork') }]);
  const row = toRow(data);
  const ruleErrors = await checkRecord(db, row, network.id, t);
  if (data.matchId) ruleErrors.push(...(await checkMatch(db, actor, data.matchId, network.id, t)));
  if (ruleErrors.length > 0) return invalid(ruleErrors);
  const record: NewCooperationRecord = {
    ...row,
    networkId: network.id,
    matchId: data.matchId ?? null,
    createdBy: actor.userId,
  };
  try {
    const id = await db.transaction().execute((tx) => insertRecordRow(tx, record));
    return ok({ id, version: 1 });
  } catch (error) {
    // Two people recording the same match at once: the second is told, nothing is half-written.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      return invalid([{ field: 'matchId', message: t('cooperationRecords.error.matchAlreadyRecorded') }]);
    throw error;
  }
}

/** The record, for those who manage it: unknown is 404, anyone else 403. */
async function managedRecord(db: Executor, actor: Principal | null, id: string) {
  const record = await findRecord(db, id);
  if (!record) throw new HttpProblem('not-found');
  const partyOrganisationIds = await partiesOfRecord(db, id);
  if (!canManageRecord(actor, { networkId: record.networkId, partyOrganisationIds }))
    throw new HttpProblem('forbidden');
  return { record, partyOrganisationIds };
}

export async function canManageRecordId(db: Executor, actor: Principal | null, id: string) {
  const record = await findRecord(db, id);
  if (!record) return false;
  return canManageRecord(actor, {
    networkId: record.networkId,
    partyOrganisationIds: await partiesOfRecord(db, id),
  });
}

/** Saves a record if nobody saved it since `version`; a stale version is a conflict carrying the saved record. */
export async function updateRecord(
  db: Db,
  actor: Principal,
  id: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }> | Conflict> {
  const { record } = await managedRecord(db, actor, id);
  const data = plainCopy(input) as RecordUpdateType;
  const errors = validateUpdate(data, t);
  if (errors.length > 0) return invalid(errors);
  const row = toRow(data);
  const kept = await repo.linkedPracticeIds(db, id);
  const ruleErrors = await checkRecord(db, row, record.networkId, t, kept);
  // A focal point cannot take their own organisation out: they would lose the record.
  if (
    !isSecretariat(actor, record.networkId) &&
    !row.parties.some((party) => party.organisationId === actor.organisationId)
  )
    ruleErrors.push({ field: 'parties', message: t('cooperationRecords.error.ownOrganisationParty') });
  if (ruleErrors.length > 0) return invalid(ruleErrors);
  const saved = await db.transaction().execute((tx) => repo.updateRecordRow(tx, id, data.version, row));
  if (saved) return ok({ id, version: data.version + 1 });
  const current = await repo.findRecordDetail(db, id);
  if (!current) throw new HttpProblem('not-found');
  return {
    ok: false,
    conflict: true,
    current,
    errors: [{ field: 'version', message: t('cooperationRecords.error.conflict') }],
  };
}

export { managedRecord };

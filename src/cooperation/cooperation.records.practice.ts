import type { Db, Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type Result, HttpProblem, invalid, ok } from '../http/problems.ts';
import {
  type ActorRole,
  type PracticeContentInput,
  canSubmitFor,
  checkContent,
  completenessOf,
  findPractice,
  insertPracticeEvent,
  insertPracticeRow,
  insertVersionRow,
  toContent,
  updatePracticeRow,
} from '../practices/index.ts';
import { type Translate, translator } from '../web/i18n.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import { canManageRecord, partiesOfRecord } from './cooperation.access.ts';
import type { CooperationRecord } from './cooperation.repository.ts';
import * as repo from './cooperation.records.repository.ts';
import type { PartyRole } from './cooperation.tables.ts';

/** A party's role in the cooperation, as an actor's role in the practice. */
export const PRACTICE_ROLE_OF: Record<PartyRole, ActorRole> = {
  provider: 'lead',
  beneficiary: 'beneficiary',
  funder: 'funder',
  facilitator: 'partner',
  partner: 'partner',
};

const RESOURCES_LIMIT = 10_000;

/** The record's resources, each language followed by the budget in words of that language. */
function resourcesWithBudget(record: CooperationRecord): LocalizedText {
  if (record.budgetAmount === null || record.budgetCurrency === null) return record.resources;
  const languages = new Set([
    ...LANGUAGES.filter((lang) => record.title[lang]),
    ...LANGUAGES.filter((lang) => record.resources[lang]),
  ]);
  const resources: LocalizedText = { ...record.resources };
  for (const lang of languages) {
    const line = translator(lang)('cooperationRecords.practice.budgetLine', {
      amount: record.budgetAmount,
      currency: record.budgetCurrency,
    });
    const text = resources[lang] ? `${resources[lang]}\n\n${line}` : line;
    if (text.length <= RESOURCES_LIMIT) resources[lang] = text;
  }
  return resources;
}

/** The practice a completed record becomes: its texts and tags in the practice's fields. */
export function practiceContentOf(
  record: CooperationRecord,
  parties: readonly { organisationId: string; role: PartyRole }[],
  recordUrl: string | null,
): PracticeContentInput {
  const seen = new Set<string>();
  const actors = parties
    .map((party) => ({ organisationId: party.organisationId, role: PRACTICE_ROLE_OF[party.role] }))
    .filter((actor) => {
      const key = `${actor.organisationId}|${actor.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const title = pick(record.title, record.originalLanguage);
  return {
    originalLanguage: record.originalLanguage as PracticeContentInput['originalLanguage'],
    title: record.title,
    summary: record.summary,
    description: record.activities,
    results: record.results,
    resources: resourcesWithBudget(record),
    actors,
    countries: record.countries,
    periodStart: record.startsOn,
    periodEnd: record.endsOn,
    ongoing: false,
    modality: record.modality,
    gcmObjectives: record.gcmObjectives,
    thematicAreas: record.thematicAreas,
    links: recordUrl ? [{ url: recordUrl, ...(title ? { label: title.slice(0, 300) } : {}) }] : [],
  };
}

function pick(text: LocalizedText, lang: string): string | undefined {
  return text[lang as keyof LocalizedText] ?? LANGUAGES.map((l) => text[l]).find(Boolean);
}

/** The organisation that submits the draft: the provider if the caller may submit for it, else the caller's own. */
async function submitterOf(
  db: Executor,
  actor: Principal,
  record: CooperationRecord,
  parties: readonly { organisationId: string; role: PartyRole }[],
): Promise<string | null> {
  const candidates = [
    ...parties.filter((p) => p.role === 'provider').map((p) => p.organisationId),
    ...(actor.organisationId ? [actor.organisationId] : []),
    ...parties.map((p) => p.organisationId),
  ];
  for (const organisationId of new Set(candidates))
    if (await canSubmitFor(db, actor, organisationId, record.networkId)) return organisationId;
  return null;
}

/**
 * Turns a completed record into a practice draft, in one step and once: the draft is linked back
 * to the record, and a second call answers the same draft. Everything happens in one transaction
 * with the record locked, so two clicks never make two drafts.
 */
export async function turnRecordIntoPractice(
  db: Db,
  actor: Principal,
  id: string,
  t: Translate,
  options: { recordUrl?: string | null } = {},
): Promise<Result<{ practiceId: string; created: boolean }>> {
  return db.transaction().execute(async (tx) => {
    const record = await repo.findRecordForUpdate(tx, id);
    if (!record) throw new HttpProblem('not-found');
    const partyOrganisationIds = await partiesOfRecord(tx, id);
    if (!canManageRecord(actor, { networkId: record.networkId, partyOrganisationIds }))
      throw new HttpProblem('forbidden');
    if (record.practiceId !== null && (await findPractice(tx, record.practiceId)))
      return ok({ practiceId: record.practiceId, created: false });
    if (record.status !== 'completed')
      return invalid([{ field: 'status', message: t('cooperationRecords.error.notCompleted') }]);
    const parties = (await repo.partiesOf(tx, [id])).get(id) ?? [];
    const organisationId = await submitterOf(tx, actor, record, parties);
    if (organisationId === null)
      return invalid([{ field: 'parties', message: t('cooperationRecords.error.noSubmitter') }]);
    const content = toContent(practiceContentOf(record, parties, options.recordUrl ?? null));
    const errors = await checkContent(tx, content, record.networkId, t, organisationId);
    if (errors.length > 0) return invalid(errors);
    const practiceId = await insertPracticeRow(tx, {
      networkId: record.networkId,
      organisationId,
      callId: null,
      createdBy: actor.userId,
    });
    const versionId = await insertVersionRow(tx, {
      practiceId,
      number: 1,
      state: 'draft',
      content,
      completeness: completenessOf(content),
      createdBy: actor.userId,
    });
    await updatePracticeRow(tx, practiceId, { workingVersionId: versionId });
    await insertPracticeEvent(tx, { practiceId, versionId, kind: 'created', actorId: actor.userId });
    await repo.setRecordPractice(tx, id, practiceId);
    return ok({ practiceId, created: true });
  });
}

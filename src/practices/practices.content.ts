import type { Executor } from '../db/schema.ts';
import type { FieldError } from '../http/problems.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import {
  DISCLOSABLE_FIELDS,
  TEXT_FIELDS,
  type DisclosableField,
  type PracticeContent,
  type PracticeContentInput,
} from './practices.schemas.ts';

/** Keeps the non-blank texts of the content languages, trimmed. */
function cleanText(text: Record<string, string | undefined> | undefined): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const lang of CONTENT_LANGUAGES) {
    const value = text?.[lang]?.trim();
    if (value) clean[lang] = value;
  }
  return clean;
}

/** The stored shape of a validated input: every list present, every text a map of languages. */
export function toContent(input: PracticeContentInput): PracticeContent {
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, cleanText(input[field] as Record<string, string> | undefined)]),
  ) as Pick<PracticeContent, (typeof TEXT_FIELDS)[number]>;
  return {
    originalLanguage: input.originalLanguage,
    ...texts,
    actors: input.actors ?? [],
    countries: input.countries ?? [],
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    ongoing: input.ongoing ?? false,
    modality: input.modality || null,
    migrationStages: input.migrationStages ?? [],
    targetGroups: input.targetGroups ?? [],
    gcmObjectives: input.gcmObjectives ?? [],
    gcmPrinciples: input.gcmPrinciples ?? [],
    thematicAreas: input.thematicAreas ?? [],
    smartPrinciples: input.smartPrinciples ?? [],
    links: (input.links ?? []).map((link) =>
      link.label ? { url: link.url, label: link.label } : { url: link.url },
    ),
    contactFocalPointId: input.contactFocalPointId ?? null,
    notCommunicated: input.notCommunicated ?? [],
  };
}

/** Whether a field holds information (in any language, for texts). */
export function isFilled(content: PracticeContent, field: DisclosableField | 'title'): boolean {
  switch (field) {
    case 'period':
      return content.periodStart !== null || content.periodEnd !== null || content.ongoing;
    case 'modality':
      return content.modality !== null;
    case 'contact':
      return content.contactFocalPointId !== null;
    case 'actors':
    case 'countries':
    case 'migrationStages':
    case 'targetGroups':
    case 'links':
      return content[field].length > 0;
    default:
      return Object.keys(content[field]).length > 0;
  }
}

/**
 * How complete a practice is, 0–100: each field counts once when filled, half when marked
 * "information not communicated" (the submitter looked and had nothing to say), nothing when empty.
 */
export function completenessOf(content: PracticeContent): number {
  const fields = ['title', ...DISCLOSABLE_FIELDS] as const;
  let score = 0;
  for (const field of fields) {
    if (isFilled(content, field)) score += 1;
    else if (field !== 'title' && content.notCommunicated.includes(field)) score += 0.5;
  }
  return Math.round((score / fields.length) * 100);
}

const CODE_LISTS = [
  ['migrationStages', 'migration-stages'],
  ['targetGroups', 'target-groups'],
  ['gcmObjectives', 'gcm-objectives'],
  ['gcmPrinciples', 'gcm-principles'],
  ['thematicAreas', 'iom-areas'],
  ['countries', 'countries'],
] as const;

/**
 * The rules a schema cannot state: known codes, a title in the original language, a period that
 * ends after it starts, "not communicated" only on empty fields, principles of this network, actors
 * and contact that exist.
 */
export async function checkContent(
  db: Executor,
  content: PracticeContent,
  networkId: string,
  t: Translate,
  /** The submitting organisation: the contact must be one of its focal points or an actor's. */
  organisationId?: string | null,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!content.title[content.originalLanguage]) {
    errors.push({
      field: `title.${content.originalLanguage}`,
      message: t('practices.error.titleInOriginal'),
    });
  }
  for (const [field, vocabulary] of CODE_LISTS) {
    for (const [index, code] of content[field].entries()) {
      if (!isCode(vocabulary, code))
        errors.push({ field: `${field}.${index}`, message: t('practices.error.unknownCode', { code }) });
    }
  }
  if (content.modality && !isCode('cooperation-modalities', content.modality)) {
    errors.push({ field: 'modality', message: t('practices.error.unknownCode', { code: content.modality }) });
  }
  if (content.periodStart && content.periodEnd && content.periodEnd < content.periodStart) {
    errors.push({ field: 'periodEnd', message: t('practices.error.periodEndsBeforeStart') });
  }
  for (const field of content.notCommunicated) {
    if (isFilled(content, field))
      errors.push({ field, message: t('practices.error.notCommunicatedButFilled') });
  }
  if (content.smartPrinciples.length > 0) {
    const known = new Set(
      (
        await db.selectFrom('smart_principles').select('code').where('network_id', '=', networkId).execute()
      ).map((row) => row.code),
    );
    for (const [index, code] of content.smartPrinciples.entries()) {
      if (!known.has(code))
        errors.push({
          field: `smartPrinciples.${index}`,
          message: t('practices.error.unknownCode', { code }),
        });
    }
  }
  const actorIds = [...new Set(content.actors.map((actor) => actor.organisationId))];
  if (actorIds.length > 0) {
    const found = new Set(
      (await db.selectFrom('organisations').select('id').where('id', 'in', actorIds).execute()).map(
        (row) => row.id,
      ),
    );
    for (const [index, actor] of content.actors.entries()) {
      if (!found.has(actor.organisationId))
        errors.push({
          field: `actors.${index}.organisationId`,
          message: t('practices.error.unknownOrganisation'),
        });
    }
  }
  if (content.contactFocalPointId) {
    const contact = await db
      .selectFrom('focal_points')
      .select(['id', 'organisation_id'])
      .where('id', '=', content.contactFocalPointId)
      .executeTakeFirst();
    const allowed = new Set([...actorIds, ...(organisationId ? [organisationId] : [])]);
    if (!contact || (organisationId !== undefined && !allowed.has(contact.organisation_id)))
      errors.push({ field: 'contactFocalPointId', message: t('practices.error.unknownContact') });
  }
  return errors;
}

/** For each content language: the original, complete (every filled field translated), partial or missing. */
export function translationStatus(
  content: PracticeContent,
): Record<string, 'original' | 'complete' | 'partial' | 'missing'> {
  const filled = TEXT_FIELDS.filter((field) => Object.keys(content[field]).length > 0);
  const status: Record<string, 'original' | 'complete' | 'partial' | 'missing'> = {};
  for (const lang of CONTENT_LANGUAGES) {
    if (lang === content.originalLanguage) status[lang] = 'original';
    else {
      const translated = filled.filter((field) => content[field][lang] !== undefined).length;
      status[lang] = translated === 0 ? 'missing' : translated === filled.length ? 'complete' : 'partial';
    }
  }
  return status;
}

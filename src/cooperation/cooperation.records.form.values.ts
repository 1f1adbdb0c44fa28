import { Type } from 'typebox';
import type { FieldError } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import type { CooperationRecord } from './cooperation.repository.ts';
import type { MatchPrefill } from './cooperation.records.queries.ts';
import { PARTY_ROLES, RECORD_TEXT_FIELDS, RECORD_TEXT_LIMITS } from './cooperation.records.schemas.ts';
import type { PartyRole } from './cooperation.tables.ts';

/**
 * The record form as the browser sends it (flat names: `title.fr`, `party.0.organisation`; lists
 * for multiple choices) and its reading into the command's input. Everything is a string here;
 * the command applies the real rules.
 */

/** How many party rows the form can send. */
export const MAX_PARTY_ROWS = 30;

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const list = (maxItems: number) => Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems }));

export const RecordForm = Type.Object({
  ...Object.fromEntries(
    RECORD_TEXT_FIELDS.flatMap((field) =>
      LANGUAGES.map((lang) => [`${field}.${lang}`, text(RECORD_TEXT_LIMITS[field])]),
    ),
  ),
  ...Object.fromEntries(
    Array.from({ length: MAX_PARTY_ROWS }, (_, index) => [
      [`party.${index}.organisation`, text(100)],
      [`party.${index}.role`, text(30)],
    ]).flat(),
  ),
  network: text(80),
  matchId: text(100),
  originalLanguage: text(10),
  modality: text(30),
  status: text(30),
  startsOn: text(30),
  endsOn: text(30),
  budgetAmount: text(40),
  budgetCurrency: text(10),
  thematicAreas: list(20),
  gcmObjectives: list(30),
  countries: list(260),
  practices: text(5000),
  version: text(12),
});
export type RecordFormBody = Record<string, string | string[] | undefined>;

export interface RecordFormValues {
  network: string;
  matchId: string;
  originalLanguage: string;
  title: LocalizedText;
  summary: LocalizedText;
  activities: LocalizedText;
  results: LocalizedText;
  resources: LocalizedText;
  modality: string;
  status: string;
  startsOn: string;
  endsOn: string;
  budgetAmount: string;
  budgetCurrency: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  parties: { organisationId: string; role: string }[];
  practices: string;
}

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] => [
  ...new Set((Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean)),
];

export function emptyValues(lang: string): RecordFormValues {
  return {
    network: '',
    matchId: '',
    originalLanguage: lang,
    title: {},
    summary: {},
    activities: {},
    results: {},
    resources: {},
    modality: '',
    status: 'under-way',
    startsOn: '',
    endsOn: '',
    budgetAmount: '',
    budgetCurrency: '',
    thematicAreas: [],
    gcmObjectives: [],
    countries: [],
    parties: [],
    practices: '',
  };
}

export function valuesFromRecord(
  record: CooperationRecord & { parties: { organisationId: string; role: PartyRole }[] },
  practiceIds: readonly string[],
  networkSlug: string,
): RecordFormValues {
  return {
    network: networkSlug,
    matchId: record.matchId ?? '',
    originalLanguage: record.originalLanguage,
    title: record.title,
    summary: record.summary,
    activities: record.activities,
    results: record.results,
    resources: record.resources,
    modality: record.modality,
    status: record.status,
    startsOn: record.startsOn ?? '',
    endsOn: record.endsOn ?? '',
    budgetAmount: record.budgetAmount === null ? '' : String(record.budgetAmount),
    budgetCurrency: record.budgetCurrency ?? '',
    thematicAreas: record.thematicAreas,
    gcmObjectives: record.gcmObjectives,
    countries: record.countries,
    parties: record.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })),
    practices: practiceIds.join('\n'),
  };
}

export function valuesFromPrefill(prefill: MatchPrefill): RecordFormValues {
  return {
    ...emptyValues(prefill.originalLanguage),
    network: prefill.networkSlug,
    matchId: prefill.matchId,
    title: prefill.title,
    thematicAreas: prefill.thematicAreas,
    gcmObjectives: prefill.gcmObjectives,
    countries: prefill.countries,
    parties: prefill.parties,
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** "12 500,50" or "12500.50" → 12500.5; null when empty; NaN when not a number. */
export function parseAmount(value: string): number | null {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** The flat form → the values to show again, the command's input, and the errors of reading it. */
export function readRecordForm(
  body: RecordFormBody,
  t: Translate,
): {
  values: RecordFormValues;
  input: Record<string, unknown>;
  version: number | null;
  errors: FieldError[];
} {
  const localized = (prefix: string): LocalizedText => {
    const result: LocalizedText = {};
    for (const lang of LANGUAGES) {
      const value = one(body[`${prefix}.${lang}`]);
      if (value) result[lang] = value;
    }
    return result;
  };
  const parties: RecordFormValues['parties'] = [];
  const seen = new Set<string>();
  for (let index = 0; index < MAX_PARTY_ROWS; index++) {
    const organisationId = one(body[`party.${index}.organisation`]);
    const role = one(body[`party.${index}.role`]);
    if (!organisationId || seen.has(`${organisationId}|${role}`)) continue;
    seen.add(`${organisationId}|${role}`);
    parties.push({ organisationId, role });
  }
  const values: RecordFormValues = {
    network: one(body.network),
    matchId: one(body.matchId),
    originalLanguage: one(body.originalLanguage),
    title: localized('title'),
    summary: localized('summary'),
    activities: localized('activities'),
    results: localized('results'),
    resources: localized('resources'),
    modality: one(body.modality),
    status: one(body.status),
    startsOn: one(body.startsOn),
    endsOn: one(body.endsOn),
    budgetAmount: one(body.budgetAmount),
    budgetCurrency: one(body.budgetCurrency).toUpperCase(),
    thematicAreas: many(body.thematicAreas),
    gcmObjectives: many(body.gcmObjectives),
    countries: many(body.countries),
    parties,
    practices: one(body.practices),
  };
  const errors: FieldError[] = [];
  const amount = parseAmount(values.budgetAmount);
  if (amount !== null && Number.isNaN(amount))
    errors.push({ field: 'budgetAmount', message: t('cooperationRecords.error.budgetNotNumber') });
  const practiceIds: string[] = [];
  for (const token of values.practices.split(/[\s,;]+/).filter(Boolean)) {
    const id = UUID.exec(token)?.[0]?.toLowerCase();
    if (id) {
      if (!practiceIds.includes(id)) practiceIds.push(id);
    } else errors.push({ field: 'practices', message: t('cooperationRecords.error.unknownPractice') });
  }
  for (const [index, party] of parties.entries()) {
    if (!UUID.test(party.organisationId))
      errors.push({
        field: `party.${index}.organisation`,
        message: t('cooperationRecords.error.partyNotMember'),
      });
    else if (!(PARTY_ROLES as readonly string[]).includes(party.role))
      errors.push({ field: `party.${index}.role`, message: t('cooperationRecords.error.partyRole') });
  }
  const date = (value: string) => (value === '' ? null : value);
  const input = {
    network: values.network,
    ...(values.matchId ? { matchId: values.matchId } : {}),
    originalLanguage: values.originalLanguage,
    title: values.title,
    summary: values.summary,
    activities: values.activities,
    results: values.results,
    resources: values.resources,
    modality: values.modality,
    status: values.status,
    startsOn: date(values.startsOn),
    endsOn: date(values.endsOn),
    budgetAmount: amount === null || Number.isNaN(amount) ? null : amount,
    budgetCurrency: values.budgetCurrency || null,
    thematicAreas: values.thematicAreas,
    gcmObjectives: values.gcmObjectives,
    countries: values.countries,
    parties,
    practiceIds,
  };
  const version = /^[0-9]{1,9}$/.test(one(body.version)) ? Number(one(body.version)) : null;
  return { values, input, version, errors };
}

/** A command's field (`parties.2`, `countries.0`, `title`) → the form's field it is shown beside. */
export function formField(field: string, originalLanguage: string): string {
  if (field === 'title') return `title.${originalLanguage || 'en'}`;
  const party = /^parties\.([0-9]+)(\..*)?$/.exec(field);
  if (party) return `party.${party[1]}.organisation`;
  const listed = /^(thematicAreas|gcmObjectives|countries)\.[0-9]+$/.exec(field);
  if (listed) return listed[1]!;
  if (/^practiceIds(\..*)?$/.test(field)) return 'practices';
  return field;
}

export function formFieldErrors(errors: FieldError[], originalLanguage: string): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = formField(error.field, originalLanguage);
    if (seen.has(field)) continue;
    seen.add(field);
    result.push({ field, message: error.message });
  }
  return result;
}

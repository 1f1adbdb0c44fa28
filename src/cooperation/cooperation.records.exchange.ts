import { stringify } from 'csv-stringify/sync';
import { LANGUAGES } from '../web/language.ts';
import type { CooperationRecord } from './cooperation.repository.ts';
import type { RecordParty } from './cooperation.records.repository.ts';

/**
 * Cooperation records as open data: the API's JSON shape (also the JSON export, as an array) and
 * the CSV with its HXL hashtag row (HXL 1.1: core hashtags where one fits, `#x_` for the GCM
 * objectives and Puente's own identifiers, `+i_xx` for the language of a text).
 */

export interface ExportableRecord extends CooperationRecord {
  networkSlug: string;
  parties: RecordParty[];
  practiceIds: string[];
}

/** The record as the API answers it. */
export function recordView(record: ExportableRecord, baseUrl: string, lang: string) {
  return {
    id: record.id,
    url: `${baseUrl}/${lang}/cooperation/${record.id}`,
    network: record.networkSlug,
    matchId: record.matchId,
    originalLanguage: record.originalLanguage,
    title: record.title as Record<string, string>,
    summary: record.summary as Record<string, string>,
    activities: record.activities as Record<string, string>,
    results: record.results as Record<string, string>,
    resources: record.resources as Record<string, string>,
    modality: record.modality,
    parties: record.parties.map((p) => ({
      organisationId: p.organisationId,
      role: p.role,
      name: p.name as Record<string, string>,
    })),
    thematicAreas: record.thematicAreas,
    gcmObjectives: record.gcmObjectives,
    countries: record.countries,
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    budgetAmount: record.budgetAmount,
    budgetCurrency: record.budgetCurrency,
    status: record.status,
    practiceIds: record.practiceIds,
    practiceDraftId: record.practiceId,
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

const TEXTS = [
  ['title', '#activity +name'],
  ['summary', '#activity +description +summary'],
  ['activities', '#activity +description +activities'],
  ['results', '#activity +description +results'],
  ['resources', '#activity +description +resources'],
] as const;

const SEPARATOR = ';';

export const RECORD_COLUMNS: readonly {
  name: string;
  hxl: string;
  value: (r: ExportableRecord, url: string) => string;
}[] = [
  { name: 'id', hxl: '#meta +id', value: (r) => r.id },
  { name: 'url', hxl: '#meta +url', value: (_, url) => url },
  { name: 'network', hxl: '#group +code', value: (r) => r.networkSlug },
  { name: 'status', hxl: '#status', value: (r) => r.status },
  { name: 'original_language', hxl: '#meta +lang', value: (r) => r.originalLanguage },
  ...TEXTS.flatMap(([field, hxl]) =>
    LANGUAGES.map((lang) => ({
      name: `${field}_${lang}`,
      hxl: `${hxl} +i_${lang}`,
      value: (r: ExportableRecord) => r[field][lang] ?? '',
    })),
  ),
  { name: 'modality', hxl: '#activity +modality +code', value: (r) => r.modality },
  {
    name: 'parties',
    hxl: '#org +id +role +list',
    value: (r) => r.parties.map((p) => `${p.organisationId}:${p.role}`).join(SEPARATOR),
  },
  ...(['provider', 'beneficiary'] as const).map((role) => ({
    name: `${role}_names`,
    hxl: `#org +name +${role} +list`,
    value: (r: ExportableRecord) =>
      r.parties
        .filter((p) => p.role === role)
        .map((p) => p.name[r.originalLanguage as 'en'] ?? Object.values(p.name).find(Boolean) ?? '')
        .join(SEPARATOR),
  })),
  { name: 'countries', hxl: '#country +code +list', value: (r) => r.countries.join(SEPARATOR) },
  { name: 'thematic_areas', hxl: '#sector +code +list', value: (r) => r.thematicAreas.join(SEPARATOR) },
  {
    name: 'gcm_objectives',
    hxl: '#x_gcm_objective +code +list',
    value: (r) => r.gcmObjectives.join(SEPARATOR),
  },
  { name: 'starts_on', hxl: '#date +start', value: (r) => r.startsOn ?? '' },
  { name: 'ends_on', hxl: '#date +end', value: (r) => r.endsOn ?? '' },
  {
    name: 'budget_amount',
    hxl: '#value +budget',
    value: (r) => (r.budgetAmount === null ? '' : String(r.budgetAmount)),
  },
  { name: 'budget_currency', hxl: '#currency +budget', value: (r) => r.budgetCurrency ?? '' },
  { name: 'practices', hxl: '#x_practice +id +list', value: (r) => r.practiceIds.join(SEPARATOR) },
  { name: 'match_id', hxl: '#x_match +id', value: (r) => r.matchId ?? '' },
  { name: 'updated_at', hxl: '#date +updated', value: (r) => r.updatedAt.toISOString() },
];

/** The CSV: the header row, the HXL row, then one record per row (CRLF, as RFC 4180 says). */
export function recordsCsv(records: readonly ExportableRecord[], urlOf: (id: string) => string): string {
  const rows = [
    RECORD_COLUMNS.map((c) => c.name),
    RECORD_COLUMNS.map((c) => c.hxl),
    ...records.map((record) => RECORD_COLUMNS.map((c) => c.value(record, urlOf(record.id)))),
  ];
  return stringify(rows, { record_delimiter: 'windows' });
}

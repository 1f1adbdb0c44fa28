import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { getEntry } from '../reference/index.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import type { IatiRecord } from './cooperation.iati.repository.ts';
import type { PartyRole, RecordStatus, UnitType } from './cooperation.tables.ts';

/**
 * Cooperation records as IATI activities, standard version 2.03 (the schema and codelists are in
 * test/fixtures/iati-2.03/, where the tests validate this output). The choices, each from the
 * codelists of the standard:
 *
 * - **Reporting organisation: the network.** A record is the network's account of cooperation
 *   among its members, facilitated by its secretariat; no single party reports it. Its reference is
 *   `{PUENTE_IATI_ORG_PREFIX}-{network slug}` (set the prefix to the network's registered
 *   organisation identifier), its type 90 "Other" (a network is none of the listed kinds).
 * - **Identifier:** `{reporting-org ref}-{record id}`: stable, unique, never reused.
 * - **Participating organisations** (OrganisationRole): provider → 4 Implementing (it carries the
 *   cooperation out); funder → 1 Funding; beneficiary → 2 Accountable (the institution that asked
 *   for the cooperation owns its outcomes; 2.03 has no "beneficiary" role); facilitator → 3
 *   Extending (it manages the cooperation's direction for the others); partner → 4 Implementing.
 *   Their type (OrganisationType) follows the GCM stakeholder group, below.
 * - **Status** (ActivityStatus): planned → 1 Pipeline, under way → 2 Implementation, completed → 4 Closed.
 * - **Dates** (ActivityDateType): the start is actual (2) once the record is under way or completed
 *   and the date has come, planned (1) otherwise; the end is actual (4) when completed, planned (3)
 *   otherwise. A record without a start date reports the day it was recorded as its planned start
 *   (the schema requires one date), saying so in a narrative.
 * - **Sector:** every record is DAC CRS purpose code 15190 (vocabulary 1), "Facilitation of
 *   orderly, safe, regular and responsible migration and mobility"; its IOM–NGO thematic areas are
 *   added in vocabulary 99 (the reporting organisation's), shares summing to 100 %, with the URI of
 *   Puente's vocabulary. GCM objectives are tags of vocabulary 99 likewise.
 * - **Collaboration type:** bilateral → 1, triangular → 8; regional, multilateral and South–South
 *   have no exact code and are left out.
 * - **Budget:** when the record has an amount and both dates: one original (type 1), indicative
 *   (status 1) budget over the record's period.
 * - **Results:** one outcome result (type 2) per indicator of the record: baseline, one period per
 *   measured value (from the previous measure, or the baseline, to that value's date) with the
 *   actual value and its source as comment, and the target in a period from baseline to target
 *   date. Measure: count and amount → 1 Unit, percentage → 2, score → 4 Ordinal.
 */

export interface IatiOptions {
  orgPrefix: string;
  /** The public address of the instance, for the vocabularies' URIs. */
  baseUrl: string;
  generatedAt: Date;
}

const ROLE: Record<PartyRole, string> = {
  provider: '4',
  funder: '1',
  beneficiary: '2',
  facilitator: '3',
  partner: '4',
};

const STATUS: Record<RecordStatus, string> = { planned: '1', 'under-way': '2', completed: '4' };

/** IATI OrganisationType from the GCM stakeholder group; unknown groups are 90 "Other". */
const ORGANISATION_TYPE: Record<string, string> = {
  government: '10',
  'local-authorities': '11',
  parliamentarians: '15',
  'national-human-rights-institutions': '15',
  'civil-society': '22',
  'migrant-led-organisations': '22',
  diasporas: '22',
  'faith-based-organisations': '22',
  'red-cross-red-crescent': '22',
  'trade-unions': '22',
  'intergovernmental-organisation': '40',
  'private-sector': '70',
  'employers-organisations': '70',
  academia: '80',
};

const COLLABORATION: Record<string, string> = { bilateral: '1', triangular: '8' };

const MEASURE: Record<UnitType, string> = { count: '1', amount: '1', percentage: '2', score: '4' };

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates): dropped, never sent broken. */
function xmlSafe(text: string): string {
  let safe = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) safe += char;
  }
  return safe;
}

export const orgRefOf = (prefix: string, networkSlug: string) => `${prefix}-${networkSlug}`;
export const iatiIdentifierOf = (prefix: string, record: Pick<IatiRecord, 'id' | 'network'>) =>
  `${orgRefOf(prefix, record.network.slug)}-${record.id}`;

const hasText = (text: LocalizedText | null | undefined) =>
  Object.values(text ?? {}).some((value) => typeof value === 'string' && value.trim() !== '');

/** One narrative per language the text has; the interface languages first, in their order. */
function narratives(parent: XMLBuilder, text: LocalizedText) {
  const languages = [
    ...LANGUAGES.filter((lang) => text[lang]),
    ...Object.keys(text).filter((lang) => !(LANGUAGES as readonly string[]).includes(lang)),
  ];
  for (const lang of languages) {
    const value = (text as Record<string, string | undefined>)[lang]?.trim();
    if (value) parent.ele('narrative', { 'xml:lang': lang }).txt(xmlSafe(value));
  }
}

/** The labels of a reference code in the interface languages, for narratives. */
function referenceLabels(vocabulary: string, code: string): LocalizedText {
  return (getEntry(vocabulary, code)?.labels as LocalizedText | undefined) ?? { en: code };
}

const today = (now: Date) => now.toISOString().slice(0, 10);
const decimal = (n: number) => String(Number(n.toFixed(2)));

/** Shares of 100 for `count` items, to two decimals, summing exactly to 100. */
function shares(count: number): string[] {
  const each = Math.floor(10_000 / count) / 100;
  const result = Array.from({ length: count }, () => each);
  result[count - 1] = Math.round((100 - each * (count - 1)) * 100) / 100;
  return result.map(decimal);
}

function activity(root: XMLBuilder, record: IatiRecord, options: IatiOptions) {
  const a = root.ele('iati-activity', {
    'last-updated-datetime': record.updatedAt.toISOString(),
    'xml:lang': record.originalLanguage,
    ...(record.budgetCurrency ? { 'default-currency': record.budgetCurrency } : {}),
  });
  a.ele('iati-identifier').txt(iatiIdentifierOf(options.orgPrefix, record));
  narratives(a.ele('reporting-org', { ref: orgRefOf(options.orgPrefix, record.network.slug), type: '90' }), {
    ...record.network.name,
  });
  narratives(a.ele('title'), record.title);
  narratives(a.ele('description', { type: '1' }), hasText(record.summary) ? record.summary : record.title);
  if (hasText(record.activities)) narratives(a.ele('description', { type: '4' }), record.activities);
  if (hasText(record.results)) narratives(a.ele('description', { type: '4' }), record.results);
  for (const party of record.parties) {
    const org = a.ele('participating-org', {
      role: ROLE[party.role],
      type: ORGANISATION_TYPE[party.stakeholderGroup] ?? '90',
    });
    narratives(org, party.name);
  }
  if (record.parties.length === 0)
    narratives(a.ele('participating-org', { role: '3', type: '90' }), record.network.name);
  a.ele('activity-status', { code: STATUS[record.status] });
  const now = today(options.generatedAt);
  if (record.startsOn) {
    const started = record.status !== 'planned' && record.startsOn <= now;
    a.ele('activity-date', { type: started ? '2' : '1', 'iso-date': record.startsOn });
  } else {
    const recorded = a.ele('activity-date', {
      type: '1',
      'iso-date': record.createdAt.toISOString().slice(0, 10),
    });
    recorded.ele('narrative', { 'xml:lang': 'en' }).txt('Date recorded; no start date was given.');
  }
  if (record.endsOn)
    a.ele('activity-date', { type: record.status === 'completed' ? '4' : '3', 'iso-date': record.endsOn });
  for (const code of record.countries) a.ele('recipient-country', { code });
  a.ele('sector', { vocabulary: '1', code: '15190' });
  const areas = record.thematicAreas;
  const areaShares = shares(areas.length || 1);
  areas.forEach((code, index) => {
    const sector = a.ele('sector', {
      vocabulary: '99',
      'vocabulary-uri': `${options.baseUrl}/api/v1/reference/iom-areas`,
      code,
      percentage: areaShares[index]!,
    });
    narratives(sector, referenceLabels('iom-areas', code));
  });
  for (const code of record.gcmObjectives) {
    const tag = a.ele('tag', {
      vocabulary: '99',
      'vocabulary-uri': `${options.baseUrl}/api/v1/reference/gcm-objectives`,
      code,
    });
    narratives(tag, referenceLabels('gcm-objectives', code));
  }
  const collaboration = COLLABORATION[record.modality];
  if (collaboration) a.ele('collaboration-type', { code: collaboration });
  if (record.budgetAmount !== null && record.budgetCurrency && record.startsOn && record.endsOn) {
    const budget = a.ele('budget', { type: '1', status: '1' });
    budget.ele('period-start', { 'iso-date': record.startsOn });
    budget.ele('period-end', { 'iso-date': record.endsOn });
    budget
      .ele('value', { currency: record.budgetCurrency, 'value-date': record.startsOn })
      .txt(decimal(record.budgetAmount));
  }
  for (const indicator of record.indicators) {
    const result = a.ele('result', { type: '2' });
    narratives(result.ele('title'), indicator.name);
    const i = result.ele('indicator', {
      measure: MEASURE[indicator.unitType],
      ascending: indicator.targetValue >= indicator.baselineValue ? '1' : '0',
    });
    narratives(i.ele('title'), indicator.name);
    if (hasText(indicator.description)) narratives(i.ele('description'), indicator.description);
    i.ele('baseline', {
      year: indicator.baselineOn.slice(0, 4),
      'iso-date': indicator.baselineOn,
      value: String(indicator.baselineValue),
    });
    let previous = indicator.baselineOn;
    for (const value of indicator.values) {
      const period = i.ele('period');
      period.ele('period-start', { 'iso-date': previous });
      period.ele('period-end', { 'iso-date': value.measuredOn });
      const actual = period.ele('actual', { value: String(value.value) });
      actual.ele('comment').ele('narrative').txt(xmlSafe(value.source));
      previous = value.measuredOn;
    }
    const targetPeriod = i.ele('period');
    targetPeriod.ele('period-start', { 'iso-date': indicator.baselineOn });
    targetPeriod.ele('period-end', { 'iso-date': indicator.targetOn });
    targetPeriod.ele('target', { value: String(indicator.targetValue) });
  }
}

/**
 * An `iati-activities` document of these records. With none, the document has no activity (the
 * schema asks for one: an empty export says so by being empty rather than inventing one).
 */
export function iatiActivitiesXml(records: readonly IatiRecord[], options: IatiOptions): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: '2.03',
    'generated-datetime': options.generatedAt.toISOString(),
  });
  for (const record of records) activity(root, record, options);
  return root.end({ prettyPrint: true });
}

import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { inputValidator } from '../http/validation.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type Lang, type LocalizedText } from '../web/language.ts';
import { OrganisationInput } from './directory.schemas.ts';
import type { MembershipRole } from './directory.tables.ts';

/**
 * Open-data exchange of the directory: organisations and memberships as CSV with an HXL hashtag
 * row (a header row, then the hashtags, then the data) and as JSON; import of organisations from
 * the same CSV or from JSON, all rows validated first, then inserted in one transaction; import of
 * memberships likewise.
 */

/** A file larger than this is refused before it is read: the import holds it in memory. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** The report lists this many problems, then says how many more there were. */
export const MAX_REPORTED_ERRORS = 100;
const INSERT_BATCH = 500;
const LIST_SEPARATOR = ';';

// ---------------------------------------------------------------------------------------------
// Columns

interface Column {
  name: string;
  hxl: string;
}

const localizedColumns = (base: string, hxl: string): Column[] =>
  LANGUAGES.map((lang) => ({ name: `${base}_${lang}`, hxl: `${hxl} +i_${lang}` }));

/** The organisation columns, in file order: the header row, then the HXL row. */
export const ORGANISATION_COLUMNS: readonly Column[] = [
  { name: 'id', hxl: '#meta +id' },
  ...localizedColumns('name', '#org +name'),
  ...localizedColumns('acronym', '#org +acronym'),
  { name: 'stakeholder_group', hxl: '#org +type +code' },
  { name: 'headquarters_country', hxl: '#country +code +hq' },
  { name: 'countries_served', hxl: '#country +code +served +list' },
  { name: 'thematic_areas', hxl: '#sector +code +list' },
  { name: 'website', hxl: '#contact +url' },
  ...localizedColumns('description', '#description'),
];

export const MEMBERSHIP_COLUMNS: readonly Column[] = [
  { name: 'organisation_id', hxl: '#org +id' },
  { name: 'organisation_name', hxl: '#org +name' },
  { name: 'network', hxl: '#group +code' },
  { name: 'role', hxl: '#org +role' },
  { name: 'since', hxl: '#date +start' },
];

const KNOWN_ORGANISATION_COLUMNS = new Set(ORGANISATION_COLUMNS.map((column) => column.name));
const NAME_COLUMNS = LANGUAGES.map((lang) => `name_${lang}`);

// ---------------------------------------------------------------------------------------------
// Export (public data only: never focal points, accreditations' notes or accounts)

export interface ExportedOrganisation {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  stakeholderGroup: string;
  headquartersCountry: string | null;
  countriesServed: string[];
  thematicAreas: string[];
  website: string | null;
  description: LocalizedText;
}

export interface ExportedMembership {
  organisationId: string;
  organisationName: string;
  network: string;
  role: string;
  since: string | null;
}

export async function listOrganisationsForExport(db: Executor): Promise<ExportedOrganisation[]> {
  const rows = await db
    .selectFrom('organisations')
    .select([
      'id',
      'name',
      'acronym',
      'stakeholder_group',
      'headquarters_country',
      'countries_served',
      'thematic_areas',
      'website',
      'description',
    ])
    .orderBy(sql`lower(coalesce(name->>'en', name->>'fr', name->>'es', name->>'pt'))`)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    stakeholderGroup: row.stakeholder_group,
    headquartersCountry: row.headquarters_country,
    countriesServed: row.countries_served,
    thematicAreas: row.thematic_areas,
    website: row.website,
    description: row.description,
  }));
}

function firstText(text: LocalizedText): string {
  for (const lang of ['en', 'fr', 'es', 'pt'] as const) if (text[lang]) return text[lang];
  return '';
}

export async function listMembershipsForExport(db: Executor): Promise<ExportedMembership[]> {
  const rows = await db
    .selectFrom('network_memberships')
    .innerJoin('networks', 'networks.id', 'network_memberships.network_id')
    .innerJoin('organisations', 'organisations.id', 'network_memberships.organisation_id')
    .select([
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'networks.slug as network',
      'network_memberships.role',
      sql<string | null>`to_char(network_memberships.since, 'YYYY-MM-DD')`.as('since'),
    ])
    .orderBy('networks.slug')
    .orderBy(sql`lower(coalesce(organisations.name->>'en', organisations.name->>'fr'))`)
    .orderBy('organisations.id')
    .execute();
  return rows.map((row) => ({ ...row, organisationName: firstText(row.organisationName) }));
}

const localizedCells = (text: LocalizedText) => LANGUAGES.map((lang) => text[lang] ?? '');

/** RFC 4180 CSV (CRLF, quoted where needed), UTF-8 without BOM: header row, HXL row, data. */
export function organisationsToCsv(organisations: ExportedOrganisation[]): string {
  const records = organisations.map((o) => [
    o.id,
    ...localizedCells(o.name),
    ...localizedCells(o.acronym),
    o.stakeholderGroup,
    o.headquartersCountry ?? '',
    o.countriesServed.join(LIST_SEPARATOR),
    o.thematicAreas.join(LIST_SEPARATOR),
    o.website ?? '',
    ...localizedCells(o.description),
  ]);
  return stringify(
    [ORGANISATION_COLUMNS.map((c) => c.name), ORGANISATION_COLUMNS.map((c) => c.hxl), ...records],
    { record_delimiter: 'windows' },
  );
}

export function membershipsToCsv(memberships: ExportedMembership[]): string {
  const records = memberships.map((m) => [
    m.organisationId,
    m.organisationName,
    m.network,
    m.role,
    m.since ?? '',
  ]);
  return stringify(
    [MEMBERSHIP_COLUMNS.map((c) => c.name), MEMBERSHIP_COLUMNS.map((c) => c.hxl), ...records],
    { record_delimiter: 'windows' },
  );
}

/** The download links a page can show, labelled in its language. */
export function exportLinks(t: Translate): { href: string; label: string; type: string }[] {
  return [
    {
      href: '/api/v1/exports/organisations.csv',
      label: t('exchange.link.organisationsCsv'),
      type: 'text/csv',
    },
    {
      href: '/api/v1/exports/organisations.json',
      label: t('exchange.link.organisationsJson'),
      type: 'application/json',
    },
    { href: '/api/v1/exports/memberships.csv', label: t('exchange.link.membershipsCsv'), type: 'text/csv' },
    {
      href: '/api/v1/exports/memberships.json',
      label: t('exchange.link.membershipsJson'),
      type: 'application/json',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Import

/** One problem of an import, where a spreadsheet user finds it: row 1 is the header row. */
export interface ImportProblem {
  /** 0 for the file as a whole. */
  row: number;
  field: string;
  message: string;
}

export type ImportFormat = 'csv' | 'json';

export interface ImportProgress {
  phase: 'validate' | 'insert';
  done: number;
  total: number;
}

export type ImportResult =
  { ok: true; imported: number } | { ok: false; forbidden?: true; errors: ImportProblem[]; more: number };

/** Who imports: a principal of the web or API (checked), or the operator at the command line. */
export type Importer = Principal | 'command-line';

const validateOrganisation = inputValidator(OrganisationInput);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Collects problems up to the limit and counts the rest, so 100,000 bad lines stay cheap. */
export class Report {
  readonly errors: ImportProblem[] = [];
  more = 0;
  add(problem: ImportProblem): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(problem);
    else this.more++;
  }
  get failed(): boolean {
    return this.errors.length > 0;
  }
  result(): ImportResult {
    return { ok: false, errors: this.errors, more: this.more };
  }
}

/** The text of an import file: UTF-8 (a leading BOM is allowed and dropped), nothing else. */
export function decodeFile(bytes: Uint8Array, report: Report, t: Translate): string | null {
  if (bytes.byteLength > IMPORT_MAX_BYTES) {
    report.add({
      row: 0,
      field: 'file',
      message: t('exchange.error.tooLarge', { limit: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }),
    });
    return null;
  }
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    report.add({ row: 0, field: 'file', message: t('exchange.error.encoding') });
    return null;
  }
}

const hasText = (text: LocalizedText | undefined) =>
  Object.values(text ?? {}).some((value) => typeof value === 'string' && value.trim() !== '');

/**
 * The rules of createOrganisation for one imported row: the schema (same validator), then the
 * reference codes. `column` names each field as the file does (a CSV column, or the JSON path).
 */
export function checkOrganisationRow(
  input: OrganisationInput,
  t: Translate,
  column: (field: string) => string = (field) => field,
): { field: string; message: string }[] {
  const schemaErrors = validateOrganisation(input, t);
  if (schemaErrors.length > 0)
    return schemaErrors.map((error) => ({ field: column(error.field), message: error.message }));
  const errors: { field: string; message: string }[] = [];
  if (!hasText(input.name))
    errors.push({ field: column('name'), message: t('directory.error.nameRequired') });
  if (!isCode('stakeholder-groups', input.stakeholderGroup)) {
    errors.push({
      field: column('stakeholderGroup'),
      message: t('exchange.error.unknownCode', { value: input.stakeholderGroup }),
    });
  }
  if (input.headquartersCountry && !isCode('countries', input.headquartersCountry)) {
    errors.push({
      field: column('headquartersCountry'),
      message: t('directory.error.unknownCountry', { code: input.headquartersCountry }),
    });
  }
  for (const [index, code] of (input.countriesServed ?? []).entries()) {
    if (!isCode('countries', code))
      errors.push({
        field: column(`countriesServed.${index}`),
        message: t('directory.error.unknownCountry', { code }),
      });
  }
  for (const [index, code] of (input.thematicAreas ?? []).entries()) {
    if (!isCode('iom-areas', code))
      errors.push({
        field: column(`thematicAreas.${index}`),
        message: t('exchange.error.unknownCode', { value: code }),
      });
  }
  return errors;
}

/** The CSV column of an OrganisationInput field: `name.en` → name_en, `countriesServed.3` → countries_served. */
function csvColumnOf(field: string): string {
  const [head, rest] = field.split('.', 2) as [string, string | undefined];
  switch (head) {
    case 'name':
    case 'acronym':
    case 'description':
      return rest && (LANGUAGES as readonly string[]).includes(rest) ? `${head}_${rest}` : head;
    case 'stakeholderGroup':
      return 'stakeholder_group';
    case 'headquartersCountry':
      return 'headquarters_country';
    case 'countriesServed':
      return 'countries_served';
    case 'thematicAreas':
      return 'thematic_areas';
    default:
      return head;
  }
}

function localizedFrom(cells: Map<string, string>, base: string): LocalizedText | undefined {
  const text: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const value = cells.get(`${base}_${lang}`)?.trim();
    if (value) text[lang as Lang] = value;
  }
  return Object.keys(text).length > 0 ? text : undefined;
}

const listFrom = (cell: string | undefined, upper: boolean) =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((item) => (upper ? item.trim().toUpperCase() : item.trim()))
    .filter((item) => item !== '');

/** One CSV record as OrganisationInput; empty cells are absent fields. */
export function organisationFromCells(cells: Map<string, string>): OrganisationInput {
  const input: Record<string, unknown> = {
    name: localizedFrom(cells, 'name') ?? {},
    stakeholderGroup: (cells.get('stakeholder_group') ?? '').trim(),
  };
  const acronym = localizedFrom(cells, 'acronym');
  if (acronym) input.acronym = acronym;
  const description = localizedFrom(cells, 'description');
  if (description) input.description = description;
  const hq = cells.get('headquarters_country')?.trim().toUpperCase();
  if (hq) input.headquartersCountry = hq;
  if (cells.has('countries_served')) input.countriesServed = listFrom(cells.get('countries_served'), true);
  if (cells.has('thematic_areas')) input.thematicAreas = listFrom(cells.get('thematic_areas'), false);
  const website = cells.get('website')?.trim();
  if (website) input.website = website;
  return input as OrganisationInput;
}

export const isHxlRow = (record: string[]) =>
  record.some((cell) => cell.trim() !== '') &&
  record.every((cell) => cell.trim() === '' || cell.trim().startsWith('#'));

/** A spreadsheet shows one row per record and per empty line: that is the row we name. */
function csvProblem(error: CsvError, t: Translate): ImportProblem {
  const context = error as unknown as { records?: number; empty_lines?: number };
  const row = (context.records ?? 0) + (context.empty_lines ?? 0) + 1;
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return { row, field: 'file', message: t('exchange.error.columnCount') };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { row, field: 'file', message: t('exchange.error.quoteNotClosed') };
    default:
      return { row, field: 'file', message: t('exchange.error.malformedCsv') };
  }
}

/** The records of a CSV file with the spreadsheet row of each, or null when it is not valid CSV. */
export function parseCsvRecords(
  text: string,
  report: Report,
  t: Translate,
): { row: number; cells: string[] }[] | null {
  let cells: string[][];
  const rowNumbers: number[] = [];
  try {
    cells = parseCsv(text, {
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: 1_000_000,
      on_record: (record, context) => {
        rowNumbers.push(context.records + context.empty_lines);
        return record;
      },
    });
  } catch (error) {
    // csv-parse names most of its errors CSV_…, but not all (INVALID_OPENING_QUOTE): its class is the test.
    if (error instanceof CsvError) report.add(csvProblem(error, t));
    else throw error;
    return null;
  }
  return cells.map((record, index) => ({ row: rowNumbers[index]!, cells: record }));
}

/** The header's column names, lower-cased; unknown and repeated columns are reported on row 1. */
export function headerNames(
  header: string[],
  known: ReadonlySet<string>,
  report: Report,
  t: Translate,
): string[] {
  const names = header.map((cell) => cell.trim().toLowerCase());
  for (const [index, name] of names.entries()) {
    if (!known.has(name))
      report.add({
        row: 1,
        field: name || `#${index + 1}`,
        message: t('exchange.error.unknownColumn', {
          column: name || String(index + 1),
          known: [...known].join(', '),
        }),
      });
    else if (names.indexOf(name) !== index)
      report.add({ row: 1, field: name, message: t('exchange.error.duplicateColumn', { column: name }) });
  }
  return names;
}

/** Reads a CSV import: the header, an optional HXL row, then one organisation per record. */
function readCsv(
  text: string,
  report: Report,
  t: Translate,
  onProgress: (progress: ImportProgress) => void,
): { row: number; input: OrganisationInput }[] {
  const records = parseCsvRecords(text, report, t);
  if (records === null) return [];
  const header = records[0]?.cells;
  if (!header) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.empty') });
    return [];
  }
  const names = headerNames(header, KNOWN_ORGANISATION_COLUMNS, report, t);
  if (!NAME_COLUMNS.some((name) => names.includes(name)))
    report.add({ row: 1, field: 'name', message: t('exchange.error.missingNameColumn') });
  if (!names.includes('stakeholder_group'))
    report.add({
      row: 1,
      field: 'stakeholder_group',
      message: t('exchange.error.missingColumn', { column: 'stakeholder_group' }),
    });
  if (report.failed) return [];
  const firstData = records[1] && isHxlRow(records[1].cells) ? 2 : 1;
  const total = records.length - firstData;
  const rows: { row: number; input: OrganisationInput }[] = [];
  for (let index = firstData; index < records.length; index++) {
    const { row, cells: record } = records[index]!;
    const input = organisationFromCells(new Map(names.map((name, column) => [name, record[column] ?? ''])));
    const problems = checkOrganisationRow(input, t, csvColumnOf);
    for (const problem of problems) report.add({ row, ...problem });
    // Once a row failed nothing will be inserted: stop keeping rows, only count problems.
    if (!report.failed) rows.push({ row, input });
    const done = index - firstData + 1;
    if (done % 1000 === 0) onProgress({ phase: 'validate', done, total });
  }
  onProgress({ phase: 'validate', done: total, total });
  return rows;
}

/** Reads a JSON import: an array of OrganisationInput objects; row N is the N-th item. */
function readJson(
  text: string,
  report: Report,
  t: Translate,
  onProgress: (progress: ImportProgress) => void,
): { row: number; input: OrganisationInput }[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    report.add({ row: 0, field: 'file', message: t('exchange.error.malformedJson') });
    return [];
  }
  if (!Array.isArray(items)) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.notAnArray') });
    return [];
  }
  const rows: { row: number; input: OrganisationInput }[] = [];
  for (const [index, item] of items.entries()) {
    const row = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      report.add({ row, field: 'body', message: t('exchange.error.notAnObject') });
      continue;
    }
    const input = item as OrganisationInput; // the validator removes unknown fields (e.g. an exported id)
    for (const problem of checkOrganisationRow(input, t)) report.add({ row, ...problem });
    if (!report.failed) rows.push({ row, input });
    if (row % 1000 === 0) onProgress({ phase: 'validate', done: row, total: items.length });
  }
  onProgress({ phase: 'validate', done: items.length, total: items.length });
  return rows;
}

function organisationColumns(input: OrganisationInput) {
  return {
    name: JSON.stringify(input.name),
    acronym: JSON.stringify(input.acronym ?? {}),
    stakeholder_group: input.stakeholderGroup,
    headquarters_country: input.headquartersCountry ?? null,
    countries_served: input.countriesServed ?? [],
    thematic_areas: input.thematicAreas ?? [],
    website: input.website ?? null,
    description: JSON.stringify(input.description ?? {}),
  };
}

/**
 * Imports organisations, all or nothing: every row is validated with createOrganisation's rules
 * and reported by row and field; only a file without a single problem is inserted, in one
 * transaction (an interruption midway rolls everything back).
 */
export async function importOrganisations(
  db: Db,
  actor: Importer,
  file: { format: ImportFormat; bytes: Uint8Array },
  t: Translate,
  options: { onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  if (actor !== 'command-line' && !isSecretariat(actor))
    return {
      ok: false,
      forbidden: true,
      errors: [{ row: 0, field: 'body', message: t('error.forbidden.body') }],
      more: 0,
    };
  const onProgress = options.onProgress ?? (() => {});
  const report = new Report();
  const text = decodeFile(file.bytes, report, t);
  if (text === null) return report.result();
  const rows =
    file.format === 'csv' ? readCsv(text, report, t, onProgress) : readJson(text, report, t, onProgress);
  if (report.failed) return report.result();
  if (rows.length === 0) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.empty') });
    return report.result();
  }
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      await tx
        .insertInto('organisations')
        .values(batch.map(({ input }) => organisationColumns(input)))
        .execute();
      onProgress({ phase: 'insert', done: start + batch.length, total: rows.length });
    }
  });
  return { ok: true, imported: rows.length };
}

// ---------------------------------------------------------------------------------------------
// Import of memberships

const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['coordinator', 'member', 'observer'];
const KNOWN_MEMBERSHIP_COLUMNS = new Set(MEMBERSHIP_COLUMNS.map((column) => column.name));
const REQUIRED_MEMBERSHIP_COLUMNS = ['organisation_id', 'network', 'role'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOKUP_BATCH = 1000;

/** One membership as the file gives it, with the names of its fields in that file. */
interface MembershipRow {
  row: number;
  organisationId: string;
  network: string;
  role: string;
  since: string;
}

interface MembershipFields {
  organisationId: string;
  network: string;
  role: string;
  since: string;
}

const CSV_MEMBERSHIP_FIELDS: MembershipFields = {
  organisationId: 'organisation_id',
  network: 'network',
  role: 'role',
  since: 'since',
};
const JSON_MEMBERSHIP_FIELDS: MembershipFields = {
  organisationId: 'organisationId',
  network: 'network',
  role: 'role',
  since: 'since',
};

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads a CSV import of memberships: the header, an optional HXL row, then one per record. */
function readMembershipsCsv(text: string, report: Report, t: Translate): MembershipRow[] {
  const records = parseCsvRecords(text, report, t);
  if (records === null) return [];
  const header = records[0]?.cells;
  if (!header) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.noMembership') });
    return [];
  }
  const names = headerNames(header, KNOWN_MEMBERSHIP_COLUMNS, report, t);
  for (const column of REQUIRED_MEMBERSHIP_COLUMNS)
    if (!names.includes(column))
      report.add({ row: 1, field: column, message: t('exchange.error.missingColumn', { column }) });
  if (report.failed) return [];
  const firstData = records[1] && isHxlRow(records[1].cells) ? 2 : 1;
  const cell = (record: string[], name: string) => {
    const index = names.indexOf(name);
    return index < 0 ? '' : (record[index] ?? '').trim();
  };
  return records.slice(firstData).map(({ row, cells }) => ({
    row,
    organisationId: cell(cells, 'organisation_id'),
    network: cell(cells, 'network'),
    role: cell(cells, 'role'),
    since: cell(cells, 'since'),
  }));
}

/** Reads a JSON import of memberships: an array of `{ organisationId, network, role, since }`. */
function readMembershipsJson(text: string, report: Report, t: Translate): MembershipRow[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    report.add({ row: 0, field: 'file', message: t('exchange.error.malformedJson') });
    return [];
  }
  if (!Array.isArray(items)) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.notAMembershipList') });
    return [];
  }
  const rows: MembershipRow[] = [];
  for (const [index, item] of items.entries()) {
    const row = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      report.add({ row, field: 'body', message: t('exchange.error.notAMembership') });
      continue;
    }
    const record = item as Record<string, unknown>;
    const text = (field: string) => {
      const value = record[field];
      return typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : value;
    };
    const fields = { organisationId: '', network: '', role: '', since: '' };
    for (const field of Object.keys(fields) as (keyof typeof fields)[]) {
      const value = text(field);
      if (typeof value === 'string') fields[field] = value;
      else report.add({ row, field, message: t('exchange.error.notText') });
    }
    rows.push({ row, ...fields });
  }
  return rows;
}

/** Which of these organisation ids exist, asked in batches. */
async function existingOrganisations(db: Executor, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += LOOKUP_BATCH) {
    const batch = ids.slice(start, start + LOOKUP_BATCH);
    const rows = await db.selectFrom('organisations').select('id').where('id', 'in', batch).execute();
    for (const { id } of rows) found.add(id);
  }
  return found;
}

/** The existing memberships of these organisations, as `networkId organisationId`. */
async function existingMemberships(db: Executor, organisationIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < organisationIds.length; start += LOOKUP_BATCH) {
    const batch = organisationIds.slice(start, start + LOOKUP_BATCH);
    const rows = await db
      .selectFrom('network_memberships')
      .select(['network_id', 'organisation_id'])
      .where('organisation_id', 'in', batch)
      .execute();
    for (const row of rows) found.add(`${row.network_id} ${row.organisation_id}`);
  }
  return found;
}

/**
 * Imports network memberships, all or nothing, with the rules of the organisations' import: every
 * row is checked (the organisation exists, the network exists and the caller runs it, the role,
 * the date, no membership twice) and reported by row and field; only a file without a single
 * problem is inserted, in one transaction.
 */
export async function importMemberships(
  db: Db,
  actor: Importer,
  file: { format: ImportFormat; bytes: Uint8Array },
  t: Translate,
  options: { onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  if (actor !== 'command-line' && !isSecretariat(actor))
    return {
      ok: false,
      forbidden: true,
      errors: [{ row: 0, field: 'body', message: t('error.forbidden.body') }],
      more: 0,
    };
  const onProgress = options.onProgress ?? (() => {});
  const report = new Report();
  const text = decodeFile(file.bytes, report, t);
  if (text === null) return report.result();
  const rows =
    file.format === 'csv' ? readMembershipsCsv(text, report, t) : readMembershipsJson(text, report, t);
  if (report.failed) return report.result();
  if (rows.length === 0) {
    report.add({ row: 0, field: 'file', message: t('exchange.error.noMembership') });
    return report.result();
  }
  const fields = file.format === 'csv' ? CSV_MEMBERSHIP_FIELDS : JSON_MEMBERSHIP_FIELDS;
  const networks = new Map(
    (await db.selectFrom('networks').select(['id', 'slug']).execute()).map((n) => [n.slug, n.id]),
  );
  const ids = [...new Set(rows.map((r) => r.organisationId.toLowerCase()).filter((id) => UUID.test(id)))];
  const organisations = await existingOrganisations(db, ids);
  const existing = await existingMemberships(db, [...organisations]);
  const seen = new Map<string, number>();
  const valid: { network_id: string; organisation_id: string; role: MembershipRole; since: string | null }[] =
    [];
  for (const [index, row] of rows.entries()) {
    const problem = (field: keyof MembershipFields, message: string) =>
      report.add({ row: row.row, field: fields[field], message });
    const organisationId = row.organisationId.toLowerCase();
    let organisationOk = false;
    if (row.organisationId === '') problem('organisationId', t('exchange.error.requiredValue'));
    else if (!UUID.test(organisationId))
      problem('organisationId', t('exchange.error.invalidUuid', { value: row.organisationId }));
    else if (!organisations.has(organisationId))
      problem('organisationId', t('exchange.error.unknownOrganisation', { value: row.organisationId }));
    else organisationOk = true;
    const networkId = networks.get(row.network);
    let networkOk = false;
    if (row.network === '') problem('network', t('exchange.error.requiredValue'));
    else if (networkId === undefined)
      problem('network', t('exchange.error.unknownNetwork', { value: row.network }));
    else if (actor !== 'command-line' && !isSecretariat(actor, networkId))
      problem('network', t('exchange.error.notYourNetwork', { value: row.network }));
    else networkOk = true;
    const role = row.role.toLowerCase() as MembershipRole;
    if (row.role === '') problem('role', t('exchange.error.requiredValue'));
    else if (!MEMBERSHIP_ROLES.includes(role))
      problem('role', t('exchange.error.invalidRole', { value: row.role }));
    if (row.since !== '' && !isDate(row.since))
      problem('since', t('exchange.error.invalidDate', { value: row.since }));
    if (organisationOk && networkOk) {
      const key = `${networkId} ${organisationId}`;
      const earlier = seen.get(key);
      if (existing.has(key))
        problem('organisationId', t('exchange.error.membershipExists', { network: row.network }));
      else if (earlier !== undefined)
        problem(
          'organisationId',
          t('exchange.error.duplicateMembership', { row: earlier, network: row.network }),
        );
      else seen.set(key, row.row);
    }
    if (!report.failed)
      valid.push({
        network_id: networkId!,
        organisation_id: organisationId,
        role,
        since: row.since === '' ? null : row.since,
      });
    if ((index + 1) % 1000 === 0) onProgress({ phase: 'validate', done: index + 1, total: rows.length });
  }
  onProgress({ phase: 'validate', done: rows.length, total: rows.length });
  if (report.failed) return report.result();
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < valid.length; start += INSERT_BATCH) {
      const batch = valid.slice(start, start + INSERT_BATCH);
      await tx.insertInto('network_memberships').values(batch).execute();
      onProgress({ phase: 'insert', done: start + batch.length, total: valid.length });
    }
  });
  return { ok: true, imported: valid.length };
}

/** A problem as an API field error: `row 12: website`. */
export function problemField(problem: ImportProblem): string {
  return problem.row > 0 ? `row ${problem.row}: ${problem.field}` : problem.field;
}

/** The report as field errors (API, CLI): each problem, then how many more were not listed. */
export function reportAsFieldErrors(
  result: { errors: ImportProblem[]; more: number },
  t: Translate,
): { field: string; message: string }[] {
  const errors = result.errors.map((problem) => ({ field: problemField(problem), message: problem.message }));
  if (result.more > 0)
    errors.push({ field: 'file', message: t('exchange.error.moreErrors', { count: result.more }) });
  return errors;
}

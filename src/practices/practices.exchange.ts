import crypto from 'node:crypto';
import type { Db, Executor } from '../db/schema.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportFormat,
  type ImportProblem,
  type ImportProgress,
  type Importer,
  Report,
  decodeFile,
  headerNames,
  isDate,
  isHxlRow,
  parseCsvRecords,
} from '../directory/exchange.ts';
import { isSecretariat } from '../http/access.ts';
import { findNulCharacter } from '../http/body-parsers.ts';
import type { FieldError } from '../http/problems.ts';
import { inputValidator } from '../http/validation.ts';
import type { Translate } from '../web/i18n.ts';
import {
  PRACTICE_COLUMNS,
  REQUIRED_COLUMNS,
  csvColumnOf,
  practiceFromCells,
  textColumn,
} from './practices.exchange.columns.ts';
import { checkContent, completenessOf, isFilled, toContent } from './practices.content.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import * as repo from './practices.repository.ts';
import { PracticeInput, type PracticeContent } from './practices.schemas.ts';

export {
  EXPORT_MAX_ROWS,
  practicesCsv,
  practicesJson,
  publishedPractices,
} from './practices.exchange.export.ts';
export { PRACTICE_COLUMNS } from './practices.exchange.columns.ts';
export type { ImportFormat, ImportProblem, ImportProgress, Importer };

/**
 * Import of practices from CSV (the export's columns, with or without the HXL row) or JSON (an
 * array of PracticeInput objects, as the JSON export writes them). All or nothing: every row is
 * checked with the form's rules and reported by row and field; only a file without a single
 * problem is written, in one transaction, in batches of a few hundred rows per statement.
 */

const INSERT_BATCH = 500;
const LOOKUP_BATCH = 1000;
const IMPORTED_STATUSES = ['published', 'draft'] as const;
type ImportedStatus = (typeof IMPORTED_STATUSES)[number];

export type PracticeImportResult =
  | { ok: true; value: { imported: number } }
  | { ok: false; forbidden?: true; errors: ImportProblem[]; more: number };

const validatePractice = inputValidator(PracticeInput);
const failure = (report: Report): PracticeImportResult => ({
  ok: false,
  errors: report.errors,
  more: report.more,
});

/** One item of the file once read: PracticeInput's fields as written, and where it came from. */
interface ImportItem {
  row: number;
  input: Record<string, unknown>;
  status: string;
  publishedAt: string;
  /** Set when the item is not even a practice (a JSON item that is not an object). */
  unreadable?: FieldError;
}

/** An item that passed every check, ready to be written. */
interface CheckedItem {
  networkId: string;
  organisationId: string;
  status: ImportedStatus;
  publishedAt: Date | null;
  content: PracticeContent;
}

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(PRACTICE_COLUMNS.map((column) => column.name));
const TITLE_COLUMNS = CONTENT_LANGUAGES.map((lang) => textColumn('title', lang));

function readCsv(text: string, report: Report, t: Translate): ImportItem[] {
  const records = parseCsvRecords(text, report, t);
  if (records === null) return [];
  const header = records[0]?.cells;
  if (!header) return [];
  const names = headerNames(header, KNOWN_COLUMNS, report, t);
  for (const column of REQUIRED_COLUMNS)
    if (!names.includes(column))
      report.add({ row: 1, field: column, message: t('exchange.error.missingColumn', { column }) });
  if (!TITLE_COLUMNS.some((column) => names.includes(column)))
    report.add({
      row: 1,
      field: 'title',
      message: t('practiceExchange.error.missingTitleColumn', { columns: TITLE_COLUMNS.join(', ') }),
    });
  if (report.failed) return [];
  const firstData = records[1] && isHxlRow(records[1].cells) ? 2 : 1;
  const items: ImportItem[] = [];
  for (const { row, cells } of records.slice(firstData)) {
    // A spreadsheet's trailing rows of empty cells are not practices.
    if (cells.every((cell) => cell.trim() === '')) continue;
    items.push({
      row,
      ...practiceFromCells(new Map(names.map((name, index) => [name, cells[index] ?? '']))),
    });
  }
  return items;
}

function readJson(text: string, report: Report, t: Translate): ImportItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    report.add({ row: 0, field: 'file', message: t('exchange.error.malformedJson') });
    return [];
  }
  if (!Array.isArray(parsed)) {
    report.add({ row: 0, field: 'file', message: t('practiceExchange.error.notAnArray') });
    return [];
  }
  const items: ImportItem[] = [];
  for (const [index, item] of parsed.entries()) {
    const row = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const unreadable = { field: 'body', message: t('practiceExchange.error.notAnObject') };
      items.push({ row, input: {}, status: '', publishedAt: '', unreadable });
      continue;
    }
    // A `\u0000` escape parses to the character PostgreSQL cannot store.
    const nul = findNulCharacter(item);
    if (nul !== null) {
      const unreadable = { field: nul, message: t('practiceExchange.error.nullCharacter') };
      items.push({ row, input: {}, status: '', publishedAt: '', unreadable });
      continue;
    }
    const { status, publishedAt, ...input } = item as Record<string, unknown>;
    items.push({
      row,
      input,
      status: typeof status === 'string' ? status.trim() : status == null ? '' : String(status),
      publishedAt:
        typeof publishedAt === 'string' ? publishedAt.trim() : publishedAt == null ? '' : String(publishedAt),
    });
  }
  return items;
}

/** Identifiers as PostgreSQL writes them, so that an upper-case UUID still finds its row. */
function lowerCaseIds(input: PracticeInput): PracticeInput {
  input.organisationId = input.organisationId.toLowerCase();
  if (input.callId) input.callId = input.callId.toLowerCase();
  if (input.contactFocalPointId) input.contactFocalPointId = input.contactFocalPointId.toLowerCase();
  for (const actor of input.actors ?? []) actor.organisationId = actor.organisationId.toLowerCase();
  return input;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A publication date in the past: `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date and time. */
function publicationDate(value: string, now: Date): Date | null {
  let date: Date;
  if (isDate(value)) date = new Date(`${value}T00:00:00Z`);
  else if (DATE_TIME.test(value) && isDate(value.slice(0, 10))) date = new Date(value);
  else return null;
  return Number.isNaN(date.getTime()) || date > now ? null : date;
}

/** What the rows refer to, read in a few queries for the whole file rather than per row. */
interface Lookups {
  networks: Map<string, string>;
  members: Set<string>;
  principles: Set<string>;
  organisations: Set<string>;
  /** Focal point id → its organisation. */
  focalPoints: Map<string, string>;
  /** The calls open today: id → network. */
  calls: Map<string, string>;
}

async function inBatches(
  ids: Iterable<string>,
  read: (batch: string[]) => Promise<string[]>,
): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const found = new Set<string>();
  for (let start = 0; start < all.length; start += LOOKUP_BATCH)
    for (const id of await read(all.slice(start, start + LOOKUP_BATCH))) found.add(id);
  return found;
}

async function readLookups(
  db: Executor,
  contents: { networkSlug: string; content: PracticeContent; callId: string | null }[],
): Promise<Lookups> {
  const networks = new Map(
    (await db.selectFrom('networks').select(['id', 'slug']).execute()).map((network) => [
      network.slug,
      network.id,
    ]),
  );
  const networkIds = [
    ...new Set(contents.map((item) => networks.get(item.networkSlug)).filter((id) => id !== undefined)),
  ];
  const members = new Set<string>();
  const principles = new Set<string>();
  if (networkIds.length > 0) {
    for (const row of await db
      .selectFrom('network_memberships')
      .select(['network_id', 'organisation_id'])
      .where('network_id', 'in', networkIds)
      .execute())
      members.add(`${row.network_id} ${row.organisation_id}`);
    for (const row of await db
      .selectFrom('smart_principles')
      .select(['network_id', 'code'])
      .where('network_id', 'in', networkIds)
      .execute())
      principles.add(`${row.network_id} ${row.code}`);
  }
  const organisations = await inBatches(
    contents.flatMap((item) => item.content.actors.map((actor) => actor.organisationId)),
    async (batch) =>
      (await db.selectFrom('organisations').select('id').where('id', 'in', batch).execute()).map(
        (row) => row.id,
      ),
  );
  const focalPoints = new Map<string, string>();
  await inBatches(
    contents.flatMap((item) => (item.content.contactFocalPointId ? [item.content.contactFocalPointId] : [])),
    async (batch) => {
      const rows = await db
        .selectFrom('focal_points')
        .select(['id', 'organisation_id'])
        .where('id', 'in', batch)
        .execute();
      for (const row of rows) focalPoints.set(row.id, row.organisation_id);
      return rows.map((row) => row.id);
    },
  );
  // As createPractice: a practice answers a call of its network that is open today.
  const today = new Date().toISOString().slice(0, 10);
  const calls = new Map<string, string>();
  const callIds = contents.flatMap((item) => (item.callId ? [item.callId] : []));
  await inBatches(callIds, async (batch) => {
    const rows = await db
      .selectFrom('practice_calls')
      .select(['id', 'network_id'])
      .where('id', 'in', batch)
      .where('opens_on', '<=', today)
      .where('closes_on', '>=', today)
      .execute();
    for (const row of rows) calls.set(row.id, row.network_id);
    return rows.map((row) => row.id);
  });
  return { networks, members, principles, organisations, focalPoints, calls };
}

/**
 * checkContent's rules for a file's row. Its rules that read the database (the network's
 * principles, the actors' and the contact's existence) are asked once for the whole file:
 * checkContent runs on the content without them, and they are checked here against the lookups,
 * with the same fields and messages (the test "checks each row as checkContent does" holds them together).
 */
export async function checkImportedContent(
  db: Executor,
  content: PracticeContent,
  networkId: string,
  organisationId: string,
  lookups: Pick<Lookups, 'principles' | 'organisations' | 'focalPoints'>,
  t: Translate,
): Promise<FieldError[]> {
  const local: PracticeContent = {
    ...content,
    smartPrinciples: [],
    actors: [],
    contactFocalPointId: null,
    notCommunicated: content.notCommunicated.filter((field) => field !== 'actors' && field !== 'contact'),
  };
  const errors = await checkContent(db, local, networkId, t, organisationId);
  for (const field of ['actors', 'contact'] as const)
    if (content.notCommunicated.includes(field) && isFilled(content, field))
      errors.push({ field, message: t('practices.error.notCommunicatedButFilled') });
  for (const [index, code] of content.smartPrinciples.entries())
    if (!lookups.principles.has(`${networkId} ${code}`))
      errors.push({ field: `smartPrinciples.${index}`, message: t('practices.error.unknownCode', { code }) });
  for (const [index, actor] of content.actors.entries())
    if (!lookups.organisations.has(actor.organisationId))
      errors.push({
        field: `actors.${index}.organisationId`,
        message: t('practices.error.unknownOrganisation'),
      });
  // The contact is a focal point of the submitting organisation or of an actor.
  if (content.contactFocalPointId) {
    const owner = lookups.focalPoints.get(content.contactFocalPointId);
    const allowed =
      owner === organisationId || content.actors.some((actor) => actor.organisationId === owner);
    if (!allowed) errors.push({ field: 'contactFocalPointId', message: t('practices.error.unknownContact') });
  }
  return errors;
}

/**
 * Imports practices, all or nothing. The secretariat imports into the networks it runs, admins
 * and the command line into any. Rows marked `published` (the default) are published as
 * `makePublic` does — a version of kind "import", published, its search row written — and rows
 * marked `draft` become drafts of their organisation. `onProgress` is told of each thousand rows
 * checked and each batch written; the transaction is rolled back if anything throws midway.
 */
export async function importPractices(
  db: Db,
  actor: Importer,
  file: { format: ImportFormat; text: string } | { format: ImportFormat; bytes: Uint8Array },
  t: Translate,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<PracticeImportResult> {
  if (actor !== 'command-line' && !isSecretariat(actor))
    return {
      ok: false,
      forbidden: true,
      errors: [{ row: 0, field: 'body', message: t('error.forbidden.body') }],
      more: 0,
    };
  const report = new Report();
  let text: string | null;
  if ('bytes' in file) text = decodeFile(file.bytes, report, t);
  else if (Buffer.byteLength(file.text) > IMPORT_MAX_BYTES) {
    report.add({
      row: 0,
      field: 'file',
      message: t('exchange.error.tooLarge', { limit: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }),
    });
    text = null;
  } else text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  if (text === null) return failure(report);
  // PostgreSQL's text and jsonb cannot hold U+0000.
  if (text.includes('\u0000')) {
    report.add({ row: 0, field: 'file', message: t('practiceExchange.error.nullCharacter') });
    return failure(report);
  }
  const csv = file.format === 'csv';
  const items = csv ? readCsv(text, report, t) : readJson(text, report, t);
  if (report.failed) return failure(report);
  if (items.length === 0) {
    report.add({ row: 0, field: 'file', message: t('practiceExchange.error.empty') });
    return failure(report);
  }

  // 1. Each row alone: the schema, then the rules of its content that need no database.
  const columnOf = csv ? csvColumnOf : (field: string) => field;
  // Validation messages name the field as the file does: `title_fr` in a CSV, `title.fr` in JSON.
  const tFile: Translate = csv
    ? (key, values) =>
        t(
          key,
          values && typeof values.field === 'string'
            ? { ...values, field: csvColumnOf(values.field) }
            : values,
        )
    : t;
  const notCommunicatedButFilled = t('practices.error.notCommunicatedButFilled');
  const now = new Date();
  const valid: { item: ImportItem; content: PracticeContent }[] = [];
  const problems = new Map<number, FieldError[]>();
  for (const [index, item] of items.entries()) {
    const errors = item.unreadable ? [item.unreadable] : validatePractice(item.input, tFile);
    if (errors.length > 0) problems.set(index, errors);
    else valid.push({ item, content: toContent(lowerCaseIds(item.input as PracticeInput)) });
    // The two passes share one progress bar: the first fills its first half.
    if ((index + 1) % 1000 === 0)
      onProgress({ phase: 'validate', done: Math.floor((index + 1) / 2), total: items.length });
  }

  // 2. What the rows refer to, read once; then each valid row against it.
  const lookups = await readLookups(
    db,
    valid.map(({ item, content }) => ({
      networkSlug: item.input.network as string,
      content,
      callId: (item.input.callId as string | null | undefined) ?? null,
    })),
  );
  const checked = new Map<number, CheckedItem>();
  let position = 0;
  for (const [index, item] of items.entries()) {
    if (problems.has(index)) continue;
    const { content } = valid[position++]!;
    const errors: FieldError[] = [];
    const networkSlug = item.input.network as string;
    const organisationId = item.input.organisationId as string;
    const networkId = lookups.networks.get(networkSlug);
    if (networkId === undefined)
      errors.push({ field: 'network', message: t('practices.error.unknownNetwork') });
    else if (actor !== 'command-line' && !isSecretariat(actor, networkId))
      errors.push({
        field: 'network',
        message: t('practiceExchange.error.notYourNetwork', { network: networkSlug }),
      });
    else {
      if (!lookups.members.has(`${networkId} ${organisationId}`))
        errors.push({ field: 'organisationId', message: t('practices.error.notAMember') });
      const callId = item.input.callId as string | null | undefined;
      if (callId && lookups.calls.get(callId) !== networkId)
        errors.push({ field: 'callId', message: t('practices.error.unknownCall') });
      for (const error of await checkImportedContent(db, content, networkId, organisationId, lookups, t))
        errors.push(
          csv && error.message === notCommunicatedButFilled ? { ...error, field: 'notCommunicated' } : error,
        );
    }
    const status = (item.status || 'published').toLowerCase();
    if (!(IMPORTED_STATUSES as readonly string[]).includes(status))
      errors.push({ field: 'status', message: t('practiceExchange.error.status', { value: item.status }) });
    const publishedAt = item.publishedAt ? publicationDate(item.publishedAt, now) : null;
    if (item.publishedAt && publishedAt === null)
      errors.push({
        field: 'publishedAt',
        message: t('practiceExchange.error.publishedAt', { value: item.publishedAt }),
      });
    if (errors.length > 0) problems.set(index, errors);
    else
      checked.set(index, {
        networkId: networkId!,
        organisationId,
        status: status as ImportedStatus,
        publishedAt,
        content,
      });
    if ((index + 1) % 1000 === 0)
      onProgress({
        phase: 'validate',
        done: Math.floor((items.length + index + 1) / 2),
        total: items.length,
      });
  }
  onProgress({ phase: 'validate', done: items.length, total: items.length });
  if (problems.size > 0) {
    for (const [index, errors] of [...problems].sort(([a], [b]) => a - b))
      for (const error of errors)
        report.add({ row: items[index]!.row, field: columnOf(error.field), message: error.message });
    return failure(report);
  }

  // 3. Everything at once, in batches, in one transaction.
  const createdBy = actor === 'command-line' ? null : actor.userId;
  const rows = [...checked.values()];
  await db.transaction().execute(async (tx) => {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await insertBatch(tx, rows.slice(start, start + INSERT_BATCH), createdBy, now);
      onProgress({ phase: 'insert', done: Math.min(start + INSERT_BATCH, rows.length), total: rows.length });
    }
  });
  return { ok: true, value: { imported: rows.length } };
}

async function insertBatch(
  tx: Executor,
  batch: CheckedItem[],
  createdBy: string | null,
  now: Date,
): Promise<void> {
  await repo.insertImportedPractices(
    tx,
    batch.map((item) => ({
      id: crypto.randomUUID(),
      versionId: crypto.randomUUID(),
      networkId: item.networkId,
      organisationId: item.organisationId,
      publishedAt: item.status === 'published' ? (item.publishedAt ?? now) : null,
      content: item.content,
      completeness: completenessOf(item.content),
      createdBy,
    })),
  );
}

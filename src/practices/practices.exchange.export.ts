import { stringify } from 'csv-stringify/sync';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import {
  type ExportedPractice,
  PRACTICE_COLUMNS,
  practiceToJson,
  practiceToRecord,
} from './practices.exchange.columns.ts';
import type { PracticeContent, PracticeSearchParams } from './practices.schemas.ts';
import { buildTsQuery, cleanQuery, filterConditions, networkIdsOf } from './practices.search.ts';

/**
 * Open data: the published practices that a search's filters match, every one of them (not the
 * search page's first thousand candidates), newest first, read a page at a time so that a large
 * export never sits whole in memory.
 */
export const EXPORT_MAX_ROWS = 100_000;
const PAGE_SIZE = 1000;

interface ExportRow {
  id: string;
  network: string;
  organisation_id: string | null;
  organisation_name: LocalizedText | null;
  status: string;
  published_at: Date;
  cursor: string;
  content: PracticeContent;
  completeness: number;
}

interface ExportOptions {
  /** The site's address, for each practice's `url`. */
  baseUrl: string;
  /** The language of the links and of the organisation names. */
  lang: Lang;
  limit?: number;
}

/** The published practices matching the filters (q included), newest first, in pages. */
export async function* publishedPractices(
  db: Executor,
  params: PracticeSearchParams,
  options: ExportOptions,
): AsyncGenerator<ExportedPractice[]> {
  const limit = Math.min(options.limit ?? EXPORT_MAX_ROWS, EXPORT_MAX_ROWS);
  const { text } = cleanQuery(params.q);
  const tsQuery = text ? buildTsQuery(text) : null;
  const conditions: RawBuilder<SqlBool>[] = filterConditions(params, await networkIdsOf(db, params.network));
  if (tsQuery) conditions.push(sql<SqlBool>`s.document @@ ${tsQuery}`);
  conditions.push(sql<SqlBool>`p.status = 'published'`);
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  let cursor: { at: string; id: string } | null = null;
  let sent = 0;
  while (sent < limit) {
    const where: RawBuilder<SqlBool>[] = cursor
      ? [
          ...conditions,
          sql<SqlBool>`(s.published_at, s.practice_id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
        ]
      : conditions;
    // The cursor is the timestamp as PostgreSQL writes it: a JavaScript Date would lose its microseconds.
    const { rows }: { rows: ExportRow[] } = await sql<ExportRow>`
      SELECT p.id, n.slug AS network, p.organisation_id, o.name AS organisation_name, p.status,
        s.published_at, s.published_at::text AS cursor, v.content, v.completeness
      FROM practice_search s
      JOIN practices p ON p.id = s.practice_id
      JOIN practice_versions v ON v.id = p.published_version_id
      JOIN networks n ON n.id = p.network_id
      LEFT JOIN organisations o ON o.id = p.organisation_id
      WHERE ${sql.join(where, sql` AND `)}
      ORDER BY s.published_at DESC, s.practice_id DESC
      LIMIT ${Math.min(PAGE_SIZE, limit - sent)}
    `.execute(db);
    if (rows.length === 0) return;
    sent += rows.length;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursor, id: last.id };
    yield rows.map((row) => ({
      id: row.id,
      url: `${baseUrl}/${options.lang}/practices/${row.id}`,
      network: row.network,
      organisationId: row.organisation_id,
      organisationName: pickText(row.organisation_name, options.lang)?.text ?? '',
      status: row.status,
      publishedAt: new Date(row.published_at),
      completeness: row.completeness,
      content: row.content,
    }));
    if (rows.length < PAGE_SIZE) return;
  }
}

/** RFC 4180 CSV (CRLF), UTF-8 without BOM: the header row, the HXL row, then one practice per row. */
export async function* practicesCsv(pages: AsyncIterable<ExportedPractice[]>): AsyncGenerator<string> {
  yield stringify(
    [PRACTICE_COLUMNS.map((column) => column.name), PRACTICE_COLUMNS.map((column) => column.hxl)],
    {
      record_delimiter: 'windows',
    },
  );
  for await (const page of pages)
    yield stringify(page.map(practiceToRecord), { record_delimiter: 'windows' });
}

/** A JSON array of practices, written as it is read. */
export async function* practicesJson(pages: AsyncIterable<ExportedPractice[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    const items = page.map((practice) => JSON.stringify(practiceToJson(practice)));
    yield `${first ? '\n' : ',\n'}${items.join(',\n')}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type { PracticeContent } from './practices.schemas.ts';

/** A result's row: what a list shows of it, its content whole (a title and a summary are picked from it). */
export interface ResultRow {
  id: string;
  content: PracticeContent;
  completeness: number;
  network: { slug: string; name: LocalizedText };
  organisation: { id: string; name: LocalizedText } | null;
  languages: string[];
  year: number | null;
  publishedAt: Date;
}

/**
 * The rows of a page of results, in the order of `ids`, in one statement (README, "Search"):
 * networks and organisations are scalar subqueries (the five-table join before took longer to
 * plan than to run), the ids one array parameter rather than twenty.
 */
export async function pageOfResults(db: Executor, ids: string[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: string;
    content: PracticeContent;
    completeness: number;
    network: [string, LocalizedText];
    organisation_id: string | null;
    organisation_name: LocalizedText | null;
    languages: string[];
    year: number | null;
    published_at: Date | string;
  }>`
    SELECT p.id, v.content, v.completeness,
      (SELECT jsonb_build_array(n.slug, n.name) FROM networks n WHERE n.id = p.network_id) AS network,
      p.organisation_id, (SELECT o.name FROM organisations o WHERE o.id = p.organisation_id) AS organisation_name,
      s.languages, s.year, s.published_at
    FROM practices p
      JOIN practice_versions v ON v.id = p.published_version_id
      JOIN practice_search s ON s.practice_id = p.id
    WHERE p.id = ANY(${ids}::uuid[])`.execute(db);
  const byId = new Map(rows.rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        content: row.content,
        completeness: row.completeness,
        network: { slug: row.network[0], name: row.network[1] },
        organisation: row.organisation_id
          ? { id: row.organisation_id, name: row.organisation_name ?? {} }
          : null,
        languages: row.languages,
        year: row.year,
        publishedAt: new Date(row.published_at),
      },
    ];
  });
}

import { sql } from 'kysely';
import type { Executor } from '../db/schema.ts';
import type { LocalizedText } from '../web/language.ts';
import type { PracticeContent } from './practices.schemas.ts';

/**
 * What a list of results shows of a practice's content, kept in its search row (`practice_card`,
 * migration 0011): the description only when there is no summary at all.
 */
export type PracticeCard = Pick<
  PracticeContent,
  'title' | 'summary' | 'description' | 'originalLanguage' | 'countries'
>;

/** A result's row: what a list shows of it (a title and a summary are picked from its card). */
export interface ResultRow {
  id: string;
  card: PracticeCard;
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
 * plan than to run), the ids one array parameter rather than twenty, the content the search row's
 * small card rather than the version's whole content.
 */
export async function pageOfResults(db: Executor, ids: string[]): Promise<ResultRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: string;
    card: PracticeCard;
    completeness: number;
    network: [string, LocalizedText];
    organisation_id: string | null;
    organisation_name: LocalizedText | null;
    languages: string[];
    year: number | null;
    published_at: Date | string;
  }>`
    SELECT p.id, s.card, v.completeness,
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
        card: row.card,
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

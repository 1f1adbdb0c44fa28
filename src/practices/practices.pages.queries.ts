import type { Executor } from '../db/schema.ts';
import { HttpProblem } from '../http/problems.ts';
import type { LocalizedText } from '../web/language.ts';
import type { PracticeView } from './practices.queries.ts';
import * as repo from './practices.repository.ts';

/**
 * The reads that only the practices pages need: names behind the ids that search facets and
 * version diffs carry, and the history of a practice as the caller may see it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface NetworkName {
  id: string;
  slug: string;
  name: LocalizedText;
}

/** Networks by id or by slug (the search's facet counts name networks by id, its filter by slug). */
export async function networkNames(
  db: Executor,
  idsOrSlugs: readonly string[],
): Promise<Map<string, NetworkName>> {
  const names = new Map<string, NetworkName>();
  const wanted = [...new Set(idsOrSlugs)];
  if (wanted.length === 0) return names;
  const ids = wanted.filter(isUuid);
  const rows = await db
    .selectFrom('networks')
    .select(['id', 'slug', 'name'])
    .where((eb) => eb.or([eb('slug', 'in', wanted), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]))
    .execute();
  for (const row of rows) {
    names.set(row.id, row);
    names.set(row.slug, row);
  }
  return names;
}

export async function organisationNames(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { name: LocalizedText; acronym: LocalizedText }>> {
  const wanted = [...new Set(ids)].filter(isUuid);
  const names = new Map<string, { name: LocalizedText; acronym: LocalizedText }>();
  if (wanted.length === 0) return names;
  for (const row of await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where('id', 'in', wanted)
    .execute())
    names.set(row.id, { name: row.name, acronym: row.acronym });
  return names;
}

/** Whether the caller may see drafts and who did what: those who manage the practice or review it. */
export function seesInternals(view: PracticeView): boolean {
  return view.canManage || view.canReview;
}

/** Events that say something about public versions; the rest (drafts, reviews, comments) is internal. */
const PUBLIC_EVENTS = new Set(['published', 'translated', 'archived']);

/**
 * The history of a practice. Its authors, secretariat and reviewers see every event, who did it
 * and the comments; the public sees when public versions were published, translated or archived.
 */
export async function visibleEvents(db: Executor, view: PracticeView) {
  const events = await repo.listEvents(db, view.id);
  if (seesInternals(view)) return events;
  return events
    .filter((event) => PUBLIC_EVENTS.has(event.kind))
    .map((event) => ({ ...event, comment: null, actorName: null }));
}

/** The versions of a practice, newest first: drafts only for those who manage or review it (as the API). */
export async function visibleVersions(db: Executor, view: PracticeView) {
  const versions = await repo.listVersions(db, view.id);
  const internals = seesInternals(view);
  return versions
    .filter((version) => internals || version.publishedAt !== null)
    .map((version) => ({ ...version, authorName: view.canManage ? version.authorName : null }));
}

/** Two versions by number, as the caller may see them; an unknown or hidden one is "not found". */
export async function versionsToCompare(
  db: Executor,
  view: PracticeView,
  from: number,
  to: number,
): Promise<[repo.VersionRow, repo.VersionRow]> {
  const found: repo.VersionRow[] = [];
  for (const number of [from, to]) {
    const version = await repo.findVersionByNumber(db, view.id, number);
    if (!version || (!version.publishedAt && !seesInternals(view))) throw new HttpProblem('not-found');
    found.push(version);
  }
  return [found[0]!, found[1]!];
}

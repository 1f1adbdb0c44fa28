import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManagePractice, canViewPractice } from './practices.access.ts';
import { translationStatus } from './practices.content.ts';
import * as repo from './practices.repository.ts';
import { reviewsOfVersion } from './practices.reviews.ts';
import { type SearchBounds, type SearchOutcome, searchPractices } from './practices.search.ts';
import { pageOfResults } from './practices.search.page.ts';
import { highlightSnippet } from './practices.search.snippet.ts';
import type { PracticeSearchParams } from './practices.schemas.ts';

export interface PracticeView {
  id: string;
  status: repo.PracticeRow['status'];
  version: number;
  network: { id: string; slug: string; name: LocalizedText };
  organisation: { id: string; name: LocalizedText; acronym: LocalizedText } | null;
  call: { id: string; title: LocalizedText } | null;
  /** The version shown: the published one, or (for those who manage it) the working one when asked. */
  shown: repo.VersionRow;
  published: { id: string; number: number } | null;
  working: { id: string; number: number; state: repo.VersionRow['state'] } | null;
  firstPublishedAt: Date | null;
  translation: ReturnType<typeof translationStatus>;
  organisations: Map<string, { name: LocalizedText; acronym: LocalizedText }>;
  principles: { code: string; stage: 'design' | 'implementation'; label: LocalizedText }[];
  contact: { name: string; title: string | null; email: string | null } | null;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  canManage: boolean;
  canReview: boolean;
  isSecretariat: boolean;
}

/**
 * A practice as a page or the API shows it. The public sees the published version; its authors,
 * its network's secretariat and its reviewers may ask for the working one (`which: 'working'`).
 * Unknown and hidden practices are both "not found", so that hidden ones do not leak.
 */
export async function getPracticeView(
  db: Executor,
  actor: Principal | null,
  id: string,
  which: 'published' | 'working' = 'published',
): Promise<PracticeView> {
  const practice = await repo.findPractice(db, id);
  if (!practice || !(await canViewPractice(db, actor, practice))) throw new HttpProblem('not-found');
  const canManage = canManagePractice(actor, practice);
  const workingRow = practice.workingVersionId ? await repo.findVersion(db, practice.workingVersionId) : null;
  const publishedRow = practice.publishedVersionId
    ? await repo.findVersion(db, practice.publishedVersionId)
    : null;
  const privileged =
    canManage || (actor !== null && (await isAssignedReviewer(db, actor.userId, workingRow?.id)));
  let shown = publishedRow;
  if ((which === 'working' && privileged && workingRow) || !shown) shown = workingRow;
  if (!shown || (shown !== publishedRow && !privileged)) throw new HttpProblem('not-found');
  const [network, organisation, call] = await Promise.all([
    db
      .selectFrom('networks')
      .select(['id', 'slug', 'name'])
      .where('id', '=', practice.networkId)
      .executeTakeFirstOrThrow(),
    practice.organisationId
      ? db
          .selectFrom('organisations')
          .select(['id', 'name', 'acronym'])
          .where('id', '=', practice.organisationId)
          .executeTakeFirst()
      : undefined,
    practice.callId
      ? db
          .selectFrom('practice_calls')
          .select(['id', 'title'])
          .where('id', '=', practice.callId)
          .executeTakeFirst()
      : undefined,
  ]);
  const content = shown.content;
  const organisationIds = [...new Set(content.actors.map((actor) => actor.organisationId))];
  const organisations = new Map<string, { name: LocalizedText; acronym: LocalizedText }>();
  if (organisationIds.length > 0) {
    for (const row of await db
      .selectFrom('organisations')
      .select(['id', 'name', 'acronym'])
      .where('id', 'in', organisationIds)
      .execute())
      organisations.set(row.id, { name: row.name, acronym: row.acronym });
  }
  const contact = content.contactFocalPointId
    ? ((await db
        .selectFrom('focal_points')
        .select(['name', 'title', 'email'])
        .where('id', '=', content.contactFocalPointId)
        .executeTakeFirst()) ?? null)
    : null;
  const attachments = await db
    .selectFrom('practice_attachments')
    .select(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as sizeBytes'])
    .where('practice_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    id,
    status: practice.status,
    version: practice.version,
    network,
    organisation: organisation ?? null,
    call: call ?? null,
    shown,
    published: publishedRow ? { id: publishedRow.id, number: publishedRow.number } : null,
    working: workingRow ? { id: workingRow.id, number: workingRow.number, state: workingRow.state } : null,
    firstPublishedAt: practice.firstPublishedAt,
    translation: translationStatus(content),
    organisations,
    principles: (await repo.principlesOfNetwork(db, practice.networkId)).filter((p) =>
      content.smartPrinciples.includes(p.code),
    ),
    // Focal points' contact details are for members only, as in the directory.
    contact:
      contact && actor !== null
        ? contact
        : contact
          ? { name: contact.name, title: contact.title, email: null }
          : null,
    attachments,
    canManage,
    canReview: actor !== null && (await isAssignedReviewer(db, actor.userId, workingRow?.id)),
    isSecretariat: isSecretariat(actor, practice.networkId),
  };
}

async function isAssignedReviewer(db: Executor, userId: string, versionId: string | undefined) {
  if (!versionId) return false;
  const row = await db
    .selectFrom('practice_reviews')
    .select('id')
    .where('version_id', '=', versionId)
    .where('reviewer_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SearchItem {
  id: string;
  title: string;
  titleLang: string;
  snippet: string;
  snippetLang: string;
  originalLanguage: string;
  languages: string[];
  network: { slug: string; name: LocalizedText };
  organisation: { id: string; name: LocalizedText } | null;
  countries: string[];
  year: number | null;
  publishedAt: Date;
  completeness: number;
}

/** Picks a text in `lang`, else the original language, else any: which one is said. */
export function textIn(
  text: Record<string, string>,
  lang: string,
  original: string,
): { text: string; lang: string } | null {
  if (text[lang]) return { text: text[lang], lang };
  if (text[original]) return { text: text[original], lang: original };
  const first = Object.entries(text)[0];
  return first ? { text: first[1], lang: first[0] } : null;
}

/**
 * A page of search results with what a list shows of each: title and snippet in the reader's
 * language when there is one. The snippet is the summary (else the description), its matches
 * marked in JS with the query's lexemes (README, "Search": ts_headline cost as much as the rows).
 */
export async function searchPracticeList(
  db: Executor,
  params: PracticeSearchParams,
  lang: string,
  bounds: SearchBounds = {},
): Promise<SearchOutcome & { items: SearchItem[] }> {
  const outcome = await searchPractices(db, params, bounds);
  const rows = await pageOfResults(
    db,
    outcome.hits.map((hit) => hit.id),
  );
  const items = rows.map((row): SearchItem => {
    const card = row.card;
    const title = textIn(card.title, lang, card.originalLanguage) ?? { text: '', lang };
    const summary = textIn(card.summary, lang, card.originalLanguage) ??
      textIn(card.description, lang, card.originalLanguage) ?? { text: '', lang };
    return {
      id: row.id,
      title: title.text,
      titleLang: title.lang,
      snippet:
        outcome.query && outcome.lexemes.length > 0
          ? highlightSnippet(summary.text, outcome.lexemes)
          : summary.text.length > 300
            ? `${summary.text.slice(0, 300)}…`
            : summary.text,
      snippetLang: summary.lang,
      originalLanguage: card.originalLanguage,
      languages: row.languages,
      network: row.network,
      organisation: row.organisation,
      countries: card.countries,
      year: row.year,
      publishedAt: row.publishedAt,
      completeness: row.completeness,
    };
  });
  return { ...outcome, items };
}

/** The practices waiting for someone: the secretariat's queue (submitted, in review) and a reviewer's assignments. */
export async function reviewQueue(db: Executor, actor: Principal) {
  const networkIds = actor.isAdmin
    ? null
    : actor.roles.filter((role) => role.role === 'secretariat').map((role) => role.networkId);
  let queue = db
    .selectFrom('practices as p')
    .innerJoin('practice_versions as v', 'v.id', 'p.working_version_id')
    .innerJoin('networks as n', 'n.id', 'p.network_id')
    .select([
      'p.id',
      'v.content',
      'v.state',
      'v.number',
      'v.submitted_at as submittedAt',
      'n.slug as networkSlug',
    ])
    .where('v.state', 'in', ['submitted', 'in-review']);
  if (networkIds !== null)
    queue = queue.where(
      'p.network_id',
      'in',
      networkIds.length > 0 ? networkIds : ['00000000-0000-0000-0000-000000000000'],
    );
  const assigned = await db
    .selectFrom('practice_reviews as r')
    .innerJoin('practice_versions as v', 'v.id', 'r.version_id')
    .innerJoin('practices as p', 'p.id', 'v.practice_id')
    .select(['p.id', 'v.content', 'v.number', 'r.submitted_at as reviewedAt', 'r.seat'])
    .where('r.reviewer_id', '=', actor.userId)
    // Reviews given stay listed after the version is published or returned; one still to give
    // only while its version is the one under review.
    .where((eb) =>
      eb.or([eb('r.submitted_at', 'is not', null), eb('p.working_version_id', '=', eb.ref('v.id'))]),
    )
    .orderBy('r.assigned_at', 'desc')
    .execute();
  return { queue: await queue.orderBy('v.submitted_at').execute(), assigned };
}

/** The practices of the caller's organisation, at every stage. */
export async function practicesOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('practices as p')
    .leftJoin('practice_versions as w', 'w.id', 'p.working_version_id')
    .leftJoin('practice_versions as pv', 'pv.id', 'p.published_version_id')
    .select([
      'p.id',
      'p.status',
      'w.state as workingState',
      'w.content as workingContent',
      'pv.content as publishedContent',
      'p.updated_at as updatedAt',
    ])
    .where('p.organisation_id', '=', organisationId)
    .orderBy('p.updated_at', 'desc')
    .execute();
}

export { reviewsOfVersion };
export const listVersions = repo.listVersions;
export const listEvents = repo.listEvents;

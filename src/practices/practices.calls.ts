import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManagePractice } from './practices.access.ts';
import type { PracticeContent } from './practices.schemas.ts';
import type { PracticeStatus } from './practices.tables.ts';

/** Calls for practices: a network's secretariat opens one with dates and tags; practices answer it. */

export type CallPhase = 'open' | 'upcoming' | 'closed';

export interface CallRow {
  id: string;
  networkId: string;
  networkSlug: string;
  networkName: LocalizedText;
  title: LocalizedText;
  description: LocalizedText;
  opensOn: string;
  closesOn: string;
  gcmObjectives: string[];
  thematicAreas: string[];
  phase: CallPhase;
}

/** Today as the calls' dates are written (YYYY-MM-DD, UTC). */
export const today = (): string => new Date().toISOString().slice(0, 10);

export function phaseOf(call: { opensOn: string; closesOn: string }, on: string = today()): CallPhase {
  if (on < call.opensOn) return 'upcoming';
  if (on > call.closesOn) return 'closed';
  return 'open';
}

function callsQuery(db: Executor) {
  return db
    .selectFrom('practice_calls as c')
    .innerJoin('networks as n', 'n.id', 'c.network_id')
    .select([
      'c.id',
      'c.network_id as networkId',
      'n.slug as networkSlug',
      'n.name as networkName',
      'c.title',
      'c.description',
      'c.opens_on as opensOn',
      'c.closes_on as closesOn',
      'c.gcm_objectives as gcmObjectives',
      'c.thematic_areas as thematicAreas',
    ]);
}

/** Every call, by network, the ones closing soonest first. */
export async function listCalls(db: Executor): Promise<CallRow[]> {
  const rows = await callsQuery(db).orderBy('n.slug').orderBy('c.closes_on').orderBy('c.opens_on').execute();
  const on = today();
  return rows.map((row) => ({ ...row, phase: phaseOf(row, on) }));
}

export async function findCall(db: Executor, id: string): Promise<CallRow | null> {
  const row = await callsQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? { ...row, phase: phaseOf(row) } : null;
}

export interface CallAnswer {
  id: string;
  status: PracticeStatus;
  title: Record<string, string>;
  originalLanguage: string;
  organisationName: LocalizedText | null;
}

/**
 * The practices that answer a call: the published ones for everyone, and beside them those the
 * caller manages (their organisation's drafts, or every one for the network's secretariat).
 */
export async function practicesAnsweringCall(
  db: Executor,
  actor: Principal | null,
  call: Pick<CallRow, 'id' | 'networkId'>,
): Promise<CallAnswer[]> {
  let query = db
    .selectFrom('practices as p')
    .leftJoin('practice_versions as pv', 'pv.id', 'p.published_version_id')
    .leftJoin('practice_versions as wv', 'wv.id', 'p.working_version_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.status',
      'p.network_id as networkId',
      'p.organisation_id as organisationId',
      'pv.content as publishedContent',
      'wv.content as workingContent',
      'o.name as organisationName',
    ])
    .where('p.call_id', '=', call.id);
  if (!isSecretariat(actor, call.networkId)) {
    const own = actor?.organisationId ?? null;
    query = query.where((eb) =>
      own === null
        ? eb('p.status', '=', 'published')
        : eb.or([eb('p.status', '=', 'published'), eb('p.organisation_id', '=', own)]),
    );
  }
  const rows = await query.orderBy('p.first_published_at', 'desc').orderBy('p.created_at', 'desc').execute();
  return rows
    .filter((row) => row.status === 'published' || canManagePractice(actor, row))
    .map((row) => {
      const content = (row.status === 'published' ? row.publishedContent : null) ?? row.workingContent;
      const typed = content as PracticeContent | null;
      return {
        id: row.id,
        status: row.status,
        title: typed?.title ?? {},
        originalLanguage: typed?.originalLanguage ?? 'en',
        organisationName: row.organisationName ?? null,
      };
    });
}

/** The networks whose calls the caller may open: their secretariat's, or all for an admin. */
export async function networksOpeningCalls(db: Executor, actor: Principal) {
  let query = db.selectFrom('networks').select(['id', 'slug', 'name']).orderBy('slug');
  if (!actor.isAdmin) {
    const ids = actor.roles.filter((role) => role.role === 'secretariat').map((role) => role.networkId);
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  return query.execute();
}

import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { listVisibleItems } from '../cooperation/index.ts';
import { listVisibleMatches } from '../cooperation/index.ts';
import type { ItemWithNames } from '../cooperation/index.ts';
import type { MatchSummary } from '../cooperation/index.ts';
import { upcomingMeetingsFor } from '../meetings/index.ts';
import { type ActionItemView, actionItemsFor } from '../meetings/index.ts';
import { type QuestionSummary, questionsAwaitingAnswer } from '../questions/index.ts';
import { type SubscriptionNews, subscriptionNewsFor } from '../subscriptions/index.ts';

/** How many entries each section shows; each links to its full list. */
export const SECTION_SIZE = 5;

export interface Dashboard {
  meetings: Awaited<ReturnType<typeof upcomingMeetingsFor>>;
  actions: ActionItemView[];
  offers: ItemWithNames[];
  demands: ItemWithNames[];
  matches: MatchSummary[];
  questions: QuestionSummary[];
  news: SubscriptionNews[];
  /** The person's time zone, when set (meetings and deadlines are shown in it). */
  timeZone: string | null;
  /** Whether the person acts for an organisation (offers, demands and questions are its). */
  hasOrganisation: boolean;
}

const ACTIVE_ITEM = ['open', 'in-discussion', 'matched'];
const FINISHED_MATCH = new Set(['completed', 'dropped']);

/**
 * What a signed-in person has on their plate, read through each domain's own queries (which
 * apply their own visibility rules): their next meetings, their and their organisation's action
 * items, their organisation's open offers and demands and its matches under way (the
 * secretariat: its networks'), the questions awaiting their organisation's answer, and what is
 * new in their subscriptions.
 */
export async function dashboardFor(db: Db, principal: Principal, now = new Date()): Promise<Dashboard> {
  const organisationId = principal.organisationId;
  const items = async (side: 'offer' | 'demand') =>
    organisationId === null
      ? []
      : (await listVisibleItems(db, principal, side, { organisation: organisationId, status: ACTIVE_ITEM }))
          .reverse()
          .slice(0, SECTION_SIZE);
  const [meetings, actions, offers, demands, matches, questions, news, user] = await Promise.all([
    upcomingMeetingsFor(db, principal, { limit: SECTION_SIZE, now }),
    actionItemsFor(db, principal),
    items('offer'),
    items('demand'),
    listVisibleMatches(db, principal, organisationId ? { organisation: organisationId } : {}),
    questionsAwaitingAnswer(db, principal, { limit: SECTION_SIZE, now }),
    subscriptionNewsFor(db, principal.userId, { limit: SECTION_SIZE, now }),
    db.selectFrom('users').select('time_zone').where('id', '=', principal.userId).executeTakeFirst(),
  ]);
  return {
    meetings,
    actions: actions.slice(0, SECTION_SIZE),
    offers,
    demands,
    matches: matches
      .filter((m) => !FINISHED_MATCH.has(m.stage))
      .sort((a, b) => b.lastMovedAt.getTime() - a.lastMovedAt.getTime())
      .slice(0, SECTION_SIZE),
    questions,
    news,
    timeZone: user?.time_zone ?? null,
    hasOrganisation: organisationId !== null,
  };
}

import type { Db } from '../../src/db/schema.ts';
import type { LocalizedText } from '../../src/web/language.ts';
import type { MatrixEnv, MatrixFixture } from './matrix-env.ts';

const HOUR = 3_600_000;

/** A meeting of a network, inserted directly (the meetings engineer's commands are not needed here). */
export async function buildRecordMeeting(
  db: Db,
  options: {
    networkId: string;
    visibility?: 'public' | 'network';
    title?: LocalizedText;
    startsAt?: Date;
  },
): Promise<string> {
  const startsAt = options.startsAt ?? new Date(Date.now() - 7 * 24 * HOUR);
  const row = await db
    .insertInto('meetings')
    .values({
      network_id: options.networkId,
      kind: 'teleconference',
      original_language: 'en',
      title: JSON.stringify(options.title ?? { en: 'Bimonthly call', es: 'Llamada bimestral' }),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 2 * HOUR),
      time_zone: 'America/Panama',
      visibility: options.visibility ?? 'network',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes an organisation a member of the network (if it is not), so that it may own action items. */
export async function ensureMembership(db: Db, networkId: string, organisationId: string): Promise<void> {
  await db
    .insertInto('network_memberships')
    .values({ network_id: networkId, organisation_id: organisationId, role: 'member' })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function buildMinutes(
  db: Db,
  options: { meetingId: string; language: string; body?: string; status?: 'draft' | 'approved' },
): Promise<void> {
  await db
    .insertInto('meeting_minutes')
    .values({
      meeting_id: options.meetingId,
      language: options.language,
      body: options.body ?? 'The members reviewed the work plan.\n\nNext call in two months.',
      status: options.status ?? 'approved',
    })
    .execute();
}

export async function buildDecision(
  db: Db,
  options: { meetingId: string; text?: LocalizedText; position?: number },
): Promise<string> {
  const row = await db
    .insertInto('meeting_decisions')
    .values({
      meeting_id: options.meetingId,
      position: options.position ?? 1,
      original_language: 'en',
      text: JSON.stringify(options.text ?? { en: 'The network adopts its work plan.' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildActionItem(
  db: Db,
  options: {
    meetingId: string;
    ownerUserId?: string | null;
    ownerOrganisationId?: string | null;
    dueOn?: string;
    status?: 'open' | 'in-progress' | 'done' | 'cancelled';
    title?: string;
    remindedAt?: Date | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('action_items')
    .values({
      meeting_id: options.meetingId,
      title: options.title ?? 'Share the draft report',
      language: 'en',
      owner_user_id: options.ownerUserId ?? null,
      owner_organisation_id: options.ownerOrganisationId ?? null,
      due_on: options.dueOn ?? '2030-01-31',
      status: options.status ?? 'open',
      reminded_at: options.remindedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// One meeting per matrix network for the routes that need a meeting and one of its decisions.
const sharedMeetings = new Map<string, Promise<string>>();
const sharedMeeting = (env: MatrixEnv) => {
  let meeting = sharedMeetings.get(env.networkId);
  if (!meeting) {
    meeting = buildRecordMeeting(env.db, { networkId: env.networkId });
    sharedMeetings.set(env.networkId, meeting);
  }
  return meeting;
};

/** The authorization matrix's fixtures for the meetings-record routes (named in their `harness.params`). */
export const meetingsRecordFixtures: Record<string, MatrixFixture> = {
  /** A fresh meeting of the matrix network, visible to its members. */
  recordMeeting: async (_actor, env) => buildRecordMeeting(env.db, { networkId: env.networkId }),
  /** One network meeting per matrix network, shared by the calls (its decisions are `recordDecision`). */
  recordSharedMeeting: async (_actor, env) => sharedMeeting(env),
  /** A fresh decision of the shared meeting. */
  recordDecision: async (_actor, env) => buildDecision(env.db, { meetingId: await sharedMeeting(env) }),
  /** A fresh public meeting with approved English minutes and one decision. */
  recordPublicMeeting: async (_actor, env) => {
    const id = await buildRecordMeeting(env.db, { networkId: env.networkId, visibility: 'public' });
    await buildMinutes(env.db, { meetingId: id, language: 'en' });
    await buildDecision(env.db, { meetingId: id });
    return id;
  },
  recordLanguage: async () => 'en',
  /** An action item of a network meeting, owned by the owning organisation (so not by focalOther). */
  recordAction: async (_actor, env) => {
    await ensureMembership(env.db, env.networkId, env.owningOrganisationId);
    const meetingId = await buildRecordMeeting(env.db, { networkId: env.networkId });
    return buildActionItem(env.db, { meetingId, ownerOrganisationId: env.owningOrganisationId });
  },
  /** An action item owned by the caller (by the owning organisation for the public). */
  recordActionOfCaller: async (actor, env) => {
    const meetingId = await buildRecordMeeting(env.db, { networkId: env.networkId });
    return actor.userId
      ? buildActionItem(env.db, { meetingId, ownerUserId: actor.userId })
      : buildActionItem(env.db, { meetingId, ownerOrganisationId: env.owningOrganisationId });
  },
  /** The owning organisation, made a member of the network, as the action-item form names an owner. */
  recordOwnerChoice: async (_actor, env) => {
    await ensureMembership(env.db, env.networkId, env.owningOrganisationId);
    return `organisation:${env.owningOrganisationId}`;
  },
  recordOwningMember: async (_actor, env) => {
    await ensureMembership(env.db, env.networkId, env.owningOrganisationId);
    return env.owningOrganisationId;
  },
};

import type { Selectable } from 'kysely';
import type { LocalizedText } from '../web/language.ts';
import type {
  MeetingKind,
  MeetingStatus,
  MeetingVisibility,
  MeetingsTable,
  ParticipantRole,
  RsvpResponse,
} from './meetings.tables.ts';

export const MEETING_KINDS: readonly MeetingKind[] = [
  'teleconference',
  'annual-meeting',
  'workshop',
  'high-level-meeting',
  'webinar',
];
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = ['participant', 'observer', 'speaker'];
export const RSVP_RESPONSES: readonly RsvpResponse[] = ['yes', 'no', 'maybe'];

/** A meeting as the domain and its neighbours (the meeting record, the dashboard) see it. */
export interface Meeting {
  id: string;
  networkId: string;
  kind: MeetingKind;
  originalLanguage: string;
  title: LocalizedText;
  description: LocalizedText;
  /** UTC instants. */
  startsAt: Date;
  endsAt: Date;
  /** The organiser's IANA time zone. */
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  visibility: MeetingVisibility;
  status: MeetingStatus;
  seriesId: string | null;
  recurrence: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function toMeeting(row: Selectable<MeetingsTable>): Meeting {
  return {
    id: row.id,
    networkId: row.network_id,
    kind: row.kind,
    originalLanguage: row.original_language,
    title: row.title,
    description: row.description,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    onlineUrl: row.online_url,
    visibility: row.visibility,
    status: row.status,
    seriesId: row.series_id,
    recurrence: row.recurrence,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

import type { ColumnType, Generated } from 'kysely';
import type { LocalizedText } from '../web/language.ts';

type Json<T> = ColumnType<T, T | string, T | string>;
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export type MeetingKind = 'teleconference' | 'annual-meeting' | 'workshop' | 'high-level-meeting' | 'webinar';
export type MeetingVisibility = 'public' | 'network';
export type MeetingStatus = 'scheduled' | 'cancelled';
export type ParticipantRole = 'participant' | 'observer' | 'speaker';
export type RsvpResponse = 'yes' | 'no' | 'maybe';
export type MinutesStatus = 'draft' | 'approved';
export type ActionItemStatus = 'open' | 'in-progress' | 'done' | 'cancelled';

export interface MeetingsTable {
  id: Generated<string>;
  network_id: string;
  kind: MeetingKind;
  original_language: string;
  title: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  /** UTC instants. */
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** The organiser's IANA time zone, e.g. America/Mexico_City. */
  time_zone: string;
  place: string | null;
  online_url: string | null;
  visibility: ColumnType<MeetingVisibility, MeetingVisibility | undefined, MeetingVisibility>;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  series_id: string | null;
  /** RFC 5545 RRULE of the series, e.g. FREQ=MONTHLY;INTERVAL=2;COUNT=6. */
  recurrence: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MeetingAgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: Json<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  presenter: string | null;
  duration_minutes: number | null;
}

export interface MeetingDocumentsTable {
  id: Generated<string>;
  meeting_id: string;
  title: string;
  language: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  data: Uint8Array;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface MeetingInvitationsTable {
  id: Generated<string>;
  meeting_id: string;
  organisation_id: string | null;
  user_id: string | null;
  role: ColumnType<ParticipantRole, ParticipantRole | undefined, ParticipantRole>;
  invited_by: string | null;
  created_at: Generated<Date>;
  reminded_at: Date | null;
}

export interface MeetingRsvpsTable {
  meeting_id: string;
  user_id: string;
  response: RsvpResponse;
  comment: string | null;
  responded_at: Generated<Date>;
}

export interface MeetingAttendanceTable {
  id: Generated<string>;
  meeting_id: string;
  user_id: string | null;
  organisation_id: string | null;
  name: string | null;
  role: ColumnType<ParticipantRole, ParticipantRole | undefined, ParticipantRole>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface MeetingMinutesTable {
  meeting_id: string;
  language: string;
  body: string;
  status: ColumnType<MinutesStatus, MinutesStatus | undefined, MinutesStatus>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MeetingDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  original_language: string;
  text: Json<LocalizedText>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ActionItemsTable {
  id: Generated<string>;
  meeting_id: string;
  decision_id: string | null;
  title: string;
  language: string;
  owner_user_id: string | null;
  owner_organisation_id: string | null;
  due_on: DateColumn;
  status: ColumnType<ActionItemStatus, ActionItemStatus | undefined, ActionItemStatus>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  completed_at: Date | null;
  reminded_at: Date | null;
  version: Generated<number>;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface MeetingsTables {
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_documents: MeetingDocumentsTable;
  meeting_invitations: MeetingInvitationsTable;
  meeting_rsvps: MeetingRsvpsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_minutes: MeetingMinutesTable;
  meeting_decisions: MeetingDecisionsTable;
  action_items: ActionItemsTable;
  calendar_feeds: CalendarFeedsTable;
}

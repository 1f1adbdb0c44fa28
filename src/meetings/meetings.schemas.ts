import { Type, type Static } from 'typebox';

/*
 * Inputs of the meetings domain. The API takes typed JSON; the pages' forms send every field as a
 * text (coerced and checked by the commands, which give localized errors next to each field).
 */

const Uuid = Type.String({ format: 'uuid' });
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const nullableText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));
const Kind = Type.Union([
  Type.Literal('teleconference'),
  Type.Literal('annual-meeting'),
  Type.Literal('workshop'),
  Type.Literal('high-level-meeting'),
  Type.Literal('webinar'),
]);
const Visibility = Type.Union([Type.Literal('public'), Type.Literal('network')]);
const Role = Type.Union([Type.Literal('participant'), Type.Literal('observer'), Type.Literal('speaker')]);
const Response = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('maybe')]);
const Language = Type.String({
  pattern: '^[a-z]{2,3}$',
  description: 'the language of the title and description',
});
const LocalDateTime = Type.String({
  maxLength: 19,
  description: 'a local date-time in the meeting’s time zone, e.g. 2026-03-10T10:00',
});

/** What a meeting says about itself (create and update). */
const MeetingFields = {
  kind: Kind,
  language: Language,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: nullableText(10000),
  timeZone: Type.String({
    maxLength: 64,
    description: 'the organiser’s IANA time zone, e.g. America/Mexico_City',
  }),
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  place: nullableText(500),
  onlineUrl: nullableText(2000),
  visibility: Type.Optional(Visibility),
};

/** Create a meeting, or a series of them (frequency weekly or monthly, with a count or an end date). */
export const CreateMeetingInput = Type.Object({
  networkId: Uuid,
  ...MeetingFields,
  frequency: Type.Optional(
    Type.Union([Type.Literal('none'), Type.Literal('weekly'), Type.Literal('monthly')]),
  ),
  interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  count: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  until: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
});
export type CreateMeetingInput = Static<typeof CreateMeetingInput>;

/** Change one meeting (one occurrence of a series), from the version read. */
export const UpdateMeetingInput = Type.Object({ ...MeetingFields, version: Type.Integer({ minimum: 1 }) });
export type UpdateMeetingInput = Static<typeof UpdateMeetingInput>;

export const CancelMeetingInput = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const RsvpInput = Type.Object({ response: Response, comment: nullableText(2000) });
export type RsvpInput = Static<typeof RsvpInput>;

/** Invite an organisation (all its people with accounts) or one person (by account id or email). */
export const InvitationInput = Type.Object({
  organisationId: Type.Optional(Uuid),
  userId: Type.Optional(Uuid),
  email: Type.Optional(Type.String({ maxLength: 320 })),
  role: Type.Optional(Role),
});
export type InvitationInput = Static<typeof InvitationInput>;

/** Record who attended: an invited person or organisation, or a guest by name. */
export const AttendanceInput = Type.Object({
  userId: Type.Optional(Uuid),
  organisationId: Type.Optional(Uuid),
  name: Type.Optional(Type.String({ maxLength: 300 })),
  role: Type.Optional(Role),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

export const AgendaItemInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: nullableText(4000),
  presenter: nullableText(300),
  durationMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1440 }), Type.Null()])),
});
export type AgendaItemInput = Static<typeof AgendaItemInput>;

// ---- The forms, as browsers send them -------------------------------------------------------

export const MeetingForm = Type.Object({
  networkId: text(100),
  kind: text(40),
  language: text(10),
  title: text(300),
  description: text(10000),
  timeZone: text(64),
  startsAt: text(40),
  endsAt: text(40),
  place: text(500),
  onlineUrl: text(2000),
  visibility: text(20),
  frequency: text(20),
  interval: text(10),
  count: text(10),
  until: text(20),
  version: text(12),
});
export type MeetingForm = Static<typeof MeetingForm>;

export const VersionForm = Type.Object({ version: text(12) });
export const RsvpForm = Type.Object({ response: text(10), comment: text(2000) });
export const InvitationForm = Type.Object({ organisationId: text(100), email: text(320), role: text(20) });
export const AttendanceForm = Type.Object({
  userId: text(100),
  organisationId: text(100),
  name: text(300),
  role: text(20),
});
export const AgendaItemForm = Type.Object({
  title: text(300),
  description: text(4000),
  presenter: text(300),
  durationMinutes: text(10),
});
export const MoveForm = Type.Object({ direction: text(10) });
export const TimeZoneForm = Type.Object({ timeZone: text(64), returnTo: text(500) });

/** The list's filters: a network (slug or id), a kind, upcoming or past, a page; a time zone to show. */
export const MeetingFilters = Type.Object({
  network: text(200),
  kind: text(40),
  when: text(20),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  tz: text(64),
});
export type MeetingFilters = Static<typeof MeetingFilters>;

export const ViewQuery = Type.Object({ tz: text(64), done: text(30) });

// ---- The API's answers --------------------------------------------------------------------

const Text = Type.Record(Type.String(), Type.String());
const Instant = Type.String({ format: 'date-time' });

export const MeetingApi = Type.Object({
  id: Uuid,
  url: Type.String(),
  ics: Type.String(),
  network: Type.String({ description: 'the network’s slug' }),
  kind: Kind,
  originalLanguage: Type.String(),
  title: Text,
  description: Text,
  startsAt: Instant,
  endsAt: Instant,
  timeZone: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  onlineUrl: Type.Union([Type.String(), Type.Null()]),
  visibility: Visibility,
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  seriesId: Type.Union([Uuid, Type.Null()]),
  recurrence: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type MeetingApi = Static<typeof MeetingApi>;

export const MeetingListApi = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(MeetingApi),
});

export const InvitationApi = Type.Object({
  id: Uuid,
  organisationId: Type.Union([Uuid, Type.Null()]),
  userId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  role: Role,
});
export const RsvpApi = Type.Object({
  userId: Uuid,
  name: Type.String(),
  response: Response,
  comment: Type.Union([Type.String(), Type.Null()]),
  respondedAt: Instant,
});
export const AttendanceApi = Type.Object({
  id: Uuid,
  userId: Type.Union([Uuid, Type.Null()]),
  organisationId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  role: Role,
});
export const AgendaItemApi = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  title: Text,
  description: Text,
  presenter: Type.Union([Type.String(), Type.Null()]),
  durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
});
export const DocumentApi = Type.Object({
  id: Uuid,
  title: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  url: Type.String(),
});

export const MeetingDetailApi = Type.Object({
  ...MeetingApi.properties,
  agenda: Type.Array(AgendaItemApi),
  documents: Type.Array(DocumentApi),
  invitations: Type.Optional(Type.Array(InvitationApi)),
  rsvps: Type.Optional(Type.Array(RsvpApi)),
  attendance: Type.Optional(Type.Array(AttendanceApi)),
  myInvitation: Type.Union([
    Type.Object({ role: Role, response: Type.Union([Response, Type.Null()]) }),
    Type.Null(),
  ]),
});

import { Type, type Static } from 'typebox';
import { LangParams } from '../web/routes.ts';

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export const MINUTES_MAX = 100_000;
export const TITLE_MAX = 300;
export const NOTE_MAX = 2000;
export const DECISION_MAX = 2000;

const Id = Type.String({ maxLength: 200 });
const FormText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const Lang = Type.Union([Type.Literal('fr'), Type.Literal('es'), Type.Literal('en'), Type.Literal('pt')]);

// ---- Pages: forms carry text only; the commands check each value and say what is wrong -------

export const MeetingPageParams = Type.Object({ lang: LangParams.properties.lang, id: Id });
export const MinutesPageParams = Type.Object({
  lang: LangParams.properties.lang,
  id: Id,
  language: Type.String({ maxLength: 20 }),
});
export const DecisionPageParams = Type.Object({ lang: LangParams.properties.lang, id: Id, decisionId: Id });
export const NoticeQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) });

export const MinutesForm = Type.Object({
  body: FormText(MINUTES_MAX + 1000),
  status: FormText(20),
  version: FormText(12),
});
export const DecisionForm = Type.Object({ text: FormText(DECISION_MAX + 1000), language: FormText(20) });
export const ActionForm = Type.Object({
  title: FormText(TITLE_MAX + 100),
  language: FormText(20),
  owner: FormText(100),
  dueOn: FormText(40),
  status: FormText(20),
  note: FormText(NOTE_MAX + 100),
  decisionId: FormText(100),
  version: FormText(12),
});
export const ActionStatusForm = Type.Object({
  status: FormText(20),
  note: FormText(NOTE_MAX + 100),
  version: FormText(12),
});

// ---- API ---------------------------------------------------------------------------------

export const MeetingApiParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MinutesApiParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  language: Type.String({ maxLength: 20, description: 'fr, es, en or pt' }),
});
export const DecisionApiParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  decisionId: Type.String({ format: 'uuid' }),
});

export const MinutesInput = Type.Object({
  body: Type.String({
    minLength: 1,
    maxLength: MINUTES_MAX,
    description: 'Plain text; blank lines separate paragraphs',
  }),
  status: Type.Union(MINUTES_STATUSES.map((s) => Type.Literal(s))),
  version: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 2_147_483_647,
      description: 'The version read (0 for new minutes); 409 if they changed since',
    }),
  ),
});
export type MinutesInput = Static<typeof MinutesInput>;

export const MinutesApi = Type.Object({
  meetingId: Type.String(),
  language: Type.String(),
  body: Type.String(),
  status: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});

export const DecisionInput = Type.Object({
  text: Type.String({ minLength: 1, maxLength: DECISION_MAX }),
  language: Lang,
});
export type DecisionInput = Static<typeof DecisionInput>;

export const DecisionApi = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  originalLanguage: Type.String(),
  text: Type.Record(Type.String(), Type.String()),
});

export const ActionInput = Type.Object({
  title: Type.String({ minLength: 1, maxLength: TITLE_MAX }),
  language: Type.Optional(Lang),
  ownerUserId: Type.Optional(Type.String({ format: 'uuid' })),
  ownerOrganisationId: Type.Optional(Type.String({ format: 'uuid' })),
  dueOn: Type.String({ format: 'date' }),
  status: Type.Optional(Type.Union(ACTION_STATUSES.map((s) => Type.Literal(s)))),
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
  decisionId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type ActionInput = Static<typeof ActionInput>;

export const ActionPatch = Type.Object({
  status: Type.Optional(Type.Union(ACTION_STATUSES.map((s) => Type.Literal(s)))),
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
  title: Type.Optional(
    Type.String({ minLength: 1, maxLength: TITLE_MAX, description: 'The secretariat only' }),
  ),
  dueOn: Type.Optional(Type.String({ format: 'date', description: 'The secretariat only' })),
  version: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'The version read; 409 if it changed since',
    }),
  ),
});
export type ActionPatch = Static<typeof ActionPatch>;

export const ActionApiParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MyActionsQuery = Type.Object({
  includeDone: Type.Optional(Type.Boolean({ description: 'Also the done and cancelled ones' })),
});

export const ActionApi = Type.Object({
  id: Type.String(),
  meetingId: Type.String(),
  meetingTitle: Type.Record(Type.String(), Type.String()),
  decisionId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  language: Type.String(),
  owner: Type.Object({
    kind: Type.Union([Type.Literal('user'), Type.Literal('organisation')]),
    id: Type.String(),
    name: Type.String(),
  }),
  dueOn: Type.String({ format: 'date' }),
  status: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  version: Type.Integer(),
  url: Type.String(),
});

import { Type, type Static, type TSchema } from 'typebox';
import { LANGUAGES } from '../web/language.ts';

/** The inputs of questions to the network (API and forms) and the shapes the API answers. */

export const ANSWER_TYPES = ['text', 'yes-no', 'number', 'choice'] as const;
export const MAX_ITEMS = 10;
/** Rows of the form without JavaScript: five at first, ten after "add more rows". */
export const FORM_ROWS = 5;
export const TITLE_MAX = 300;
export const TEXT_MAX = 5000;

function Localized(maxLength: number, description: string) {
  const text = Type.String({ minLength: 1, maxLength });
  return Type.Object(
    { fr: Type.Optional(text), es: Type.Optional(text), en: Type.Optional(text), pt: Type.Optional(text) },
    { additionalProperties: false, description },
  );
}

const LangSchema = Type.Union(
  LANGUAGES.map((l) => Type.Literal(l)),
  { description: 'fr, es, en or pt' },
);
const AnswerTypeSchema = Type.Union(
  ANSWER_TYPES.map((a) => Type.Literal(a)),
  { description: 'text, yes-no, number or choice' },
);
const VisibilitySchema = Type.Union([Type.Literal('public'), Type.Literal('network')], {
  description: 'public (anyone) or network (its members only)',
});

export const QuestionItemInput = Type.Object({
  text: Localized(2000, 'The item’s text per language; required in the original language'),
  answerType: AnswerTypeSchema,
  choices: Type.Optional(
    Type.Array(Localized(300, 'An option per language'), {
      maxItems: 20,
      description: 'For choice items: 2 to 20 options',
    }),
  ),
});

export const QuestionInput = Type.Object({
  networkId: Type.String({ format: 'uuid', description: 'The network asked' }),
  organisationId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'The member institution that asks (default: the caller’s; the secretariat may name any member)',
    }),
  ),
  originalLanguage: LangSchema,
  title: Localized(TITLE_MAX, 'The title per language'),
  background: Type.Optional(Localized(TEXT_MAX, 'Why the question is asked, per language')),
  items: Type.Array(QuestionItemInput, { minItems: 1, maxItems: MAX_ITEMS, description: '1 to 10 items' }),
  deadline: Type.String({
    format: 'date-time',
    description: 'The deadline, an instant (ISO 8601 with offset)',
  }),
  timeZone: Type.Optional(
    Type.String({ maxLength: 64, description: 'The IANA time zone the deadline is shown in (default UTC)' }),
  ),
  visibility: Type.Optional(VisibilitySchema),
});
export type QuestionInput = Static<typeof QuestionInput>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const AnswerInput = Type.Object({
  organisationId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'The organisation that answers (default: the caller’s; the secretariat may answer for a member)',
    }),
  ),
  country: Type.Optional(
    Nullable(
      Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2; default: headquarters' }),
    ),
  ),
  language: Type.Optional(LangSchema),
  values: Type.Array(
    Type.Object({
      item: Type.Integer({ minimum: 1, maximum: MAX_ITEMS, description: 'The item’s position (from 1)' }),
      value: Nullable(
        Type.Union([Type.String({ maxLength: TEXT_MAX }), Type.Number(), Type.Boolean()], {
          description:
            'text: a text; yes-no: true/false or "yes"/"no"; number: a number; choice: the option’s number (from 1)',
        }),
      ),
    }),
    { maxItems: MAX_ITEMS },
  ),
});
export type AnswerInput = Static<typeof AnswerInput>;

export const QuestionFilters = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 100, description: 'A network’s slug' })),
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'open or closed' }),
  ),
});
export type QuestionFilters = Static<typeof QuestionFilters>;

export const ComparisonQuery = Type.Object({
  sort: Type.Optional(
    Type.Union([Type.Literal('country'), Type.Literal('organisation')], {
      description: 'Rows by country (default) or by organisation',
    }),
  ),
});

/** The ask form: flat strings, `item-N-*` for each row. */
const formText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const itemFields: Record<string, TSchema> = {};
for (let n = 1; n <= MAX_ITEMS; n++) {
  itemFields[`item-${n}-text`] = formText(2000);
  itemFields[`item-${n}-type`] = formText(20);
  itemFields[`item-${n}-choices`] = formText(6000);
}
export const QuestionForm = Type.Object({
  networkId: formText(100),
  organisationId: formText(100),
  originalLanguage: formText(5),
  title: formText(TITLE_MAX),
  background: formText(TEXT_MAX),
  deadlineDate: formText(20),
  deadlineTime: formText(10),
  timeZone: formText(64),
  visibility: formText(10),
  rows: formText(3),
  moreRows: formText(10),
  ...itemFields,
});
export type QuestionFormBody = Record<string, string | undefined>;

const answerFields: Record<string, TSchema> = {};
for (let n = 1; n <= MAX_ITEMS; n++) answerFields[`item-${n}`] = formText(TEXT_MAX);
export const AnswerForm = Type.Object({
  organisationId: formText(100),
  country: formText(5),
  ...answerFields,
});

// ---- API answers -----------------------------------------------------------------------------

const Text = Type.Object({
  fr: Type.Optional(Type.String()),
  es: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
  pt: Type.Optional(Type.String()),
});

export const QuestionApi = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  network: Type.Object({ id: Type.String(), slug: Type.String(), name: Text }),
  organisation: Type.Object({ id: Type.String(), name: Text }),
  originalLanguage: Type.String(),
  title: Text,
  background: Text,
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      text: Text,
      answerType: Type.String(),
      choices: Type.Array(Text),
    }),
  ),
  deadline: Type.String({ format: 'date-time' }),
  timeZone: Type.String(),
  visibility: Type.String(),
  status: Type.String({ description: 'open, closed (by the asker or the secretariat) or expired' }),
  answers: Type.Integer({ description: 'How many organisations answered' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ComparisonApi = Type.Object({
  question: QuestionApi,
  rows: Type.Array(
    Type.Object({
      organisation: Type.Object({ id: Type.String(), name: Text }),
      country: Nullable(Type.String()),
      submittedAt: Type.String({ format: 'date-time' }),
      language: Type.String(),
      values: Type.Array(
        Type.Object({
          item: Type.Integer(),
          value: Nullable(
            Type.String({ description: 'As given: yes/no, a number, a text, or the option’s number' }),
          ),
          label: Nullable(Type.String({ description: 'In the caller’s language' })),
        }),
      ),
    }),
  ),
  unanswered: Type.Array(Type.Object({ id: Type.String(), name: Text, country: Nullable(Type.String()) })),
});

export const AnswerCreatedApi = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  submittedAt: Type.String({ format: 'date-time' }),
});

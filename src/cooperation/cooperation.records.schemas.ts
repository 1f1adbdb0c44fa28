import { Type, type Static, type TSchema } from 'typebox';
import { LANGUAGES } from '../web/language.ts';

/**
 * The inputs of cooperation records (issue 6, item 5): the same shape for the API, the form (once
 * read) and the demo. What a schema cannot say — known codes, a period in order, a budget ≥ 0,
 * parties that are members of the network, published practices — the commands check, with a
 * message naming the field.
 */

export const RECORD_STATUSES = ['planned', 'under-way', 'completed'] as const;
export const PARTY_ROLES = ['provider', 'beneficiary', 'funder', 'facilitator', 'partner'] as const;
export const RECORD_TEXT_FIELDS = ['title', 'summary', 'activities', 'results', 'resources'] as const;
export type RecordTextField = (typeof RECORD_TEXT_FIELDS)[number];

export const RECORD_TEXT_LIMITS: Record<RecordTextField, number> = {
  title: 300,
  summary: 2_000,
  activities: 10_000,
  results: 10_000,
  resources: 10_000,
};

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Codes = (maxItems: number, description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems, uniqueItems: true, description });

function LocalizedText(maxLength: number) {
  const text = Type.String({ maxLength });
  return Type.Object(Object.fromEntries(LANGUAGES.map((lang) => [lang, Type.Optional(text)])), {
    additionalProperties: false,
    description: 'A text per language (fr, es, en, pt)',
  });
}

export const PartyInput = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  role: Type.Enum(PARTY_ROLES),
});
export type PartyInput = Static<typeof PartyInput>;

const RecordContent = {
  originalLanguage: Type.Enum([...LANGUAGES], { description: 'The language it was written in' }),
  title: LocalizedText(RECORD_TEXT_LIMITS.title),
  summary: Type.Optional(LocalizedText(RECORD_TEXT_LIMITS.summary)),
  activities: Type.Optional(LocalizedText(RECORD_TEXT_LIMITS.activities)),
  results: Type.Optional(LocalizedText(RECORD_TEXT_LIMITS.results)),
  resources: Type.Optional(LocalizedText(RECORD_TEXT_LIMITS.resources)),
  modality: Type.String({
    maxLength: 30,
    description: 'A code of /api/v1/reference/cooperation-modalities',
  }),
  parties: Type.Array(PartyInput, {
    maxItems: 30,
    description: 'Organisations of the directory, members of the network, each with a role',
  }),
  thematicAreas: Type.Optional(Codes(9, 'Codes of /api/v1/reference/iom-areas')),
  gcmObjectives: Type.Optional(Codes(23, 'Codes of /api/v1/reference/gcm-objectives')),
  countries: Type.Optional(Codes(250, 'ISO 3166-1 alpha-2 codes')),
  startsOn: Type.Optional(Nullable(IsoDate)),
  endsOn: Type.Optional(Nullable(IsoDate)),
  budgetAmount: Type.Optional(Nullable(Type.Number({ description: 'The budget, ≥ 0, in budgetCurrency' }))),
  budgetCurrency: Type.Optional(
    Nullable(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, e.g. USD' })),
  ),
  status: Type.Enum(RECORD_STATUSES),
  practiceIds: Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 30,
      uniqueItems: true,
      description: 'Published practices this cooperation draws on or produced',
    }),
  ),
};

/** A new record: its content, the network it belongs to, and optionally the match it came from. */
export const RecordInput = Type.Object({
  network: Type.String({ minLength: 1, maxLength: 80, description: 'The slug of the network' }),
  matchId: Type.Optional(
    Nullable(
      Type.String({ format: 'uuid', description: 'The match it came from (agreement signed or later)' }),
    ),
  ),
  ...RecordContent,
});
export type RecordInput = Static<typeof RecordInput>;

/** An update carries the version it started from; a stale one is a conflict, never an overwrite. */
export const RecordUpdate = Type.Object({
  ...RecordContent,
  version: Type.Integer({ minimum: 1 }),
});
export type RecordUpdate = Static<typeof RecordUpdate>;

const filterList = (maxLength: number, maxItems: number) =>
  Type.Optional(Type.Array(Type.String({ maxLength }), { maxItems }));

/** The filters of the records list, the same on the page, in the API and in the exports. */
export const RecordFilters = Type.Object({
  network: filterList(80, 30),
  status: filterList(20, 3),
  modality: filterList(30, 5),
  country: filterList(2, 50),
  area: filterList(60, 9),
  objective: filterList(60, 23),
  organisation: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 30 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type RecordFilters = Static<typeof RecordFilters>;

/** The record as the API answers it (and the JSON export, as an array). */
const ResponseText = Type.Record(Type.String(), Type.String());
export const RecordView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  network: Type.String(),
  matchId: Nullable(Type.String()),
  originalLanguage: Type.String(),
  title: ResponseText,
  summary: ResponseText,
  activities: ResponseText,
  results: ResponseText,
  resources: ResponseText,
  modality: Type.String(),
  parties: Type.Array(
    Type.Object({ organisationId: Type.String(), role: Type.String(), name: ResponseText }),
  ),
  thematicAreas: Type.Array(Type.String()),
  gcmObjectives: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  budgetAmount: Nullable(Type.Number()),
  budgetCurrency: Nullable(Type.String()),
  status: Type.String(),
  practiceIds: Type.Array(Type.String()),
  practiceDraftId: Nullable(Type.String()),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

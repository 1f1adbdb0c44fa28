import { Type, type Static, type TSchema } from 'typebox';
import { CONTENT_LANGUAGES } from './practices.languages.ts';

/**
 * The structure of a practice: a smart practice of the Red Cross and Red Crescent database (seed
 * 000: concept, case study, results, principles, challenges, lessons learned) merged with RICOMI's
 * form for cooperation experiences (seed 004: modality, period of implementation, results).
 */

/** Text fields, each kept per content language. Their order is the order of the form and the page. */
export const TEXT_FIELDS = [
  'title',
  'summary',
  'description',
  'context',
  'resources',
  'results',
  'evaluation',
  'challenges',
  'lessonsLearned',
  'replicability',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const TEXT_LIMITS: Record<TextField, number> = {
  title: 300,
  summary: 2_000,
  description: 20_000,
  context: 10_000,
  resources: 10_000,
  results: 10_000,
  evaluation: 10_000,
  challenges: 10_000,
  lessonsLearned: 10_000,
  replicability: 10_000,
};

/** Every field that can be marked "information not communicated" (not the same as left empty). */
export const DISCLOSABLE_FIELDS = [
  ...TEXT_FIELDS.filter((field) => field !== 'title'),
  'actors',
  'countries',
  'period',
  'modality',
  'migrationStages',
  'targetGroups',
  'links',
  'contact',
] as const;
export type DisclosableField = (typeof DISCLOSABLE_FIELDS)[number];

export const ACTOR_ROLES = ['lead', 'partner', 'implementer', 'funder', 'beneficiary'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Codes = (maxItems: number, description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems, uniqueItems: true, description });

/** A text in one or more content languages. */
export function LocalizedContentSchema(maxLength: number) {
  const text = Type.String({ minLength: 1, maxLength });
  return Type.Object(Object.fromEntries(CONTENT_LANGUAGES.map((lang) => [lang, Type.Optional(text)])), {
    additionalProperties: false,
  });
}

export const ActorInput = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  role: Type.Enum(ACTOR_ROLES),
});

export const LinkInput = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 }),
  label: Type.Optional(Type.String({ maxLength: 300 })),
});

/** What a submitter writes; the same for a first draft and for every revision. */
export const PracticeContentInput = Type.Object({
  originalLanguage: Type.Enum([...CONTENT_LANGUAGES], { description: 'The language it was written in' }),
  title: LocalizedContentSchema(TEXT_LIMITS.title),
  summary: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.summary)),
  description: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.description)),
  context: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.context)),
  resources: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.resources)),
  results: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.results)),
  evaluation: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.evaluation)),
  challenges: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.challenges)),
  lessonsLearned: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.lessonsLearned)),
  replicability: Type.Optional(LocalizedContentSchema(TEXT_LIMITS.replicability)),
  actors: Type.Optional(Type.Array(ActorInput, { maxItems: 50 })),
  countries: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 250, uniqueItems: true }),
  ),
  periodStart: Type.Optional(Nullable(IsoDate)),
  periodEnd: Type.Optional(Nullable(IsoDate)),
  ongoing: Type.Optional(Type.Boolean()),
  modality: Type.Optional(
    Nullable(
      Type.String({ maxLength: 30, description: 'A code of /api/v1/reference/cooperation-modalities' }),
    ),
  ),
  migrationStages: Type.Optional(Codes(10, 'Codes of /api/v1/reference/migration-stages')),
  targetGroups: Type.Optional(Codes(20, 'Codes of /api/v1/reference/target-groups')),
  gcmObjectives: Type.Optional(Codes(23, 'Codes of /api/v1/reference/gcm-objectives')),
  gcmPrinciples: Type.Optional(Codes(10, 'Codes of /api/v1/reference/gcm-principles')),
  thematicAreas: Type.Optional(Codes(9, 'Codes of /api/v1/reference/iom-areas')),
  smartPrinciples: Type.Optional(Codes(30, "Codes of the network's smart-practice principles (P1…)")),
  links: Type.Optional(Type.Array(LinkInput, { maxItems: 30 })),
  contactFocalPointId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  notCommunicated: Type.Optional(
    Type.Array(Type.Enum(DISCLOSABLE_FIELDS), {
      uniqueItems: true,
      description: 'Fields marked "information not communicated", which is not the same as empty',
    }),
  ),
});
export type PracticeContentInput = Static<typeof PracticeContentInput>;

/** A new practice: its content, the network whose secretariat reviews it, and optionally a call. */
export const PracticeInput = Type.Object({
  ...PracticeContentInput.properties,
  network: Type.String({ minLength: 2, maxLength: 80, description: 'The slug of the network' }),
  organisationId: Type.String({ format: 'uuid', description: 'The submitting organisation' }),
  callId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
});
export type PracticeInput = Static<typeof PracticeInput>;

/** A revision carries the version it started from; a stale one is a conflict, never an overwrite. */
export const PracticeRevision = Type.Object({
  ...PracticeContentInput.properties,
  version: Type.Integer({ minimum: 1 }),
});
export type PracticeRevision = Static<typeof PracticeRevision>;

/** The content of a version as stored: every list present, every text a map of languages. */
export interface PracticeContent {
  originalLanguage: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  description: Record<string, string>;
  context: Record<string, string>;
  resources: Record<string, string>;
  results: Record<string, string>;
  evaluation: Record<string, string>;
  challenges: Record<string, string>;
  lessonsLearned: Record<string, string>;
  replicability: Record<string, string>;
  actors: { organisationId: string; role: ActorRole }[];
  countries: string[];
  periodStart: string | null;
  periodEnd: string | null;
  ongoing: boolean;
  modality: string | null;
  migrationStages: string[];
  targetGroups: string[];
  gcmObjectives: string[];
  gcmPrinciples: string[];
  thematicAreas: string[];
  smartPrinciples: string[];
  links: { url: string; label?: string }[];
  contactFocalPointId: string | null;
  notCommunicated: DisclosableField[];
}

export const ReviewInput = Type.Object({
  relevance: Type.Integer({ minimum: 1, maximum: 5 }),
  effectiveness: Type.Integer({ minimum: 1, maximum: 5 }),
  replicability: Type.Integer({ minimum: 1, maximum: 5 }),
  sustainability: Type.Integer({ minimum: 1, maximum: 5 }),
  recommendation: Type.Union([Type.Literal('publish'), Type.Literal('revise'), Type.Literal('reject')]),
  comments: Type.String({ minLength: 1, maxLength: 10_000 }),
});
export type ReviewInput = Static<typeof ReviewInput>;

export const CallInput = Type.Object({
  network: Type.String({ minLength: 2, maxLength: 80 }),
  title: LocalizedContentSchema(300),
  description: Type.Optional(LocalizedContentSchema(10_000)),
  opensOn: IsoDate,
  closesOn: IsoDate,
  gcmObjectives: Type.Optional(Codes(23, 'Codes of /api/v1/reference/gcm-objectives')),
  thematicAreas: Type.Optional(Codes(9, 'Codes of /api/v1/reference/iom-areas')),
});
export type CallInput = Static<typeof CallInput>;

/** The filters of the practices search, the same on the page, in the API and in the exports. */
export const PracticeSearchParams = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 10_000 })),
  objective: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 23 })),
  principle: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 })),
  area: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 9 })),
  country: Type.Optional(Type.Array(Type.String({ maxLength: 2 }), { maxItems: 50 })),
  region: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 30 })),
  stage: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10 })),
  modality: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 5 })),
  year: Type.Optional(Type.Array(Type.Integer({ minimum: 1900, maximum: 2200 }), { maxItems: 30 })),
  language: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 10 })),
  network: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 30 })),
  organisation: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 30 })),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type PracticeSearchParams = Static<typeof PracticeSearchParams>;

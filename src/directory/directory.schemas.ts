import { Type, type Static, type TSchema } from 'typebox';

/** A text in each interface language; at least one is required where the schema says so. */
export function LocalizedTextSchema(maxLength: number, description?: string) {
  const text = Type.String({ minLength: 1, maxLength });
  return Type.Object(
    { fr: Type.Optional(text), es: Type.Optional(text), en: Type.Optional(text), pt: Type.Optional(text) },
    { additionalProperties: false, ...(description ? { description } : {}) },
  );
}

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const IsoDate = Type.String({ format: 'date' });

export const OrganisationInput = Type.Object({
  name: LocalizedTextSchema(300, 'The name in one or more of fr, es, en, pt'),
  acronym: Type.Optional(LocalizedTextSchema(30)),
  stakeholderGroup: Type.String({
    maxLength: 60,
    description: 'A code of /api/v1/reference/stakeholder-groups',
  }),
  headquartersCountry: Type.Optional(Nullable(CountryCode)),
  countriesServed: Type.Optional(Type.Array(CountryCode, { maxItems: 300, uniqueItems: true })),
  thematicAreas: Type.Optional(
    Type.Array(Type.String({ maxLength: 60 }), {
      maxItems: 20,
      uniqueItems: true,
      description: 'Codes of /api/v1/reference/iom-areas',
    }),
  ),
  website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500, pattern: '^https?://' }))),
  description: Type.Optional(LocalizedTextSchema(10_000)),
});
export type OrganisationInput = Static<typeof OrganisationInput>;

/** An update carries the version it started from; a stale one is a conflict, never an overwrite. */
export const OrganisationUpdate = Type.Object({
  ...OrganisationInput.properties,
  version: Type.Integer({ minimum: 1 }),
});
export type OrganisationUpdate = Static<typeof OrganisationUpdate>;

export const FocalPointInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]+$' }))),
  languages: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 20, uniqueItems: true }),
  ),
});
export type FocalPointInput = Static<typeof FocalPointInput>;

export const AccreditationInput = Type.Object({
  kind: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. observer status' }),
  accreditingOrganisationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  accreditingBody: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  grantedOn: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type AccreditationInput = Static<typeof AccreditationInput>;

export const RelationshipInput = Type.Object({
  relatedOrganisationId: Type.String({ format: 'uuid' }),
  kind: Type.String({ maxLength: 60, description: 'A code of /api/v1/reference/relationship-kinds' }),
  since: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type RelationshipInput = Static<typeof RelationshipInput>;

export const NetworkInput = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 }),
  name: LocalizedTextSchema(300),
  kind: Type.Union([
    Type.Literal('network'),
    Type.Literal('coalition'),
    Type.Literal('working-group'),
    Type.Literal('platform'),
  ]),
  description: Type.Optional(LocalizedTextSchema(10_000)),
  region: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{3}$', description: 'A UN M49 area code' }))),
  yearFounded: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2200 }))),
  objectives: Type.Optional(LocalizedTextSchema(10_000)),
  coordinatingOrganisationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  meetingCadence: Type.Optional(LocalizedTextSchema(500)),
  fundingStatus: Type.Optional(
    Nullable(Type.Union([Type.Literal('funded'), Type.Literal('partly-funded'), Type.Literal('unfunded')])),
  ),
  fundingNote: Type.Optional(LocalizedTextSchema(2000)),
  fundingYear: Type.Optional(Nullable(Type.Integer({ minimum: 1800, maximum: 2200 }))),
  countries: Type.Optional(Type.Array(CountryCode, { maxItems: 300, uniqueItems: true })),
});
export type NetworkInput = Static<typeof NetworkInput>;

export const NetworkUpdate = Type.Object({
  ...NetworkInput.properties,
  version: Type.Integer({ minimum: 1 }),
});
export type NetworkUpdate = Static<typeof NetworkUpdate>;

export const MembershipInput = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  role: Type.Union([Type.Literal('coordinator'), Type.Literal('member'), Type.Literal('observer')]),
  since: Type.Optional(Nullable(IsoDate)),
});
export type MembershipInput = Static<typeof MembershipInput>;

/** The filters of the organisations list, the same on the page and in the API. */
export const OrganisationFilters = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  group: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30 })),
  country: Type.Optional(Type.Array(Type.String({ maxLength: 2 }), { maxItems: 50 })),
  region: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { maxItems: 30 })),
  area: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  network: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 30 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export type OrganisationFilters = Static<typeof OrganisationFilters>;

import { Type, type Static, type TSchema } from 'typebox';
import { LANGUAGES } from '../web/language.ts';

/** The input of an offer or a demand, and the filters of their lists: one shape for the API, the form and the demo. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

function LocalizedText(maxLength: number, description: string) {
  const text = Type.String({ minLength: 1, maxLength });
  return Type.Object(
    { fr: Type.Optional(text), es: Type.Optional(text), en: Type.Optional(text), pt: Type.Optional(text) },
    { additionalProperties: false, description },
  );
}

const Codes = (description: string, maxItems = 40) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems, uniqueItems: true, description });

export const ITEM_STATUSES = ['open', 'in-discussion', 'matched', 'closed'] as const;
export const VISIBILITIES = ['public', 'network'] as const;

export const ItemStatusSchema = Type.Union(
  ITEM_STATUSES.map((s) => Type.Literal(s)),
  { description: 'open, in-discussion, matched or closed' },
);
export const VisibilitySchema = Type.Union(
  VISIBILITIES.map((v) => Type.Literal(v)),
  { description: 'public (anyone) or network (its members only)' },
);

export const TITLE_MAX = 300;

export const ItemInput = Type.Object({
  organisationId: Type.String({
    format: 'uuid',
    description: 'The organisation that offers or asks; a member of the network',
  }),
  networkId: Type.String({ format: 'uuid', description: 'The network the offer or demand is made in' }),
  originalLanguage: Type.Union(
    LANGUAGES.map((l) => Type.Literal(l)),
    { description: 'The language the texts were written in (fr, es, en, pt); its title is required' },
  ),
  title: LocalizedText(TITLE_MAX, 'The title per language (at most 300 characters each)'),
  description: Type.Optional(LocalizedText(20_000, 'The description per language')),
  kind: Type.String({ maxLength: 60, description: 'A code of /api/v1/reference/cooperation-kinds' }),
  thematicAreas: Type.Optional(Codes('Codes of /api/v1/reference/iom-areas')),
  gcmObjectives: Type.Optional(Codes('Codes of /api/v1/reference/gcm-objectives (1–23)')),
  countries: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
      maxItems: 300,
      uniqueItems: true,
      description: 'ISO 3166-1 alpha-2 codes of the countries concerned',
    }),
  ),
  regions: Type.Optional(Codes('UN M49 codes of /api/v1/reference/regions')),
  workingLanguages: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), {
      maxItems: 20,
      uniqueItems: true,
      description: 'ISO 639 codes of the working languages',
    }),
  ),
  startsOn: Type.Optional(Nullable(Type.String({ format: 'date', description: 'Start of the period' }))),
  endsOn: Type.Optional(
    Nullable(Type.String({ format: 'date', description: 'End of the period; null when open-ended' })),
  ),
  capacity: Type.Optional(
    Nullable(Type.String({ maxLength: 2000, description: 'Capacity in words: places, experts, days…' })),
  ),
  budgetAmount: Type.Optional(
    Nullable(Type.Number({ description: 'Budget, ≥ 0; given with budgetCurrency or not at all' })),
  ),
  budgetCurrency: Type.Optional(
    Nullable(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of the budget' })),
  ),
  status: Type.Optional(ItemStatusSchema),
  visibility: Type.Optional(VisibilitySchema),
});
export type ItemInput = Static<typeof ItemInput>;

/** An update carries the version it was read at; a stale one is a conflict, never an overwrite. */
export const ItemUpdate = Type.Object({
  ...ItemInput.properties,
  version: Type.Integer({ minimum: 1, description: 'The version that was read' }),
});
export type ItemUpdate = Static<typeof ItemUpdate>;

const FilterList = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 40,
      description: `${description}; repeat the parameter for several`,
    }),
  );

export const ItemFilters = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the title, in any language' })),
  area: FilterList('IOM–NGO thematic area codes'),
  objective: FilterList('GCM objective numbers'),
  country: FilterList('ISO 3166-1 alpha-2 country codes'),
  region: FilterList('UN M49 region codes (an item counts in the regions of its countries)'),
  kind: FilterList('Cooperation kind codes'),
  status: FilterList('Statuses: open, in-discussion, matched, closed'),
  network: FilterList('Network slugs'),
  organisation: Type.Optional(Type.String({ format: 'uuid', description: 'One organisation’s items' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Page number (from 1)' })),
});
export type ItemFilters = Static<typeof ItemFilters>;

const ResponseText = Type.Object({
  fr: Type.Optional(Type.String()),
  es: Type.Optional(Type.String()),
  en: Type.Optional(Type.String()),
  pt: Type.Optional(Type.String()),
});

export const ItemView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  side: Type.Union([Type.Literal('offer'), Type.Literal('demand')]),
  url: Type.String({ description: 'The item’s page' }),
  networkId: Type.String({ format: 'uuid' }),
  network: Type.String({ description: 'The network’s slug' }),
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: ResponseText,
  originalLanguage: Type.String(),
  title: ResponseText,
  description: ResponseText,
  kind: Type.String(),
  thematicAreas: Type.Array(Type.String()),
  gcmObjectives: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  workingLanguages: Type.Array(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  capacity: Nullable(Type.String()),
  budgetAmount: Nullable(Type.Number()),
  budgetCurrency: Nullable(Type.String()),
  status: Type.String(),
  visibility: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type ItemView = Static<typeof ItemView>;

export const ItemList = Type.Object({
  items: Type.Array(ItemView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const Saved = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() });

/** The form as the browser sends it: flat names (`title.fr`), lists for multiple choices, all text. */
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const list = (maxItems: number) => Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems }));
export const ItemForm = Type.Object({
  ...Object.fromEntries(
    LANGUAGES.flatMap((lang) => [
      [`title.${lang}`, text(1000)],
      [`description.${lang}`, text(20_000)],
    ]),
  ),
  organisationId: text(100),
  networkId: text(100),
  originalLanguage: text(10),
  kind: text(100),
  thematicAreas: list(40),
  gcmObjectives: list(40),
  countries: list(300),
  regions: list(60),
  workingLanguages: list(20),
  startsOn: text(30),
  endsOn: text(30),
  capacity: text(2000),
  budgetAmount: text(40),
  budgetCurrency: text(10),
  visibility: text(20),
  version: text(12),
});
export type ItemFormBody = Record<string, string | string[] | undefined>;

export const StatusForm = Type.Object({ status: text(30), version: text(12) });
export const StatusInput = Type.Object({
  status: ItemStatusSchema,
  version: Type.Integer({ minimum: 1, description: 'The version that was read' }),
});

import { Type, type Static } from 'typebox';
import { POST_LANGUAGES, UPDATE_CATEGORIES, UPDATE_VISIBILITIES } from './updates.categories.ts';

/** The input of a post and the filters of the feed: one shape for the API, the form and the demo. */

export const TITLE_MAX = 300;
export const BODY_MAX = 20_000;
export const LINKS_MAX = 10;

const literals = (values: readonly string[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

export const CategorySchema = literals(UPDATE_CATEGORIES, `One of: ${UPDATE_CATEGORIES.join(', ')}`);

export const LinkSchema = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'An http or https address' }),
    label: Type.String({
      maxLength: 300,
      description: 'The words shown for the link (the address if empty)',
    }),
  },
  { additionalProperties: false },
);

export const UpdateInput = Type.Object({
  networkId: Type.String({ format: 'uuid', description: 'The network the post is made in' }),
  organisationId: Type.Optional(
    Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The member organisation that posts; null when the secretariat posts for the network',
    }),
  ),
  category: CategorySchema,
  countries: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), {
      maxItems: 60,
      uniqueItems: true,
      description: 'ISO 3166-1 alpha-2 codes of the countries concerned',
    }),
  ),
  language: literals(POST_LANGUAGES, 'The language the post is written in'),
  title: Type.String({ minLength: 1, maxLength: TITLE_MAX, description: 'At most 300 characters' }),
  body: Type.String({
    minLength: 1,
    maxLength: BODY_MAX,
    description: 'Plain text; blank lines separate paragraphs',
  }),
  links: Type.Optional(Type.Array(LinkSchema, { maxItems: LINKS_MAX })),
  visibility: Type.Optional(
    literals(UPDATE_VISIBILITIES, 'public (anyone) or network (its members only); network by default'),
  ),
});
export type UpdateInput = Static<typeof UpdateInput>;

/** An edit carries the version it was read at; a stale one is a conflict, never an overwrite. */
export const UpdateEdit = Type.Object({
  ...UpdateInput.properties,
  version: Type.Integer({ minimum: 1, description: 'The version that was read' }),
});
export type UpdateEdit = Static<typeof UpdateEdit>;

export const WithdrawInput = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The version that was read' }),
});

const FilterList = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 40,
      description: `${description}; repeat the parameter for several`,
    }),
  );

export const UpdateFilters = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the title or the text' })),
  category: FilterList(`Categories (${UPDATE_CATEGORIES.join(', ')})`),
  country: FilterList('ISO 3166-1 alpha-2 country codes'),
  network: FilterList('Network slugs'),
  language: FilterList('Languages the posts are written in (fr, es, en, pt)'),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Page number (from 1)' })),
});
export type UpdateFilters = Static<typeof UpdateFilters>;

export const AttachmentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  url: Type.String({ description: 'Where to download it' }),
});

export const UpdateView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String({ description: 'The post’s page' }),
  networkId: Type.String({ format: 'uuid' }),
  network: Type.String({ description: 'The network’s slug' }),
  organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  category: Type.String(),
  countries: Type.Array(Type.String()),
  language: Type.String(),
  title: Type.String(),
  body: Type.String(),
  links: Type.Array(LinkSchema),
  attachments: Type.Array(AttachmentView),
  visibility: Type.String(),
  status: Type.String(),
  publishedAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

export const UpdateList = Type.Object({
  items: Type.Array(UpdateView),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const Saved = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() });

/** The form as the browser sends it (multipart): flat names, all text; `countries` may repeat. */
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
export const UpdateForm = Type.Object({
  networkId: text(100),
  organisationId: text(100),
  category: text(100),
  countries: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 10 }),
      Type.Array(Type.String({ maxLength: 10 }), { maxItems: 60 }),
    ]),
  ),
  language: text(10),
  title: text(1000),
  body: text(BODY_MAX + 1000),
  ...Object.fromEntries(
    Array.from({ length: LINKS_MAX }, (_, i) => [
      [`links.${i}.url`, text(2100)],
      [`links.${i}.label`, text(400)],
    ]).flat(),
  ),
  visibility: text(20),
  version: text(12),
});
export type UpdateFormBody = Record<string, unknown>;

import { Type, type Static } from 'typebox';

/** The input and output shapes of subscriptions, for the API, the forms and OpenAPI. */

export const SOURCES = ['updates', 'practices', 'offers', 'demands'] as const;
export type Source = (typeof SOURCES)[number];
export const FREQUENCIES = ['daily', 'weekly', 'never'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const NAME_MAX = 200;

export const SourceSchema = Type.Union(
  SOURCES.map((source) => Type.Literal(source)),
  { description: 'updates (feed posts), practices, offers or demands' },
);
export const FrequencySchema = Type.Union(
  FREQUENCIES.map((frequency) => Type.Literal(frequency)),
  { description: 'daily, weekly or never' },
);

const FilterValue = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 40 }),
]);
const Filters = Type.Record(Type.String({ maxLength: 40 }), FilterValue, {
  description:
    'The filters as the source’s list page takes them in its query string (e.g. {"q":"trata","country":["MX","GT"]}); unknown names are dropped',
});

export const SubscriptionInput = Type.Object({
  source: SourceSchema,
  name: Type.Optional(
    Type.String({ maxLength: NAME_MAX, description: 'A name; made from the filters if empty' }),
  ),
  filters: Type.Optional(Filters),
});
export type SubscriptionInput = Static<typeof SubscriptionInput>;

export const SubscriptionUpdate = Type.Object({
  name: Type.String({ maxLength: NAME_MAX, description: 'The new name' }),
});

export const SubscriptionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  source: Type.String(),
  name: Type.String(),
  filters: Type.Record(Type.String(), FilterValue),
  url: Type.String({ description: 'The list page of this search (English; any language prefix works)' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SubscriptionView = Static<typeof SubscriptionView>;

export const SubscriptionList = Type.Object({ items: Type.Array(SubscriptionView) });

export const DigestView = Type.Object({
  frequency: Type.String({ description: 'daily, weekly or never' }),
  lastSentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const DigestInput = Type.Object({ frequency: FrequencySchema });

/** The forms as a browser sends them: all text, checked later by the commands. */
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const list = () => Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 300 }));

/** "Subscribe to this search" (from a list page: its query string) and "follow feed posts" (its fields). */
export const SubscribeForm = Type.Object({
  source: text(20),
  name: text(1000),
  query: text(4000),
  category: list(),
  country: list(),
  network: list(),
});
export type SubscribeFormBody = Static<typeof SubscribeForm>;

export const RenameForm = Type.Object({ name: text(1000) });
export const DigestForm = Type.Object({ frequency: text(20) });
export const UnsubscribeForm = Type.Object({
  'List-Unsubscribe': text(100),
  lang: text(5),
});

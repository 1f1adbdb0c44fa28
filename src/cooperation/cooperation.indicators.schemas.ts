import { type Static, Type } from 'typebox';
import { LANGUAGES } from '../web/language.ts';

/** A text per interface language (`{ "fr": "…", "es": "…" }`), each at most `max` characters. */
const Localized = (max: number) =>
  Type.Object(
    Object.fromEntries(LANGUAGES.map((lang) => [lang, Type.Optional(Type.String({ maxLength: max }))])),
    { additionalProperties: false },
  );

export const ISO_DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const IsoDate = Type.String({ pattern: ISO_DATE });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
export const UNIT_TYPES = ['count', 'percentage', 'amount', 'score'] as const;
export const SCOPES = ['network', 'record', 'objective'] as const;

/** What defines an indicator, whatever it measures; the scope and its owner are fixed once defined. */
const definition = {
  originalLanguage: Type.Union(LANGUAGES.map((lang) => Type.Literal(lang))),
  name: Localized(300),
  description: Type.Optional(Localized(5000)),
  gcmObjective: Type.Optional(Type.Union([Type.String({ maxLength: 4 }), Type.Null()])),
  unitType: Type.Union(UNIT_TYPES.map((unit) => Type.Literal(unit))),
  unit: Type.Optional(Localized(100)),
  currency: Type.Optional(Type.Union([Currency, Type.Null()])),
  baselineValue: Type.Number(),
  baselineOn: IsoDate,
  targetValue: Type.Number(),
  targetOn: IsoDate,
};

/**
 * A new indicator: of a network (`network`, its slug), of a GCM objective within a network
 * (`network` and `gcmObjective`), or of a cooperation record (`recordId`; its network follows).
 */
export const IndicatorInput = Type.Object({
  scope: Type.Union(SCOPES.map((scope) => Type.Literal(scope))),
  network: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 })),
  recordId: Type.Optional(Type.String({ format: 'uuid' })),
  ...definition,
});
export type IndicatorInput = Static<typeof IndicatorInput>;

/** A change to an indicator, made from the version the caller saw. */
export const IndicatorUpdate = Type.Object({
  ...definition,
  version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
export type IndicatorUpdate = Static<typeof IndicatorUpdate>;

/** One measurement: its date, value, and where it comes from (required: a value without a source verifies nothing). */
export const IndicatorValueInput = Type.Object({
  value: Type.Number(),
  measuredOn: IsoDate,
  source: Type.String({ minLength: 1, maxLength: 500 }),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
});
export type IndicatorValueInput = Static<typeof IndicatorValueInput>;

// ---- Responses -------------------------------------------------------------------------------

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Text = Localized(10_000);

export const IndicatorValueView = Type.Object({
  id: Type.String(),
  value: Type.Number(),
  measuredOn: Type.String(),
  source: Type.String(),
  note: Nullable(Type.String()),
  /** The author's name for the network's members; their organisation's name for everyone else. */
  author: Nullable(Type.String()),
});

export const IndicatorView = Type.Object({
  id: Type.String(),
  network: Type.String(),
  scope: Type.String(),
  recordId: Nullable(Type.String()),
  gcmObjective: Nullable(Type.String()),
  originalLanguage: Type.String(),
  name: Text,
  description: Text,
  unitType: Type.String(),
  unit: Text,
  currency: Nullable(Type.String()),
  baseline: Type.Object({ value: Type.Number(), date: Type.String() }),
  target: Type.Object({ value: Type.Number(), date: Type.String() }),
  values: Type.Array(IndicatorValueView),
  /** How far the latest value has gone from the baseline to the target, in percent (null: no value yet). */
  progress: Nullable(Type.Number()),
  version: Type.Integer(),
});

export const IndicatorQuery = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 80 })),
  record: Type.Optional(Type.String({ format: 'uuid' })),
  objective: Type.Optional(Type.String({ maxLength: 4 })),
});

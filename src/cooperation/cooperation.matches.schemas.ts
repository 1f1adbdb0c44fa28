import { Type, type Static } from 'typebox';
import type { MatchStage } from './cooperation.tables.ts';

/** The stages of a match in their forward order; `dropped` stands outside the order. */
export const FORWARD_STAGES = [
  'proposed',
  'contacted',
  'meeting-held',
  'agreement-drafted',
  'agreement-signed',
  'under-way',
  'completed',
] as const satisfies readonly MatchStage[];
export const STAGES: readonly MatchStage[] = [...FORWARD_STAGES, 'dropped'];
/** A match that reached one of these is over, unless reopened with a reason. */
export const FINAL_STAGES: readonly MatchStage[] = ['completed', 'dropped'];

export function isStage(value: unknown): value is MatchStage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

const Uuid = Type.String({ format: 'uuid' });
const Note = Type.String({ maxLength: 4000 });
const IsoDate = Type.String({ format: 'date' });
const Stage = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('contacted'),
  Type.Literal('meeting-held'),
  Type.Literal('agreement-drafted'),
  Type.Literal('agreement-signed'),
  Type.Literal('under-way'),
  Type.Literal('completed'),
  Type.Literal('dropped'),
]);

/** Propose a match between a demand and an offer of the same network. */
export const ProposeMatchInput = Type.Object({
  demandId: Uuid,
  offerId: Uuid,
  note: Type.Optional(Type.Union([Note, Type.Null()])),
});
export type ProposeMatchInput = Static<typeof ProposeMatchInput>;

/** Move a match to another stage, from the version read (a stale one is a conflict). */
export const MoveMatchInput = Type.Object({
  stage: Stage,
  occurredOn: IsoDate,
  note: Type.Optional(Type.Union([Note, Type.Null()])),
  reason: Type.Optional(Type.Union([Note, Type.Null()])),
  version: Type.Integer({ minimum: 1 }),
});
export type MoveMatchInput = Static<typeof MoveMatchInput>;

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** The forms as the browser sends them: every field a text; the command checks the rest. */
export const ProposeMatchForm = Type.Object({ demandId: text(100), offerId: text(100), note: text(4000) });
export const MoveMatchForm = Type.Object({
  stage: text(100),
  occurredOn: text(100),
  note: text(4000),
  reason: text(4000),
  version: text(12),
});

/** The filters of the board, the API list and the exports: a network (slug or id), an organisation, an item, a stage. */
export const MatchFilters = Type.Object({
  network: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(Type.String({ maxLength: 100 })),
  item: Type.Optional(Type.String({ maxLength: 100 })),
  stage: Type.Optional(Type.String({ maxLength: 100 })),
});
export type MatchFilters = Static<typeof MatchFilters>;

const Text = Type.Record(Type.String(), Type.String());
const ItemSummary = Type.Object({
  id: Uuid,
  title: Text,
  organisationId: Uuid,
  organisationName: Text,
  status: Type.String(),
});

/** A match as the API answers it. */
export const MatchApi = Type.Object({
  id: Uuid,
  url: Type.String(),
  network: Type.String({ description: 'the network’s slug' }),
  demand: ItemSummary,
  offer: ItemSummary,
  stage: Stage,
  score: Type.Union([Type.Number(), Type.Null()]),
  explanation: Type.Array(
    Type.Object({
      component: Type.String(),
      points: Type.Number(),
      values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
    }),
  ),
  droppedReason: Type.Union([Type.String(), Type.Null()]),
  proposedAt: Type.String({ format: 'date-time' }),
  lastMovedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});

export const MoveApi = Type.Object({
  fromStage: Type.Union([Stage, Type.Null()]),
  toStage: Stage,
  occurredOn: IsoDate,
  note: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  author: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});

export const MatchWithMovesApi = Type.Object({ ...MatchApi.properties, moves: Type.Array(MoveApi) });

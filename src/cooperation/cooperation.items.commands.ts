import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import type { LocalizedText } from '../web/language.ts';
import { canActFor, canManageItem, canViewItem } from './cooperation.access.ts';
import {
  type CooperationItem,
  type NewCooperationItem,
  findItem,
  insertItemRow,
  updateItemRow,
} from './cooperation.repository.ts';
import { ItemInput, StatusInput, type ItemInput as ItemInputType } from './cooperation.items.schemas.ts';
import type { ItemSide, ItemStatus } from './cooperation.tables.ts';

const validateItem = inputValidator(ItemInput);
const validateStatus = inputValidator(StatusInput);

/** A save that lost a race: the caller shows the saved item beside the user's values; nothing is overwritten. */
export interface ItemConflict {
  ok: false;
  conflict: CooperationItem;
  errors: FieldError[];
}

export type Saved = { id: string; version: number };

let currencies: Set<string> | null = null;
function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

const clean = (text: LocalizedText | undefined): LocalizedText =>
  Object.fromEntries(
    Object.entries(text ?? {})
      .map(([lang, value]) => [lang, typeof value === 'string' ? value.trim() : ''])
      .filter(([, value]) => value !== ''),
  );

/** What a schema cannot check: codes of the vocabularies, the period's order, the budget's pair. */
function checkItem(input: ItemInputType, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  const title = clean(input.title);
  if (!title[input.originalLanguage])
    errors.push({
      field: `title.${input.originalLanguage}`,
      message: t('cooperationItems.error.titleRequired'),
    });
  if (!isCode('cooperation-kinds', input.kind))
    errors.push({ field: 'kind', message: t('cooperationItems.error.unknownCode', { code: input.kind }) });
  const lists: [keyof ItemInputType, string][] = [
    ['thematicAreas', 'iom-areas'],
    ['gcmObjectives', 'gcm-objectives'],
    ['countries', 'countries'],
    ['regions', 'regions'],
  ];
  for (const [field, vocabulary] of lists) {
    for (const [index, code] of ((input[field] as string[] | undefined) ?? []).entries()) {
      if (!isCode(vocabulary, code))
        errors.push({
          field: `${field}.${index}`,
          message: t('cooperationItems.error.unknownCode', { code }),
        });
    }
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    errors.push({ field: 'endsOn', message: t('cooperationItems.error.periodOrder') });
  const amount = input.budgetAmount ?? null;
  const currency = input.budgetCurrency ?? null;
  if (amount !== null && (amount < 0 || !Number.isFinite(amount)))
    errors.push({ field: 'budgetAmount', message: t('cooperationItems.error.budgetNegative') });
  else if (amount !== null && amount >= 1e12)
    errors.push({ field: 'budgetAmount', message: t('cooperationItems.error.budgetTooLarge') });
  if (currency !== null && !isCurrency(currency))
    errors.push({
      field: 'budgetCurrency',
      message: t('cooperationItems.error.unknownCode', { code: currency }),
    });
  if ((amount === null) !== (currency === null))
    errors.push({
      field: amount === null ? 'budgetAmount' : 'budgetCurrency',
      message: t('cooperationItems.error.budgetPair'),
    });
  return errors;
}

function toRow(side: ItemSide, input: ItemInputType, createdBy: string | null): NewCooperationItem {
  return {
    side,
    networkId: input.networkId,
    organisationId: input.organisationId,
    originalLanguage: input.originalLanguage,
    title: clean(input.title),
    description: clean(input.description),
    kind: input.kind,
    thematicAreas: input.thematicAreas ?? [],
    gcmObjectives: input.gcmObjectives ?? [],
    countries: input.countries ?? [],
    regions: input.regions ?? [],
    workingLanguages: input.workingLanguages ?? [],
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    capacity: input.capacity?.trim() || null,
    budgetAmount: input.budgetAmount ?? null,
    budgetCurrency: input.budgetCurrency ?? null,
    status: input.status ?? 'open',
    visibility: input.visibility ?? 'public',
    createdBy,
  };
}

/**
 * Checks who may offer or ask for this organisation in this network (a 403 otherwise), then
 * that the organisation is a member of it (a field error: the user chose a wrong pair).
 */
async function authorizeFor(
  db: Db,
  actor: Principal,
  organisationId: string,
  networkId: string,
  t: Translate,
): Promise<FieldError[]> {
  if (!canManageItem(actor, { organisationId, networkId })) throw new HttpProblem('forbidden');
  if (!(await canActFor(db, actor, organisationId, networkId)))
    return [{ field: 'organisationId', message: t('cooperationItems.error.notMember') }];
  return [];
}

/** Publishes an offer or a demand for an organisation of a network. */
export async function createItem(
  db: Db,
  actor: Principal,
  side: ItemSide,
  rawInput: unknown,
  t: Translate,
): Promise<Result<Saved>> {
  const input = plainCopy(rawInput) as ItemInputType;
  const schemaErrors = validateItem(input, t);
  if (schemaErrors.length > 0) {
    // Authorization still comes first when the schema gives enough to decide it.
    if (typeof input?.organisationId === 'string' && typeof input?.networkId === 'string')
      if (!canManageItem(actor, input)) throw new HttpProblem('forbidden');
    return invalid(schemaErrors);
  }
  const memberErrors = await authorizeFor(db, actor, input.organisationId, input.networkId, t);
  const errors = [...memberErrors, ...checkItem(input, t)];
  if (errors.length > 0) return invalid(errors);
  const id = await insertItemRow(db, toRow(side, input, actor.userId));
  return ok({ id, version: 1 });
}

/** The item of `side` the actor may see, or a 404 (an item one may not see does not exist for them). */
async function visibleItem(db: Db, actor: Principal | null, id: string, side: ItemSide) {
  const item = await findItem(db, id);
  if (!item || item.side !== side || !(await canViewItem(db, actor, item)))
    throw new HttpProblem('not-found');
  return item;
}

/** Changes an offer or a demand from the version the user read; a stale version is a conflict. */
export async function updateItem(
  db: Db,
  actor: Principal,
  side: ItemSide,
  id: string,
  version: number,
  rawInput: unknown,
  t: Translate,
): Promise<Result<Saved> | ItemConflict> {
  const current = await visibleItem(db, actor, id, side);
  if (!canManageItem(actor, current)) throw new HttpProblem('forbidden');
  const input = plainCopy(rawInput) as ItemInputType;
  const schemaErrors = validateItem(input, t);
  if (schemaErrors.length > 0) return invalid(schemaErrors);
  const moved = input.organisationId !== current.organisationId || input.networkId !== current.networkId;
  const memberErrors = moved ? await authorizeFor(db, actor, input.organisationId, input.networkId, t) : [];
  const errors = [...memberErrors, ...checkItem(input, t)];
  if (errors.length > 0) return invalid(errors);
  const { createdBy: _createdBy, side: _side, ...changes } = toRow(side, input, null);
  // The status has its own form; an update without one keeps it.
  const row = input.status === undefined ? { ...changes, status: current.status } : changes;
  if (!(await updateItemRow(db, id, version, row))) return conflictOf(db, id, t);
  return ok({ id, version: version + 1 });
}

async function conflictOf(db: Db, id: string, t: Translate): Promise<ItemConflict> {
  const saved = await findItem(db, id);
  if (!saved) throw new HttpProblem('not-found');
  return {
    ok: false,
    conflict: saved,
    errors: [{ field: 'version', message: t('cooperationItems.error.conflict') }],
  };
}

/** Moves an item to another status (open, in discussion, matched, closed). */
export async function setItemStatus(
  db: Db,
  actor: Principal,
  side: ItemSide,
  id: string,
  rawInput: unknown,
  t: Translate,
): Promise<Result<Saved> | ItemConflict> {
  const current = await visibleItem(db, actor, id, side);
  if (!canManageItem(actor, current)) throw new HttpProblem('forbidden');
  const input = plainCopy(rawInput) as { status: ItemStatus; version: number };
  const errors = validateStatus(input, t);
  if (errors.length > 0) return invalid(errors);
  if (!(await updateItemRow(db, id, input.version, { status: input.status }))) return conflictOf(db, id, t);
  return ok({ id, version: input.version + 1 });
}

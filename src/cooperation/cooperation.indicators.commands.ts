import type { Db, Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { type FieldError, HttpProblem, type Result, invalid, ok } from '../http/problems.ts';
import { inputValidator, plainCopy } from '../http/validation.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManageRecord } from './cooperation.access.ts';
import { insertIndicatorRow, insertIndicatorValueRow } from './cooperation.repository.ts';
import {
  type Indicator,
  findIndicator,
  findNetworkBySlug,
  findRecordForIndicators,
  updateIndicatorRow,
  valuesOfIndicators,
} from './cooperation.indicators.repository.ts';
import {
  IndicatorInput,
  IndicatorUpdate,
  IndicatorValueInput,
  type IndicatorInput as IndicatorInputType,
  type IndicatorUpdate as IndicatorUpdateType,
  type IndicatorValueInput as IndicatorValueInputType,
} from './cooperation.indicators.schemas.ts';
import type { UnitType } from './cooperation.tables.ts';

const validateInput = inputValidator(IndicatorInput);
const validateUpdate = inputValidator(IndicatorUpdate);
const validateValue = inputValidator(IndicatorValueInput);

/** A save that lost a race: the page shows the current version, nothing is overwritten. */
export interface Conflict {
  ok: false;
  conflict: true;
  errors: FieldError[];
}

/**
 * Who defines and feeds an indicator: a network's or an objective's, the network's secretariat;
 * a record's, whoever manages the record (its parties' focal points and the secretariat).
 */
export async function canManageIndicator(
  db: Executor,
  actor: Principal | null,
  indicator: Pick<Indicator, 'networkId' | 'recordId'>,
): Promise<boolean> {
  if (actor === null) return false;
  if (indicator.recordId === null) return isSecretariat(actor, indicator.networkId);
  const record = await findRecordForIndicators(db, indicator.recordId);
  return record !== null && canManageRecord(actor, record);
}

const UNIT_ERROR: Record<UnitType, string> = {
  count: 'cooperationIndicators.error.count',
  percentage: 'cooperationIndicators.error.percentage',
  amount: 'cooperationIndicators.error.amount',
  score: 'cooperationIndicators.error.score',
};

/** Whether a value fits the unit type: a count is whole and ≥ 0, a percentage 0–100, an amount ≥ 0. */
export function fitsUnit(unitType: UnitType, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (unitType) {
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'percentage':
      return value >= 0 && value <= 100;
    case 'amount':
      return value >= 0;
    case 'score':
      return true;
  }
}

function unitError(field: string, unitType: UnitType, value: unknown, t: Translate): FieldError | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { field, message: t('cooperationIndicators.error.notANumber', { field: t(fieldLabel(field)) }) };
  if (!fitsUnit(unitType, value))
    return { field, message: t(UNIT_ERROR[unitType], { field: t(fieldLabel(field)) }) };
  return null;
}

// Message keys written out, so that the catalogue check sees each one used.
const FIELD_LABEL: Record<string, string> = {
  baselineValue: 'cooperationIndicators.field.baselineValue',
  targetValue: 'cooperationIndicators.field.targetValue',
  value: 'cooperationIndicators.field.value',
};
const fieldLabel = (field: string) => FIELD_LABEL[field] ?? 'cooperationIndicators.field.value';

/** A day that exists (the schema's pattern lets 2025-02-31 through; the database would refuse it). */
function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) || value < '0001-01-01')
    return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const DATE_LABEL: Record<string, string> = {
  baselineOn: 'cooperationIndicators.field.baselineOn',
  targetOn: 'cooperationIndicators.field.targetOn',
  measuredOn: 'cooperationIndicators.field.measuredOn',
};

function dateErrors(data: Record<string, unknown>, names: string[], t: Translate): FieldError[] {
  return names
    .filter((name) => !isRealDate(data[name]))
    .map((name) => ({
      field: name,
      message: t('cooperationIndicators.error.date', { field: t(DATE_LABEL[name]!) }),
    }));
}

const hasText = (text: LocalizedText | undefined) =>
  Object.values(text ?? {}).some((value) => typeof value === 'string' && value.trim() !== '');

const trimmed = (text: LocalizedText | undefined): LocalizedText =>
  Object.fromEntries(
    Object.entries(text ?? {})
      .map(([lang, value]) => [lang, value?.trim() ?? ''])
      .filter(([, value]) => value !== ''),
  );

/** Errors of the schema, with the unit-type checks' clearer words replacing the schema's where both speak of a field. */
function definitionErrors(
  data: Partial<IndicatorUpdateType> & Record<string, unknown>,
  schemaErrors: FieldError[],
  scope: string | undefined,
  t: Translate,
): FieldError[] {
  const errors: FieldError[] = dateErrors(data, ['baselineOn', 'targetOn'], t);
  const unitType = data.unitType;
  const known =
    unitType === 'count' || unitType === 'percentage' || unitType === 'amount' || unitType === 'score';
  for (const field of ['baselineValue', 'targetValue']) {
    const error = known
      ? unitError(field, unitType, data[field], t)
      : typeof data[field] === 'number'
        ? null
        : unitError(field, 'score', data[field], t);
    if (error) errors.push(error);
  }
  if (!hasText(data.name as LocalizedText | undefined))
    errors.push({ field: 'name', message: t('cooperationIndicators.error.nameRequired') });
  if (unitType === 'amount' && !data.currency)
    errors.push({ field: 'currency', message: t('cooperationIndicators.error.currencyRequired') });
  if (isRealDate(data.baselineOn) && isRealDate(data.targetOn) && data.targetOn! < data.baselineOn!)
    errors.push({ field: 'targetOn', message: t('cooperationIndicators.error.targetBeforeBaseline') });
  if (
    scope === 'objective' &&
    (typeof data.gcmObjective !== 'string' || !isCode('gcm-objectives', data.gcmObjective))
  )
    errors.push({ field: 'gcmObjective', message: t('cooperationIndicators.error.unknownObjective') });
  const seen = new Set(errors.map((e) => e.field));
  return [...errors, ...schemaErrors.filter((e) => !seen.has(e.field))];
}

function definitionRow(data: IndicatorUpdateType | IndicatorInputType, scope: string) {
  return {
    gcmObjective: scope === 'objective' ? (data.gcmObjective ?? null) : null,
    originalLanguage: data.originalLanguage,
    name: trimmed(data.name),
    description: trimmed(data.description),
    unitType: data.unitType,
    unit: trimmed(data.unit),
    currency: data.unitType === 'amount' ? (data.currency ?? null) : null,
    baselineValue: data.baselineValue,
    baselineOn: data.baselineOn,
    targetValue: data.targetValue,
    targetOn: data.targetOn,
  };
}

/**
 * Defines an indicator of a network, of a GCM objective within a network, or of a cooperation
 * record. Authorization first: the network's secretariat, or for a record whoever manages it.
 */
export async function defineIndicator(
  db: Db,
  actor: Principal,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }>> {
  const data = plainCopy(input) as IndicatorInputType & Record<string, unknown>;
  const scope = data?.scope;
  let networkId: string;
  let recordId: string | null = null;
  if (scope === 'record') {
    const record =
      typeof data.recordId === 'string' ? await findRecordForIndicators(db, data.recordId) : null;
    if (!record)
      return invalid([{ field: 'recordId', message: t('cooperationIndicators.error.unknownRecord') }]);
    if (!canManageRecord(actor, record)) throw new HttpProblem('forbidden');
    networkId = record.networkId;
    recordId = record.id;
  } else if (scope === 'network' || scope === 'objective') {
    const network = typeof data.network === 'string' ? await findNetworkBySlug(db, data.network) : null;
    if (!network)
      return invalid([{ field: 'network', message: t('cooperationIndicators.error.unknownNetwork') }]);
    if (!isSecretariat(actor, network.id)) throw new HttpProblem('forbidden');
    networkId = network.id;
  } else {
    return invalid(validateInput(data, t));
  }
  const errors = definitionErrors(data, validateInput(data, t), scope, t);
  if (errors.length > 0) return invalid(errors);
  const id = await insertIndicatorRow(db, {
    ...definitionRow(data, scope),
    networkId,
    scope,
    recordId,
    createdBy: actor.userId,
  });
  return ok({ id, version: 1 });
}

/**
 * Changes an indicator's definition if nobody saved it since `version`. Its scope stays; a unit
 * type that its recorded values would not fit is refused.
 */
export async function updateIndicator(
  db: Db,
  actor: Principal,
  id: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string; version: number }> | Conflict> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new HttpProblem('not-found');
  if (!(await canManageIndicator(db, actor, indicator))) throw new HttpProblem('forbidden');
  const data = plainCopy(input) as IndicatorUpdateType & Record<string, unknown>;
  const errors = definitionErrors(data, validateUpdate(data, t), indicator.scope, t);
  if (errors.length === 0 && data.unitType !== indicator.unitType) {
    const values = (await valuesOfIndicators(db, [id])).get(id) ?? [];
    if (values.some((v) => !fitsUnit(data.unitType, v.value)))
      errors.push({ field: 'unitType', message: t('cooperationIndicators.error.valuesDoNotFit') });
  }
  if (errors.length > 0) return invalid(errors);
  const saved = await updateIndicatorRow(db, id, data.version, definitionRow(data, indicator.scope));
  if (!saved)
    return {
      ok: false,
      conflict: true,
      errors: [{ field: 'version', message: t('cooperationIndicators.error.conflict') }],
    };
  return ok({ id, version: data.version + 1 });
}

/** Adds a measured value: a value of the indicator's unit type, dated, with its source; the caller is its author. */
export async function addIndicatorValue(
  db: Db,
  actor: Principal,
  id: string,
  input: unknown,
  t: Translate,
): Promise<Result<{ id: string }>> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new HttpProblem('not-found');
  if (!(await canManageIndicator(db, actor, indicator))) throw new HttpProblem('forbidden');
  const data = plainCopy(input) as IndicatorValueInputType & Record<string, unknown>;
  const errors: FieldError[] = dateErrors(data ?? {}, ['measuredOn'], t);
  const valueError = unitError('value', indicator.unitType, data?.value, t);
  if (valueError) errors.push(valueError);
  if (typeof data?.source !== 'string' || data.source.trim() === '')
    errors.push({ field: 'source', message: t('cooperationIndicators.error.sourceRequired') });
  if (isRealDate(data?.measuredOn) && data.measuredOn < indicator.baselineOn)
    errors.push({
      field: 'measuredOn',
      message: t('cooperationIndicators.error.beforeBaseline', { date: indicator.baselineOn }),
    });
  const seen = new Set(errors.map((e) => e.field));
  errors.push(...validateValue(data, t).filter((e) => !seen.has(e.field)));
  if (errors.length > 0) return invalid(errors);
  const valueId = await insertIndicatorValueRow(db, {
    indicatorId: id,
    value: data.value,
    measuredOn: data.measuredOn,
    source: data.source.trim(),
    note: data.note?.trim() || null,
    authorId: actor.userId,
  });
  return ok({ id: valueId });
}

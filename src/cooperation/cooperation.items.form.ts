import type { FieldError } from '../http/problems.ts';
import type { Translate } from '../web/i18n.ts';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import type { ItemFormValues } from './cooperation.items.form.views.tsx';
import type { ItemFormBody } from './cooperation.items.schemas.ts';
import type { CooperationItem } from './cooperation.repository.ts';

const one = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
const many = (value: string | string[] | undefined): string[] => [
  ...new Set(
    (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter(
      (v) => v !== '',
    ),
  ),
];

/**
 * The flat form body → the values to show again, the command's input (empty fields absent, so
 * that a missing one is "required", not "wrong format"), and the errors only the form can make
 * (an amount that is not a number).
 */
export function itemFromForm(
  body: ItemFormBody,
  t: Translate,
): { values: ItemFormValues; input: Record<string, unknown>; version: number | null; errors: FieldError[] } {
  const localized = (prefix: string): LocalizedText => {
    const result: LocalizedText = {};
    for (const lang of LANGUAGES) {
      const value = one(body[`${prefix}.${lang}`]);
      if (value) result[lang] = value;
    }
    return result;
  };
  const values: ItemFormValues = {
    organisationId: one(body.organisationId),
    networkId: one(body.networkId),
    originalLanguage: one(body.originalLanguage),
    title: localized('title'),
    description: localized('description'),
    kind: one(body.kind),
    thematicAreas: many(body.thematicAreas),
    gcmObjectives: many(body.gcmObjectives),
    countries: many(body.countries),
    regions: many(body.regions),
    workingLanguages: many(body.workingLanguages),
    startsOn: one(body.startsOn),
    endsOn: one(body.endsOn),
    capacity: one(body.capacity),
    budgetAmount: one(body.budgetAmount),
    budgetCurrency: one(body.budgetCurrency).toUpperCase(),
    visibility: one(body.visibility) || 'public',
  };
  const errors: FieldError[] = [];
  // "1 500,50" and "1,500.50" are both read as 1500.5: spaces and thousands separators dropped.
  const amountText = values.budgetAmount.replace(/[\s\u00a0\u202f]/g, '');
  const normalized = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(amountText)
    ? amountText.replace(/,/g, '')
    : amountText.replace(',', '.');
  const amount = amountText === '' ? null : Number(normalized);
  if (amount !== null && !Number.isFinite(amount))
    errors.push({ field: 'budgetAmount', message: t('cooperationItems.error.budgetNumber') });
  const optional = (value: string) => (value === '' ? undefined : value);
  const input: Record<string, unknown> = {
    organisationId: optional(values.organisationId),
    networkId: optional(values.networkId),
    originalLanguage: optional(values.originalLanguage),
    title: values.title,
    description: values.description,
    kind: optional(values.kind),
    thematicAreas: values.thematicAreas,
    gcmObjectives: values.gcmObjectives,
    countries: values.countries,
    regions: values.regions,
    workingLanguages: values.workingLanguages,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    capacity: values.capacity || null,
    budgetAmount: amount !== null && Number.isFinite(amount) ? amount : null,
    budgetCurrency: values.budgetCurrency || null,
    visibility: values.visibility,
  };
  const version = /^[0-9]{1,9}$/.test(one(body.version)) ? Number(one(body.version)) : null;
  return { values, input, version, errors };
}

export function formValuesOf(item: CooperationItem): ItemFormValues {
  return {
    organisationId: item.organisationId,
    networkId: item.networkId,
    originalLanguage: item.originalLanguage,
    title: item.title,
    description: item.description,
    kind: item.kind,
    thematicAreas: item.thematicAreas,
    gcmObjectives: item.gcmObjectives,
    countries: item.countries,
    regions: item.regions,
    workingLanguages: item.workingLanguages,
    startsOn: item.startsOn ?? '',
    endsOn: item.endsOn ?? '',
    capacity: item.capacity ?? '',
    budgetAmount: item.budgetAmount === null ? '' : String(item.budgetAmount),
    budgetCurrency: item.budgetCurrency ?? '',
    visibility: item.visibility,
  };
}

import type { FieldError } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import {
  CsrfField,
  ErrorSummary,
  Field,
  PageHeading,
  TextInput,
  describedByOf,
  errorFor,
} from '../web/components.tsx';
import { LANGUAGES, type Lang, type LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  LANGUAGE_NAME,
  SIDE_TEXT,
  STATUS_LABEL,
  VISIBILITY_LABEL,
  TextIn,
  budgetText,
  languageOfCode,
  periodText,
  plainText,
} from './cooperation.items.components.tsx';
import type { CooperationItem } from './cooperation.repository.ts';
import { VISIBILITIES } from './cooperation.items.schemas.ts';
import type { ItemSide } from './cooperation.tables.ts';

/** What the form holds: every value as typed, so that a rejected form comes back as the user left it. */
export interface ItemFormValues {
  organisationId: string;
  networkId: string;
  originalLanguage: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: string;
  thematicAreas: string[];
  gcmObjectives: string[];
  countries: string[];
  regions: string[];
  workingLanguages: string[];
  startsOn: string;
  endsOn: string;
  capacity: string;
  budgetAmount: string;
  budgetCurrency: string;
  visibility: string;
}

/** The working languages offered as checkboxes; the API takes any ISO 639 code. */
export const WORKING_LANGUAGES = ['es', 'en', 'fr', 'pt', 'ht', 'qu', 'ar', 'ru', 'zh'] as const;

export interface FormChoices {
  networks: { id: string; name: LocalizedText }[];
  organisations: { id: string; name: LocalizedText }[];
}

/** Errors about one field or any of its items (`countries.3` belongs to `countries`). */
function errorOf(errors: FieldError[] | undefined, field: string): string | undefined {
  return errorFor(errors, field) ?? errors?.find((e) => e.field.startsWith(`${field}.`))?.message;
}

function ChoiceSelect(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  errors: FieldError[] | undefined;
  multiple?: boolean;
  values?: string[];
  hint?: string;
  empty?: boolean;
}) {
  const error = errorOf(props.errors, props.name);
  const describedBy = describedByOf(props.name, props.hint, error);
  return (
    <Field
      ctx={props.ctx}
      name={props.name}
      label={props.label}
      error={error}
      hint={props.hint}
      required={!props.multiple && !props.empty}
    >
      <select
        id={`field-${props.name}`}
        name={props.name}
        multiple={props.multiple}
        size={props.multiple ? 8 : undefined}
        required={!props.multiple && !props.empty ? true : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      >
        {!props.multiple ? <option value="">{props.ctx.t('cooperationItems.form.choose')}</option> : null}
        {props.options.map((option) => (
          <option
            value={option.value}
            selected={
              props.multiple ? (props.values ?? []).includes(option.value) : option.value === props.value
            }
          >
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Checkboxes(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: string[];
  errors: FieldError[] | undefined;
}) {
  const error = errorOf(props.errors, props.name);
  return (
    <fieldset id={`field-${props.name}`} aria-describedby={error ? `field-${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {error ? (
        <p class="field__error" id={`field-${props.name}-error`}>
          {error}
        </p>
      ) : null}
      <ul class="facet__options">
        {props.options.map((option) => (
          <li>
            <input
              type="checkbox"
              id={`${props.name}-${option.value}`}
              name={props.name}
              value={option.value}
              checked={props.values.includes(option.value)}
            />{' '}
            <label for={`${props.name}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const vocabularyOptions = (name: string, lang: Lang, sort = false) => {
  const options = (getVocabulary(name) ?? []).map((entry) => ({
    value: entry.code,
    label: entry.labels[lang],
  }));
  return sort ? options.sort((a, b) => a.label.localeCompare(b.label, lang)) : options;
};

function ItemFields({
  ctx,
  values,
  errors,
  choices,
}: {
  ctx: PageContext;
  values: ItemFormValues;
  errors: FieldError[] | undefined;
  choices: FormChoices;
}) {
  const t = ctx.t;
  const visibilityError = errorOf(errors, 'visibility');
  return (
    <>
      <ChoiceSelect
        ctx={ctx}
        name="organisationId"
        label={t('cooperationItems.field.organisation')}
        value={values.organisationId}
        options={choices.organisations.map((o) => ({
          value: o.id,
          label: plainText(o.name, ctx.lang, o.id),
        }))}
        errors={errors}
      />
      <ChoiceSelect
        ctx={ctx}
        name="networkId"
        label={t('cooperationItems.field.network')}
        value={values.networkId}
        options={choices.networks.map((n) => ({ value: n.id, label: plainText(n.name, ctx.lang, n.id) }))}
        errors={errors}
      />
      <ChoiceSelect
        ctx={ctx}
        name="originalLanguage"
        label={t('cooperationItems.field.originalLanguage')}
        hint={t('cooperationItems.form.originalHint')}
        value={values.originalLanguage}
        options={LANGUAGES.map((lang) => ({ value: lang, label: t(LANGUAGE_NAME[lang]) }))}
        errors={errors}
      />
      {LANGUAGES.map((lang) => {
        const name = `description.${lang}`;
        const error = errorOf(errors, name);
        return (
          <fieldset>
            <legend>{t(LANGUAGE_NAME[lang])}</legend>
            <TextInput
              ctx={ctx}
              name={`title.${lang}`}
              label={t('cooperationItems.form.titleIn', { language: t(LANGUAGE_NAME[lang]) })}
              value={values.title[lang]}
              errors={errors}
            />
            <Field
              ctx={ctx}
              name={name}
              label={t('cooperationItems.form.descriptionIn', { language: t(LANGUAGE_NAME[lang]) })}
              error={error}
            >
              <textarea
                id={`field-${name}`}
                name={name}
                rows={5}
                lang={lang}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `field-${name}-error` : undefined}
              >
                {values.description[lang] ?? ''}
              </textarea>
            </Field>
          </fieldset>
        );
      })}
      <ChoiceSelect
        ctx={ctx}
        name="kind"
        label={t('cooperationItems.field.kind')}
        value={values.kind}
        options={vocabularyOptions('cooperation-kinds', ctx.lang)}
        errors={errors}
      />
      <Checkboxes
        ctx={ctx}
        name="thematicAreas"
        legend={t('cooperationItems.field.thematicAreas')}
        options={vocabularyOptions('iom-areas', ctx.lang)}
        values={values.thematicAreas}
        errors={errors}
      />
      <ChoiceSelect
        ctx={ctx}
        name="gcmObjectives"
        label={t('cooperationItems.field.gcmObjectives')}
        hint={t('cooperationItems.form.multipleHint')}
        value=""
        values={values.gcmObjectives}
        multiple
        options={vocabularyOptions('gcm-objectives', ctx.lang).map((o) => ({
          ...o,
          label: `${o.value}. ${o.label}`,
        }))}
        errors={errors}
      />
      <ChoiceSelect
        ctx={ctx}
        name="countries"
        label={t('cooperationItems.field.countries')}
        hint={t('cooperationItems.form.multipleHint')}
        value=""
        values={values.countries}
        multiple
        options={vocabularyOptions('countries', ctx.lang, true)}
        errors={errors}
      />
      <ChoiceSelect
        ctx={ctx}
        name="regions"
        label={t('cooperationItems.field.regions')}
        hint={t('cooperationItems.form.multipleHint')}
        value=""
        values={values.regions}
        multiple
        options={vocabularyOptions('regions', ctx.lang)}
        errors={errors}
      />
      <Checkboxes
        ctx={ctx}
        name="workingLanguages"
        legend={t('cooperationItems.field.workingLanguages')}
        options={WORKING_LANGUAGES.map((code) => ({ value: code, label: languageOfCode(ctx.lang, code) }))}
        values={values.workingLanguages}
        errors={errors}
      />
      <fieldset>
        <legend>{t('cooperationItems.field.period')}</legend>
        <p class="field__hint">{t('cooperationItems.form.periodHint')}</p>
        <TextInput
          type="date"
          ctx={ctx}
          name="startsOn"
          label={t('cooperationItems.field.startsOn')}
          value={values.startsOn}
          errors={errors}
        />
        <TextInput
          type="date"
          ctx={ctx}
          name="endsOn"
          label={t('cooperationItems.field.endsOn')}
          value={values.endsOn}
          errors={errors}
        />
      </fieldset>
      <TextInput
        ctx={ctx}
        name="capacity"
        label={t('cooperationItems.field.capacity')}
        hint={t('cooperationItems.form.capacityHint')}
        value={values.capacity}
        errors={errors}
        maxLength={2000}
      />
      <fieldset>
        <legend>{t('cooperationItems.field.budget')}</legend>
        <p class="field__hint">{t('cooperationItems.form.budgetHint')}</p>
        <TextInput
          ctx={ctx}
          name="budgetAmount"
          label={t('cooperationItems.field.budgetAmount')}
          value={values.budgetAmount}
          errors={errors}
        />
        <TextInput
          ctx={ctx}
          name="budgetCurrency"
          label={t('cooperationItems.field.budgetCurrency')}
          value={values.budgetCurrency}
          errors={errors}
          maxLength={3}
        />
      </fieldset>
      <fieldset
        id="field-visibility"
        aria-describedby={visibilityError ? 'field-visibility-error' : undefined}
      >
        <legend>{t('cooperationItems.field.visibility')}</legend>
        {visibilityError ? (
          <p class="field__error" id="field-visibility-error">
            {visibilityError}
          </p>
        ) : null}
        {VISIBILITIES.map((visibility) => (
          <p>
            <input
              type="radio"
              id={`visibility-${visibility}`}
              name="visibility"
              value={visibility}
              checked={(values.visibility || 'public') === visibility}
            />{' '}
            <label for={`visibility-${visibility}`}>{t(VISIBILITY_LABEL[visibility])}</label>
          </p>
        ))}
      </fieldset>
    </>
  );
}

export function ItemFormPage(props: {
  ctx: PageContext;
  side: ItemSide;
  action: string;
  editing: boolean;
  values: ItemFormValues;
  choices: FormChoices;
  errors?: FieldError[] | undefined;
  version?: number | undefined;
  /** The item as saved by someone else meanwhile: shown above the form, which keeps the user's values. */
  conflict?: CooperationItem | undefined;
}) {
  const { ctx, side } = props;
  const t = ctx.t;
  const title = t(props.editing ? SIDE_TEXT[side].edit : SIDE_TEXT[side].create);
  const saved = props.conflict;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {saved ? (
        <section aria-labelledby="conflict-title" class="notice notice--info">
          <h2 id="conflict-title">{t('cooperationItems.conflict.title')}</h2>
          <p>{t('cooperationItems.conflict.text')}</p>
          <table>
            <caption>{t('cooperationItems.conflict.caption')}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('cooperationItems.field.title')}</th>
                <td>
                  <TextIn ctx={ctx} text={saved.title} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('cooperationItems.field.status')}</th>
                <td>{t(STATUS_LABEL[saved.status])}</td>
              </tr>
              <tr>
                <th scope="row">{t('cooperationItems.field.period')}</th>
                <td>{periodText(ctx, saved.startsOn, saved.endsOn)}</td>
              </tr>
              <tr>
                <th scope="row">{t('cooperationItems.field.budget')}</th>
                <td>{budgetText(ctx.lang, saved.budgetAmount, saved.budgetCurrency) ?? '—'}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
      {props.choices.organisations.length === 0 ? (
        <p>{t('cooperationItems.form.nobody')}</p>
      ) : (
        <form method="post" action={props.action} novalidate>
          <CsrfField ctx={ctx} />
          {props.version !== undefined ? (
            <input type="hidden" name="version" value={String(props.version)} />
          ) : null}
          <ItemFields ctx={ctx} values={props.values} errors={props.errors} choices={props.choices} />
          <button type="submit">{t('cooperationItems.form.submit')}</button>
        </form>
      )}
    </Layout>
  );
}

import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf, m49AreasOf } from '../reference/index.ts';
import { Field, errorFor } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { Children, PageContext } from '../web/render.tsx';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { fieldLabel, languageName } from './practices.pages.components.tsx';
import type { OrganisationChoice } from './practices.form.options.ts';
import { TEXT_FIELDS, TEXT_LIMITS, type TextField } from './practices.schemas.ts';

/** The controls of the practice form: texts per language, checkbox lists, "not communicated" boxes. */

// One list of field and language labels for every practices page.
export { fieldLabel, languageName };

export const ROLE_LABELS: Record<string, string> = {
  lead: 'practices.actorRole.lead',
  partner: 'practices.actorRole.partner',
  implementer: 'practices.actorRole.implementer',
  funder: 'practices.actorRole.funder',
  beneficiary: 'practices.actorRole.beneficiary',
};

export const STAGE_LABELS: Record<string, string> = {
  design: 'practices.stage.design',
  implementation: 'practices.stage.implementation',
};

/** A text in the page's language if there is one, else another, marked with its language. */
export function LocalizedName({ ctx, text }: { ctx: PageContext; text: LocalizedText }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/** "Name (ACRONYM)" as a plain string, for options; with the language it is in. */
export function organisationLabel(
  ctx: PageContext,
  organisation: OrganisationChoice,
): { text: string; lang?: string } {
  const name = pickText(organisation.name, ctx.lang);
  const acronym = pickText(organisation.acronym, ctx.lang);
  const text = `${name?.text ?? organisation.id}${acronym && acronym.text !== name?.text ? ` (${acronym.text})` : ''}`;
  return name && name.lang !== ctx.lang ? { text, lang: name.lang } : { text };
}

export function sortedOrganisations(ctx: PageContext, organisations: OrganisationChoice[]) {
  return organisations
    .map((organisation) => ({ organisation, label: organisationLabel(ctx, organisation) }))
    .sort((a, b) => a.label.text.localeCompare(b.label.text, ctx.lang));
}

const describedBy = (...ids: (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** A text of a practice in one language: a one-line input for the title, else a text area. */
export function TextControl(props: {
  ctx: PageContext;
  field: TextField;
  lang: string;
  label: string;
  value: string | undefined;
  errors: FieldError[] | undefined;
  required?: boolean;
}) {
  const { ctx, field, lang } = props;
  const name = `${field}.${lang}`;
  const error = errorFor(props.errors, name);
  const common = {
    id: `field-${name}`,
    name,
    lang,
    maxLength: TEXT_LIMITS[field],
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(error && `field-${name}-error`),
  };
  return (
    <Field ctx={ctx} name={name} label={props.label} error={error} required={props.required}>
      {field === 'title' ? (
        <input type="text" {...common} value={props.value ?? ''} />
      ) : (
        <textarea {...common} rows={field === 'summary' ? 4 : 6}>
          {props.value ?? ''}
        </textarea>
      )}
    </Field>
  );
}

/**
 * The box that marks a field "information not communicated" (not the same as leaving it empty).
 * A paragraph rather than a `.field`, whose labels are set as blocks above their control.
 */
export function NotCommunicatedBox(props: {
  ctx: PageContext;
  field: string;
  checked: boolean;
  errors: FieldError[] | undefined;
}) {
  const { ctx, field } = props;
  const id = `field-notCommunicated.${field}`;
  const error = errorFor(props.errors, `notCommunicated.${field}`);
  return (
    <p class={error ? 'field--error' : undefined}>
      {error ? (
        <>
          <span class="field__error" id={`${id}-error`}>
            {error}
          </span>
          <br />
        </>
      ) : null}
      <input
        type="checkbox"
        id={id}
        name="notCommunicated"
        value={field}
        checked={props.checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(error && `${id}-error`)}
      />{' '}
      <label for={id}>{ctx.t('practiceForm.notCommunicatedFor', { field: fieldLabel(ctx.t, field) })}</label>
    </p>
  );
}

/** A fieldset of checkboxes sharing one name; its error is shown under the legend. */
export function CheckboxList(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: Children; lang?: string | undefined }[];
  chosen: readonly string[];
  errors: FieldError[] | undefined;
  children?: Children;
}) {
  const { name } = props;
  const error = errorFor(props.errors, name);
  const idOf = (value: string) => `${name}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <fieldset
      id={`field-${name}`}
      class={error ? 'field--error' : undefined}
      aria-describedby={describedBy(props.hint && `field-${name}-hint`, error && `field-${name}-error`)}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="field__hint" id={`field-${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
      <ul class="facet__options">
        {props.options.map((option) => (
          <li>
            <input
              type="checkbox"
              id={idOf(option.value)}
              name={name}
              value={option.value}
              checked={props.chosen.includes(option.value)}
            />{' '}
            <label for={idOf(option.value)} lang={option.lang}>
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {props.children}
    </fieldset>
  );
}

/** The options of a reference vocabulary, in its own order, labelled in the page's language. */
export function vocabularyOptions(vocabulary: string, lang: PageContext['lang'], numbered = false) {
  return (getVocabulary(vocabulary) ?? []).map((entry) => ({
    value: entry.code,
    label: numbered ? `${entry.code}. ${entry.labels[lang]}` : entry.labels[lang],
  }));
}

/**
 * Countries by UN M49 region, each region in a disclosure that is open when one of its countries
 * is chosen: 250 boxes stay usable without JavaScript.
 */
export function CountryChoice(props: {
  ctx: PageContext;
  chosen: readonly string[];
  errors: FieldError[] | undefined;
  notCommunicated: boolean;
}) {
  const { ctx, chosen } = props;
  const t = ctx.t;
  const error = errorFor(props.errors, 'countries');
  const groups = new Map<string, { code: string; label: string }[]>();
  for (const entry of getVocabulary('countries') ?? []) {
    const region = m49AreasOf(entry.code)?.region ?? '';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region)!.push({ code: entry.code, label: entry.labels[ctx.lang] });
  }
  const regions = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return (
    <fieldset
      id="field-countries"
      class={error ? 'field--error' : undefined}
      aria-describedby={describedBy('field-countries-hint', error && 'field-countries-error')}
    >
      <legend>{t('practices.field.countries')}</legend>
      <p class="field__hint" id="field-countries-hint">
        {t('practiceForm.countries.hint', { count: chosen.length })}
      </p>
      {error ? (
        <p class="field__error" id="field-countries-error">
          {error}
        </p>
      ) : null}
      {regions.map((region) => {
        const countries = groups.get(region)!.sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
        const picked = countries.filter((country) => chosen.includes(country.code)).length;
        return (
          <details open={picked > 0}>
            <summary>
              {region
                ? (labelOf('regions', region, ctx.lang) ?? region)
                : t('practiceForm.countries.otherRegion')}{' '}
              <span class="meta">{t('practiceForm.countries.chosen', { count: picked })}</span>
            </summary>
            <ul class="facet__options">
              {countries.map((country) => (
                <li>
                  <input
                    type="checkbox"
                    id={`countries-${country.code}`}
                    name="countries"
                    value={country.code}
                    checked={chosen.includes(country.code)}
                  />{' '}
                  <label for={`countries-${country.code}`}>{country.label}</label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      <NotCommunicatedBox ctx={ctx} field="countries" checked={props.notCommunicated} errors={props.errors} />
    </fieldset>
  );
}

/** A select of its own (the shared Select has no hint, nor options in another language). */
export function ChoiceSelect(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string; lang?: string | undefined }[];
  errors: FieldError[] | undefined;
  empty: string;
  hint?: string;
  groups?: { label: string; options: { value: string; label: string; lang?: string | undefined }[] }[];
}) {
  const { ctx, name } = props;
  const error = errorFor(props.errors, name);
  const option = (o: { value: string; label: string; lang?: string | undefined }) => (
    <option value={o.value} selected={o.value === props.value} lang={o.lang}>
      {o.label}
    </option>
  );
  return (
    <Field ctx={ctx} name={name} label={props.label} hint={props.hint} error={error}>
      <select
        id={`field-${name}`}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.hint && `field-${name}-hint`, error && `field-${name}-error`)}
      >
        <option value="">{props.empty}</option>
        {props.options.map(option)}
        {props.groups?.map((group) => (
          <optgroup label={group.label}>{group.options.map(option)}</optgroup>
        ))}
      </select>
    </Field>
  );
}

/** The fields of one language, in the form's order. */
export function TextFieldsIn(props: {
  ctx: PageContext;
  lang: string;
  original: boolean;
  texts: Record<TextField, Record<string, string>>;
  notCommunicated: readonly string[];
  errors: FieldError[] | undefined;
}) {
  const { ctx, lang, original } = props;
  const t = ctx.t;
  return (
    <>
      {TEXT_FIELDS.map((field) => (
        <div class="practice-form__text">
          <TextControl
            ctx={ctx}
            field={field}
            lang={lang}
            label={
              original
                ? fieldLabel(t, field)
                : t('practiceForm.fieldIn', { field: fieldLabel(t, field), language: languageName(t, lang) })
            }
            value={props.texts[field][lang]}
            errors={props.errors}
            required={original && field === 'title'}
          />
          {original && field !== 'title' ? (
            <NotCommunicatedBox
              ctx={ctx}
              field={field}
              checked={props.notCommunicated.includes(field)}
              errors={props.errors}
            />
          ) : null}
        </div>
      ))}
    </>
  );
}

/** The content languages other than the original, in their usual order. */
export const translationLanguages = (original: string) =>
  CONTENT_LANGUAGES.filter((lang) => lang !== original);

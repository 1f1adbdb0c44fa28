import type { FieldError } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  PageHeading,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { type Lang, LANGUAGES, type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { Localized, type OrganisationFormValues, label } from './organisations.views.tsx';

// The organisation form, its duplicate warning and its conflict page (split from the list and
// detail pages in organisations.views.tsx).

const LANGUAGE_KEYS: Record<Lang, string> = {
  fr: 'organisations.language.fr',
  es: 'organisations.language.es',
  en: 'organisations.language.en',
  pt: 'organisations.language.pt',
};

/** Errors about one field or any of its items (`countriesServed.3` belongs to `countriesServed`). */
function errorOf(errors: FieldError[] | undefined, field: string): string | undefined {
  return errorFor(errors, field) ?? errors?.find((e) => e.field.startsWith(`${field}.`))?.message;
}

function OrganisationFields(props: {
  ctx: PageContext;
  values: OrganisationFormValues;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const countries = getVocabulary('countries') ?? [];
  const byLabel = [...countries].sort((a, b) =>
    a.labels[ctx.lang].localeCompare(b.labels[ctx.lang], ctx.lang),
  );
  const textarea = (lang: Lang) => {
    const name = `description.${lang}`;
    const error = errorOf(errors, name);
    return (
      <Field
        ctx={ctx}
        name={name}
        label={t('organisations.field.descriptionIn', { language: t(LANGUAGE_KEYS[lang]) })}
        error={error}
      >
        <textarea
          id={`field-${name}`}
          name={name}
          rows={4}
          lang={lang}
          maxLength={10_000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `field-${name}-error` : undefined}
        >
          {values.description[lang] ?? ''}
        </textarea>
      </Field>
    );
  };
  const groupError = errorOf(errors, 'stakeholderGroup');
  const hqError = errorOf(errors, 'headquartersCountry');
  const servedError = errorOf(errors, 'countriesServed');
  const areasError = errorOf(errors, 'thematicAreas');
  return (
    <>
      {LANGUAGES.map((lang) => (
        <fieldset>
          <legend>{t(LANGUAGE_KEYS[lang])}</legend>
          <TextInput
            ctx={ctx}
            name={`name.${lang}`}
            label={t('organisations.field.nameIn', { language: t(LANGUAGE_KEYS[lang]) })}
            value={values.name[lang]}
            errors={errors}
            maxLength={300}
          />
          <TextInput
            ctx={ctx}
            name={`acronym.${lang}`}
            label={t('organisations.field.acronymIn', { language: t(LANGUAGE_KEYS[lang]) })}
            value={values.acronym[lang]}
            errors={errors}
            maxLength={30}
          />
          {textarea(lang)}
        </fieldset>
      ))}
      <Field
        ctx={ctx}
        name="stakeholderGroup"
        label={t('organisations.field.stakeholderGroup')}
        error={groupError}
        required
      >
        <select
          id="field-stakeholderGroup"
          name="stakeholderGroup"
          required
          aria-invalid={groupError ? 'true' : undefined}
          aria-describedby={groupError ? 'field-stakeholderGroup-error' : undefined}
        >
          <option value="">{t('organisations.form.choose')}</option>
          {(getVocabulary('stakeholder-groups') ?? []).map((entry) => (
            <option value={entry.code} selected={values.stakeholderGroup === entry.code}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        ctx={ctx}
        name="headquartersCountry"
        label={t('organisations.field.headquartersCountry')}
        error={hqError}
      >
        <select
          id="field-headquartersCountry"
          name="headquartersCountry"
          aria-invalid={hqError ? 'true' : undefined}
          aria-describedby={hqError ? 'field-headquartersCountry-error' : undefined}
        >
          <option value="">{t('organisations.form.none')}</option>
          {byLabel.map((entry) => (
            <option value={entry.code} selected={values.headquartersCountry === entry.code}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        ctx={ctx}
        name="countriesServed"
        label={t('organisations.field.countriesServed')}
        hint={t('organisations.form.multipleHint')}
        error={servedError}
      >
        <select
          id="field-countriesServed"
          name="countriesServed"
          multiple
          size={8}
          aria-invalid={servedError ? 'true' : undefined}
          aria-describedby={['field-countriesServed-hint', servedError ? 'field-countriesServed-error' : '']
            .join(' ')
            .trim()}
        >
          {byLabel.map((entry) => (
            <option value={entry.code} selected={values.countriesServed.includes(entry.code)}>
              {entry.labels[ctx.lang]}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        id="field-thematicAreas"
        aria-describedby={areasError ? 'field-thematicAreas-error' : undefined}
      >
        <legend>{t('organisations.field.thematicAreas')}</legend>
        {areasError ? (
          <p class="field__error" id="field-thematicAreas-error">
            {areasError}
          </p>
        ) : null}
        <ul class="facet__options">
          {(getVocabulary('iom-areas') ?? []).map((entry) => (
            <li>
              <input
                type="checkbox"
                id={`area-${entry.code}`}
                name="thematicAreas"
                value={entry.code}
                checked={values.thematicAreas.includes(entry.code)}
              />{' '}
              <label for={`area-${entry.code}`}>{entry.labels[ctx.lang]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextInput
        ctx={ctx}
        name="website"
        type="url"
        label={t('organisations.field.website')}
        hint={t('organisations.form.websiteHint')}
        value={values.website}
        errors={errors}
        maxLength={500}
      />
    </>
  );
}

export interface Duplicate {
  id: string;
  name: LocalizedText;
  acronym: LocalizedText;
  headquarters_country: string | null;
}

export function OrganisationFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: OrganisationFormValues;
  version?: number | undefined;
  errors?: FieldError[] | undefined;
  duplicates?: Duplicate[] | undefined;
  conflict?: { current: OrganisationFormValues } | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={props.title}>
      <PageHeading>{props.title}</PageHeading>
      {props.conflict ? (
        <ConflictComparison ctx={ctx} yours={props.values} saved={props.conflict.current} />
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.duplicates && props.duplicates.length > 0 ? (
        <div class="notice notice--info" role="status">
          <h2>{t('organisations.duplicates.title')}</h2>
          <p>{t('organisations.duplicates.intro')}</p>
          <ul>
            {props.duplicates.map((d) => (
              <li>
                <a href={`/${ctx.lang}/organisations/${d.id}`}>
                  <Localized ctx={ctx} text={d.name} />
                </a>
                {pickText(d.acronym, ctx.lang) ? <> ({pickText(d.acronym, ctx.lang)!.text})</> : null}{' '}
                <span class="meta">{label('countries', d.headquarters_country, ctx.lang)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField ctx={ctx} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <OrganisationFields ctx={ctx} values={props.values} errors={props.errors} />
        {props.duplicates && props.duplicates.length > 0 ? (
          <div class="field">
            <input type="checkbox" id="field-confirmDistinct" name="confirmDistinct" value="1" />{' '}
            <label for="field-confirmDistinct">{t('organisations.duplicates.confirm')}</label>
          </div>
        ) : null}
        <button type="submit">{t('organisations.form.save')}</button>
      </form>
    </Layout>
  );
}

/** The saved record beside what the user submitted, field by field, so that nothing is lost. */
function ConflictComparison(props: {
  ctx: PageContext;
  yours: OrganisationFormValues;
  saved: OrganisationFormValues;
}) {
  const { ctx, yours, saved } = props;
  const t = ctx.t;
  const text = (value: LocalizedText) =>
    LANGUAGES.filter((lang) => value[lang])
      .map((lang) => `${lang}: ${value[lang]}`)
      .join(' · ');
  const codes = (vocabulary: string, values: string[]) =>
    values.map((code) => label(vocabulary, code, ctx.lang)).join(', ');
  const rows: { field: string; yours: string; saved: string }[] = [
    { field: t('organisations.field.names'), yours: text(yours.name), saved: text(saved.name) },
    { field: t('organisations.field.acronym'), yours: text(yours.acronym), saved: text(saved.acronym) },
    {
      field: t('organisations.field.description'),
      yours: text(yours.description),
      saved: text(saved.description),
    },
    {
      field: t('organisations.field.stakeholderGroup'),
      yours: yours.stakeholderGroup ? label('stakeholder-groups', yours.stakeholderGroup, ctx.lang) : '',
      saved: saved.stakeholderGroup ? label('stakeholder-groups', saved.stakeholderGroup, ctx.lang) : '',
    },
    {
      field: t('organisations.field.headquartersCountry'),
      yours: yours.headquartersCountry ? label('countries', yours.headquartersCountry, ctx.lang) : '',
      saved: saved.headquartersCountry ? label('countries', saved.headquartersCountry, ctx.lang) : '',
    },
    {
      field: t('organisations.field.countriesServed'),
      yours: codes('countries', yours.countriesServed),
      saved: codes('countries', saved.countriesServed),
    },
    {
      field: t('organisations.field.thematicAreas'),
      yours: codes('iom-areas', yours.thematicAreas),
      saved: codes('iom-areas', saved.thematicAreas),
    },
    { field: t('organisations.field.website'), yours: yours.website, saved: saved.website },
  ];
  return (
    <section aria-labelledby="conflict-title" class="conflict">
      <h2 id="conflict-title">{t('organisations.conflict.title')}</h2>
      <p>{t('organisations.conflict.intro')}</p>
      <DataTable
        caption={t('organisations.conflict.caption')}
        rows={rows}
        columns={[
          { header: t('organisations.conflict.field'), cell: (row) => row.field },
          { header: t('organisations.conflict.yours'), cell: (row) => row.yours },
          { header: t('organisations.conflict.saved'), cell: (row) => row.saved },
        ]}
      />
    </section>
  );
}

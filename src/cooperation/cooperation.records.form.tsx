import type { FieldError } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  Select,
  TextArea,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { LANGUAGES, type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { RecordDetail } from './cooperation.records.repository.ts';
import { PARTY_ROLES, RECORD_STATUSES } from './cooperation.records.schemas.ts';
import type { RecordFormValues } from './cooperation.records.form.values.ts';
import {
  Localized,
  codeLabel,
  fieldLabel,
  languageLabel,
  periodText,
  roleLabel,
  statusLabel,
} from './cooperation.records.views.tsx';

/** The record form (new, edit), the choice of network before it, and the conflict shown above it. */

export interface FormChoices {
  networkName: LocalizedText;
  organisations: { id: string; name: LocalizedText }[];
}

/** One text of the record in each of the four languages. */
function LocalizedFields(props: {
  ctx: PageContext;
  field: 'title' | 'summary' | 'activities' | 'results' | 'resources';
  values: RecordFormValues;
  errors: FieldError[] | undefined;
}) {
  const { ctx, field } = props;
  return (
    <fieldset>
      <legend>{fieldLabel(ctx, field)}</legend>
      {LANGUAGES.map((lang) => {
        const name = `${field}.${lang}`;
        const label = ctx.t('cooperationRecords.form.inLanguage', { language: languageLabel(ctx, lang) });
        const value = props.values[field][lang];
        return field === 'title' ? (
          <TextInput
            ctx={ctx}
            name={name}
            label={label}
            value={value}
            errors={props.errors}
            maxLength={300}
          />
        ) : (
          <TextArea
            ctx={ctx}
            name={name}
            label={label}
            value={value}
            errors={props.errors}
            lang={lang === ctx.lang ? undefined : lang}
          />
        );
      })}
    </fieldset>
  );
}

function Checkboxes(props: {
  ctx: PageContext;
  name: 'thematicAreas' | 'gcmObjectives';
  vocabulary: string;
  chosen: string[];
  errors: FieldError[] | undefined;
}) {
  const { ctx, name } = props;
  const error = errorFor(props.errors, name);
  const chosen = new Set(props.chosen);
  return (
    <fieldset id={`field-${name}`} class={error ? 'field field--error' : 'field'}>
      <legend>{fieldLabel(ctx, name)}</legend>
      {error ? <p class="field__error">{error}</p> : null}
      <ul class="facet__options">
        {(getVocabulary(props.vocabulary) ?? []).map((entry) => {
          const id = `${name}-${entry.code}`;
          return (
            <li>
              <input
                type="checkbox"
                id={id}
                name={name}
                value={entry.code}
                checked={chosen.has(entry.code)}
              />{' '}
              <label for={id}>{codeLabel(ctx, props.vocabulary, entry.code)}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function Parties(props: {
  ctx: PageContext;
  values: RecordFormValues;
  organisations: FormChoices['organisations'];
  errors: FieldError[] | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const rows = [...props.values.parties];
  const count = Math.min(30, Math.max(rows.length + 2, 4));
  while (rows.length < count)
    rows.push({ organisationId: '', role: rows.length === 0 ? 'provider' : 'beneficiary' });
  const error = errorFor(props.errors, 'parties');
  const organisations = props.organisations
    .map((o) => ({ value: o.id, label: pickText(o.name, ctx.lang)?.text ?? o.id }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  return (
    <fieldset id="field-parties" class={error ? 'field field--error' : 'field'}>
      <legend>{t('cooperationRecords.field.parties')}</legend>
      <p class="field__hint">{t('cooperationRecords.form.partiesHint')}</p>
      {error ? <p class="field__error">{error}</p> : null}
      {rows.map((party, index) => (
        <div class="party-row">
          <Select
            ctx={ctx}
            name={`party.${index}.organisation`}
            label={t('cooperationRecords.form.partyOrganisation', { number: index + 1 })}
            value={party.organisationId}
            options={organisations}
            errors={props.errors}
            empty={t('cooperationRecords.form.noParty')}
          />
          <Select
            ctx={ctx}
            name={`party.${index}.role`}
            label={t('cooperationRecords.form.partyRole', { number: index + 1 })}
            value={party.role}
            options={PARTY_ROLES.map((role) => ({ value: role, label: roleLabel(ctx, role) }))}
            errors={props.errors}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** What was saved meanwhile, above the user's own values which stay in the form. */
function ConflictNotice({ ctx, current }: { ctx: PageContext; current: RecordDetail }) {
  const t = ctx.t;
  return (
    <section aria-labelledby="conflict-title" class="conflict">
      <h2 id="conflict-title">{t('cooperationRecords.conflict.title')}</h2>
      <p>{t('cooperationRecords.conflict.intro')}</p>
      <dl class="summary-list">
        <dt>{t('cooperationRecords.field.title')}</dt>
        <dd>
          <Localized ctx={ctx} text={current.title} />
        </dd>
        <dt>{t('cooperationRecords.field.status')}</dt>
        <dd>{statusLabel(ctx, current.status)}</dd>
        <dt>{t('cooperationRecords.field.period')}</dt>
        <dd>{periodText(ctx, current.startsOn, current.endsOn)}</dd>
        <dt>{t('cooperationRecords.field.parties')}</dt>
        <dd>
          {current.parties
            .map((p) => `${pickText(p.name, ctx.lang)?.text ?? ''} (${roleLabel(ctx, p.role)})`)
            .join(' · ')}
        </dd>
      </dl>
      <p>
        <a href={`/${ctx.lang}/cooperation/${current.id}`}>{t('cooperationRecords.conflict.view')}</a>
      </p>
    </section>
  );
}

export function RecordFormPage(props: {
  ctx: PageContext;
  action: string;
  heading: string;
  values: RecordFormValues;
  choices: FormChoices;
  errors?: FieldError[] | undefined;
  version?: number | undefined;
  conflict?: RecordDetail | undefined;
}) {
  const { ctx, values } = props;
  const t = ctx.t;
  const errors = props.errors;
  const countries = (getVocabulary('countries') ?? [])
    .map((entry) => ({ code: entry.code, label: codeLabel(ctx, 'countries', entry.code) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.lang));
  const chosenCountries = new Set(values.countries);
  const countriesError = errorFor(errors, 'countries');
  return (
    <Layout ctx={ctx} title={props.heading}>
      <PageHeading>{props.heading}</PageHeading>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.conflict ? <ConflictNotice ctx={ctx} current={props.conflict} /> : null}
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="network" value={values.network} />
        {values.matchId ? <input type="hidden" name="matchId" value={values.matchId} /> : null}
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <p>
          {t('cooperationRecords.form.network')}{' '}
          <strong>
            <Localized ctx={ctx} text={props.choices.networkName} />
          </strong>
        </p>
        {errorFor(errors, 'matchId') ? (
          <p class="field__error" id="field-matchId">
            {errorFor(errors, 'matchId')}
          </p>
        ) : values.matchId ? (
          <p class="meta">{t('cooperationRecords.form.fromMatch')}</p>
        ) : null}
        <Select
          ctx={ctx}
          name="originalLanguage"
          label={t('cooperationRecords.field.originalLanguage')}
          value={values.originalLanguage}
          options={LANGUAGES.map((lang) => ({
            value: lang,
            label: languageLabel(ctx, lang),
          }))}
          errors={errors}
          required
        />
        <LocalizedFields ctx={ctx} field="title" values={values} errors={errors} />
        <Parties ctx={ctx} values={values} organisations={props.choices.organisations} errors={errors} />
        <Select
          ctx={ctx}
          name="modality"
          label={t('cooperationRecords.field.modality')}
          value={values.modality}
          options={(getVocabulary('cooperation-modalities') ?? []).map((entry) => ({
            value: entry.code,
            label: codeLabel(ctx, 'cooperation-modalities', entry.code),
          }))}
          errors={errors}
          required
          empty={t('cooperationRecords.form.choose')}
        />
        <Select
          ctx={ctx}
          name="status"
          label={t('cooperationRecords.field.status')}
          value={values.status}
          options={RECORD_STATUSES.map((status) => ({ value: status, label: statusLabel(ctx, status) }))}
          errors={errors}
          required
        />
        <fieldset>
          <legend>{t('cooperationRecords.field.period')}</legend>
          <TextInput
            type="date"
            ctx={ctx}
            name="startsOn"
            label={t('cooperationRecords.field.startsOn')}
            value={values.startsOn}
            errors={errors}
          />
          <TextInput
            type="date"
            ctx={ctx}
            name="endsOn"
            label={t('cooperationRecords.field.endsOn')}
            value={values.endsOn}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t('cooperationRecords.field.budget')}</legend>
          <TextInput
            ctx={ctx}
            name="budgetAmount"
            label={t('cooperationRecords.field.budgetAmount')}
            hint={t('cooperationRecords.form.budgetHint')}
            value={values.budgetAmount}
            errors={errors}
            maxLength={40}
          />
          <TextInput
            ctx={ctx}
            name="budgetCurrency"
            label={t('cooperationRecords.field.budgetCurrency')}
            hint={t('cooperationRecords.form.currencyHint')}
            value={values.budgetCurrency}
            errors={errors}
            maxLength={3}
          />
        </fieldset>
        {(['summary', 'activities', 'results', 'resources'] as const).map((field) => (
          <LocalizedFields ctx={ctx} field={field} values={values} errors={errors} />
        ))}
        <Checkboxes
          ctx={ctx}
          name="thematicAreas"
          vocabulary="iom-areas"
          chosen={values.thematicAreas}
          errors={errors}
        />
        <Checkboxes
          ctx={ctx}
          name="gcmObjectives"
          vocabulary="gcm-objectives"
          chosen={values.gcmObjectives}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="countries"
          label={t('cooperationRecords.field.countries')}
          error={countriesError}
        >
          <select
            id="field-countries"
            name="countries"
            multiple
            size={8}
            aria-invalid={countriesError ? 'true' : undefined}
            aria-describedby={countriesError ? 'field-countries-error' : undefined}
          >
            {countries.map((country) => (
              <option value={country.code} selected={chosenCountries.has(country.code)}>
                {country.label}
              </option>
            ))}
          </select>
        </Field>
        <TextArea
          ctx={ctx}
          name="practices"
          label={t('cooperationRecords.field.practices')}
          hint={t('cooperationRecords.form.practicesHint')}
          value={values.practices}
          errors={errors}
          rows={3}
        />
        <p class="meta">
          <a href={`/${ctx.lang}/practices`}>{t('cooperationRecords.form.searchPractices')}</a>
        </p>
        <button type="submit">{t('cooperationRecords.form.save')}</button>
      </form>
    </Layout>
  );
}

/** Step one of a new record, when the caller may record in more than one network. */
export function ChooseNetworkPage(props: {
  ctx: PageContext;
  networks: { slug: string; name: LocalizedText }[];
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('cooperationRecords.create.title')}>
      <PageHeading>{t('cooperationRecords.create.title')}</PageHeading>
      {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
      {props.networks.length === 0 ? (
        <p>{t('cooperationRecords.create.noNetwork')}</p>
      ) : (
        <form method="get" action={`/${ctx.lang}/cooperation/new`} class="form">
          <Select
            ctx={ctx}
            name="network"
            label={t('cooperationRecords.field.network')}
            value={undefined}
            options={props.networks.map((n) => ({
              value: n.slug,
              label: pickText(n.name, ctx.lang)?.text ?? n.slug,
            }))}
            errors={props.error ? [{ field: 'network', message: props.error }] : undefined}
            required
            empty={t('cooperationRecords.form.choose')}
          />
          <button type="submit">{t('cooperationRecords.create.continue')}</button>
        </form>
      )}
    </Layout>
  );
}

import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import {
  CsrfField,
  ErrorSummary,
  Field,
  PageHeading,
  Select,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';
import type { FocalPointRecord } from './relations.commands.ts';

interface OrganisationOption {
  id: string;
  name: LocalizedText;
}
type Values = Record<string, string | undefined>;

function OrganisationSelect(props: {
  ctx: PageContext;
  name: string;
  label: string;
  options: OrganisationOption[];
  value: string | undefined;
  errors: FieldError[] | undefined;
  exclude: string;
  required?: boolean;
}) {
  const { ctx } = props;
  return (
    <Select
      ctx={ctx}
      name={props.name}
      label={props.label}
      value={props.value}
      errors={props.errors}
      required={props.required}
      empty={ctx.t('relations.field.chooseOrganisation')}
      options={props.options
        .filter((option) => option.id !== props.exclude)
        .map((option) => ({ value: option.id, label: pickText(option.name, ctx.lang)?.text ?? option.id }))}
    />
  );
}

function BackLink({ ctx, organisationId }: { ctx: PageContext; organisationId: string }) {
  return (
    <p>
      <a href={`/${ctx.lang}/organisations/${organisationId}`}>{ctx.t('relations.back')}</a>
    </p>
  );
}

/** The relationship form again, with the errors of a failed POST. */
export function RelationshipFormPage(props: {
  ctx: PageContext;
  organisationId: string;
  organisations: OrganisationOption[];
  values: Values;
  errors: FieldError[];
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const kindError = errorFor(errors, 'kind');
  return (
    <Layout ctx={ctx} title={t('relations.relationship.title')}>
      <PageHeading>{t('relations.relationship.title')}</PageHeading>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`/${ctx.lang}/organisations/${props.organisationId}/relationships`}
        class="form"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Field ctx={ctx} name="kind" label={t('organisations.relationships.kind')} error={kindError} required>
          <select id="field-kind" name="kind" aria-invalid={kindError ? 'true' : undefined}>
            {(getVocabulary('relationship-kinds') ?? []).map((entry) => (
              <option value={entry.code} selected={values.kind === entry.code}>
                {labelOf('relationship-kinds', entry.code, ctx.lang) ?? entry.code}
              </option>
            ))}
          </select>
        </Field>
        <OrganisationSelect
          ctx={ctx}
          name="relatedOrganisationId"
          label={t('organisations.relationships.organisation')}
          options={props.organisations}
          value={values.relatedOrganisationId}
          errors={errors}
          exclude={props.organisationId}
          required
        />
        <TextInput
          ctx={ctx}
          name="since"
          label={t('organisations.relationships.since')}
          hint={t('relations.field.dateHint')}
          value={values.since}
          errors={errors}
        />
        <TextInput
          ctx={ctx}
          name="note"
          label={t('organisations.relationships.note')}
          value={values.note}
          errors={errors}
          maxLength={2000}
        />
        <button type="submit">{t('relations.save')}</button>
      </form>
      <BackLink ctx={ctx} organisationId={props.organisationId} />
    </Layout>
  );
}

/** The accreditation form again, with the errors of a failed POST. */
export function AccreditationFormPage(props: {
  ctx: PageContext;
  organisationId: string;
  organisations: OrganisationOption[];
  values: Values;
  errors: FieldError[];
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('relations.accreditation.title')}>
      <PageHeading>{t('relations.accreditation.title')}</PageHeading>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={`/${ctx.lang}/organisations/${props.organisationId}/accreditations`}
        class="form"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextInput
          ctx={ctx}
          name="kind"
          label={t('relations.field.accreditationKind')}
          value={values.kind}
          errors={errors}
          required
          maxLength={100}
        />
        <OrganisationSelect
          ctx={ctx}
          name="accreditingOrganisationId"
          label={t('relations.field.accreditingOrganisation')}
          options={props.organisations}
          value={values.accreditingOrganisationId}
          errors={errors}
          exclude={props.organisationId}
        />
        <TextInput
          ctx={ctx}
          name="accreditingBody"
          label={t('relations.field.accreditingBody')}
          value={values.accreditingBody}
          errors={errors}
          maxLength={300}
        />
        <TextInput
          ctx={ctx}
          name="grantedOn"
          label={t('relations.field.grantedOn')}
          hint={t('relations.field.dateHint')}
          value={values.grantedOn}
          errors={errors}
        />
        <TextInput
          ctx={ctx}
          name="note"
          label={t('organisations.relationships.note')}
          value={values.note}
          errors={errors}
          maxLength={2000}
        />
        <button type="submit">{t('relations.save')}</button>
      </form>
      <BackLink ctx={ctx} organisationId={props.organisationId} />
    </Layout>
  );
}

/** The focal point form, with errors, or on a conflict the saved version beside the submitted one. */
export function FocalPointFormPage(props: {
  ctx: PageContext;
  organisationId: string;
  focalPointId: string;
  values: Values;
  errors: FieldError[];
  current?: FocalPointRecord | undefined;
}) {
  const { ctx, values, errors, current } = props;
  const t = ctx.t;
  const version = current ? String(current.version) : values.version;
  return (
    <Layout ctx={ctx} title={t('relations.focalPoint.title')}>
      <PageHeading>{t('relations.focalPoint.title')}</PageHeading>
      <ErrorSummary ctx={ctx} errors={errors} />
      {current ? (
        <section>
          <h2>{t('relations.focalPoint.saved')}</h2>
          <dl class="summary-list">
            <dt>{t('organisations.focalPoint.name')}</dt>
            <dd>{current.name}</dd>
            <dt>{t('organisations.focalPoint.title')}</dt>
            <dd>{current.title ?? '—'}</dd>
            <dt>{t('organisations.focalPoint.email')}</dt>
            <dd>{current.email ?? '—'}</dd>
            <dt>{t('organisations.focalPoint.phone')}</dt>
            <dd>{current.phone ?? '—'}</dd>
            <dt>{t('organisations.focalPoint.languages')}</dt>
            <dd>{current.languages.join(', ') || '—'}</dd>
          </dl>
          <p>{t('relations.focalPoint.conflictHint')}</p>
        </section>
      ) : null}
      <form
        method="post"
        action={`/${ctx.lang}/organisations/${props.organisationId}/focal-points/${props.focalPointId}`}
        class="form"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={version} />
        <TextInput
          ctx={ctx}
          name="name"
          label={t('organisations.focalPoint.name')}
          value={values.name}
          errors={errors}
          required
          maxLength={200}
        />
        <TextInput
          ctx={ctx}
          name="title"
          label={t('organisations.focalPoint.title')}
          value={values.title}
          errors={errors}
          maxLength={200}
        />
        <TextInput
          ctx={ctx}
          name="email"
          type="email"
          label={t('organisations.focalPoint.email')}
          value={values.email}
          errors={errors}
          maxLength={254}
        />
        <TextInput
          ctx={ctx}
          name="phone"
          label={t('organisations.focalPoint.phone')}
          value={values.phone}
          errors={errors}
          maxLength={40}
        />
        <TextInput
          ctx={ctx}
          name="languages"
          label={t('organisations.focalPoint.languages')}
          hint={t('organisations.focalPoint.languagesHint')}
          value={values.languages}
          errors={errors}
        />
        <button type="submit">{t('relations.save')}</button>
      </form>
      <BackLink ctx={ctx} organisationId={props.organisationId} />
    </Layout>
  );
}

import type { FieldError } from '../http/problems.ts';
import { getVocabulary } from '../reference/index.ts';
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
import type { PageContext } from '../web/render.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { formatSize } from '../practices/index.ts';
import { POST_LANGUAGES, UPDATE_CATEGORIES, categoryLabelKey } from './updates.categories.ts';
import type { UpdateAttachment, UpdatePost } from './updates.repository.ts';
import { BODY_MAX, LINKS_MAX, TITLE_MAX } from './updates.schemas.ts';
import type { UpdateLink } from './updates.tables.ts';

/** The form to write or edit a post (multipart: it carries the attachments with the post). */

export interface PostFormValues {
  networkId: string;
  /** '' when the secretariat posts for the network. */
  organisationId: string;
  category: string;
  countries: string[];
  language: string;
  title: string;
  body: string;
  links: UpdateLink[];
  visibility: string;
}

export interface PostFormChoices {
  networks: { id: string; name: LocalizedText }[];
  organisations: { id: string; name: LocalizedText }[];
  /** Whether the actor may post as a network's secretariat. */
  asSecretariat: boolean;
}

/** Empty link rows shown below the filled ones, so that a link can be added without JavaScript. */
const SPARE_LINKS = 2;

const languageName = (ctx: PageContext, code: string) =>
  new Intl.DisplayNames([ctx.lang], { type: 'language' }).of(code) ?? code;

export function PostFormPage(props: {
  ctx: PageContext;
  action: string;
  editing: boolean;
  values: PostFormValues;
  choices: PostFormChoices;
  version?: number | undefined;
  attachments?: UpdateAttachment[] | undefined;
  postId?: string | undefined;
  conflict?: UpdatePost | undefined;
  errors?: FieldError[] | undefined;
  attachmentLimit: number;
}) {
  const { ctx, values, choices, errors } = props;
  const { t, lang } = ctx;
  const title = props.editing ? t('updates.form.editTitle') : t('updates.form.newTitle');
  const countries = getVocabulary('countries') ?? [];
  const chosenCountries = new Set(values.countries);
  const linkRows = Math.min(LINKS_MAX, values.links.length + SPARE_LINKS);
  const countriesError = errorFor(errors, 'countries');
  const attachmentsError = errorFor(errors, 'attachments');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.conflict ? (
        <div class="notice notice--info" role="alert">
          <h2>{t('updates.conflict.title')}</h2>
          <p>{t('updates.conflict.explain')}</p>
          <h3 lang={props.conflict.language}>{props.conflict.title}</h3>
          <p lang={props.conflict.language} class="pre-wrap">
            {props.conflict.body}
          </p>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        <Select
          ctx={ctx}
          name="networkId"
          label={t('updates.field.network')}
          value={values.networkId}
          required
          empty={t('updates.form.choose')}
          options={choices.networks.map((n) => ({
            value: n.id,
            label: pickText(n.name, lang)?.text ?? n.id,
          }))}
          errors={errors}
        />
        <Select
          ctx={ctx}
          name="organisationId"
          label={t('updates.field.organisation')}
          value={values.organisationId}
          options={[
            ...choices.organisations.map((o) => ({
              value: o.id,
              label: pickText(o.name, lang)?.text ?? o.id,
            })),
            ...(choices.asSecretariat ? [{ value: '', label: t('updates.form.asSecretariat') }] : []),
          ]}
          errors={errors}
        />
        <Select
          ctx={ctx}
          name="category"
          label={t('updates.field.category')}
          value={values.category}
          required
          empty={t('updates.form.choose')}
          options={UPDATE_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabelKey(c)) }))}
          errors={errors}
        />
        <Select
          ctx={ctx}
          name="language"
          label={t('updates.field.language')}
          value={values.language}
          required
          options={POST_LANGUAGES.map((code) => ({ value: code, label: languageName(ctx, code) }))}
          errors={errors}
        />
        <TextInput
          ctx={ctx}
          name="title"
          label={t('updates.field.title')}
          value={values.title}
          required
          maxLength={TITLE_MAX}
          lang={values.language && values.language !== lang ? values.language : undefined}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="body"
          label={t('updates.field.body')}
          hint={t('updates.form.bodyHint')}
          error={errorFor(errors, 'body')}
          required
        >
          <textarea
            id="field-body"
            name="body"
            rows={10}
            maxLength={BODY_MAX}
            required
            lang={values.language && values.language !== lang ? values.language : undefined}
            aria-invalid={errorFor(errors, 'body') ? 'true' : undefined}
            aria-describedby={['field-body-hint', errorFor(errors, 'body') ? 'field-body-error' : null]
              .filter(Boolean)
              .join(' ')}
          >
            {values.body}
          </textarea>
        </Field>
        <Field
          ctx={ctx}
          name="countries"
          label={t('updates.field.countries')}
          hint={t('updates.form.countriesHint')}
          error={countriesError}
        >
          <select
            id="field-countries"
            name="countries"
            multiple
            size={8}
            aria-invalid={countriesError ? 'true' : undefined}
            aria-describedby={['field-countries-hint', countriesError ? 'field-countries-error' : null]
              .filter(Boolean)
              .join(' ')}
          >
            {countries.map((entry) => (
              <option value={entry.code} selected={chosenCountries.has(entry.code)}>
                {entry.labels[lang]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset class="fieldset">
          <legend>{t('updates.field.links')}</legend>
          <p class="field__hint">{t('updates.form.linksHint')}</p>
          {Array.from({ length: linkRows }, (_, index) => (
            <div class="field-row">
              <TextInput
                ctx={ctx}
                name={`links.${index}.url`}
                type="url"
                label={t('updates.field.linkUrl', { number: index + 1 })}
                value={values.links[index]?.url ?? ''}
                errors={errors}
              />
              <TextInput
                ctx={ctx}
                name={`links.${index}.label`}
                label={t('updates.field.linkLabel', { number: index + 1 })}
                value={values.links[index]?.label ?? ''}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('updates.field.visibility')}</legend>
          {(['network', 'public'] as const).map((visibility) => (
            <div class="choice">
              <input
                type="radio"
                id={`field-visibility-${visibility}`}
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
              />{' '}
              <label for={`field-visibility-${visibility}`}>
                {visibility === 'public' ? t('updates.visibility.public') : t('updates.visibility.network')}
              </label>
            </div>
          ))}
        </fieldset>
        <Field
          ctx={ctx}
          name="attachments"
          label={t('updates.field.attachments')}
          hint={t('updates.form.attachmentsHint', { limit: formatSize(props.attachmentLimit, t) })}
          error={attachmentsError}
        >
          <input
            id="field-attachments"
            name="attachments"
            type="file"
            multiple
            accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
            aria-invalid={attachmentsError ? 'true' : undefined}
            aria-describedby={['field-attachments-hint', attachmentsError ? 'field-attachments-error' : null]
              .filter(Boolean)
              .join(' ')}
          />
        </Field>
        {(errors ?? [])
          .filter((e) => e.field === 'attachments')
          .slice(1)
          .map((e) => (
            <p class="field__error">{e.message}</p>
          ))}
        <button type="submit">{props.editing ? t('updates.form.save') : t('updates.form.publish')}</button>
      </form>
      {props.editing && props.attachments && props.attachments.length > 0 ? (
        <section aria-labelledby="saved-attachments-heading">
          <h2 id="saved-attachments-heading">{t('updates.post.attachments')}</h2>
          <ul>
            {props.attachments.map((file) => (
              <li>
                <a href={`/${lang}/updates/${props.postId}/attachments/${file.id}`}>{file.fileName}</a>{' '}
                <span class="meta">({formatSize(file.sizeBytes, t)})</span>{' '}
                <form
                  method="post"
                  action={`/${lang}/updates/${props.postId}/attachments/${file.id}/delete`}
                  class="inline-form"
                >
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="link-button">
                    {t('updates.form.removeAttachment', { name: file.fileName })}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

/** For a member who may not post (no member organisation, no secretariat role): who can, and why. */
export function CannotPostPage({ ctx }: { ctx: PageContext }) {
  const title = ctx.t('updates.form.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <p>{ctx.t('updates.form.cannotPost')}</p>
      <p>
        <a href={`/${ctx.lang}/updates`}>{ctx.t('updates.list.title')}</a>
      </p>
    </Layout>
  );
}

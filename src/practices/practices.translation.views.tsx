import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { TEXT_FIELDS, TEXT_LIMITS, type TextField } from './practices.schemas.ts';
import { ContentText, Paragraphs } from './practices.workflow.views.tsx';
import { languageName } from './practices.pages.components.tsx';

// Translating a published practice, field by field beside its original text; and the admins'
// page that grants the translator role.

export const FIELD_KEYS: Record<TextField, string> = {
  title: 'practices.field.title',
  summary: 'practices.field.summary',
  description: 'practices.field.description',
  context: 'practices.field.context',
  resources: 'practices.field.resources',
  results: 'practices.field.results',
  evaluation: 'practices.field.evaluation',
  challenges: 'practices.field.challenges',
  lessonsLearned: 'practices.field.lessonsLearned',
  replicability: 'practices.field.replicability',
};

/** A textarea about as tall as the original text it translates. */
const rowsFor = (source: string | undefined) =>
  Math.min(20, Math.max(4, Math.ceil((source ?? '').length / 90) + 1));

export function TranslatePage(props: {
  ctx: PageContext;
  id: string;
  target: string;
  /** The published texts, each field per language. */
  content: Record<TextField, Record<string, string>> & { originalLanguage: string };
  values: Partial<Record<TextField, string>>;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, content, target, values, errors } = props;
  const t = ctx.t;
  const original = content.originalLanguage;
  const targetName = languageName(ctx.t, target);
  const title = t('practiceWorkflow.translate.title', { language: targetName });
  // Fields with nothing in the original language have nothing to translate.
  const fields = TEXT_FIELDS.filter((field) => content[field][original] || content[field][target]);
  const bodyErrors = (errors ?? []).filter((e) => !(TEXT_FIELDS as readonly string[]).includes(e.field));
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <p class="lead">
        <a href={`/${ctx.lang}/practices/${props.id}`}>
          <ContentText ctx={ctx} text={content.title} original={original} />
        </a>
      </p>
      <p>
        {t('practiceWorkflow.translate.intro', {
          original: languageName(ctx.t, original),
          language: targetName,
        })}
      </p>
      <ErrorSummary
        ctx={ctx}
        errors={errors?.filter((e) => (TEXT_FIELDS as readonly string[]).includes(e.field))}
      />
      {bodyErrors.map((error) => (
        <div class="error-summary" role="alert">
          <p>{error.message}</p>
        </div>
      ))}
      <form method="post" action={`/${ctx.lang}/practices/${props.id}/translate/${target}`} novalidate>
        <CsrfField ctx={ctx} />
        {fields.map((field) => {
          const error = errorFor(errors, field);
          const source = content[field][original];
          const label = t('practiceWorkflow.translate.fieldIn', {
            field: t(FIELD_KEYS[field]),
            language: targetName,
          });
          const common = {
            id: `field-${field}`,
            name: field,
            lang: target,
            maxLength: TEXT_LIMITS[field],
            'aria-invalid': error ? ('true' as const) : undefined,
            'aria-describedby': error ? `field-${field}-error` : undefined,
          };
          return (
            <fieldset>
              <legend>{t(FIELD_KEYS[field])}</legend>
              <>
                <div class="card field">
                  <p class="meta">
                    {t('practiceWorkflow.translate.original', { language: languageName(ctx.t, original) })}
                  </p>
                  {source ? <Paragraphs text={source} lang={original} /> : <p>—</p>}
                </div>
                <Field ctx={ctx} name={field} label={label} error={error}>
                  {field === 'title' ? (
                    <input type="text" {...common} value={values[field] ?? ''} />
                  ) : (
                    <textarea {...common} rows={rowsFor(source)}>
                      {values[field] ?? ''}
                    </textarea>
                  )}
                </Field>
              </>
            </fieldset>
          );
        })}
        <p class="field__hint">{t('practiceWorkflow.translate.publishHint')}</p>
        <button type="submit">{t('practiceWorkflow.translate.submit')}</button>
      </form>
    </Layout>
  );
}

// ---- Translators (admins) -------------------------------------------------------------------------

export interface TranslatorRow {
  id: string;
  name: string;
  email: string;
  languages: string[];
}

export function TranslatorsPage(props: {
  ctx: PageContext;
  translators: TranslatorRow[];
  users: TranslatorRow[];
  values: { userId: string; languages: string[] };
  errors?: FieldError[] | undefined;
  notice?: 'saved' | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.translators.title');
  const userError = errorFor(errors, 'userId');
  const languagesError = errorFor(errors, 'languages');
  const languageList = (languages: string[]) =>
    languages.length === 0 ? '—' : languages.map((lang) => languageName(ctx.t, lang)).join(', ');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.notice === 'saved' ? <Notice>{t('practiceWorkflow.translators.saved')}</Notice> : null}
      <p class="lead">{t('practiceWorkflow.translators.intro')}</p>
      {props.translators.length === 0 ? (
        <p>{t('practiceWorkflow.translators.none')}</p>
      ) : (
        <DataTable
          caption={t('practiceWorkflow.translators.caption', { count: props.translators.length })}
          rows={props.translators}
          columns={[
            { header: t('practiceWorkflow.translators.user'), cell: (row) => `${row.name} <${row.email}>` },
            {
              header: t('practiceWorkflow.translators.languages'),
              cell: (row) => languageList(row.languages),
            },
            {
              header: t('practiceWorkflow.actions.title'),
              cell: (row) => (
                <a href={`/${ctx.lang}/admin/translators?user=${row.id}#translator-form`}>
                  {t('practiceWorkflow.translators.edit', { name: row.name })}
                </a>
              ),
            },
          ]}
        />
      )}
      <h2 id="translator-form">{t('practiceWorkflow.translators.formTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/${ctx.lang}/admin/translators`} class="form">
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="userId"
          label={t('practiceWorkflow.translators.user')}
          error={userError}
          required
        >
          <select
            id="field-userId"
            name="userId"
            required
            aria-invalid={userError ? 'true' : undefined}
            aria-describedby={userError ? 'field-userId-error' : undefined}
          >
            <option value="">{t('practiceWorkflow.reviewers.choose')}</option>
            {props.users.map((user) => (
              <option value={user.id} selected={user.id === values.userId}>
                {`${user.name} <${user.email}>`}
              </option>
            ))}
          </select>
        </Field>
        <fieldset
          id="field-languages"
          aria-describedby={
            ['field-languages-hint', languagesError ? 'field-languages-error' : ''].join(' ').trim() ||
            undefined
          }
        >
          <legend>{t('practiceWorkflow.translators.languages')}</legend>
          <p class="field__hint" id="field-languages-hint">
            {t('practiceWorkflow.translators.languagesHint')}
          </p>
          {languagesError ? (
            <p class="field__error" id="field-languages-error">
              {languagesError}
            </p>
          ) : null}
          <ul class="facet__options">
            {CONTENT_LANGUAGES.map((lang) => (
              <li>
                <input
                  type="checkbox"
                  id={`language-${lang}`}
                  name="languages"
                  value={lang}
                  checked={values.languages.includes(lang)}
                />{' '}
                <label for={`language-${lang}`}>{languageName(ctx.t, lang)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">{t('practiceWorkflow.translators.submit')}</button>
      </form>
    </Layout>
  );
}

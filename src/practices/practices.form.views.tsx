import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Notice, PageHeading, errorFor } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { AttachmentsSection } from './practices.attachments.views.tsx';
import {
  ChoiceSelect,
  LocalizedName,
  TextFieldsIn,
  languageName,
  organisationLabel,
  sortedOrganisations,
  translationLanguages,
} from './practices.form.fields.tsx';
import type { DetailChoices, NetworkChoice, OrganisationChoice } from './practices.form.options.ts';
import type { PracticeFormValues } from './practices.form.values.ts';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { TEXT_FIELDS } from './practices.schemas.ts';
import { PracticeConflict } from './practices.form.conflict.tsx';
import { Classification, SourcesAndContact, WhoWhereWhen } from './practices.form.sections.tsx';

/** The practice form: the first step (network, organisation, language), the form itself, its conflict page. */

const NOTICES = {
  created: 'practiceForm.notice.created',
  saved: 'practiceForm.notice.saved',
  attached: 'practiceForm.notice.attached',
  deleted: 'practiceForm.notice.deleted',
} as const;
export type FormNotice = keyof typeof NOTICES;

/** Step one of a new practice: which network reviews it, for which organisation, in which language. */
export function PracticeSetupPage(props: {
  ctx: PageContext;
  networks: NetworkChoice[];
  organisations: OrganisationChoice[];
  values: { network: string; organisation: string; language: string };
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values } = props;
  const t = ctx.t;
  const title = t('practiceForm.new.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.networks.length === 0 ? (
        <p class="lead">{t('practiceForm.setup.noNetwork')}</p>
      ) : (
        <>
          <p class="lead">{t('practiceForm.setup.intro')}</p>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          <form method="get" action={`/${ctx.lang}/practices/new`} class="form" novalidate>
            <ChoiceSelect
              ctx={ctx}
              name="network"
              label={t('practiceForm.field.network')}
              value={values.network}
              empty={t('practiceForm.choose')}
              options={props.networks.map((network) => {
                const name = organisationLabel(ctx, { id: network.slug, name: network.name, acronym: {} });
                return { value: network.slug, label: name.text, lang: name.lang };
              })}
              errors={props.errors}
            />
            <ChoiceSelect
              ctx={ctx}
              name="organisation"
              label={t('practiceForm.field.organisation')}
              value={values.organisation}
              empty={t('practiceForm.choose')}
              options={sortedOrganisations(ctx, props.organisations).map(({ organisation, label }) => ({
                value: organisation.id,
                label: label.text,
                lang: label.lang,
              }))}
              errors={props.errors}
            />
            <ChoiceSelect
              ctx={ctx}
              name="language"
              label={t('practiceForm.field.language')}
              hint={t('practiceForm.setup.languageHint')}
              value={values.language}
              empty={t('practiceForm.choose')}
              options={CONTENT_LANGUAGES.map((lang) => ({ value: lang, label: languageName(t, lang) }))}
              errors={props.errors}
            />
            <button type="submit">{t('practiceForm.setup.continue')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export interface PracticeFormProps {
  ctx: PageContext;
  mode: 'new' | 'edit';
  action: string;
  values: PracticeFormValues;
  choices: DetailChoices;
  errors?: FieldError[] | undefined;
  /** The practice's version the form started from (edit). */
  version?: number | undefined;
  practiceId?: string | undefined;
  /** The step-one page with the current choices (new). */
  changeUrl?: string | undefined;
  notice?: FormNotice | undefined;
  /** Why the content cannot be edited now (under review, withdrawn): the form is not shown. */
  blocked?: string | undefined;
  published?: boolean;
  conflict?: { saved: PracticeFormValues; currentUrl: string } | undefined;
  attachments?: {
    items: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
    limit: number;
  };
  /** The title of the practice being edited, in the language it is shown in. */
  heading?: { text: string; lang: string } | undefined;
}

export function PracticeFormPage(props: PracticeFormProps) {
  const { ctx, values, choices } = props;
  const t = ctx.t;
  const title = props.mode === 'new' ? t('practiceForm.new.title') : t('practiceForm.edit.title');
  const practiceUrl = props.practiceId ? `/${ctx.lang}/practices/${props.practiceId}?version=working` : null;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.heading ? (
        <p class="lead" lang={props.heading.lang === ctx.lang ? undefined : props.heading.lang}>
          {props.heading.text}
        </p>
      ) : null}
      {props.notice ? (
        <Notice>
          {t(NOTICES[props.notice])}{' '}
          {practiceUrl ? <a href={practiceUrl}>{t('practiceForm.viewPractice')}</a> : null}
        </Notice>
      ) : null}
      {props.conflict ? (
        <PracticeConflict
          ctx={ctx}
          yours={values}
          saved={props.conflict.saved}
          currentUrl={props.conflict.currentUrl}
          choices={choices}
        />
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.blocked ? (
        <Notice kind="info">
          {props.blocked} {practiceUrl ? <a href={practiceUrl}>{t('practiceForm.viewPractice')}</a> : null}
        </Notice>
      ) : (
        <form method="post" action={props.action} class="form" id="field-body" novalidate>
          <CsrfField ctx={ctx} />
          {props.version !== undefined ? (
            <input type="hidden" name="version" value={String(props.version)} />
          ) : null}
          {props.published ? <Notice kind="info">{t('practiceForm.publishedNote')}</Notice> : null}
          <AboutSection {...props} />
          <TextSections ctx={ctx} values={values} errors={props.errors} />
          <WhoWhereWhen ctx={ctx} values={values} choices={choices} errors={props.errors} />
          <Classification ctx={ctx} values={values} choices={choices} errors={props.errors} />
          <SourcesAndContact ctx={ctx} values={values} choices={choices} errors={props.errors} />
          <p class="field__hint">{t('practiceForm.saveHint')}</p>
          <button type="submit">{t('practiceForm.save')}</button>
        </form>
      )}
      {props.practiceId && props.attachments ? (
        <AttachmentsSection
          ctx={ctx}
          practiceId={props.practiceId}
          attachments={props.attachments.items}
          limit={props.attachments.limit}
          errors={props.errors}
        />
      ) : (
        <p>{t('practiceForm.attachments.afterSaving')}</p>
      )}
    </Layout>
  );
}

/** Network, organisation and language: chosen at step one for a new practice, fixed once it exists. */
function AboutSection(props: PracticeFormProps) {
  const { ctx, values, choices, errors } = props;
  const t = ctx.t;
  const fixedError = (field: string) => {
    const error = errorFor(errors, field);
    return error ? (
      <p class="field__error" id={`field-${field}`}>
        {error}
      </p>
    ) : null;
  };
  const organisation = organisationLabel(ctx, choices.organisation);
  return (
    <section aria-labelledby="section-about">
      <h2 id="section-about">{t('practiceForm.section.about')}</h2>
      <dl class="summary-list">
        <dt>{t('practiceForm.field.network')}</dt>
        <dd>
          <LocalizedName ctx={ctx} text={choices.network.name} />
          {fixedError('network')}
        </dd>
        <dt>{t('practiceForm.field.organisation')}</dt>
        <dd>
          <span lang={organisation.lang}>{organisation.text}</span>
          {fixedError('organisationId')}
        </dd>
        {props.mode === 'new' ? (
          <>
            <dt>{t('practices.field.originalLanguage')}</dt>
            <dd>
              {languageName(t, values.originalLanguage)}
              {fixedError('originalLanguage')}
            </dd>
          </>
        ) : null}
      </dl>
      {props.mode === 'new' ? (
        <>
          <input type="hidden" name="network" value={values.network} />
          <input type="hidden" name="organisationId" value={values.organisationId} />
          <input type="hidden" name="originalLanguage" value={values.originalLanguage} />
          {props.changeUrl ? (
            <p>
              <a href={props.changeUrl}>{t('practiceForm.setup.change')}</a>
            </p>
          ) : null}
          {choices.calls.length > 0 ? (
            <ChoiceSelect
              ctx={ctx}
              name="callId"
              label={t('practiceForm.field.call')}
              value={values.callId}
              empty={t('practiceForm.call.none')}
              options={choices.calls.map((call) => {
                const name = organisationLabel(ctx, { id: call.id, name: call.title, acronym: {} });
                return {
                  value: call.id,
                  label: t('practiceForm.call.option', { title: name.text, closesOn: call.closesOn }),
                  lang: name.lang,
                };
              })}
              errors={errors}
            />
          ) : (
            fixedError('callId')
          )}
        </>
      ) : (
        <>
          {fixedError('version')}
          <ChoiceSelect
            ctx={ctx}
            name="originalLanguage"
            label={t('practices.field.originalLanguage')}
            hint={t('practiceForm.originalLanguageHint')}
            value={values.originalLanguage}
            empty={t('practiceForm.choose')}
            options={CONTENT_LANGUAGES.map((lang) => ({ value: lang, label: languageName(t, lang) }))}
            errors={errors}
          />
        </>
      )}
    </section>
  );
}

/** The texts: the original language first, then each translation in a disclosure of its own. */
function TextSections(props: {
  ctx: PageContext;
  values: PracticeFormValues;
  errors: FieldError[] | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const original = (CONTENT_LANGUAGES as readonly string[]).includes(values.originalLanguage)
    ? values.originalLanguage
    : CONTENT_LANGUAGES[0]!;
  const hasContent = (lang: string) =>
    TEXT_FIELDS.some((field) => values.texts[field][lang]) ||
    (errors ?? []).some((error) => error.field.endsWith(`.${lang}`));
  return (
    <>
      <section aria-labelledby="section-original">
        <h2 id="section-original">
          {t('practiceForm.section.original', { language: languageName(t, original) })}
        </h2>
        <TextFieldsIn
          ctx={ctx}
          lang={original}
          original
          texts={values.texts}
          notCommunicated={values.notCommunicated}
          errors={errors}
        />
      </section>
      <section aria-labelledby="section-translations">
        <h2 id="section-translations">{t('practiceForm.section.translations')}</h2>
        <p class="field__hint">{t('practiceForm.translations.hint')}</p>
        {translationLanguages(original).map((lang) => (
          <details open={hasContent(lang)}>
            <summary>{t('practiceForm.translation.summary', { language: languageName(t, lang) })}</summary>
            <TextFieldsIn
              ctx={ctx}
              lang={lang}
              original={false}
              texts={values.texts}
              notCommunicated={values.notCommunicated}
              errors={errors}
            />
          </details>
        ))}
      </section>
    </>
  );
}

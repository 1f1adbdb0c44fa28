import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { LANGUAGES, type LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { CallAnswer, CallPhase, CallRow } from './practices.calls.ts';
import { DateText } from './practices.work.views.tsx';
import { ContentText, DirectoryName, Paragraphs, statusLabel } from './practices.workflow.views.tsx';
import { languageName } from './practices.pages.components.tsx';

// Calls for practices: the list by network, one call with the practices that answer it, and the
// secretariat's form to open one.

const PHASE_KEYS: Record<CallPhase, string> = {
  open: 'practiceWorkflow.calls.phase.open',
  upcoming: 'practiceWorkflow.calls.phase.upcoming',
  closed: 'practiceWorkflow.calls.phase.closed',
};

/** A call's own text (title, description), in the page language or another one, marked. */
function CallText({ ctx, text }: { ctx: PageContext; text: LocalizedText }) {
  const record = text as Record<string, string>;
  return <ContentText ctx={ctx} text={record} original={Object.keys(record)[0] ?? ctx.lang} />;
}

/** The call's tags, each group under its name (a plain list: the labels are long and the cards narrow). */
function CallTags({ ctx, call }: { ctx: PageContext; call: CallRow }) {
  const t = ctx.t;
  const groups = [
    {
      name: t('practices.field.gcmObjectives'),
      labels: call.gcmObjectives.map((code) => labelOf('gcm-objectives', code, ctx.lang) ?? code),
    },
    {
      name: t('practices.field.thematicAreas'),
      labels: call.thematicAreas.map((code) => labelOf('iom-areas', code, ctx.lang) ?? code),
    },
  ].filter((group) => group.labels.length > 0);
  return (
    <>
      {groups.map((group) => (
        <>
          <p class="meta">
            <strong>{group.name}</strong>
          </p>
          <ul>
            {group.labels.map((label) => (
              <li>{label}</li>
            ))}
          </ul>
        </>
      ))}
    </>
  );
}

function Period({ ctx, call }: { ctx: PageContext; call: CallRow }) {
  return (
    <p class="meta">
      {ctx.t(PHASE_KEYS[call.phase])} · <DateText ctx={ctx} date={call.opensOn} /> –{' '}
      <DateText ctx={ctx} date={call.closesOn} />
    </p>
  );
}

const submitUrl = (ctx: PageContext, call: CallRow) =>
  `/${ctx.lang}/practices/new?call=${call.id}&network=${encodeURIComponent(call.networkSlug)}`;

export function CallsPage(props: { ctx: PageContext; calls: CallRow[]; canOpen: boolean }) {
  const { ctx, calls } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.calls.title');
  const networks = [...new Map(calls.map((call) => [call.networkSlug, call.networkName])).entries()];
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <p class="lead">{t('practiceWorkflow.calls.intro')}</p>
      {props.canOpen ? (
        <p>
          <a class="button" href={`/${ctx.lang}/practice-calls/new`}>
            {t('practiceWorkflow.calls.open')}
          </a>
        </p>
      ) : null}
      {calls.length === 0 ? <p>{t('practiceWorkflow.calls.none')}</p> : null}
      {networks.map(([slug, name]) => (
        <section aria-labelledby={`network-${slug}`}>
          <h2 id={`network-${slug}`}>
            <DirectoryName ctx={ctx} text={name} />
          </h2>
          {(['open', 'upcoming', 'closed'] as const).map((phase) => {
            const inPhase = calls.filter((call) => call.networkSlug === slug && call.phase === phase);
            if (inPhase.length === 0) return null;
            return (
              <>
                <h3>{t(PHASE_KEYS[phase])}</h3>
                <ul class="cards">
                  {inPhase.map((call) => (
                    <li class="card">
                      <h4>
                        <a href={`/${ctx.lang}/practice-calls/${call.id}`}>
                          <CallText ctx={ctx} text={call.title} />
                        </a>
                      </h4>
                      <Period ctx={ctx} call={call} />
                      <CallTags ctx={ctx} call={call} />
                      {call.phase === 'open' ? (
                        <p>
                          <a href={submitUrl(ctx, call)}>{t('practiceWorkflow.calls.answer')}</a>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            );
          })}
        </section>
      ))}
    </Layout>
  );
}

export function CallPage(props: {
  ctx: PageContext;
  call: CallRow;
  practices: CallAnswer[];
  notice?: 'opened' | undefined;
}) {
  const { ctx, call } = props;
  const t = ctx.t;
  const description = call.description as Record<string, string>;
  return (
    <Layout ctx={ctx} title={Object.values(call.title)[0] ?? t('practiceWorkflow.calls.title')}>
      {props.notice === 'opened' ? <Notice>{t('practiceWorkflow.calls.opened')}</Notice> : null}
      <PageHeading>
        <CallText ctx={ctx} text={call.title} />
      </PageHeading>
      <p>
        <DirectoryName ctx={ctx} text={call.networkName} />
      </p>
      <Period ctx={ctx} call={call} />
      {Object.keys(description).length > 0
        ? (() => {
            const lang = description[ctx.lang] ? ctx.lang : Object.keys(description)[0]!;
            return <Paragraphs text={description[lang]!} lang={lang === ctx.lang ? undefined : lang} />;
          })()
        : null}
      <CallTags ctx={ctx} call={call} />
      {call.phase === 'open' ? (
        <p>
          <a class="button" href={submitUrl(ctx, call)}>
            {t('practiceWorkflow.calls.answer')}
          </a>
        </p>
      ) : null}
      <h2>{t('practiceWorkflow.calls.practices')}</h2>
      {props.practices.length === 0 ? (
        <p>{t('practiceWorkflow.calls.noPractice')}</p>
      ) : (
        <DataTable
          caption={t('practiceWorkflow.calls.practicesCaption', { count: props.practices.length })}
          rows={props.practices}
          columns={[
            {
              header: t('practices.field.title'),
              cell: (item) => (
                <a href={`/${ctx.lang}/practices/${item.id}`}>
                  <ContentText ctx={ctx} text={item.title} original={item.originalLanguage} />
                </a>
              ),
            },
            {
              header: t('practiceWorkflow.calls.organisation'),
              cell: (item) => <DirectoryName ctx={ctx} text={item.organisationName} />,
            },
            { header: t('practiceWorkflow.status'), cell: (item) => statusLabel(ctx, item.status) },
          ]}
        />
      )}
      <p>
        <a href={`/${ctx.lang}/practice-calls`}>{t('practiceWorkflow.calls.all')}</a>
      </p>
    </Layout>
  );
}

export interface CallFormValues {
  network: string;
  title: Record<string, string>;
  description: Record<string, string>;
  opensOn: string;
  closesOn: string;
  gcmObjectives: string[];
  thematicAreas: string[];
}

function CodeChoices(props: {
  ctx: PageContext;
  name: 'gcmObjectives' | 'thematicAreas';
  vocabulary: string;
  legend: string;
  values: string[];
  errors: FieldError[] | undefined;
}) {
  const { ctx, name } = props;
  const error = errorFor(props.errors, name);
  return (
    <fieldset id={`field-${name}`} aria-describedby={error ? `field-${name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {error ? (
        <p class="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
      <ul class="facet__options">
        {(getVocabulary(props.vocabulary) ?? []).map((entry) => (
          <li>
            <input
              type="checkbox"
              id={`${name}-${entry.code}`}
              name={name}
              value={entry.code}
              checked={props.values.includes(entry.code)}
            />{' '}
            <label for={`${name}-${entry.code}`}>{entry.labels[ctx.lang]}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function CallFormPage(props: {
  ctx: PageContext;
  networks: { slug: string; name: LocalizedText }[];
  values: CallFormValues;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.calls.open');
  const networkError = errorFor(errors, 'network');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/${ctx.lang}/practice-calls`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="network"
          label={t('practiceWorkflow.calls.network')}
          error={networkError}
          required
        >
          <select
            id="field-network"
            name="network"
            required
            aria-invalid={networkError ? 'true' : undefined}
            aria-describedby={networkError ? 'field-network-error' : undefined}
          >
            <option value="">{t('practiceWorkflow.reviewers.choose')}</option>
            {props.networks.map((network) => (
              <option value={network.slug} selected={network.slug === values.network}>
                {Object.values(network.name).length > 0
                  ? (network.name[ctx.lang] ?? Object.values(network.name)[0])
                  : network.slug}
              </option>
            ))}
          </select>
        </Field>
        {LANGUAGES.map((lang) => {
          const name = `description.${lang}`;
          const error = errorFor(errors, name);
          return (
            <fieldset>
              <legend>{languageName(ctx.t, lang)}</legend>
              <TextInput
                ctx={ctx}
                name={`title.${lang}`}
                label={t('practiceWorkflow.calls.titleIn', { language: languageName(ctx.t, lang) })}
                value={values.title[lang]}
                errors={errors}
                maxLength={300}
              />
              <Field
                ctx={ctx}
                name={name}
                label={t('practiceWorkflow.calls.descriptionIn', { language: languageName(ctx.t, lang) })}
                error={error}
              >
                <textarea
                  id={`field-${name}`}
                  name={name}
                  lang={lang}
                  rows={4}
                  maxLength={10_000}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `field-${name}-error` : undefined}
                >
                  {values.description[lang] ?? ''}
                </textarea>
              </Field>
            </fieldset>
          );
        })}
        <TextInput
          type="date"
          required
          ctx={ctx}
          name="opensOn"
          label={t('practiceWorkflow.calls.opensOn')}
          value={values.opensOn}
          errors={errors}
        />
        <TextInput
          type="date"
          required
          ctx={ctx}
          name="closesOn"
          label={t('practiceWorkflow.calls.closesOn')}
          value={values.closesOn}
          errors={errors}
        />
        <CodeChoices
          ctx={ctx}
          name="gcmObjectives"
          vocabulary="gcm-objectives"
          legend={t('practices.field.gcmObjectives')}
          values={values.gcmObjectives}
          errors={errors}
        />
        <CodeChoices
          ctx={ctx}
          name="thematicAreas"
          vocabulary="iom-areas"
          legend={t('practices.field.thematicAreas')}
          values={values.thematicAreas}
          errors={errors}
        />
        <button type="submit">{t('practiceWorkflow.calls.submit')}</button>
      </form>
    </Layout>
  );
}

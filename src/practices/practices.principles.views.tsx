import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Notice,
  PageHeading,
  Select,
  TextInput,
} from '../web/components.tsx';
import { LANGUAGES, type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { PRINCIPLE_STAGES, type PrincipleStage } from './practices.principles.ts';
import { DirectoryName } from './practices.workflow.views.tsx';
import { languageName } from './practices.pages.components.tsx';

// A network's smart-practice principles: the list for everyone, the forms for its secretariat.

const STAGE_KEYS: Record<PrincipleStage, string> = {
  design: 'practices.stage.design',
  implementation: 'practices.stage.implementation',
};

export interface PrincipleRow {
  code: string;
  stage: PrincipleStage;
  label: LocalizedText;
}

export interface PrincipleFormValues {
  code: string;
  stage: string;
  label: Partial<Record<string, string>>;
}

const NOTICE_KEYS = {
  saved: 'practiceWorkflow.principles.saved',
  deleted: 'practiceWorkflow.principles.deleted',
} as const;

export function PrinciplesPage(props: {
  ctx: PageContext;
  network: { slug: string; name: LocalizedText };
  principles: PrincipleRow[];
  canEdit: boolean;
  /** The code being edited (`?edit=P1`), whose values fill the form. */
  editing: string | null;
  values: PrincipleFormValues;
  errors?: FieldError[] | undefined;
  notice?: 'saved' | 'deleted' | undefined;
}) {
  const { ctx, network, principles, values, errors } = props;
  const t = ctx.t;
  const networkName = pickText(network.name, ctx.lang)?.text ?? network.slug;
  const title = t('practiceWorkflow.principles.title', { network: networkName });
  const action = `/${ctx.lang}/networks/${network.slug}/principles`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        {t('practiceWorkflow.principles.heading')}
        {' · '}
        <DirectoryName ctx={ctx} text={network.name} />
      </PageHeading>
      {props.notice ? <Notice>{t(NOTICE_KEYS[props.notice])}</Notice> : null}
      <p class="lead">{t('practiceWorkflow.principles.intro')}</p>
      {principles.length === 0 ? (
        <p>{t('practiceWorkflow.principles.none')}</p>
      ) : (
        PRINCIPLE_STAGES.map((stage) => {
          const rows = principles.filter((principle) => principle.stage === stage);
          if (rows.length === 0) return null;
          return (
            <DataTable
              caption={t(STAGE_KEYS[stage])}
              rows={rows}
              columns={[
                { header: t('practiceWorkflow.principles.code'), cell: (row) => <code>{row.code}</code> },
                {
                  header: t('practiceWorkflow.principles.label'),
                  cell: (row) => <DirectoryName ctx={ctx} text={row.label} />,
                },
                ...(props.canEdit
                  ? [
                      {
                        header: t('practiceWorkflow.actions.title'),
                        cell: (row: PrincipleRow) => (
                          <ul class="pager">
                            <li>
                              <a href={`${action}?edit=${encodeURIComponent(row.code)}#principle-form`}>
                                {t('practiceWorkflow.principles.edit', { code: row.code })}
                              </a>
                            </li>
                            <li>
                              <form method="post" action={action} class="inline-form">
                                <CsrfField ctx={ctx} />
                                <input type="hidden" name="action" value="delete" />
                                <input type="hidden" name="code" value={row.code} />
                                <button type="submit" class="button button--secondary">
                                  {t('practiceWorkflow.principles.delete', { code: row.code })}
                                </button>
                              </form>
                            </li>
                          </ul>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          );
        })
      )}
      {props.canEdit ? (
        <>
          <h2 id="principle-form">
            {props.editing
              ? t('practiceWorkflow.principles.editTitle', { code: props.editing })
              : t('practiceWorkflow.principles.addTitle')}
          </h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={action} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="action" value="save" />
            <TextInput
              ctx={ctx}
              name="code"
              label={t('practiceWorkflow.principles.code')}
              hint={t('practiceWorkflow.principles.codeHint')}
              value={values.code}
              errors={errors}
              required
              maxLength={20}
            />
            <Select
              ctx={ctx}
              name="stage"
              label={t('practiceWorkflow.principles.stage')}
              value={values.stage}
              options={PRINCIPLE_STAGES.map((stage) => ({ value: stage, label: t(STAGE_KEYS[stage]) }))}
              errors={errors}
              required
              empty={t('practiceWorkflow.reviewers.choose')}
            />
            {LANGUAGES.map((lang) => (
              <TextInput
                ctx={ctx}
                name={`label.${lang}`}
                label={t('practiceWorkflow.principles.labelIn', { language: languageName(ctx.t, lang) })}
                value={values.label[lang]}
                errors={errors}
                required
                maxLength={500}
              />
            ))}
            <button type="submit">{t('practiceWorkflow.principles.submit')}</button>
          </form>
        </>
      ) : null}
      <p>
        <a href={`/${ctx.lang}/networks/${network.slug}`}>{t('practiceWorkflow.principles.backToNetwork')}</a>
      </p>
    </Layout>
  );
}

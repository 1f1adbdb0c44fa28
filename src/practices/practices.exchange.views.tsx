import type { VNode } from 'preact';
import type { ImportProblem } from '../directory/exchange.ts';
import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  Select,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';

export interface ImportPageProps {
  ctx: PageContext;
  /** The size limit of a file, in MB. */
  limitMb: number;
  values?: { format: string; content: string };
  /** Problems with the form itself (no file, a wrong format). */
  errors?: FieldError[];
  /** The import's report: what is wrong, by row and field; nothing was imported. */
  report?: { errors: ImportProblem[]; more: number };
  imported?: number;
}

/** The secretariat's import of practices: a file (or its pasted content), then the report or the count. */
function ImportPage({ ctx, limitMb, values, errors, report, imported }: ImportPageProps) {
  const { t, lang } = ctx;
  const contentError = errorFor(errors, 'content');
  const fileError = errorFor(errors, 'file');
  return (
    <Layout ctx={ctx} title={t('practiceExchange.import.title')}>
      <PageHeading>{t('practiceExchange.import.title')}</PageHeading>
      {imported !== undefined ? (
        <Notice>
          <p>{t('practiceExchange.import.imported', { count: imported })}</p>
          <p>
            <a href={`/${lang}/practices`}>{t('practiceExchange.import.toSearch')}</a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {report ? (
        <section aria-labelledby="import-report">
          <h2 id="import-report">{t('practiceExchange.import.report.title')}</h2>
          <DataTable
            caption={t('practiceExchange.import.report.caption', {
              count: report.errors.length + report.more,
            })}
            columns={[
              {
                header: t('practiceExchange.import.report.row'),
                cell: (problem: ImportProblem) =>
                  problem.row > 0 ? String(problem.row) : t('practiceExchange.import.report.wholeFile'),
              },
              {
                header: t('practiceExchange.import.report.field'),
                cell: (problem) => <code>{problem.field}</code>,
              },
              { header: t('practiceExchange.import.report.problem'), cell: (problem) => problem.message },
            ]}
            rows={report.errors}
          />
          {report.more > 0 ? <p>{t('exchange.error.moreErrors', { count: report.more })}</p> : null}
        </section>
      ) : null}
      <p>{t('practiceExchange.import.intro')}</p>
      <ul>
        <li>{t('practiceExchange.import.rule.allOrNothing')}</li>
        <li>{t('practiceExchange.import.rule.status')}</li>
        <li>{t('practiceExchange.import.rule.networks')}</li>
        <li>
          {t('practiceExchange.import.rule.template')}{' '}
          <a href={`/${lang}/practices/export.csv`} type="text/csv">
            {t('practiceExchange.link.csv')}
          </a>
          {' · '}
          <a href={`/${lang}/practices/export.json`} type="application/json">
            {t('practiceExchange.link.json')}
          </a>
        </li>
      </ul>
      <form method="post" action={`/${lang}/practices/import`} enctype="multipart/form-data" class="form">
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="format"
          label={t('practiceExchange.import.format')}
          value={values?.format ?? ''}
          options={[
            { value: '', label: t('practiceExchange.import.format.auto') },
            { value: 'csv', label: t('practiceExchange.import.format.csv') },
            { value: 'json', label: t('practiceExchange.import.format.json') },
          ]}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="file"
          label={t('practiceExchange.import.file')}
          hint={t('practiceExchange.import.fileHint', { limit: limitMb })}
          error={fileError}
        >
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? 'field-file-hint field-file-error' : 'field-file-hint'}
          />
        </Field>
        <Field ctx={ctx} name="content" label={t('practiceExchange.import.content')} error={contentError}>
          <textarea
            id="field-content"
            name="content"
            rows={8}
            spellcheck={false}
            aria-invalid={contentError ? 'true' : undefined}
            aria-describedby={contentError ? 'field-content-error' : undefined}
          >
            {values?.content ?? ''}
          </textarea>
        </Field>
        <button type="submit">{t('practiceExchange.import.submit')}</button>
      </form>
    </Layout>
  );
}

export const importPage = (props: ImportPageProps): VNode => <ImportPage {...props} />;

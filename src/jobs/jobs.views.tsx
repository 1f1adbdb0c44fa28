import { CsrfField, DataTable, Notice, PageHeading } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { JOB_STATUSES, type JobCount, type JobSummary } from './jobs.admin.ts';
import type { JobStatus } from './jobs.tables.ts';

export type JobsNotice = 'retried' | 'discarded';

const statusLabel = (ctx: PageContext, status: JobStatus) => ctx.t('jobs.status', { status });

/** Counts by kind (rows) and status (columns). */
function CountsTable({ ctx, counts }: { ctx: PageContext; counts: JobCount[] }) {
  const kinds = [...new Set(counts.map((count) => count.kind))].sort();
  const countOf = (kind: string, status: JobStatus) =>
    counts.find((count) => count.kind === kind && count.status === status)?.count ?? 0;
  return (
    <DataTable
      caption={ctx.t('jobs.counts.caption')}
      rows={kinds}
      columns={[
        { header: ctx.t('jobs.kind'), cell: (kind) => <code>{kind}</code> },
        ...JOB_STATUSES.map((status) => ({
          header: statusLabel(ctx, status),
          cell: (kind: string) => countOf(kind, status),
        })),
      ]}
    />
  );
}

/** `/{lang}/admin/jobs`: the queue's state, and the failed jobs to retry or discard. */
export function JobsPage({
  ctx,
  status,
  counts,
  jobs,
  notice,
}: {
  ctx: PageContext;
  status: JobStatus;
  counts: JobCount[];
  jobs: JobSummary[];
  notice: JobsNotice | undefined;
}) {
  const t = ctx.t;
  const when = new Intl.DateTimeFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  const time = (date: Date | null) =>
    date ? <time dateTime={new Date(date).toISOString()}>{when.format(new Date(date))} UTC</time> : '—';
  const total = (of: JobStatus) =>
    counts.filter((count) => count.status === of).reduce((sum, count) => sum + count.count, 0);
  return (
    <Layout ctx={ctx} title={t('jobs.title')}>
      <PageHeading>{t('jobs.title')}</PageHeading>
      {notice ? <Notice>{t('jobs.notice', { notice })}</Notice> : null}
      <p class="lead">{t('jobs.intro')}</p>
      {counts.length === 0 ? <p>{t('jobs.counts.empty')}</p> : <CountsTable ctx={ctx} counts={counts} />}
      <nav aria-label={t('jobs.statuses')}>
        <ul>
          {JOB_STATUSES.map((each) => (
            <li>
              <a
                href={`/${ctx.lang}/admin/jobs?status=${each}`}
                aria-current={each === status ? 'page' : undefined}
              >
                {t('jobs.statusLink', { status: each, count: total(each) })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('jobs.list.heading', { status })}</h2>
      {jobs.length === 0 ? (
        <p>{t('jobs.list.empty', { status })}</p>
      ) : (
        <DataTable
          caption={t('jobs.list.caption', { status })}
          rows={jobs}
          columns={[
            {
              header: t('jobs.kind'),
              cell: (job) => (
                <>
                  <code>{job.kind}</code>
                  {job.subject !== null ? <div>{t('jobs.subject', { subject: job.subject })}</div> : null}
                </>
              ),
            },
            { header: t('jobs.attempts'), cell: (job) => `${job.attempts} / ${job.maxAttempts}` },
            {
              header: t('jobs.lastError'),
              cell: (job) => (job.lastError ? <code>{job.lastError}</code> : '—'),
            },
            { header: t('jobs.created'), cell: (job) => time(job.createdAt) },
            {
              header: status === 'pending' ? t('jobs.runAt') : t('jobs.updated'),
              cell: (job) => time(status === 'pending' ? job.runAt : job.updatedAt),
            },
            ...(status === 'failed'
              ? [
                  {
                    header: t('jobs.actions'),
                    cell: (job: JobSummary) => (
                      <>
                        <form
                          method="post"
                          action={`/${ctx.lang}/admin/jobs/${job.id}/retry`}
                          class="inline-form"
                        >
                          <CsrfField ctx={ctx} />
                          <button
                            type="submit"
                            aria-label={t('jobs.retryNamed', { kind: job.kind, id: job.id })}
                          >
                            {t('jobs.retry')}
                          </button>
                        </form>{' '}
                        <form
                          method="post"
                          action={`/${ctx.lang}/admin/jobs/${job.id}/discard`}
                          class="inline-form"
                        >
                          <CsrfField ctx={ctx} />
                          <button
                            type="submit"
                            class="button--secondary"
                            aria-label={t('jobs.discardNamed', { kind: job.kind, id: job.id })}
                          >
                            {t('jobs.discard')}
                          </button>
                        </form>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Layout>
  );
}

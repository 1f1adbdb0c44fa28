import { DataTable, PageHeading } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Record<string, unknown>;
  actor_name: string | null;
}

/** The audit log, newest first: who changed what and when; details name fields, not values. */
export function AuditPage({
  ctx,
  rows,
  page,
  hasMore,
}: {
  ctx: PageContext;
  rows: AuditRow[];
  page: number;
  hasMore: boolean;
}) {
  const t = ctx.t;
  const when = new Intl.DateTimeFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p class="lead">{t('audit.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <DataTable
          caption={t('audit.caption')}
          rows={rows}
          columns={[
            {
              header: t('audit.at'),
              cell: (row) => (
                <time dateTime={new Date(row.at).toISOString()}>{when.format(new Date(row.at))} UTC</time>
              ),
            },
            { header: t('audit.actor'), cell: (row) => row.actor_name ?? t('audit.system') },
            { header: t('audit.action'), cell: (row) => <code>{row.action}</code> },
            {
              header: t('audit.subject'),
              cell: (row) => <code>{`${row.subject_type} ${row.subject_id}`}</code>,
            },
            { header: t('audit.details'), cell: (row) => <code>{JSON.stringify(row.details)}</code> },
          ]}
        />
      )}
      <nav aria-label={t('audit.pages')}>
        <p>
          {page > 1 ? <a href={`/${ctx.lang}/admin/audit?page=${page - 1}`}>{t('audit.newer')}</a> : null}{' '}
          {hasMore ? <a href={`/${ctx.lang}/admin/audit?page=${page + 1}`}>{t('audit.older')}</a> : null}
        </p>
      </nav>
    </Layout>
  );
}

import { CsrfField, DataTable, PageHeading } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  type OwnPractice,
  type QueueItem,
  type WorkOverview,
  REVIEWERS_NEEDED,
  readyToPublish,
} from './practices.work.ts';
import {
  ContentText,
  Paragraphs,
  WorkflowNoticeBanner,
  workStateLabel,
} from './practices.workflow.views.tsx';

// The work page: what is waiting for the signed-in user in the practices workflow.

export function DateText({ ctx, date }: { ctx: PageContext; date: Date | string | null }) {
  if (date === null) return <>—</>;
  const value = new Date(date);
  return (
    <time datetime={value.toISOString()}>
      {new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(value)}
    </time>
  );
}

function PracticeLink({
  ctx,
  item,
  working,
}: {
  ctx: PageContext;
  item: { id: string; title: Record<string, string>; originalLanguage: string };
  working?: boolean;
}) {
  return (
    <a href={`/${ctx.lang}/practices/${item.id}${working ? '?version=working' : ''}`}>
      <ContentText ctx={ctx} text={item.title} original={item.originalLanguage} />
    </a>
  );
}

function SubmitButton({ ctx, item }: { ctx: PageContext; item: { id: string; version: number } }) {
  return (
    <form method="post" action={`/${ctx.lang}/practices/${item.id}/submit`} class="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(item.version)} />
      <button type="submit" class="button button--secondary">
        {ctx.t('practiceWorkflow.action.submit')}
      </button>
    </form>
  );
}

function OwnActions({ ctx, item }: { ctx: PageContext; item: OwnPractice }) {
  const t = ctx.t;
  const base = `/${ctx.lang}/practices/${item.id}`;
  const underReview = item.workingState === 'submitted' || item.workingState === 'in-review';
  const closed = item.state === 'withdrawn' || item.state === 'archived';
  return (
    <ul class="pager">
      {item.workingState === 'draft' ? (
        <li>
          <SubmitButton ctx={ctx} item={item} />
        </li>
      ) : null}
      {!underReview && !closed ? (
        <li>
          <a href={`${base}/edit`}>{t('practiceWorkflow.action.edit')}</a>
        </li>
      ) : null}
      {item.workingState === 'returned' ? (
        <li>
          <a href={`${base}/reviews`}>{t('practiceWorkflow.action.reviews')}</a>
        </li>
      ) : null}
    </ul>
  );
}

function QueueState({ ctx, item }: { ctx: PageContext; item: QueueItem }) {
  const t = ctx.t;
  if (item.state === 'submitted' || item.assigned === 0)
    return <>{t('practiceWorkflow.queue.waitingForReviewers')}</>;
  if (readyToPublish(item)) return <>{t('practiceWorkflow.queue.ready')}</>;
  return (
    <>
      {t('practiceWorkflow.queue.inReview', {
        reviewed: item.reviewed,
        needed: Math.max(item.assigned, REVIEWERS_NEEDED),
      })}
    </>
  );
}

function QueueActions({ ctx, item }: { ctx: PageContext; item: QueueItem }) {
  const t = ctx.t;
  const base = `/${ctx.lang}/practices/${item.id}`;
  return (
    <ul class="pager">
      <li>
        <a href={`${base}/reviewers`}>{t('practiceWorkflow.action.assignReviewers')}</a>
      </li>
      {readyToPublish(item) ? (
        <li>
          <form method="post" action={`${base}/publish`} class="inline-form">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(item.version)} />
            <button type="submit">{t('practiceWorkflow.action.publish')}</button>
          </form>
        </li>
      ) : null}
      {item.assigned > 0 ? (
        <li>
          <a href={`${base}/reviews`}>{t('practiceWorkflow.action.reviews')}</a>
        </li>
      ) : null}
      <li>
        <a href={`${base}/return`}>{t('practiceWorkflow.action.return')}</a>
      </li>
    </ul>
  );
}

export function WorkPage(props: { ctx: PageContext; overview: WorkOverview; notice?: string | undefined }) {
  const { ctx, overview } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.work.title');
  const toDo = overview.assigned.filter((item) => item.reviewedAt === null);
  const done = overview.assigned.filter((item) => item.reviewedAt !== null);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <WorkflowNoticeBanner ctx={ctx} notice={props.notice} />
      <ul class="pager">
        <li>
          <a class="button" href={`/${ctx.lang}/practices/new`}>
            {t('practiceWorkflow.work.new')}
          </a>
        </li>
        <li>
          <a href={`/${ctx.lang}/practice-calls`}>{t('practiceWorkflow.calls.link')}</a>
        </li>
        <li>
          <a href={`/${ctx.lang}/practices`}>{t('practiceWorkflow.work.search')}</a>
        </li>
        {ctx.principal?.isAdmin ? (
          <li>
            <a href={`/${ctx.lang}/admin/translators`}>{t('practiceWorkflow.translators.title')}</a>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="own-practices">
        <h2 id="own-practices">{t('practiceWorkflow.work.own')}</h2>
        {overview.own === null ? (
          <p>{t('practiceWorkflow.work.noOrganisation')}</p>
        ) : overview.own.length === 0 ? (
          <p>{t('practiceWorkflow.work.noPractice')}</p>
        ) : (
          <DataTable
            caption={t('practiceWorkflow.work.ownCaption', { count: overview.own.length })}
            rows={overview.own}
            columns={[
              {
                header: t('practiceWorkflow.work.practice'),
                cell: (item) => (
                  <>
                    <PracticeLink ctx={ctx} item={item} working={item.workingState !== null} />
                    <p class="meta">
                      <strong>{workStateLabel(ctx, item.state)}</strong> ·{' '}
                      {t('practiceWorkflow.work.updated')} <DateText ctx={ctx} date={item.updatedAt} />
                    </p>
                    {item.returnComment ? (
                      <div class="notice notice--info">
                        <p>
                          <strong>{t('practiceWorkflow.reviews.returnComment')}</strong>
                        </p>
                        <Paragraphs text={item.returnComment} />
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('practiceWorkflow.actions.title'),
                cell: (item) => <OwnActions ctx={ctx} item={item} />,
              },
            ]}
          />
        )}
      </section>

      {overview.queue !== null ? (
        <section aria-labelledby="review-queue">
          <h2 id="review-queue">{t('practiceWorkflow.queue.title')}</h2>
          {overview.queue.length === 0 ? (
            <p>{t('practiceWorkflow.queue.empty')}</p>
          ) : (
            <DataTable
              caption={t('practiceWorkflow.queue.caption', { count: overview.queue.length })}
              rows={overview.queue}
              columns={[
                {
                  header: t('practiceWorkflow.work.practice'),
                  cell: (item) => (
                    <>
                      <PracticeLink ctx={ctx} item={item} working />
                      <p class="meta">
                        {item.networkSlug}
                        {item.submittedAt ? (
                          <>
                            {' · '}
                            {t('practiceWorkflow.queue.submitted')}{' '}
                            <DateText ctx={ctx} date={item.submittedAt} />
                          </>
                        ) : null}
                      </p>
                    </>
                  ),
                },
                {
                  header: t('practiceWorkflow.status'),
                  cell: (item) => <QueueState ctx={ctx} item={item} />,
                },
                {
                  header: t('practiceWorkflow.actions.title'),
                  cell: (item) => <QueueActions ctx={ctx} item={item} />,
                },
              ]}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="my-reviews">
        <h2 id="my-reviews">{t('practiceWorkflow.assigned.title')}</h2>
        {overview.assigned.length === 0 ? (
          <p>{t('practiceWorkflow.assigned.none')}</p>
        ) : (
          <>
            {toDo.length > 0 ? (
              <DataTable
                caption={t('practiceWorkflow.assigned.toDo', { count: toDo.length })}
                rows={toDo}
                columns={[
                  {
                    header: t('practices.field.title'),
                    cell: (item) => <PracticeLink ctx={ctx} item={item} working />,
                  },
                  {
                    header: t('practiceWorkflow.actions.title'),
                    cell: (item) => (
                      <a href={`/${ctx.lang}/practices/${item.id}/review`}>
                        {t('practiceWorkflow.action.review')}
                      </a>
                    ),
                  },
                ]}
              />
            ) : null}
            {done.length > 0 ? (
              <DataTable
                caption={t('practiceWorkflow.assigned.done', { count: done.length })}
                rows={done}
                columns={[
                  {
                    header: t('practices.field.title'),
                    cell: (item) => <PracticeLink ctx={ctx} item={item} working />,
                  },
                  {
                    header: t('practiceWorkflow.assigned.reviewedOn'),
                    cell: (item) => <DateText ctx={ctx} date={item.reviewedAt} />,
                  },
                  {
                    header: t('practiceWorkflow.actions.title'),
                    cell: (item) => (
                      <a href={`/${ctx.lang}/practices/${item.id}/review`}>
                        {t('practiceWorkflow.review.yours')}
                      </a>
                    ),
                  },
                ]}
              />
            ) : null}
          </>
        )}
      </section>
    </Layout>
  );
}

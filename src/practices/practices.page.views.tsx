import { CsrfField, DataTable, Notice, PageHeading } from '../web/components.tsx';
import { WorkflowNoticeBanner } from './practices.workflow.views.tsx';
import { Layout } from '../web/layout.tsx';
import type { Children, PageContext } from '../web/render.tsx';
import { practiceDetails } from './practices.page.details.tsx';
import {
  AvailableIn,
  InlineText,
  LocalizedName,
  LongText,
  NotCommunicated,
  capitalized,
  fieldLabel,
  formatDate,
  languageName,
  stageLabel,
  statusLabel,
  translationLabel,
} from './practices.pages.components.tsx';
import type { visibleEvents } from './practices.pages.queries.ts';
import { type PracticeView, textIn } from './practices.queries.ts';
import { TEXT_FIELDS } from './practices.schemas.ts';

export type PracticeEvent = Awaited<ReturnType<typeof visibleEvents>>[number];

const EVENT_LABELS: Record<string, string> = {
  created: 'practicePages.event.created',
  'revision-started': 'practicePages.event.revision-started',
  submitted: 'practicePages.event.submitted',
  'reviewers-assigned': 'practicePages.event.reviewers-assigned',
  reviewed: 'practicePages.event.reviewed',
  returned: 'practicePages.event.returned',
  published: 'practicePages.event.published',
  translated: 'practicePages.event.translated',
  withdrawn: 'practicePages.event.withdrawn',
  archived: 'practicePages.event.archived',
};

/** A workflow step that is a plain POST with the version read (the workflow pages answer it). */
function StepForm({
  ctx,
  action,
  version,
  label,
}: {
  ctx: PageContext;
  action: string;
  version: number;
  label: string;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit">{label}</button>
    </form>
  );
}

export function PracticePage(props: {
  ctx: PageContext;
  view: PracticeView;
  events: PracticeEvent[];
  jsonLd: string | null;
  /** Whether the caller may be offered the translation pages (those who manage it, and members). */
  canTranslate: boolean;
  seesInternals: boolean;
  /** What the caller just did (`?notice=published`), said once above the practice. */
  notice?: string | undefined;
}) {
  const { ctx, view } = props;
  const t = ctx.t;
  const content = view.shown.content;
  const base = `/${ctx.lang}/practices/${view.id}`;
  const title = textIn(content.title, ctx.lang, content.originalLanguage);
  const summary = textIn(content.summary, ctx.lang, content.originalLanguage);
  const showingWorking = view.shown.id !== view.published?.id;
  const working = view.working;
  const underReview = working !== null && (working.state === 'submitted' || working.state === 'in-review');
  const editable = view.status !== 'withdrawn' && view.status !== 'archived' && !underReview;
  const textSections = TEXT_FIELDS.filter((field) => field !== 'title' && field !== 'summary');
  const byStage = (['design', 'implementation'] as const)
    .map((stage) => ({ stage, principles: view.principles.filter((p) => p.stage === stage) }))
    .filter((group) => group.principles.length > 0);
  const details = practiceDetails(ctx, view, base);
  const actions: Children[] = [];
  if (view.canManage && editable)
    actions.push(
      <a class="button button--secondary" href={`${base}/edit`}>
        {t('practicePages.action.edit')}
      </a>,
    );
  if (view.canManage && working?.state === 'draft')
    actions.push(
      <StepForm
        ctx={ctx}
        action={`${base}/submit`}
        version={view.version}
        label={t('practicePages.action.submit')}
      />,
    );
  if (view.isSecretariat && underReview) {
    actions.push(
      <a class="button button--secondary" href={`${base}/reviewers`}>
        {t('practicePages.action.reviewers')}
      </a>,
      <a class="button button--secondary" href={`${base}/return`}>
        {t('practicePages.action.return')}
      </a>,
    );
  }
  if (view.isSecretariat && working?.state === 'in-review')
    actions.push(
      <StepForm
        ctx={ctx}
        action={`${base}/publish`}
        version={view.version}
        label={t('practicePages.action.publish')}
      />,
    );
  if (view.canReview && working?.state === 'in-review')
    actions.push(
      <a class="button" href={`${base}/review`}>
        {t('practicePages.action.review')}
      </a>,
    );
  if (view.isSecretariat && view.status === 'published')
    actions.push(
      <StepForm
        ctx={ctx}
        action={`${base}/archive`}
        version={view.version}
        label={t('practicePages.action.archive')}
      />,
    );
  if (view.canManage && view.status !== 'withdrawn')
    actions.push(
      <a class="button button--secondary" href={`${base}/withdraw`}>
        {t('practicePages.action.withdraw')}
      </a>,
    );
  return (
    <Layout ctx={ctx} title={title?.text ?? t('practicePages.untitled')} description={summary?.text}>
      {props.jsonLd ? (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
      ) : null}
      <article class="practice" aria-labelledby="practice-title">
        <PageHeading>
          <span id="practice-title">
            <InlineText ctx={ctx} text={content.title} original={content.originalLanguage} />
          </span>
        </PageHeading>
        <WorkflowNoticeBanner ctx={ctx} notice={props.notice} />
        {title && title.lang !== ctx.lang ? (
          <p class="meta">
            <AvailableIn ctx={ctx} lang={title.lang} />
          </p>
        ) : null}
        {view.status === 'archived' ? (
          <Notice kind="info">{t('practicePages.banner.archived')}</Notice>
        ) : null}
        {view.status === 'withdrawn' ? (
          <Notice kind="info">{t('practicePages.banner.withdrawn')}</Notice>
        ) : null}
        {showingWorking ? (
          <div class="notice notice--info draft-marker" role="status">
            <p>
              {t('practicePages.banner.working', {
                number: view.shown.number,
                state: statusLabel(t, view.shown.state),
              })}
            </p>
            {view.published ? (
              <p>
                <a href={base}>{t('practicePages.banner.seePublished', { number: view.published.number })}</a>
              </p>
            ) : null}
          </div>
        ) : working && props.seesInternals ? (
          <div class="notice notice--info" role="status">
            <p>
              {underReview
                ? t('practicePages.banner.revisionInReview', { number: working.number })
                : t('practicePages.banner.revisionUnderway', {
                    number: working.number,
                    state: statusLabel(t, working.state),
                  })}
            </p>
            <p>
              <a href={`${base}?version=working`}>
                {t('practicePages.banner.seeWorking', { number: working.number })}
              </a>
            </p>
          </div>
        ) : null}
        {summary ? (
          <div class="practice-summary">
            <LongText ctx={ctx} text={content.summary} original={content.originalLanguage} />
          </div>
        ) : content.notCommunicated.includes('summary') ? (
          <p>
            {fieldLabel(t, 'summary')}: <NotCommunicated ctx={ctx} />
          </p>
        ) : null}
        <dl class="summary-list">
          <dt>{t('practicePages.facet.network')}</dt>
          <dd>
            <a href={`/${ctx.lang}/networks/${view.network.slug}`}>
              <LocalizedName ctx={ctx} text={view.network.name} />
            </a>
          </dd>
          {view.organisation ? (
            <>
              <dt>{t('practicePages.submittedBy')}</dt>
              <dd>
                <a href={`/${ctx.lang}/organisations/${view.organisation.id}`}>
                  <LocalizedName ctx={ctx} text={view.organisation.name} />
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t('practicePages.status')}</dt>
          <dd>{statusLabel(t, view.status)}</dd>
          <dt>{t('practicePages.versionShown')}</dt>
          <dd>
            {t('practicePages.versionNumber', { number: view.shown.number })}
            {view.shown.publishedAt ? ` · ${formatDate(ctx.lang, view.shown.publishedAt)}` : null} ·{' '}
            <a href={`${base}/history`}>{t('practicePages.history.link')}</a>
          </dd>
          {view.firstPublishedAt ? (
            <>
              <dt>{t('practicePages.firstPublished')}</dt>
              <dd>{formatDate(ctx.lang, view.firstPublishedAt)}</dd>
            </>
          ) : null}
          <dt>{fieldLabel(t, 'originalLanguage')}</dt>
          <dd>{capitalized(languageName(t, content.originalLanguage))}</dd>
          <dt>{t('practicePages.completenessLabel')}</dt>
          <dd>{t('practicePages.percent', { percent: view.shown.completeness })}</dd>
          {view.call ? (
            <>
              <dt>{t('practicePages.call')}</dt>
              <dd>
                <a href={`/${ctx.lang}/practice-calls`}>
                  <LocalizedName ctx={ctx} text={view.call.title} />
                </a>
              </dd>
            </>
          ) : null}
        </dl>

        {textSections.map((field) => {
          const filled = Object.keys(content[field]).length > 0;
          if (!filled && !content.notCommunicated.includes(field)) return null;
          return (
            <section aria-labelledby={`section-${field}`}>
              <h2 id={`section-${field}`}>{fieldLabel(t, field)}</h2>
              {filled ? (
                <LongText ctx={ctx} text={content[field]} original={content.originalLanguage} />
              ) : (
                <p>
                  <NotCommunicated ctx={ctx} />
                </p>
              )}
            </section>
          );
        })}

        {details.length > 0 ? (
          <section aria-labelledby="section-details">
            <h2 id="section-details">{t('practicePages.details')}</h2>
            <dl class="summary-list">
              {details.map((detail) => (
                <>
                  <dt>{fieldLabel(t, detail.field)}</dt>
                  <dd>{detail.filled ? detail.render() : <NotCommunicated ctx={ctx} />}</dd>
                </>
              ))}
            </dl>
          </section>
        ) : null}

        {byStage.length > 0 ? (
          <section aria-labelledby="section-principles">
            <h2 id="section-principles">{fieldLabel(t, 'smartPrinciples')}</h2>
            {byStage.map((group) => (
              <>
                <h3>{stageLabel(t, group.stage)}</h3>
                <ul class="plain-list">
                  {group.principles.map((principle) => (
                    <li>
                      <strong>{principle.code}</strong> — <LocalizedName ctx={ctx} text={principle.label} />
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </section>
        ) : null}

        {view.attachments.length > 0 ? (
          <section aria-labelledby="section-attachments">
            <h2 id="section-attachments">{fieldLabel(t, 'attachments')}</h2>
            <ul class="plain-list">
              {view.attachments.map((attachment) => (
                <li>
                  <a href={`${base}/attachments/${attachment.id}`} download={attachment.fileName}>
                    {attachment.fileName}
                  </a>{' '}
                  <span class="meta">
                    (
                    {t('practicePages.attachment.size', {
                      kilobytes: Math.max(1, Math.round(attachment.sizeBytes / 1024)),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="section-languages">
          <h2 id="section-languages">{t('practicePages.translation.title')}</h2>
          <ul class="plain-list">
            {Object.entries(view.translation).map(([lang, status]) => (
              <li>
                {t('practicePages.translation.status', {
                  language: capitalized(languageName(t, lang)),
                  status: translationLabel(t, status),
                })}
                {props.canTranslate && status !== 'original' && view.status === 'published' ? (
                  <>
                    {' — '}
                    <a href={`${base}/translate/${lang}`}>
                      {t('practicePages.translation.translate', { language: languageName(t, lang) })}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        {actions.length > 0 ? (
          <section aria-labelledby="section-actions" class="practice-actions">
            <h2 id="section-actions">{t('practicePages.action.title')}</h2>
            <ul class="action-list">
              {actions.map((action) => (
                <li>{action}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="section-history">
          <h2 id="section-history">{t('practicePages.events.title')}</h2>
          {props.events.length > 0 ? (
            <DataTable
              caption={t('practicePages.events.caption')}
              rows={props.events}
              columns={[
                { header: t('practicePages.events.date'), cell: (event) => formatDate(ctx.lang, event.at) },
                {
                  header: t('practicePages.events.event'),
                  cell: (event) => (EVENT_LABELS[event.kind] ? t(EVENT_LABELS[event.kind]!) : event.kind),
                },
                {
                  header: t('practicePages.events.version'),
                  cell: (event) => (event.versionNumber !== null ? String(event.versionNumber) : '—'),
                },
                ...(props.seesInternals
                  ? [
                      {
                        header: t('practicePages.events.by'),
                        cell: (event: PracticeEvent) => event.actorName ?? '—',
                      },
                      {
                        header: t('practicePages.events.comment'),
                        cell: (event: PracticeEvent) =>
                          event.kind === 'translated' && event.comment
                            ? languageName(t, event.comment)
                            : (event.comment ?? ''),
                      },
                    ]
                  : []),
              ]}
            />
          ) : (
            <p>{t('practicePages.events.none')}</p>
          )}
          <p>
            <a href={`${base}/history`}>{t('practicePages.history.link')}</a>
          </p>
        </section>
      </article>
    </Layout>
  );
}

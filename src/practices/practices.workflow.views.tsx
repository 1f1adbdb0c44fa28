import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Field, Notice, PageHeading, errorFor } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { Children, PageContext } from '../web/render.tsx';
import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { languageName } from './practices.pages.components.tsx';
import type { PracticeStatus, VersionState } from './practices.tables.ts';
import type { PracticeHeader, WorkState, WorkflowFacts } from './practices.work.ts';

// The pieces of the review workflow every page shares (a practice's title, its state, the actions
// its viewer may take, the notice after an action) and the pages of the transitions themselves:
// a refused transition, a conflict, and the comment forms of "return" and "withdraw".

/** A practice's text in the page language, else its original language, marked with `lang`. */
export function ContentText({
  ctx,
  text,
  original,
}: {
  ctx: PageContext;
  text: Record<string, string>;
  original: string;
}) {
  const value = text[ctx.lang] ? ctx.lang : text[original] ? original : Object.keys(text)[0];
  if (!value) return <>{ctx.t('practices.notCommunicated')}</>;
  if (value === ctx.lang) return <>{text[value]}</>;
  return <span lang={value}>{text[value]}</span>;
}

/** Paragraphs of a plain text (blank lines separate them), in its language. */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph) => (
          <p lang={lang}>{paragraph}</p>
        ))}
    </>
  );
}

/** A directory text (network or organisation name) in the page language, or another one, marked. */
export function DirectoryName({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

const STATUS_KEYS: Record<PracticeStatus | VersionState, string> = {
  draft: 'practices.status.draft',
  submitted: 'practices.status.submitted',
  'in-review': 'practices.status.in-review',
  returned: 'practices.status.returned',
  published: 'practices.status.published',
  superseded: 'practices.status.superseded',
  withdrawn: 'practices.status.withdrawn',
  archived: 'practices.status.archived',
};

export const statusLabel = (ctx: PageContext, status: PracticeStatus | VersionState) =>
  ctx.t(STATUS_KEYS[status]);

const WORK_STATE_KEYS: Record<WorkState, string> = {
  draft: 'practices.status.draft',
  submitted: 'practices.status.submitted',
  'in-review': 'practices.status.in-review',
  returned: 'practiceWorkflow.state.returned',
  published: 'practices.status.published',
  'revision-draft': 'practiceWorkflow.state.revisionDraft',
  'revision-submitted': 'practiceWorkflow.state.revisionSubmitted',
  'revision-in-review': 'practiceWorkflow.state.revisionInReview',
  'revision-returned': 'practiceWorkflow.state.revisionReturned',
  withdrawn: 'practices.status.withdrawn',
  archived: 'practices.status.archived',
};

export const workStateLabel = (ctx: PageContext, state: WorkState) => ctx.t(WORK_STATE_KEYS[state]);

// ---- Notices after an action, for the practice page ------------------------------------------

export const WORKFLOW_NOTICES = [
  'submitted',
  'returned',
  'published',
  'withdrawn',
  'archived',
  'reviewersAssigned',
  'translated',
] as const;
export type WorkflowNotice = (typeof WORKFLOW_NOTICES)[number];

const NOTICE_KEYS: Record<WorkflowNotice, string> = {
  submitted: 'practiceWorkflow.notice.submitted',
  returned: 'practiceWorkflow.notice.returned',
  published: 'practiceWorkflow.notice.published',
  withdrawn: 'practiceWorkflow.notice.withdrawn',
  archived: 'practiceWorkflow.notice.archived',
  reviewersAssigned: 'practiceWorkflow.notice.reviewersAssigned',
  translated: 'practiceWorkflow.notice.translated',
};

/** The notice that follows a workflow action (`?notice=submitted` on the practice page). */
export function WorkflowNoticeBanner({ ctx, notice }: { ctx: PageContext; notice: string | undefined }) {
  if (!notice || !(notice in NOTICE_KEYS)) return null;
  return <Notice>{ctx.t(NOTICE_KEYS[notice as WorkflowNotice])}</Notice>;
}

// ---- The actions a viewer may take on a practice -----------------------------------------------

function PostButton(props: {
  ctx: PageContext;
  action: string;
  version: number;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="version" value={String(props.version)} />
      <button type="submit" class={props.secondary ? 'button button--secondary' : 'button'}>
        {props.label}
      </button>
    </form>
  );
}

/** The workflow actions open to the viewer, as buttons (forms) and links; nothing when there are none. */
export function WorkflowActions({ ctx, facts }: { ctx: PageContext; facts: WorkflowFacts }) {
  const t = ctx.t;
  const base = `/${ctx.lang}/practices/${facts.id}`;
  const working = facts.working?.state ?? null;
  const underReview = working === 'submitted' || working === 'in-review';
  const items: Children[] = [];
  if (facts.canManage && working === 'draft')
    items.push(
      <PostButton
        ctx={ctx}
        action={`${base}/submit`}
        version={facts.version}
        label={t('practiceWorkflow.action.submit')}
      />,
    );
  if (facts.canManage && !underReview && facts.status !== 'withdrawn' && facts.status !== 'archived')
    items.push(<a href={`${base}/edit`}>{t('practiceWorkflow.action.edit')}</a>);
  if (facts.isSecretariat && underReview)
    items.push(<a href={`${base}/reviewers`}>{t('practiceWorkflow.action.assignReviewers')}</a>);
  if (
    facts.isSecretariat &&
    working === 'in-review' &&
    facts.reviews.assigned > 0 &&
    facts.reviews.reviewed === facts.reviews.assigned
  )
    items.push(
      <PostButton
        ctx={ctx}
        action={`${base}/publish`}
        version={facts.version}
        label={t('practiceWorkflow.action.publish')}
      />,
    );
  if (facts.isSecretariat && underReview)
    items.push(<a href={`${base}/return`}>{t('practiceWorkflow.action.return')}</a>);
  if (facts.canReview) items.push(<a href={`${base}/review`}>{t('practiceWorkflow.action.review')}</a>);
  if (facts.canManage && facts.reviews.assigned > 0)
    items.push(<a href={`${base}/reviews`}>{t('practiceWorkflow.action.reviews')}</a>);
  if (facts.status === 'published') {
    for (const lang of CONTENT_LANGUAGES) {
      if (lang === facts.originalLanguage) continue;
      if (!facts.canManage && !facts.translatorLanguages.includes(lang)) continue;
      items.push(
        <a href={`${base}/translate/${lang}`}>
          {t('practiceWorkflow.action.translate', { language: languageName(ctx.t, lang) })}
        </a>,
      );
    }
  }
  if (facts.isSecretariat && facts.status === 'published')
    items.push(
      <PostButton
        ctx={ctx}
        action={`${base}/archive`}
        version={facts.version}
        label={t('practiceWorkflow.action.archive')}
        secondary
      />,
    );
  if (facts.canManage && facts.status !== 'withdrawn')
    items.push(<a href={`${base}/withdraw`}>{t('practiceWorkflow.action.withdraw')}</a>);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="workflow-actions-title" class="workflow-actions">
      <h2 id="workflow-actions-title">{t('practiceWorkflow.actions.title')}</h2>
      <ul class="pager">
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </section>
  );
}

// ---- The pages of a transition ---------------------------------------------------------------

/** The practice a workflow page is about: its title as the heading, its state, a link to it. */
function PracticeState({ ctx, practice }: { ctx: PageContext; practice: PracticeHeader }) {
  const t = ctx.t;
  return (
    <dl class="summary-list">
      <dt>{t('practiceWorkflow.status')}</dt>
      <dd>{statusLabel(ctx, practice.status)}</dd>
      {practice.working ? (
        <>
          <dt>{t('practiceWorkflow.workingVersion')}</dt>
          <dd>
            {t('practiceWorkflow.versionState', {
              number: practice.working.number,
              state: statusLabel(ctx, practice.working.state),
            })}
          </dd>
        </>
      ) : null}
      {practice.published ? (
        <>
          <dt>{t('practiceWorkflow.publishedVersion')}</dt>
          <dd>{t('practiceWorkflow.versionNumber', { number: practice.published.number })}</dd>
        </>
      ) : null}
    </dl>
  );
}

function BackToPractice({ ctx, practice }: { ctx: PageContext; practice: PracticeHeader }) {
  return (
    <p>
      <a href={`/${ctx.lang}/practices/${practice.id}`}>{ctx.t('practiceWorkflow.backToPractice')}</a>
      {' · '}
      <a href={`/${ctx.lang}/practices/work`}>{ctx.t('practiceWorkflow.work.link')}</a>
    </p>
  );
}

/** Errors that belong to no field: said at the top, without links to fields that do not exist. */
function Refusal({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="refusal-title" tabindex={-1}>
      <h2 id="refusal-title">{ctx.t('practiceWorkflow.refused.title')}</h2>
      {errors.map((error) => (
        <p>{error.message}</p>
      ))}
    </div>
  );
}

/** A transition the practice's state does not allow (400): the practice again, with why. */
export function TransitionRefusedPage(props: {
  ctx: PageContext;
  practice: PracticeHeader;
  facts: WorkflowFacts;
  errors: FieldError[];
}) {
  const { ctx, practice } = props;
  const title = ctx.t('practiceWorkflow.refused.pageTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        <ContentText ctx={ctx} text={practice.title} original={practice.originalLanguage} />
      </PageHeading>
      <Refusal ctx={ctx} errors={props.errors} />
      <PracticeState ctx={ctx} practice={practice} />
      <WorkflowActions ctx={ctx} facts={props.facts} />
      <BackToPractice ctx={ctx} practice={practice} />
    </Layout>
  );
}

/** Someone acted on the practice since the page was loaded (409): nothing was done; the state now. */
export function ConflictPage(props: { ctx: PageContext; practice: PracticeHeader; facts: WorkflowFacts }) {
  const { ctx, practice } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('practiceWorkflow.conflict.title')}>
      <PageHeading>{t('practiceWorkflow.conflict.title')}</PageHeading>
      <div class="conflict" role="alert">
        <p>{t('practiceWorkflow.conflict.body')}</p>
      </div>
      <h2>
        <ContentText ctx={ctx} text={practice.title} original={practice.originalLanguage} />
      </h2>
      <PracticeState ctx={ctx} practice={practice} />
      <WorkflowActions ctx={ctx} facts={props.facts} />
      <BackToPractice ctx={ctx} practice={practice} />
    </Layout>
  );
}

/** The comment form of "return with comments" (required) and of "withdraw" (an optional reason). */
export function CommentFormPage(props: {
  ctx: PageContext;
  kind: 'return' | 'withdraw';
  practice: PracticeHeader;
  version: number;
  comment: string;
  errors?: FieldError[] | undefined;
  /** Why the form cannot be used now (nothing under review to return), instead of the form. */
  unavailable?: string | undefined;
}) {
  const { ctx, practice, kind } = props;
  const t = ctx.t;
  const title = kind === 'return' ? t('practiceWorkflow.return.title') : t('practiceWorkflow.withdraw.title');
  const error = errorFor(props.errors, 'comment');
  const otherErrors = (props.errors ?? []).filter((e) => e.field !== 'comment' && e.field !== 'version');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <p class="lead">
        <ContentText ctx={ctx} text={practice.title} original={practice.originalLanguage} />
      </p>
      {otherErrors.length > 0 ? <Refusal ctx={ctx} errors={otherErrors} /> : null}
      <ErrorSummary ctx={ctx} errors={props.errors?.filter((e) => e.field === 'comment')} />
      <PracticeState ctx={ctx} practice={practice} />
      {props.unavailable ? (
        <Notice kind="info">{props.unavailable}</Notice>
      ) : (
        <form method="post" action={`/${ctx.lang}/practices/${practice.id}/${kind}`} class="form" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(props.version)} />
          <p>
            {kind === 'return' ? t('practiceWorkflow.return.intro') : t('practiceWorkflow.withdraw.intro')}
          </p>
          <Field
            ctx={ctx}
            name="comment"
            label={
              kind === 'return' ? t('practiceWorkflow.return.comment') : t('practiceWorkflow.withdraw.reason')
            }
            hint={kind === 'return' ? t('practiceWorkflow.return.hint') : t('practiceWorkflow.withdraw.hint')}
            error={error}
            required={kind === 'return'}
          >
            <textarea
              id="field-comment"
              name="comment"
              rows={8}
              maxLength={10_000}
              required={kind === 'return'}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={['field-comment-hint', error ? 'field-comment-error' : ''].join(' ').trim()}
            >
              {props.comment}
            </textarea>
          </Field>
          <button type="submit">
            {kind === 'return' ? t('practiceWorkflow.return.submit') : t('practiceWorkflow.withdraw.submit')}
          </button>
        </form>
      )}
      <BackToPractice ctx={ctx} practice={practice} />
    </Layout>
  );
}

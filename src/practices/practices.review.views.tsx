import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Field, Notice, PageHeading, errorFor } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { Translate } from '../web/i18n.ts';
import type { Recommendation } from './practices.tables.ts';
import type { PracticeHeader, ReviewRound, ReviewRow } from './practices.work.ts';
import { ContentText, Paragraphs, statusLabel } from './practices.workflow.views.tsx';

// Peer review: the review form, and the reviews as each reader may see them (the assignment of
// reviewers is in practices.reviewers.views.tsx).

/** The practice a review page is about, linking to its working version. */
export function PracticeIntro({ ctx, practice }: { ctx: PageContext; practice: PracticeHeader }) {
  return (
    <p class="lead">
      <a href={`/${ctx.lang}/practices/${practice.id}?version=working`}>
        <ContentText ctx={ctx} text={practice.title} original={practice.originalLanguage} />
      </a>
      {practice.working
        ? ` · ${ctx.t('practiceWorkflow.versionState', {
            number: practice.working.number,
            state: statusLabel(ctx, practice.working.state),
          })}`
        : null}
    </p>
  );
}

// ---- The review form ----------------------------------------------------------------------------

export const CRITERIA = ['relevance', 'effectiveness', 'replicability', 'sustainability'] as const;
export type Criterion = (typeof CRITERIA)[number];

const CRITERION_KEYS: Record<Criterion, { label: string; hint: string }> = {
  relevance: { label: 'practiceWorkflow.review.relevance', hint: 'practiceWorkflow.review.relevanceHint' },
  effectiveness: {
    label: 'practiceWorkflow.review.effectiveness',
    hint: 'practiceWorkflow.review.effectivenessHint',
  },
  replicability: {
    label: 'practiceWorkflow.review.replicability',
    hint: 'practiceWorkflow.review.replicabilityHint',
  },
  sustainability: {
    label: 'practiceWorkflow.review.sustainability',
    hint: 'practiceWorkflow.review.sustainabilityHint',
  },
};

export const criterionLabel = (t: Translate, criterion: Criterion) => t(CRITERION_KEYS[criterion].label);

const SCORE_KEYS = [
  'practiceWorkflow.review.score1',
  'practiceWorkflow.review.score2',
  'practiceWorkflow.review.score3',
  'practiceWorkflow.review.score4',
  'practiceWorkflow.review.score5',
] as const;

const RECOMMENDATION_KEYS: Record<Recommendation, string> = {
  publish: 'practiceWorkflow.review.recommendation.publish',
  revise: 'practiceWorkflow.review.recommendation.revise',
  reject: 'practiceWorkflow.review.recommendation.reject',
};

export type ReviewValues = Record<Criterion | 'recommendation' | 'comments', string>;

/** One radio group with its legend, hint and error; the fieldset carries the field's id for the error summary. */
function RadioGroup(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value: string;
  error: string | undefined;
}) {
  const { name, error } = props;
  const describedBy = [props.hint ? `field-${name}-hint` : '', error ? `field-${name}-error` : '']
    .join(' ')
    .trim();
  return (
    <fieldset
      id={`field-${name}`}
      aria-describedby={describedBy || undefined}
      class={error ? 'field--error' : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="field__hint" id={`field-${name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
      <ul class="facet__options">
        {props.options.map((option) => (
          <li>
            <input
              type="radio"
              id={`${name}-${option.value}`}
              name={name}
              value={option.value}
              checked={props.value === option.value}
              required
            />{' '}
            <label for={`${name}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A submitted review, read-only. */
function ReviewAnswers({ ctx, review, heading }: { ctx: PageContext; review: ReviewRow; heading: string }) {
  const t = ctx.t;
  return (
    <>
      <dl class="summary-list">
        {CRITERIA.map((criterion) => (
          <>
            <dt>{criterionLabel(ctx.t, criterion)}</dt>
            <dd>
              {review[criterion] === null
                ? t('practiceWorkflow.review.noScore')
                : t('practiceWorkflow.review.scoreOf', { score: review[criterion] })}
            </dd>
          </>
        ))}
        <dt>{t('practiceWorkflow.review.recommendation')}</dt>
        <dd>{review.recommendation ? t(RECOMMENDATION_KEYS[review.recommendation]) : '—'}</dd>
      </dl>
      <h3>{heading}</h3>
      {review.comments ? <Paragraphs text={review.comments} /> : <p>—</p>}
    </>
  );
}

export function ReviewPage(props: {
  ctx: PageContext;
  practice: PracticeHeader;
  summary: Record<string, string>;
  review: ReviewRow;
  /** The review can still be answered: the caller reviews the version under review and has not answered. */
  open: boolean;
  values: ReviewValues;
  errors?: FieldError[] | undefined;
  notice?: 'reviewed' | undefined;
}) {
  const { ctx, practice, review, values, errors } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.review.title');
  const scores = SCORE_KEYS.map((key, index) => ({ value: String(index + 1), label: t(key) }));
  const bodyErrors = (errors ?? []).filter((e) => e.field === 'body');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.notice === 'reviewed' ? <Notice>{t('practiceWorkflow.review.thanks')}</Notice> : null}
      <section aria-labelledby="reviewed-practice">
        <h2 id="reviewed-practice">
          <ContentText ctx={ctx} text={practice.title} original={practice.originalLanguage} />
        </h2>
        <p class="meta">
          {t('practiceWorkflow.versionState', {
            number: review.versionNumber,
            state: statusLabel(ctx, review.versionState),
          })}
        </p>
        {Object.keys(props.summary).length > 0 ? (
          <ContentSummary ctx={ctx} summary={props.summary} original={practice.originalLanguage} />
        ) : null}
        <p>
          <a href={`/${ctx.lang}/practices/${practice.id}?version=working`}>
            {t('practiceWorkflow.review.readWhole')}
          </a>
        </p>
      </section>
      {props.open ? (
        <form method="post" action={`/${ctx.lang}/practices/${practice.id}/review`} class="form" novalidate>
          <h2>{t('practiceWorkflow.review.formTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={errors?.filter((e) => e.field !== 'body')} />
          {bodyErrors.map((error) => (
            <p class="field__error" role="alert">
              {error.message}
            </p>
          ))}
          <CsrfField ctx={ctx} />
          {CRITERIA.map((criterion) => (
            <RadioGroup
              ctx={ctx}
              name={criterion}
              legend={criterionLabel(ctx.t, criterion)}
              hint={t(CRITERION_KEYS[criterion].hint)}
              options={scores}
              value={values[criterion]}
              error={errorFor(errors, criterion)}
            />
          ))}
          <RadioGroup
            ctx={ctx}
            name="recommendation"
            legend={t('practiceWorkflow.review.recommendation')}
            options={(['publish', 'revise', 'reject'] as const).map((value) => ({
              value,
              label: t(RECOMMENDATION_KEYS[value]),
            }))}
            value={values.recommendation}
            error={errorFor(errors, 'recommendation')}
          />
          <Field
            ctx={ctx}
            name="comments"
            label={t('practiceWorkflow.review.comments')}
            hint={t('practiceWorkflow.review.commentsHint')}
            error={errorFor(errors, 'comments')}
            required
          >
            <textarea
              id="field-comments"
              name="comments"
              rows={10}
              maxLength={10_000}
              required
              aria-invalid={errorFor(errors, 'comments') ? 'true' : undefined}
              aria-describedby={[
                'field-comments-hint',
                errorFor(errors, 'comments') ? 'field-comments-error' : '',
              ]
                .join(' ')
                .trim()}
            >
              {values.comments}
            </textarea>
          </Field>
          <button type="submit">{t('practiceWorkflow.review.submit')}</button>
        </form>
      ) : (
        <section aria-labelledby="own-review">
          <h2 id="own-review">{t('practiceWorkflow.review.yours')}</h2>
          {review.submittedAt ? (
            <ReviewAnswers ctx={ctx} review={review} heading={t('practiceWorkflow.review.comments')} />
          ) : (
            <Notice kind="info">{t('practiceWorkflow.review.closed')}</Notice>
          )}
        </section>
      )}
      <p>
        <a href={`/${ctx.lang}/practices/work`}>{t('practiceWorkflow.work.link')}</a>
      </p>
    </Layout>
  );
}

function ContentSummary(props: { ctx: PageContext; summary: Record<string, string>; original: string }) {
  const { ctx, summary, original } = props;
  const lang = summary[ctx.lang] ? ctx.lang : summary[original] ? original : Object.keys(summary)[0]!;
  return (
    <div>
      <h3>{ctx.t('practices.field.summary')}</h3>
      <Paragraphs text={summary[lang] ?? ''} lang={lang === ctx.lang ? undefined : lang} />
    </div>
  );
}

// ---- The reviews of a practice ------------------------------------------------------------------

const SEAT_KEYS = {
  secretariat: 'practiceWorkflow.reviews.seat.secretariat',
  member: 'practiceWorkflow.reviews.seat.member',
} as const;

export function ReviewsPage(props: { ctx: PageContext; practice: PracticeHeader; rounds: ReviewRound[] }) {
  const { ctx, practice, rounds } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.reviews.title');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <PracticeIntro ctx={ctx} practice={practice} />
      {rounds.length === 0 ? <p>{t('practiceWorkflow.reviews.none')}</p> : null}
      {rounds.map((round) => (
        <section aria-labelledby={`round-${round.versionNumber}`}>
          <h2 id={`round-${round.versionNumber}`}>
            {t('practiceWorkflow.versionState', {
              number: round.versionNumber,
              state: statusLabel(ctx, round.state),
            })}
          </h2>
          {round.assigned > 0 ? (
            <p>
              {t('practiceWorkflow.reviews.progress', { reviewed: round.reviewed, assigned: round.assigned })}
            </p>
          ) : null}
          {round.returnComment ? (
            <div class="notice notice--info">
              <h3>{t('practiceWorkflow.reviews.returnComment')}</h3>
              <Paragraphs text={round.returnComment} />
            </div>
          ) : null}
          {!round.decided && round.reviews.length < round.reviewed ? (
            <p class="meta">{t('practiceWorkflow.reviews.afterDecision')}</p>
          ) : null}
          {round.reviews.map((review, index) => {
            const who = review.named
              ? t('practiceWorkflow.reviews.named', {
                  name: review.reviewerName,
                  seat: t(SEAT_KEYS[review.seat]),
                })
              : t('practiceWorkflow.reviews.anonymous', {
                  number: index + 1,
                  seat: t(SEAT_KEYS[review.seat]),
                });
            return (
              <article class="card" aria-labelledby={`review-${review.id}`}>
                <h3 id={`review-${review.id}`}>{who}</h3>
                {review.submittedAt ? (
                  <ReviewAnswers ctx={ctx} review={review} heading={t('practiceWorkflow.review.comments')} />
                ) : (
                  <p>{t('practiceWorkflow.reviews.awaiting')}</p>
                )}
              </article>
            );
          })}
        </section>
      ))}
      <p>
        <a href={`/${ctx.lang}/practices/${practice.id}`}>{t('practiceWorkflow.backToPractice')}</a>
        {' · '}
        <a href={`/${ctx.lang}/practices/work`}>{t('practiceWorkflow.work.link')}</a>
      </p>
    </Layout>
  );
}

import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Field, Notice, PageHeading, errorFor } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { PracticeHeader } from './practices.work.ts';
import { PracticeIntro } from './practices.review.views.tsx';

// The secretariat assigns a submitted version's three reviewers (split from practices.review.views.tsx).

export interface ReviewerCandidates {
  secretariat: { id: string; name: string }[];
  members: { id: string; name: string; organisationName: LocalizedText; organisationId: string | null }[];
}

export interface ReviewersValues {
  secretariatReviewer: string;
  memberReviewers: [string, string];
}

/** Errors about a list or one of its items (`memberReviewers.1` belongs to `memberReviewers`). */
const errorOf = (errors: FieldError[] | undefined, field: string) =>
  errorFor(errors, field) ?? errors?.find((e) => e.field.startsWith(`${field}.`))?.message;

export function ReviewersPage(props: {
  ctx: PageContext;
  practice: PracticeHeader;
  candidates: ReviewerCandidates;
  values: ReviewersValues;
  errors?: FieldError[] | undefined;
  /** Why reviewers cannot be assigned now, instead of the form. */
  unavailable?: string | undefined;
}) {
  const { ctx, practice, candidates, values, errors } = props;
  const t = ctx.t;
  const title = t('practiceWorkflow.reviewers.title');
  const ownError = errorOf(errors, 'secretariatReviewer');
  const membersError = errorOf(errors, 'memberReviewers');
  const bodyErrors = (errors ?? []).filter(
    (e) => !e.field.startsWith('secretariatReviewer') && !e.field.startsWith('memberReviewers'),
  );
  const memberSelect = (index: 0 | 1) => {
    const id = `field-memberReviewers-${index + 1}`;
    return (
      <div class="field">
        <label for={id}>
          {index === 0
            ? t('practiceWorkflow.reviewers.firstMember')
            : t('practiceWorkflow.reviewers.secondMember')}
        </label>
        <select
          id={id}
          name="memberReviewers"
          aria-invalid={membersError ? 'true' : undefined}
          aria-describedby={membersError ? 'field-memberReviewers-error' : undefined}
        >
          <option value="">{t('practiceWorkflow.reviewers.choose')}</option>
          {candidates.members.map((member) => (
            <option value={member.id} selected={values.memberReviewers[index] === member.id}>
              {member.name} — {pickText(member.organisationName, ctx.lang)?.text ?? ''}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <PracticeIntro ctx={ctx} practice={practice} />
      <ErrorSummary
        ctx={ctx}
        errors={errors?.map((e) => ({
          ...e,
          field: e.field.startsWith('memberReviewers')
            ? 'memberReviewers'
            : e.field.startsWith('secretariatReviewer')
              ? 'secretariatReviewer'
              : 'reviewers-form',
        }))}
      />
      {props.unavailable ? (
        <Notice kind="info">{props.unavailable}</Notice>
      ) : (
        <form
          method="post"
          action={`/${ctx.lang}/practices/${practice.id}/reviewers`}
          class="form"
          id="field-reviewers-form"
        >
          <CsrfField ctx={ctx} />
          <p>{t('practiceWorkflow.reviewers.intro')}</p>
          {bodyErrors.map((error) => (
            <p class="field__error">{error.message}</p>
          ))}
          <Field
            ctx={ctx}
            name="secretariatReviewer"
            label={t('practiceWorkflow.reviewers.secretariat')}
            error={ownError}
            required
          >
            <select
              id="field-secretariatReviewer"
              name="secretariatReviewer"
              required
              aria-invalid={ownError ? 'true' : undefined}
              aria-describedby={ownError ? 'field-secretariatReviewer-error' : undefined}
            >
              <option value="">{t('practiceWorkflow.reviewers.choose')}</option>
              {candidates.secretariat.map((person) => (
                <option value={person.id} selected={values.secretariatReviewer === person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset
            id="field-memberReviewers"
            aria-describedby={
              ['field-memberReviewers-hint', membersError ? 'field-memberReviewers-error' : '']
                .join(' ')
                .trim() || undefined
            }
          >
            <legend>{t('practiceWorkflow.reviewers.members')}</legend>
            <p class="field__hint" id="field-memberReviewers-hint">
              {t('practiceWorkflow.reviewers.membersHint')}
            </p>
            {membersError ? (
              <p class="field__error" id="field-memberReviewers-error">
                {membersError}
              </p>
            ) : null}
            {memberSelect(0)}
            {memberSelect(1)}
          </fieldset>
          <button type="submit">{t('practiceWorkflow.reviewers.submit')}</button>
        </form>
      )}
      <p>
        <a href={`/${ctx.lang}/practices/work`}>{t('practiceWorkflow.work.link')}</a>
      </p>
    </Layout>
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, formErrors, seeOther } from '../web/routes.ts';
import { getPracticeView } from './practices.queries.ts';
import * as repo from './practices.repository.ts';
import { assignReviewers, reviewerCandidates, submitReview } from './practices.reviews.ts';
import {
  PracticeParams,
  authorize,
  headerOf,
  ownReview,
  practiceOr404,
  reviewRounds,
} from './practices.work.ts';
import {
  CRITERIA,
  type ReviewValues,
  ReviewPage,
  ReviewsPage,
  criterionLabel,
} from './practices.review.views.tsx';
import { type ReviewersValues, ReviewersPage } from './practices.reviewers.views.tsx';

// Peer review's pages: the secretariat assigns the reviewers, each answers the review form, and the
// authors, the secretariat and the reviewers read the reviews as each may.

const ReviewersForm = Type.Object({
  secretariatReviewer: Type.Optional(Type.String({ maxLength: 100 })),
  memberReviewers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 })),
});
const ReviewForm = Type.Object({
  relevance: Type.Optional(Type.String({ maxLength: 2 })),
  effectiveness: Type.Optional(Type.String({ maxLength: 2 })),
  replicability: Type.Optional(Type.String({ maxLength: 2 })),
  sustainability: Type.Optional(Type.String({ maxLength: 2 })),
  recommendation: Type.Optional(Type.String({ maxLength: 20 })),
  comments: Type.Optional(Type.String({ maxLength: 10_000 })),
});
const ReviewQuery = Type.Object({ notice: Type.Optional(Type.Literal('reviewed')) });

export async function practicesReviewRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  // ---- Reviewers (secretariat) -----------------------------------------------------------------

  async function reviewersPage(
    request: FastifyRequest<{ Params: { lang: 'fr' | 'es' | 'en' | 'pt'; id: string } }>,
    reply: FastifyReply,
    practice: repo.PracticeRow,
    values: ReviewersValues | null,
    errors: FieldError[] | undefined,
  ) {
    const view = await getPracticeView(db, request.principal, practice.id, 'working');
    const candidates = await reviewerCandidates(db, practice.networkId, practice.organisationId);
    const underReview = view.working?.state === 'submitted' || view.working?.state === 'in-review';
    let shown = values;
    if (!shown) {
      // The form starts from the reviewers already assigned, if any.
      const assigned = view.working
        ? await db
            .selectFrom('practice_reviews')
            .select(['reviewer_id as reviewerId', 'seat'])
            .where('version_id', '=', view.working.id)
            .orderBy('assigned_at')
            .execute()
        : [];
      const members = assigned.filter((row) => row.seat === 'member').map((row) => row.reviewerId);
      shown = {
        secretariatReviewer: assigned.find((row) => row.seat === 'secretariat')?.reviewerId ?? '',
        memberReviewers: [members[0] ?? '', members[1] ?? ''],
      };
    }
    return sendHtml(
      reply,
      <ReviewersPage
        ctx={pageContext(request, reply)}
        practice={headerOf(view)}
        candidates={{
          secretariat: candidates.secretariat,
          members: candidates.members.map((member) => ({
            ...member,
            organisationName: member.organisationName as Record<string, string>,
          })),
        }}
        values={shown}
        errors={errors}
        unavailable={underReview ? undefined : request.t('practices.error.notSubmitted')}
      />,
      errors ? 400 : 200,
    );
  }

  app.get(
    `${L}/practices/:id/reviewers`,
    {
      schema: { params: PracticeParams },
      config: { access: 'secretariat', harness: { params: { id: 'ownPractice' } } },
    },
    async (request, reply) => {
      const practice = await practiceOr404(db, request.params.id);
      authorize('secretariat', request.principal, practice);
      return reviewersPage(request, reply, practice, null, undefined);
    },
  );

  app.post(
    `${L}/practices/:id/reviewers`,
    {
      schema: { params: PracticeParams, body: ReviewersForm },
      attachValidation: true,
      config: {
        access: 'secretariat',
        harness: {
          params: { id: 'ownPractice' },
          body: {
            secretariatReviewer: '00000000-0000-4000-8000-000000000001',
            memberReviewers: '00000000-0000-4000-8000-000000000002',
          },
        },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const practice = await practiceOr404(db, id);
      authorize('secretariat', request.principal, practice);
      const body = request.body ?? {};
      const members = body.memberReviewers ?? [];
      const values: ReviewersValues = {
        secretariatReviewer: body.secretariatReviewer ?? '',
        memberReviewers: [members[0] ?? '', members[1] ?? ''],
      };
      const errors = formErrors(request);
      if (errors) return reviewersPage(request, reply, practice, values, errors);
      const result = await assignReviewers(db, request.principal!, id, body, request.t);
      if (!result.ok) return reviewersPage(request, reply, practice, values, result.errors);
      return seeOther(reply, `/${lang}/practices/work?notice=reviewersAssigned`);
    },
  );

  // ---- The review form (assigned reviewers) ------------------------------------------------------

  async function reviewPage(
    request: FastifyRequest<{ Params: { lang: 'fr' | 'es' | 'en' | 'pt'; id: string } }>,
    reply: FastifyReply,
    practice: repo.PracticeRow,
    review: NonNullable<Awaited<ReturnType<typeof ownReview>>>,
    options: { values?: ReviewValues; errors?: FieldError[]; notice?: 'reviewed' | undefined },
  ) {
    const [view, reviewed] = await Promise.all([
      getPracticeView(db, request.principal, practice.id, 'working'),
      repo.findVersion(db, review.versionId),
    ]);
    const open =
      review.submittedAt === null &&
      review.versionId === practice.workingVersionId &&
      review.versionState === 'in-review';
    const header = { ...headerOf(view), title: reviewed?.content.title ?? headerOf(view).title };
    return sendHtml(
      reply,
      <ReviewPage
        ctx={pageContext(request, reply)}
        practice={header}
        summary={reviewed?.content.summary ?? {}}
        review={review}
        open={open}
        values={
          options.values ?? {
            relevance: '',
            effectiveness: '',
            replicability: '',
            sustainability: '',
            recommendation: '',
            comments: '',
          }
        }
        errors={options.errors}
        notice={options.notice}
      />,
      options.errors ? 400 : 200,
    );
  }

  /** Only a reviewer of the practice reads its review page; others are refused, whoever they are. */
  async function reviewOr403(practice: repo.PracticeRow, actor: Principal) {
    const review = await ownReview(db, practice, actor.userId);
    if (!review) throw new HttpProblem('forbidden');
    return review;
  }

  app.get(
    `${L}/practices/:id/review`,
    {
      schema: { params: PracticeParams, querystring: ReviewQuery },
      config: { access: 'member', harness: { params: { id: 'practiceReviewedByCaller' } } },
    },
    async (request, reply) => {
      const practice = await practiceOr404(db, request.params.id);
      const review = await reviewOr403(practice, request.principal!);
      return reviewPage(request, reply, practice, review, { notice: request.query.notice });
    },
  );

  app.post(
    `${L}/practices/:id/review`,
    {
      schema: { params: PracticeParams, body: ReviewForm },
      attachValidation: true,
      config: {
        access: 'member',
        harness: {
          params: { id: 'practiceReviewedByCaller' },
          body: {
            relevance: '4',
            effectiveness: '4',
            replicability: '3',
            sustainability: '3',
            recommendation: 'publish',
            comments: 'Matrix review',
          },
        },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const t = request.t;
      const practice = await practiceOr404(db, id);
      const review = await reviewOr403(practice, request.principal!);
      const body = request.body ?? {};
      const values: ReviewValues = {
        relevance: body.relevance ?? '',
        effectiveness: body.effectiveness ?? '',
        replicability: body.replicability ?? '',
        sustainability: body.sustainability ?? '',
        recommendation: body.recommendation ?? '',
        comments: body.comments ?? '',
      };
      const errors: FieldError[] = formErrors(request) ?? [];
      for (const criterion of CRITERIA)
        if (!/^[1-5]$/.test(values[criterion]) && !errors.some((e) => e.field === criterion))
          errors.push({
            field: criterion,
            message: t('practiceWorkflow.review.error.score', { criterion: criterionLabel(t, criterion) }),
          });
      if (!['publish', 'revise', 'reject'].includes(values.recommendation))
        errors.push({ field: 'recommendation', message: t('practiceWorkflow.review.error.recommendation') });
      if (values.comments.trim() === '' && !errors.some((e) => e.field === 'comments'))
        errors.push({ field: 'comments', message: t('practiceWorkflow.review.error.comments') });
      if (errors.length > 0) return reviewPage(request, reply, practice, review, { values, errors });
      const result = await submitReview(
        db,
        request.principal!,
        id,
        {
          relevance: Number(values.relevance),
          effectiveness: Number(values.effectiveness),
          replicability: Number(values.replicability),
          sustainability: Number(values.sustainability),
          recommendation: values.recommendation,
          comments: values.comments,
        },
        t,
      );
      if (!result.ok) return reviewPage(request, reply, practice, review, { values, errors: result.errors });
      return seeOther(reply, `/${lang}/practices/${id}/review?notice=reviewed`);
    },
  );

  // ---- The reviews of a practice (its authors, the secretariat; a reviewer their own) --------------

  app.get(
    `${L}/practices/:id/reviews`,
    {
      schema: { params: PracticeParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownPractice' } } },
    },
    async (request, reply) => {
      const practice = await practiceOr404(db, request.params.id);
      const rounds = await reviewRounds(db, request.principal!, practice);
      const view = await getPracticeView(db, request.principal, practice.id, 'working');
      return sendHtml(
        reply,
        <ReviewsPage ctx={pageContext(request, reply)} practice={headerOf(view)} rounds={rounds} />,
      );
    },
  );
}

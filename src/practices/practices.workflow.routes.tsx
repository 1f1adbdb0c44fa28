import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { FieldError } from '../http/problems.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import type { Translate } from '../web/i18n.ts';
import * as commands from './practices.commands.ts';
import { getPracticeView } from './practices.queries.ts';
import { practicesReviewRoutes } from './practices.review.routes.tsx';
import { practicesCallsRoutes } from './practices.calls.routes.tsx';
import { practicesPrinciplesRoutes } from './practices.principles.routes.tsx';
import { practicesTranslationRoutes } from './practices.translation.routes.tsx';
import {
  PracticeParams,
  authorize,
  type Gate,
  headerOf,
  practiceOr404,
  workOverview,
  workflowFactsOf,
} from './practices.work.ts';
import { WorkPage } from './practices.work.views.tsx';
import {
  CommentFormPage,
  ConflictPage,
  TransitionRefusedPage,
  WORKFLOW_NOTICES,
} from './practices.workflow.views.tsx';
import type { Result } from '../http/problems.ts';
import type { Conflict } from './practices.commands.ts';

// The review workflow's pages: the transitions (submit, publish, archive, return, withdraw), the
// assignment of reviewers, the review form, the reviews, and the work page that gathers it all.
// Translations, calls and principles have their own route files, registered from here.

const VersionForm = Type.Object({ version: Type.Optional(Type.String({ maxLength: 12 })) });
const CommentForm = Type.Object({
  version: Type.Optional(Type.String({ maxLength: 12 })),
  comment: Type.Optional(Type.String({ maxLength: 10_000 })),
});
const NoticeQuery = Type.Object({
  notice: Type.Optional(Type.Union(WORKFLOW_NOTICES.map((notice) => Type.Literal(notice)))),
});

const versionOf = (value: string | undefined): number | null =>
  value !== undefined && /^[0-9]{1,9}$/.test(value) ? Number(value) : null;

const versionError = (t: Translate): FieldError[] => [
  { field: 'version', message: t('practiceWorkflow.error.version') },
];

type Transition = (
  db: Db,
  actor: Principal,
  id: string,
  version: number,
  t: Translate,
) => Promise<Result<{ version: number }> | Conflict>;

const TRANSITIONS: {
  path: 'submit' | 'publish' | 'archive';
  gate: Gate;
  run: Transition;
  access: 'own-organisation' | 'secretariat';
}[] = [
  { path: 'submit', gate: 'manager', access: 'own-organisation', run: commands.submitPractice },
  { path: 'publish', gate: 'secretariat', access: 'secretariat', run: commands.publishPractice },
  { path: 'archive', gate: 'secretariat', access: 'secretariat', run: commands.archivePractice },
];

const NOTICE_OF = {
  submit: 'submitted',
  publish: 'published',
  archive: 'archived',
  return: 'returned',
  withdraw: 'withdrawn',
} as const;

export async function practicesWorkflowRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.deps.db;

  /** The practice again, with why the transition was refused (400), or the current state after a conflict (409). */
  async function stateAfterRefusal(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    outcome: { conflict: true } | { errors: FieldError[] },
  ) {
    const view = await getPracticeView(db, request.principal, id, 'working');
    const ctx = pageContext(request, reply);
    const facts = await workflowFactsOf(db, request.principal, view);
    if ('conflict' in outcome)
      return sendHtml(reply, <ConflictPage ctx={ctx} practice={headerOf(view)} facts={facts} />, 409);
    return sendHtml(
      reply,
      <TransitionRefusedPage ctx={ctx} practice={headerOf(view)} facts={facts} errors={outcome.errors} />,
      400,
    );
  }

  for (const transition of TRANSITIONS) {
    app.post(
      `${L}/practices/:id/${transition.path}`,
      {
        schema: { params: PracticeParams, body: VersionForm },
        attachValidation: true,
        config: {
          access: transition.access,
          harness: { params: { id: 'ownPractice' }, body: { version: '2' } },
        },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const practice = await practiceOr404(db, id);
        authorize(transition.gate, request.principal, practice);
        const version = versionOf(request.body?.version);
        if (formErrors(request) || version === null)
          return stateAfterRefusal(request, reply, id, { errors: versionError(request.t) });
        const result = await transition.run(db, request.principal!, id, version, request.t);
        if (result.ok)
          return seeOther(reply, `/${lang}/practices/${id}?notice=${NOTICE_OF[transition.path]}`);
        if ('conflict' in result) return stateAfterRefusal(request, reply, id, { conflict: true });
        return stateAfterRefusal(request, reply, id, { errors: result.errors });
      },
    );
  }

  // ---- Return with comments (secretariat) and withdraw (authors): a comment form each --------------

  const COMMENT_TRANSITIONS = [
    {
      path: 'return' as const,
      gate: 'secretariat' as const,
      access: 'secretariat' as const,
      unavailable: (view: Awaited<ReturnType<typeof getPracticeView>>, t: Translate) =>
        view.working?.state === 'submitted' || view.working?.state === 'in-review'
          ? undefined
          : t('practices.error.notUnderReview'),
      run: commands.returnPractice,
    },
    {
      path: 'withdraw' as const,
      gate: 'manager' as const,
      access: 'own-organisation' as const,
      unavailable: (view: Awaited<ReturnType<typeof getPracticeView>>, t: Translate) =>
        view.status === 'withdrawn' ? t('practices.error.alreadyWithdrawn') : undefined,
      run: commands.withdrawPractice,
    },
  ];

  for (const transition of COMMENT_TRANSITIONS) {
    app.get(
      `${L}/practices/:id/${transition.path}`,
      {
        schema: { params: PracticeParams },
        config: { access: transition.access, harness: { params: { id: 'ownPractice' } } },
      },
      async (request, reply) => {
        const practice = await practiceOr404(db, request.params.id);
        authorize(transition.gate, request.principal, practice);
        const view = await getPracticeView(db, request.principal, practice.id, 'working');
        return sendHtml(
          reply,
          <CommentFormPage
            ctx={pageContext(request, reply)}
            kind={transition.path}
            practice={headerOf(view)}
            version={view.version}
            comment=""
            unavailable={transition.unavailable(view, request.t)}
          />,
        );
      },
    );

    app.post(
      `${L}/practices/:id/${transition.path}`,
      {
        schema: { params: PracticeParams, body: CommentForm },
        attachValidation: true,
        config: {
          access: transition.access,
          harness: { params: { id: 'ownPractice' }, body: { version: '2', comment: 'Matrix comment' } },
        },
      },
      async (request, reply) => {
        const { lang, id } = request.params;
        const practice = await practiceOr404(db, id);
        authorize(transition.gate, request.principal, practice);
        const comment = request.body?.comment ?? '';
        const version = versionOf(request.body?.version);
        const page = async (errors: FieldError[]) => {
          const view = await getPracticeView(db, request.principal, id, 'working');
          return sendHtml(
            reply,
            <CommentFormPage
              ctx={pageContext(request, reply)}
              kind={transition.path}
              practice={headerOf(view)}
              version={version ?? view.version}
              comment={comment}
              errors={errors}
            />,
            400,
          );
        };
        const errors = formErrors(request);
        if (errors) return page(errors);
        if (version === null) return page(versionError(request.t));
        const result = await transition.run(db, request.principal!, id, version, comment, request.t);
        if (result.ok)
          return seeOther(reply, `/${lang}/practices/${id}?notice=${NOTICE_OF[transition.path]}`);
        if ('conflict' in result) return stateAfterRefusal(request, reply, id, { conflict: true });
        return page(result.errors);
      },
    );
  }

  // ---- The work page -------------------------------------------------------------------------

  app.get(
    `${L}/practices/work`,
    { schema: { params: LangParams, querystring: NoticeQuery }, config: { access: 'signed-in' } },
    async (request, reply) =>
      sendHtml(
        reply,
        <WorkPage
          ctx={pageContext(request, reply)}
          overview={await workOverview(db, request.principal!)}
          notice={request.query.notice}
        />,
      ),
  );

  await practicesReviewRoutes(fastify);
  await practicesTranslationRoutes(fastify);
  await practicesCallsRoutes(fastify);
  await practicesPrinciplesRoutes(fastify);
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Principal } from '../http/access.ts';
import { type FieldError, HttpProblem } from '../http/problems.ts';
import { listNetworks } from '../directory/index.ts';
import type { Translate } from '../web/i18n.ts';
import { type Lang, type LocalizedText, isLang } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams, formErrors, seeOther } from '../web/routes.ts';
import { canClose } from './questions.access.ts';
import { type AskInput, answerQuestion, askQuestion, closeQuestion } from './questions.commands.ts';
import {
  type QuestionDetail,
  answerableOrganisations,
  answeredOn,
  askingChoices,
  comparisonOf,
  effectiveStatus,
  getQuestion,
  listQuestions,
} from './questions.queries.ts';
import {
  ANSWER_TYPES,
  AnswerForm,
  ComparisonQuery,
  FORM_ROWS,
  MAX_ITEMS,
  QuestionFilters,
  QuestionForm,
  type QuestionFormBody,
} from './questions.schemas.ts';
import type { AnswerType } from './questions.tables.ts';
import { formatInZone, instantOf } from './questions.time.ts';
import {
  type AnswerFormState,
  QuestionPage,
  type QuestionNotice,
  QuestionsListPage,
} from './questions.views.tsx';
import { type AskFormValues, AskQuestionPage } from './questions.form.views.tsx';

const PageParams = Type.Object({ lang: LangParams.properties.lang, id: Type.String({ maxLength: 200 }) });
const PageQuery = Type.Object({
  ...ComparisonQuery.properties,
  done: Type.Optional(Type.String({ maxLength: 20 })),
});
const NewQuery = Type.Object({ rows: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ITEMS })) });

/** Valid bodies for the harnesses; the question and organisation come from fixtures. */
const ASK_FORM = {
  originalLanguage: 'en',
  title: 'Matrix question',
  deadlineDate: '2099-01-01',
  deadlineTime: '12:00',
  timeZone: 'America/Bogota',
  visibility: 'network',
  'item-1-text': 'Is there a humanitarian visa?',
  'item-1-type': 'yes-no',
};
const ASK_FIXTURES = { networkId: 'questionsNetworkId', organisationId: 'owningOrganisation' };

const strings = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof value === 'string') out[key] = value;
  return out;
};

/** The form's rows, empty ones dropped and the rest renumbered from 1, as an `AskInput`. */
export function askFromForm(body: QuestionFormBody): { values: AskFormValues; input: AskInput } {
  const raw = strings(body);
  const lang: Lang = isLang(raw.originalLanguage) ? raw.originalLanguage : 'en';
  const values: AskFormValues = {
    networkId: raw.networkId ?? '',
    organisationId: raw.organisationId ?? '',
    originalLanguage: lang,
    title: raw.title ?? '',
    background: raw.background ?? '',
    deadlineDate: raw.deadlineDate ?? '',
    deadlineTime: raw.deadlineTime ?? '',
    timeZone: (raw.timeZone ?? '').trim(),
    visibility: raw.visibility === 'public' ? 'public' : 'network',
  };
  const items: AskInput['items'] = [];
  for (let n = 1; n <= MAX_ITEMS; n++) {
    const text = (raw[`item-${n}-text`] ?? '').trim();
    const choicesText = raw[`item-${n}-choices`] ?? '';
    const type = (ANSWER_TYPES as readonly string[]).includes(raw[`item-${n}-type`] ?? '')
      ? (raw[`item-${n}-type`] as AnswerType)
      : 'text';
    if (text === '' && choicesText.trim() === '') continue;
    const position = items.length + 1;
    values[`item-${position}-text`] = text;
    values[`item-${position}-type`] = type;
    values[`item-${position}-choices`] = choicesText;
    items.push({
      text: { [lang]: text },
      answerType: type,
      choices: choicesText
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => ({ [lang]: line })),
    });
  }
  return {
    values,
    input: {
      networkId: values.networkId!,
      organisationId: values.organisationId || null,
      originalLanguage: lang,
      title: { [lang]: values.title },
      background: { [lang]: values.background },
      items,
      deadline: instantOf(values.deadlineDate!, values.deadlineTime!, values.timeZone!),
      timeZone: values.timeZone || 'UTC',
      visibility: values.visibility === 'public' ? 'public' : 'network',
    },
  };
}

/** Questions to the network: asking, answering once, the comparison table. */
export async function questionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  async function visible(request: FastifyRequest, id: string) {
    const question = await getQuestion(db, request.principal, id);
    if (!question) throw new HttpProblem('not-found');
    return question;
  }

  async function viewerZone(principal: Principal | null) {
    if (!principal) return null;
    const row = await db
      .selectFrom('users')
      .select('time_zone')
      .where('id', '=', principal.userId)
      .executeTakeFirst();
    return row?.time_zone ?? null;
  }

  /** What the caller may do with the answer form: answer, see their earlier answer, or be told why not. */
  async function answerState(
    principal: Principal | null,
    question: QuestionDetail,
    t: Translate,
    lang: Lang,
    extra: { values?: Record<string, string>; errors?: FieldError[] } = {},
  ): Promise<{ answer: AnswerFormState | null; answeredMessage: string | null }> {
    const organisations = await answerableOrganisations(db, principal, question);
    if (organisations.length === 0) return { answer: null, answeredMessage: null };
    let answeredMessage: string | null = null;
    const open: typeof organisations = [];
    for (const o of organisations) {
      const on = await answeredOn(db, question.id, o.id);
      if (!on) open.push(o);
      else if (o.id === principal?.organisationId)
        answeredMessage = t('questions.answer.answeredOn', {
          date: formatInZone(on, question.timeZone, lang),
          zone: question.timeZone,
        });
    }
    const status = effectiveStatus(question, new Date());
    const refusal =
      status === 'closed'
        ? t('questions.error.closed')
        : status === 'expired'
          ? t('questions.error.deadlinePassed', {
              deadline: formatInZone(question.deadline, question.timeZone, lang),
              zone: question.timeZone,
            })
          : undefined;
    if (open.length === 0) return { answer: null, answeredMessage };
    const own = open.find((o) => o.id === principal?.organisationId) ?? open[0]!;
    return {
      answer: {
        organisations: open,
        values: { organisationId: own.id, ...extra.values },
        errors: extra.errors,
        refusal: answeredMessage ? undefined : refusal,
      },
      answeredMessage,
    };
  }

  async function renderQuestion(
    request: FastifyRequest<{ Params: { lang: Lang; id: string } }>,
    reply: FastifyReply,
    options: {
      sort?: 'country' | 'organisation' | undefined;
      notice?: QuestionNotice | undefined;
      values?: Record<string, string>;
      errors?: FieldError[];
      refusal?: string;
    } = {},
    status = 200,
  ) {
    const question = await visible(request, request.params.id);
    const { lang } = request.params;
    const sort = options.sort ?? 'country';
    const state = await answerState(request.principal, question, request.t, lang, options);
    if (options.refusal && state.answer) state.answer.refusal = options.refusal;
    return sendHtml(
      reply,
      <QuestionPage
        ctx={pageContext(request, reply)}
        question={question}
        status={effectiveStatus(question, new Date())}
        viewerZone={await viewerZone(request.principal)}
        comparison={await comparisonOf(db, question, sort, lang)}
        sort={sort}
        answer={state.answer}
        answeredMessage={options.refusal && !state.answer ? options.refusal : state.answeredMessage}
        canClose={canClose(request.principal, question)}
        notice={options.notice}
      />,
      status,
    );
  }

  // ---- Pages -------------------------------------------------------------------------------

  app.get(
    `${L}/questions`,
    { schema: { params: LangParams, querystring: QuestionFilters }, config: { access: 'public' } },
    async (request, reply) => {
      const [questions, networks, choices] = await Promise.all([
        listQuestions(db, request.principal, request.query),
        listNetworks(db),
        request.principal ? askingChoices(db, request.principal) : Promise.resolve([]),
      ]);
      return sendHtml(
        reply,
        <QuestionsListPage
          ctx={pageContext(request, reply)}
          questions={questions}
          networks={networks.map((n) => ({ slug: n.slug, name: n.name as LocalizedText }))}
          filters={request.query}
          canAsk={choices.length > 0}
          now={new Date()}
        />,
      );
    },
  );

  const defaultsFor = (
    principal: Principal,
    lang: Lang,
    choices: Awaited<ReturnType<typeof askingChoices>>,
  ): AskFormValues => ({
    networkId: choices[0]?.id ?? '',
    organisationId: principal.organisationId ?? choices[0]?.organisations[0]?.id ?? '',
    originalLanguage: lang,
    deadlineTime: '17:00',
    timeZone: 'UTC',
    visibility: 'network',
  });

  app.get(
    `${L}/questions/new`,
    // Any member may open it: who may ask gets the form, anyone else is told who can ask.
    { schema: { params: LangParams, querystring: NewQuery }, config: { access: 'member' } },
    async (request, reply) => {
      const principal = request.principal!;
      const choices = await askingChoices(db, principal);
      const zone = await viewerZone(principal);
      return sendHtml(
        reply,
        <AskQuestionPage
          ctx={pageContext(request, reply)}
          values={{
            ...defaultsFor(principal, request.params.lang, choices),
            ...(zone ? { timeZone: zone } : {}),
          }}
          rows={request.query.rows ?? FORM_ROWS}
          choices={choices}
        />,
      );
    },
  );

  app.post(
    `${L}/questions`,
    {
      schema: { params: LangParams, body: QuestionForm },
      attachValidation: true,
      config: { access: 'own-organisation', harness: { body: ASK_FORM, bodyParams: ASK_FIXTURES } },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const principal = request.principal!;
      const body = (request.body ?? {}) as QuestionFormBody;
      const { values, input } = askFromForm(body);
      const requested = Number(body.rows);
      let rows = Number.isInteger(requested)
        ? Math.min(MAX_ITEMS, Math.max(FORM_ROWS, requested))
        : FORM_ROWS;
      rows = Math.max(rows, input.items.length);
      const page = async (errors: FieldError[] | undefined, status: number, shownRows = rows) =>
        sendHtml(
          reply,
          <AskQuestionPage
            ctx={pageContext(request, reply)}
            values={values}
            rows={shownRows}
            choices={await askingChoices(db, principal)}
            errors={errors}
          />,
          status,
        );
      const schemaErrors = formErrors(request);
      if (schemaErrors) return page(schemaErrors, 400);
      if (body.moreRows) return page(undefined, 200, Math.min(MAX_ITEMS, rows + FORM_ROWS));
      const result = await askQuestion(db, principal, input, request.t);
      if (!result.ok) return page(result.errors, 400);
      return seeOther(reply, `/${lang}/questions/${result.value.id}?done=asked`);
    },
  );

  app.get(
    `${L}/questions/:id`,
    {
      schema: { params: PageParams, querystring: PageQuery },
      config: { access: 'public', harness: { params: { id: 'publicQuestion' } } },
    },
    async (request, reply) => {
      const done = request.query.done;
      return renderQuestion(request, reply, {
        sort: request.query.sort,
        notice: done === 'asked' || done === 'answered' || done === 'closed' ? done : undefined,
      });
    },
  );

  app.post(
    `${L}/questions/:id/answers`,
    {
      schema: { params: PageParams, body: AnswerForm },
      attachValidation: true,
      config: {
        access: 'own-organisation',
        harness: {
          params: { id: 'openQuestion' },
          body: { 'item-1': 'yes' },
          bodyParams: { organisationId: 'owningOrganisation' },
        },
      },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      const principal = request.principal!;
      const raw = strings(request.body);
      // Authorization first: an invisible question does not exist for the caller.
      await visible(request, id);
      const schemaErrors = formErrors(request);
      if (schemaErrors) return renderQuestion(request, reply, { values: raw, errors: schemaErrors }, 400);
      const values = new Map<number, string>();
      for (let n = 1; n <= MAX_ITEMS; n++)
        if (raw[`item-${n}`] !== undefined) values.set(n, raw[`item-${n}`]!);
      const result = await answerQuestion(
        db,
        principal,
        id,
        { organisationId: raw.organisationId || null, country: raw.country || null, language: lang, values },
        request.t,
      );
      if (!result.ok) {
        const state = result.errors.find((e) => e.field === 'question');
        if (state) return renderQuestion(request, reply, { refusal: state.message }, 409);
        return renderQuestion(request, reply, { values: raw, errors: result.errors }, 400);
      }
      return seeOther(reply, `/${lang}/questions/${id}?done=answered#comparison`);
    },
  );

  app.post(
    `${L}/questions/:id/close`,
    {
      schema: { params: PageParams },
      config: { access: 'own-organisation', harness: { params: { id: 'ownQuestion' } } },
    },
    async (request, reply) => {
      const { lang, id } = request.params;
      await closeQuestion(db, request.principal!, id);
      return seeOther(reply, `/${lang}/questions/${id}?done=closed`);
    },
  );
}

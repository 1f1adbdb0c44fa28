import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Notice,
  PageHeading,
  Select,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type {
  Comparison,
  EffectiveStatus,
  MemberOrganisation,
  QuestionDetail,
  QuestionItem,
  QuestionSummary,
} from './questions.queries.ts';
import { formatInZone } from './questions.time.ts';

import {
  DeadlineText,
  STATUS_LABEL,
  TYPE_LABEL,
  TextArea,
  TextIn,
  plain,
  valueLabel,
} from './questions.components.tsx';

// ---- The list --------------------------------------------------------------------------------

export function QuestionsListPage(props: {
  ctx: PageContext;
  questions: QuestionSummary[];
  networks: { slug: string; name: LocalizedText }[];
  filters: { network?: string | undefined; status?: string | undefined };
  canAsk: boolean;
  now: Date;
}) {
  const { ctx, questions, filters } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('questions.list.title')}>
      <PageHeading>{t('questions.list.title')}</PageHeading>
      <p class="lead">{t('questions.list.lead')}</p>
      {props.canAsk ? (
        <p>
          <a class="button" href={`/${lang}/questions/new`}>
            {t('questions.list.ask')}
          </a>
        </p>
      ) : null}
      <form class="filters" method="get" action={`/${lang}/questions`}>
        <Select
          ctx={ctx}
          name="network"
          label={t('questions.list.network')}
          value={filters.network}
          empty={t('questions.list.anyNetwork')}
          options={props.networks.map((n) => ({ value: n.slug, label: plain(n.name, lang) }))}
          errors={undefined}
        />
        <Select
          ctx={ctx}
          name="status"
          label={t('questions.list.status')}
          value={filters.status}
          empty={t('questions.list.anyStatus')}
          options={[
            { value: 'open', label: t('questions.status.open') },
            { value: 'closed', label: t('questions.list.closedOrExpired') },
          ]}
          errors={undefined}
        />
        <button type="submit">{t('questions.list.filter')}</button>
      </form>
      {questions.length === 0 ? (
        <p>{t('questions.list.empty')}</p>
      ) : (
        <DataTable
          caption={t('questions.list.caption', { count: questions.length })}
          rows={questions}
          columns={[
            {
              header: t('questions.field.title'),
              cell: (q) => (
                <a href={`/${lang}/questions/${q.id}`}>
                  <TextIn ctx={ctx} text={q.title} />
                </a>
              ),
            },
            { header: t('questions.list.network'), cell: (q) => <TextIn ctx={ctx} text={q.networkName} /> },
            {
              header: t('questions.field.askedBy'),
              cell: (q) => <TextIn ctx={ctx} text={q.organisationName} />,
            },
            {
              header: t('questions.field.deadline'),
              cell: (q) =>
                t('questions.deadline.inZone', {
                  time: formatInZone(q.deadline, q.timeZone, lang),
                  zone: q.timeZone,
                }),
            },
            { header: t('questions.list.status'), cell: (q) => t(STATUS_LABEL[effective(q, props.now)]) },
            { header: t('questions.list.answers'), cell: (q) => String(q.answerCount) },
          ]}
        />
      )}
      <p class="open-data">
        <a href="/api/v1/questions">{t('questions.list.json')}</a>
      </p>
    </Layout>
  );
}

const effective = (q: QuestionSummary, now: Date): EffectiveStatus =>
  q.status === 'closed' ? 'closed' : q.deadline.getTime() <= now.getTime() ? 'expired' : 'open';

// ---- A question, its answer form and the comparison ------------------------------------------

export type QuestionNotice = 'asked' | 'answered' | 'closed';

export interface AnswerFormState {
  organisations: MemberOrganisation[];
  values: Record<string, string>;
  errors?: FieldError[] | undefined;
  /** Why the caller cannot answer now, if they are of a member that could. */
  refusal?: string | undefined;
}

function AnswerItemControl({
  ctx,
  item,
  value,
  errors,
}: {
  ctx: PageContext;
  item: QuestionItem;
  value: string | undefined;
  errors: FieldError[] | undefined;
}) {
  const { t, lang } = ctx;
  const name = `item-${item.position}`;
  const label = t('questions.answer.itemLabel', { n: item.position, text: plain(item.text, lang) });
  const error = errorFor(errors, name);
  if (item.answerType === 'yes-no' || item.answerType === 'choice') {
    const options =
      item.answerType === 'yes-no'
        ? [
            { value: 'yes', label: t('questions.answer.yes') },
            { value: 'no', label: t('questions.answer.no') },
          ]
        : item.choices.map((c, i) => ({ value: String(i + 1), label: plain(c, lang) }));
    return (
      <fieldset id={`field-${name}`} class={error ? 'field field--error' : 'field'}>
        <legend>{label}</legend>
        {error ? <p class="field__error">{error}</p> : null}
        {options.map((option) => (
          <div>
            <input
              type="radio"
              id={`field-${name}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
            />{' '}
            <label for={`field-${name}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (item.answerType === 'number')
    return (
      <TextInput ctx={ctx} name={name} label={label} value={value} errors={errors} inputMode="decimal" />
    );
  return <TextArea ctx={ctx} name={name} label={label} value={value} errors={errors} rows={4} />;
}

export function QuestionPage(props: {
  ctx: PageContext;
  question: QuestionDetail;
  status: EffectiveStatus;
  viewerZone: string | null;
  comparison: Comparison;
  sort: 'country' | 'organisation';
  answer: AnswerFormState | null;
  /** "Your organisation answered on …", when it has. */
  answeredMessage: string | null;
  canClose: boolean;
  notice?: QuestionNotice | undefined;
}) {
  const { ctx, question, comparison, answer } = props;
  const { t, lang } = ctx;
  const title = plain(question.title, lang);
  const base = `/${lang}/questions/${question.id}`;
  const country = (code: string | null) => (code ? (labelOf('countries', code, lang) ?? code) : '—');
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        <TextIn ctx={ctx} text={question.title} />
      </PageHeading>
      {props.notice === 'asked' ? <Notice>{t('questions.notice.asked')}</Notice> : null}
      {props.notice === 'answered' ? <Notice>{t('questions.notice.answered')}</Notice> : null}
      {props.notice === 'closed' ? <Notice>{t('questions.notice.closed')}</Notice> : null}
      <dl class="summary-list">
        <dt>{t('questions.field.askedBy')}</dt>
        <dd>
          <TextIn ctx={ctx} text={question.organisationName} /> (
          <TextIn ctx={ctx} text={question.networkName} />)
        </dd>
        <dt>{t('questions.field.deadline')}</dt>
        <dd>
          <DeadlineText
            ctx={ctx}
            deadline={question.deadline}
            zone={question.timeZone}
            viewerZone={props.viewerZone}
          />
        </dd>
        <dt>{t('questions.list.status')}</dt>
        <dd>{t(STATUS_LABEL[props.status])}</dd>
        <dt>{t('questions.field.visibility')}</dt>
        <dd>
          {t(
            question.visibility === 'public' ? 'questions.visibility.public' : 'questions.visibility.network',
          )}
        </dd>
      </dl>
      {pickText(question.background, lang) ? (
        <section aria-labelledby="background-heading">
          <h2 id="background-heading">{t('questions.field.background')}</h2>
          <p>
            <TextIn ctx={ctx} text={question.background} />
          </p>
        </section>
      ) : null}
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('questions.ask.items')}</h2>
        <ol>
          {question.items.map((item) => (
            <li>
              <TextIn ctx={ctx} text={item.text} />{' '}
              <span class="meta">({t(TYPE_LABEL[item.answerType])})</span>
              {item.answerType === 'choice' ? (
                <ul>
                  {item.choices.map((c) => (
                    <li>
                      <TextIn ctx={ctx} text={c} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {props.answeredMessage ? <Notice kind="info">{props.answeredMessage}</Notice> : null}
      {answer?.refusal ? <Notice kind="info">{answer.refusal}</Notice> : null}
      {answer && !answer.refusal && !props.answeredMessage ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('questions.answer.title')}</h2>
          <ErrorSummary ctx={ctx} errors={answer.errors} />
          <form class="form" method="post" action={`${base}/answers`} novalidate>
            <CsrfField ctx={ctx} />
            {answer.organisations.length === 1 ? (
              <input type="hidden" name="organisationId" value={answer.organisations[0]!.id} />
            ) : (
              <Select
                ctx={ctx}
                name="organisationId"
                label={t('questions.answer.organisation')}
                value={answer.values.organisationId}
                options={answer.organisations.map((o) => ({ value: o.id, label: plain(o.name, lang) }))}
                errors={answer.errors}
                required
              />
            )}
            <Select
              ctx={ctx}
              name="country"
              label={t('questions.answer.country')}
              value={answer.values.country}
              empty={t('questions.answer.countryDefault')}
              options={(getVocabulary('countries') ?? []).map((c) => ({
                value: c.code,
                label: labelOf('countries', c.code, lang) ?? c.code,
              }))}
              errors={answer.errors}
            />
            {question.items.map((item) => (
              <AnswerItemControl
                ctx={ctx}
                item={item}
                value={answer.values[`item-${item.position}`]}
                errors={answer.errors}
              />
            ))}
            <p class="field__hint">{t('questions.answer.once')}</p>
            <button type="submit">{t('questions.answer.submit')}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="comparison-heading" id="comparison">
        <h2 id="comparison-heading">{t('questions.comparison.title')}</h2>
        {comparison.rows.length === 0 ? (
          <p>{t('questions.comparison.empty')}</p>
        ) : (
          <>
            <p>
              {t('questions.comparison.sortBy')}{' '}
              {props.sort === 'country' ? (
                <strong>{t('questions.comparison.byCountry')}</strong>
              ) : (
                <a href={`${base}?sort=country#comparison`}>{t('questions.comparison.byCountry')}</a>
              )}{' '}
              ·{' '}
              {props.sort === 'organisation' ? (
                <strong>{t('questions.comparison.byOrganisation')}</strong>
              ) : (
                <a href={`${base}?sort=organisation#comparison`}>
                  {t('questions.comparison.byOrganisation')}
                </a>
              )}
            </p>
            <div class="table-scroll">
              <table>
                <caption>{t('questions.comparison.caption', { count: comparison.rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('questions.comparison.country')}</th>
                    <th scope="col">{t('questions.comparison.organisation')}</th>
                    {question.items.map((item) => (
                      <th scope="col">
                        {item.position}. <TextIn ctx={ctx} text={item.text} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {comparison.rows.map((row) => (
                    <tr>
                      <td>{country(row.country)}</td>
                      <th scope="row">
                        <TextIn ctx={ctx} text={row.organisationName} />
                      </th>
                      {question.items.map((item) => {
                        const value = row.values.get(item.id);
                        const text = valueLabel(ctx, item, value);
                        return (
                          <td
                            lang={
                              item.answerType === 'text' && value && row.language !== lang
                                ? row.language
                                : undefined
                            }
                          >
                            {text || '—'}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <p class="open-data">
          <a href={`/api/v1/questions/${question.id}/comparison.csv?lang=${lang}`}>
            {t('questions.comparison.csv')}
          </a>{' '}
          · <a href={`/api/v1/questions/${question.id}/comparison`}>{t('questions.comparison.json')}</a>
        </p>
        <h3>{t('questions.comparison.unanswered', { count: comparison.unanswered.length })}</h3>
        {comparison.unanswered.length === 0 ? (
          <p>{t('questions.comparison.allAnswered')}</p>
        ) : (
          <ul>
            {comparison.unanswered.map((o) => (
              <li>
                <TextIn ctx={ctx} text={o.name} />{' '}
                {o.country ? <span class="meta">({country(o.country)})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.canClose && props.status === 'open' ? (
        <form class="inline-form" method="post" action={`${base}/close`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button--secondary">
            {t('questions.close.submit')}
          </button>
        </form>
      ) : null}
      <p>
        <a href={`/${lang}/questions`}>{t('questions.back')}</a>
      </p>
    </Layout>
  );
}

import type { FieldError } from '../http/problems.ts';
import { labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  Select,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { latestToday } from './cooperation.matches.commands.ts';
import { Localized, type Staleness, TextArea, isStale } from './cooperation.matches.components.tsx';
import { stageLabel } from './cooperation.matches.labels.ts';
import type { MatchItem, MatchMove, MatchSummary } from './cooperation.matches.repository.ts';
import { FORWARD_STAGES, STAGES } from './cooperation.matches.schemas.ts';
import { daysSince, type MatchDetail } from './cooperation.matches.queries.ts';
import type { ExplanationPart, ItemStatus, MatchStage } from './cooperation.tables.ts';
import { explainParts } from './matching.ts';

const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  open: 'cooperationMatches.itemStatus.open',
  'in-discussion': 'cooperationMatches.itemStatus.inDiscussion',
  matched: 'cooperationMatches.itemStatus.matched',
  closed: 'cooperationMatches.itemStatus.closed',
};

/** Stages from which the cooperation can be recorded (the records engineer's form). */
const AGREED: readonly MatchStage[] = ['agreement-signed', 'under-way', 'completed'];

function ItemSection({ ctx, item, side }: { ctx: PageContext; item: MatchItem; side: 'demand' | 'offer' }) {
  const t = ctx.t;
  const id = `${side}-title`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {side === 'demand' ? t('cooperationMatches.page.demand') : t('cooperationMatches.page.offer')}
      </h2>
      <dl class="summary-list">
        <dt>{t('cooperationMatches.page.itemTitle')}</dt>
        <dd>
          <a href={`/${ctx.lang}/${side === 'demand' ? 'demands' : 'offers'}/${item.id}`}>
            <Localized ctx={ctx} text={item.title} />
          </a>
        </dd>
        <dt>{t('cooperationMatches.page.organisation')}</dt>
        <dd>
          <a href={`/${ctx.lang}/organisations/${item.organisationId}`}>
            <Localized ctx={ctx} text={item.organisationName} />
          </a>
        </dd>
        <dt>{t('cooperationMatches.page.kind')}</dt>
        <dd>{labelOf('cooperation-kinds', item.kind, ctx.lang) ?? item.kind}</dd>
        <dt>{t('cooperationMatches.page.itemStatus')}</dt>
        <dd>{t(ITEM_STATUS_LABELS[item.status])}</dd>
      </dl>
    </section>
  );
}

/** The reasons of the score in words, each with its points, as the matching engine says them. */
function Explanation({ ctx, parts }: { ctx: PageContext; parts: ExplanationPart[] }) {
  if (parts.length === 0) return <p>{ctx.t('cooperationMatches.page.noExplanation')}</p>;
  return (
    <ul>
      {explainParts(parts, ctx.t).map((part) => (
        <li>{ctx.t('cooperationMatches.page.reason', { reason: part.text, points: part.points })}</li>
      ))}
    </ul>
  );
}

function Timeline({ ctx, moves }: { ctx: PageContext; moves: MatchMove[] }) {
  const t = ctx.t;
  return (
    <DataTable
      caption={t('cooperationMatches.timeline.caption')}
      rows={moves}
      columns={[
        { header: t('cooperationMatches.timeline.date'), cell: (m) => m.occurredOn },
        {
          header: t('cooperationMatches.timeline.stage'),
          cell: (m) =>
            m.fromStage
              ? t('cooperationMatches.timeline.fromTo', {
                  from: stageLabel(t, m.fromStage),
                  to: stageLabel(t, m.toStage),
                })
              : stageLabel(t, m.toStage),
        },
        { header: t('cooperationMatches.timeline.note'), cell: (m) => m.note ?? '' },
        { header: t('cooperationMatches.timeline.reason'), cell: (m) => m.reason ?? '' },
        {
          header: t('cooperationMatches.timeline.author'),
          cell: (m) => m.actorName ?? t('cooperationMatches.timeline.unknownAuthor'),
        },
      ]}
    />
  );
}

export interface MoveFormValues {
  stage?: string | undefined;
  occurredOn?: string | undefined;
  note?: string | undefined;
  reason?: string | undefined;
}

/** The next stage a person most likely wants: the following one, or the proposal again after a final stage. */
function suggestedStage(stage: MatchStage): MatchStage {
  const index = (FORWARD_STAGES as readonly MatchStage[]).indexOf(stage);
  if (stage === 'dropped' || stage === 'completed') return 'proposed';
  return FORWARD_STAGES[index + 1] ?? 'completed';
}

function MoveForm(props: {
  ctx: PageContext;
  match: MatchSummary;
  values: MoveFormValues;
  errors: FieldError[] | undefined;
  now: Date;
}) {
  const { ctx, match, values, errors } = props;
  const t = ctx.t;
  const today = props.now.toISOString().slice(0, 10);
  const dateError = errorFor(errors, 'occurredOn');
  return (
    <section aria-labelledby="move-title">
      <h2 id="move-title">{t('cooperationMatches.move.title')}</h2>
      <p>{t('cooperationMatches.move.intro')}</p>
      <form method="post" action={`/${ctx.lang}/matches/${match.id}/move`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(match.version)} />
        <Select
          ctx={ctx}
          name="stage"
          label={t('cooperationMatches.move.stage')}
          value={values.stage ?? suggestedStage(match.stage)}
          options={STAGES.filter((s) => s !== match.stage).map((s) => ({
            value: s,
            label: stageLabel(t, s),
          }))}
          errors={errors}
          required
        />
        <Field
          ctx={ctx}
          name="occurredOn"
          label={t('cooperationMatches.move.date')}
          hint={t('cooperationMatches.move.dateHint')}
          error={dateError}
          required
        >
          <input
            id="field-occurredOn"
            name="occurredOn"
            type="date"
            value={values.occurredOn ?? today}
            max={latestToday(props.now)}
            required
            aria-invalid={dateError ? 'true' : undefined}
            aria-describedby={`field-occurredOn-hint${dateError ? ' field-occurredOn-error' : ''}`}
          />
        </Field>
        <TextArea
          ctx={ctx}
          name="note"
          label={t('cooperationMatches.move.note')}
          value={values.note}
          errors={errors}
        />
        <TextArea
          ctx={ctx}
          name="reason"
          label={t('cooperationMatches.move.reason')}
          hint={t('cooperationMatches.move.reasonHint')}
          value={values.reason}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('cooperationMatches.move.submit')}
        </button>
      </form>
    </section>
  );
}

/** One match: the two items, why they were matched, the timeline of moves and the move form. */
export function MatchPage(props: {
  ctx: PageContext;
  detail: MatchDetail;
  staleness: Staleness;
  values?: MoveFormValues;
  errors?: FieldError[];
  conflict?: boolean;
  notice?: 'proposed' | 'moved';
}) {
  const { ctx, detail, staleness } = props;
  const { match, moves } = detail;
  const t = ctx.t;
  const title = `${pickText(match.demand.title, ctx.lang)?.text ?? ''} ↔ ${pickText(match.offer.title, ctx.lang)?.text ?? ''}`;
  const days = daysSince(match.lastMovedAt, staleness.now);
  const formErrors = props.errors?.filter((e) => e.field !== 'version');
  return (
    <Layout ctx={ctx} title={t('cooperationMatches.page.htmlTitle', { title })}>
      <p>
        <a href={`/${ctx.lang}/matches`}>{t('cooperationMatches.page.backToBoard')}</a>
      </p>
      <PageHeading>
        <Localized ctx={ctx} text={match.demand.title} /> ↔ <Localized ctx={ctx} text={match.offer.title} />
      </PageHeading>
      {props.notice === 'proposed' ? (
        <Notice>{t('cooperationMatches.notice.proposed')}</Notice>
      ) : props.notice === 'moved' ? (
        <Notice>{t('cooperationMatches.notice.moved', { stage: stageLabel(t, match.stage) })}</Notice>
      ) : null}
      {props.conflict ? (
        <section class="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('cooperationMatches.conflict.title')}</h2>
          <p>{t('cooperationMatches.conflict.body', { stage: stageLabel(t, match.stage) })}</p>
        </section>
      ) : null}
      <ErrorSummary ctx={ctx} errors={formErrors} />
      <dl class="summary-list">
        <dt>{t('cooperationMatches.page.stage')}</dt>
        <dd>
          <strong>{stageLabel(t, match.stage)}</strong>
        </dd>
        {match.droppedReason ? (
          <>
            <dt>{t('cooperationMatches.page.droppedReason')}</dt>
            <dd>{match.droppedReason}</dd>
          </>
        ) : null}
        <dt>{t('cooperationMatches.page.network')}</dt>
        <dd>
          <a href={`/${ctx.lang}/networks/${match.networkSlug}`}>
            <Localized ctx={ctx} text={match.networkName} />
          </a>
        </dd>
        <dt>{t('cooperationMatches.page.proposedOn')}</dt>
        <dd>{match.proposedAt.toISOString().slice(0, 10)}</dd>
        <dt>{t('cooperationMatches.page.lastMove')}</dt>
        <dd>
          {t('cooperationMatches.page.lastMoveDays', { days })}
          {isStale(match, staleness) ? (
            <>
              {' '}
              <strong>{t('cooperationMatches.stale', { days })}</strong>
            </>
          ) : null}
        </dd>
      </dl>
      {AGREED.includes(match.stage) ? (
        <p>
          <a class="button" href={`/${ctx.lang}/cooperation/new?match=${match.id}`}>
            {t('cooperationMatches.page.record')}
          </a>
        </p>
      ) : null}
      <ItemSection ctx={ctx} item={match.demand} side="demand" />
      <ItemSection ctx={ctx} item={match.offer} side="offer" />
      <section aria-labelledby="why-title">
        <h2 id="why-title">{t('cooperationMatches.page.why')}</h2>
        <p>
          {match.score === null
            ? t('cooperationMatches.page.noScore')
            : t('cooperationMatches.page.score', { score: Math.round(match.score * 10) / 10 })}
        </p>
        <Explanation ctx={ctx} parts={match.explanation} />
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('cooperationMatches.timeline.title')}</h2>
        <Timeline ctx={ctx} moves={moves} />
      </section>
      <MoveForm ctx={ctx} match={match} values={props.values ?? {}} errors={formErrors} now={staleness.now} />
    </Layout>
  );
}

/** A proposal that could not be made: the reasons next to the fields, and the form to try again. */
export function ProposeMatchPage(props: {
  ctx: PageContext;
  values: { demandId?: string | undefined; offerId?: string | undefined; note?: string | undefined };
  errors: FieldError[];
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('cooperationMatches.propose.title')}>
      <PageHeading>{t('cooperationMatches.propose.title')}</PageHeading>
      <p>{t('cooperationMatches.propose.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/${ctx.lang}/matches`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          ctx={ctx}
          name="demandId"
          label={t('cooperationMatches.propose.demandId')}
          value={values.demandId}
          errors={errors}
          required
        />
        <TextInput
          ctx={ctx}
          name="offerId"
          label={t('cooperationMatches.propose.offerId')}
          value={values.offerId}
          errors={errors}
          required
        />
        <TextArea
          ctx={ctx}
          name="note"
          label={t('cooperationMatches.move.note')}
          value={values.note}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('cooperationMatches.propose.submit')}
        </button>
      </form>
      <p>
        <a href={`/${ctx.lang}/demands`}>{t('cooperationMatches.propose.demands')}</a> ·{' '}
        <a href={`/${ctx.lang}/offers`}>{t('cooperationMatches.propose.offers')}</a>
      </p>
    </Layout>
  );
}

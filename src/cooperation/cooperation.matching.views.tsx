import type { FieldError } from '../http/problems.ts';
import { isSecretariat } from '../http/access.ts';
import { labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  errorFor,
} from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { ExplanationPart, MatchStage } from './cooperation.tables.ts';
import { COMPONENT_MEANING, componentName, explainPart, explainParts } from './matching.explain.ts';
import type { Candidate, Ranking } from './matching.rank.ts';
import {
  COMPONENTS,
  type Component,
  DEFAULT_WEIGHTS,
  MAX_WEIGHT,
  type MatchingWeights,
  maxScore,
} from './matching.score.ts';

// The candidates of an offer or a demand, ranked and explained; a network's matching weights.

const STAGE_KEYS: Record<MatchStage, string> = {
  proposed: 'cooperationMatching.stage.proposed',
  contacted: 'cooperationMatching.stage.contacted',
  'meeting-held': 'cooperationMatching.stage.meeting-held',
  'agreement-drafted': 'cooperationMatching.stage.agreement-drafted',
  'agreement-signed': 'cooperationMatching.stage.agreement-signed',
  'under-way': 'cooperationMatching.stage.under-way',
  completed: 'cooperationMatching.stage.completed',
  dropped: 'cooperationMatching.stage.dropped',
};

/** A text in the page's language, or in another marked with its `lang`. */
function Text({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/**
 * A message with a content text inside it ("Offers for “{title}”"): the text keeps its own
 * language (`lang`) when it is not the page's, which a plain string could not say.
 */
function WithText(props: {
  ctx: PageContext;
  message: string;
  values?: Record<string, string | number>;
  slot: string;
  text: LocalizedText | null | undefined;
}) {
  const MARK = '\u0000';
  const [before = '', after = ''] = props.ctx
    .t(props.message, { ...props.values, [props.slot]: MARK })
    .split(MARK);
  return (
    <>
      {before}
      <Text ctx={props.ctx} text={props.text} />
      {after}
    </>
  );
}

const plain = (ctx: PageContext, text: LocalizedText | null | undefined) =>
  pickText(text, ctx.lang)?.text ?? '';
const points = (ctx: PageContext, value: number) =>
  new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 2 }).format(value);

/** The parts of a score as a table: component, points, the reason in words. */
export function ExplanationTable({ ctx, parts }: { ctx: PageContext; parts: ExplanationPart[] }) {
  const t = ctx.t;
  if (parts.length === 0) return <p>{t('cooperationMatching.why.nothing')}</p>;
  return (
    <DataTable
      caption={t('cooperationMatching.candidates.whyCaption')}
      rows={explainParts(parts, t)}
      columns={[
        {
          header: t('cooperationMatching.candidates.column.component'),
          cell: (row) => componentName(row.component, t),
        },
        { header: t('cooperationMatching.candidates.column.points'), cell: (row) => points(ctx, row.points) },
        { header: t('cooperationMatching.candidates.column.words'), cell: (row) => row.text },
      ]}
    />
  );
}

function CandidateEntry(props: { ctx: PageContext; ranking: Ranking; candidate: Candidate; rank: number }) {
  const { ctx, ranking, candidate, rank } = props;
  const t = ctx.t;
  const { item } = candidate;
  const [demandId, offerId] =
    ranking.subject.side === 'demand' ? [ranking.subject.id, item.id] : [item.id, ranking.subject.id];
  const collection = item.side === 'offer' ? 'offers' : 'demands';
  const headingId = `candidate-${item.id}`;
  return (
    <li class="practice-result" aria-labelledby={headingId}>
      <h2 id={headingId} class="practice-result__title">
        {t('cooperationMatching.candidates.rank', { rank })}{' '}
        <a href={`/${ctx.lang}/${collection}/${item.id}`}>
          <Text ctx={ctx} text={item.title} />
        </a>
      </h2>
      <p class="meta">
        <WithText
          ctx={ctx}
          message={'cooperationMatching.candidates.by'}
          slot="organisation"
          text={candidate.organisationName}
        />
        {' · '}
        {t('cooperationMatching.candidates.kind', {
          kind: labelOf('cooperation-kinds', item.kind, ctx.lang) ?? item.kind,
        })}
      </p>
      <p>
        <strong>
          {t('cooperationMatching.candidates.score', {
            score: points(ctx, candidate.score),
            max: points(ctx, ranking.maxScore),
          })}
        </strong>
      </p>
      <ExplanationTable ctx={ctx} parts={candidate.parts} />
      {candidate.match ? (
        <p>
          {t('cooperationMatching.candidates.alreadyMatched', {
            stage: t(STAGE_KEYS[candidate.match.stage]),
          })}{' '}
          <a href={`/${ctx.lang}/matches/${candidate.match.id}`}>
            {t('cooperationMatching.candidates.seeMatch')}
          </a>
        </p>
      ) : (
        <form method="post" action={`/${ctx.lang}/matches`} class="form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="demandId" value={demandId} />
          <input type="hidden" name="offerId" value={offerId} />
          <Field ctx={ctx} name={`note-${item.id}`} label={t('cooperationMatching.candidates.note')}>
            <textarea id={`field-note-${item.id}`} name="note" rows={2} maxLength={2000} />
          </Field>
          <button type="submit" class="button">
            {t('cooperationMatching.candidates.propose')}
          </button>
        </form>
      )}
    </li>
  );
}

export function CandidatesPage({ ctx, ranking }: { ctx: PageContext; ranking: Ranking }) {
  const t = ctx.t;
  const { subject } = ranking;
  const isDemand = subject.side === 'demand';
  const subjectTitle = plain(ctx, subject.title);
  const title = isDemand
    ? t('cooperationMatching.candidates.titleDemand', { title: subjectTitle })
    : t('cooperationMatching.candidates.titleOffer', { title: subjectTitle });
  const network = plain(ctx, ranking.network.name) || ranking.network.slug;
  const subjectUrl = `/${ctx.lang}/${isDemand ? 'demands' : 'offers'}/${subject.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        <WithText
          ctx={ctx}
          message={
            isDemand
              ? 'cooperationMatching.candidates.titleDemand'
              : 'cooperationMatching.candidates.titleOffer'
          }
          slot="title"
          text={subject.title}
        />
      </PageHeading>
      <p class="lead">
        {isDemand
          ? t('cooperationMatching.candidates.introDemand', { network })
          : t('cooperationMatching.candidates.introOffer', { network })}
      </p>
      <p>
        {t('cooperationMatching.candidates.weights', {
          custom: ranking.customWeights ? 'yes' : 'no',
          max: points(ctx, ranking.maxScore),
        })}
        {isSecretariat(ctx.principal, ranking.network.id) ? (
          <>
            {' '}
            <a href={`/${ctx.lang}/networks/${ranking.network.slug}/matching`}>
              {t('cooperationMatching.candidates.tuneWeights')}
            </a>
          </>
        ) : null}
      </p>
      {!ranking.subjectOpen ? (
        <Notice kind="info">{t('cooperationMatching.candidates.notOpen')}</Notice>
      ) : ranking.candidates.length === 0 ? (
        <p>{t('cooperationMatching.candidates.none')}</p>
      ) : (
        <>
          <p>
            {t('cooperationMatching.candidates.count', {
              shown: ranking.candidates.length,
              total: ranking.total,
            })}
          </p>
          <ol class="practice-results">
            {ranking.candidates.map((candidate, index) => (
              <CandidateEntry ctx={ctx} ranking={ranking} candidate={candidate} rank={index + 1} />
            ))}
          </ol>
        </>
      )}
      <p>
        <a href={subjectUrl}>
          {isDemand
            ? t('cooperationMatching.candidates.backDemand')
            : t('cooperationMatching.candidates.backOffer')}
        </a>
      </p>
    </Layout>
  );
}

/** Made-up parts that show each component in words on the weights page. */
const EXAMPLES: Record<Component, ExplanationPart> = {
  areas: {
    component: 'areas',
    points: 0,
    values: { count: 2, codes: 'counter-trafficking,labour-migration' },
  },
  objectives: { component: 'objectives', points: 0, values: { count: 1, codes: '10' } },
  geography: { component: 'geography', points: 0, values: { count: 1, total: 2, codes: 'GT' } },
  language: { component: 'language', points: 0, values: { count: 1, codes: 'es' } },
  kind: { component: 'kind', points: 0, values: { code: 'training' } },
  period: { component: 'period', points: 0, values: { from: '2026-03-01', to: '2026-12-31' } },
  text: {
    component: 'text',
    points: 0,
    values: {
      percent: 38,
      terms_fr: 'traite des êtres humains, victime de traite',
      terms_es: 'trata de personas, víctima de trata',
      terms_en: 'human trafficking, victim of trafficking',
      terms_pt: 'tráfico de pessoas, vítima de tráfico',
    },
  },
  history: { component: 'history', points: 0, values: { via: 'record' } },
};

export type WeightsNotice = 'saved' | 'reset';

export function WeightsPage(props: {
  ctx: PageContext;
  network: { slug: string; name: LocalizedText };
  weights: MatchingWeights;
  /** The form's values as typed, when it comes back with errors. */
  values?: Record<string, string> | undefined;
  custom: boolean;
  updatedAt: Date | null;
  errors?: FieldError[] | undefined;
  notice?: WeightsNotice | undefined;
}) {
  const { ctx, network, weights, errors } = props;
  const t = ctx.t;
  const networkName = plain(ctx, network.name) || network.slug;
  const title = t('cooperationMatching.weights.title', { network: networkName });
  const action = `/${ctx.lang}/networks/${network.slug}/matching`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.notice === 'saved' ? <Notice>{t('cooperationMatching.weights.saved')}</Notice> : null}
      {props.notice === 'reset' ? <Notice>{t('cooperationMatching.weights.wasReset')}</Notice> : null}
      <p class="lead">{t('cooperationMatching.weights.intro')}</p>
      <p>
        {props.custom && props.updatedAt
          ? t('cooperationMatching.weights.custom', {
              date: new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long' }).format(props.updatedAt),
            })
          : t('cooperationMatching.weights.usingDefaults')}{' '}
        {t('cooperationMatching.weights.maxScore', { max: points(ctx, maxScore(weights)) })}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend>{t('cooperationMatching.weights.legend', { max: MAX_WEIGHT })}</legend>
          {COMPONENTS.map((component) => {
            const error = errorFor(errors, component);
            const hintId = `field-${component}-hint`;
            return (
              <Field
                ctx={ctx}
                name={component}
                label={componentName(component, t)}
                hint={t('cooperationMatching.weights.hint', {
                  meaning: t(COMPONENT_MEANING[component]),
                  default: points(ctx, DEFAULT_WEIGHTS[component]),
                })}
                error={error}
              >
                <input
                  id={`field-${component}`}
                  name={component}
                  type="number"
                  min={0}
                  max={MAX_WEIGHT}
                  step="any"
                  inputMode="decimal"
                  value={props.values?.[component] ?? String(weights[component])}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={[hintId, error ? `field-${component}-error` : null]
                    .filter(Boolean)
                    .join(' ')}
                />
              </Field>
            );
          })}
        </fieldset>
        <ul class="pager">
          <li>
            <button type="submit" name="action" value="save" class="button">
              {t('cooperationMatching.weights.save')}
            </button>
          </li>
          <li>
            <button type="submit" name="action" value="reset" class="button button--secondary">
              {t('cooperationMatching.weights.reset')}
            </button>
          </li>
        </ul>
      </form>
      <DataTable
        caption={t('cooperationMatching.weights.previewCaption')}
        rows={[...COMPONENTS]}
        columns={[
          { header: t('cooperationMatching.weights.column.component'), cell: (c) => componentName(c, t) },
          { header: t('cooperationMatching.weights.column.meaning'), cell: (c) => t(COMPONENT_MEANING[c]) },
          { header: t('cooperationMatching.weights.column.weight'), cell: (c) => points(ctx, weights[c]) },
          {
            header: t('cooperationMatching.weights.column.example'),
            cell: (c) => explainPart(EXAMPLES[c], t),
          },
        ]}
      />
      <p>
        <a href={`/${ctx.lang}/networks/${network.slug}`}>{t('cooperationMatching.weights.backToNetwork')}</a>
      </p>
    </Layout>
  );
}

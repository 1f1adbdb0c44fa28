import { Notice, PageHeading, Select } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { Localized, type Staleness, isStale } from './cooperation.matches.components.tsx';
import { stageLabel } from './cooperation.matches.labels.ts';
import type { MatchSummary } from './cooperation.matches.repository.ts';
import { STAGES, type MatchFilters } from './cooperation.matches.schemas.ts';
import { daysSince } from './cooperation.matches.queries.ts';

function MatchCard({
  ctx,
  match,
  staleness,
}: {
  ctx: PageContext;
  match: MatchSummary;
  staleness: Staleness;
}) {
  const t = ctx.t;
  const days = daysSince(match.lastMovedAt, staleness.now);
  return (
    <li class="card">
      <h3>
        <a href={`/${ctx.lang}/matches/${match.id}`}>
          <Localized ctx={ctx} text={match.demand.title} /> ↔ <Localized ctx={ctx} text={match.offer.title} />
        </a>
      </h3>
      <p class="meta">
        {t('cooperationMatches.board.asking')} <Localized ctx={ctx} text={match.demand.organisationName} />
        <br />
        {t('cooperationMatches.board.offering')} <Localized ctx={ctx} text={match.offer.organisationName} />
      </p>
      <p class="meta">{t('cooperationMatches.board.daysSince', { days })}</p>
      {isStale(match, staleness) ? (
        <p>
          <strong>{t('cooperationMatches.stale', { days })}</strong>
        </p>
      ) : null}
    </li>
  );
}

/** The facilitation board: one section per stage, the matches as cards; plain HTML, no script. */
export function MatchBoardPage(props: {
  ctx: PageContext;
  matches: MatchSummary[];
  filters: MatchFilters;
  choices: {
    networks: { slug: string; name: LocalizedText }[];
    organisations: { id: string; name: LocalizedText }[];
  };
  staleness: Staleness;
}) {
  const { ctx, matches, filters, choices } = props;
  const t = ctx.t;
  const text = (value: LocalizedText) => pickText(value, ctx.lang)?.text ?? '';
  return (
    <Layout ctx={ctx} title={t('cooperationMatches.board.title')}>
      <PageHeading>{t('cooperationMatches.board.title')}</PageHeading>
      <p class="lead">{t('cooperationMatches.board.intro', { days: props.staleness.staleDays })}</p>
      <p>
        {t('cooperationMatches.board.howToPropose')}{' '}
        <a href={`/${ctx.lang}/demands`}>{t('cooperationMatches.propose.demands')}</a> ·{' '}
        <a href={`/${ctx.lang}/offers`}>{t('cooperationMatches.propose.offers')}</a>
      </p>
      <form method="get" action={`/${ctx.lang}/matches`} role="search" class="filters">
        <Select
          ctx={ctx}
          name="network"
          label={t('cooperationMatches.filter.network')}
          value={filters.network}
          empty={t('cooperationMatches.filter.allNetworks')}
          options={choices.networks.map((n) => ({ value: n.slug, label: text(n.name) }))}
          errors={undefined}
        />
        <Select
          ctx={ctx}
          name="organisation"
          label={t('cooperationMatches.filter.organisation')}
          value={filters.organisation}
          empty={t('cooperationMatches.filter.allOrganisations')}
          options={choices.organisations
            .map((o) => ({ value: o.id, label: text(o.name) }))
            .sort((a, b) => a.label.localeCompare(b.label, ctx.lang))}
          errors={undefined}
        />
        {filters.item ? <input type="hidden" name="item" value={filters.item} /> : null}
        <button type="submit" class="button">
          {t('cooperationMatches.filter.apply')}
        </button>
      </form>
      {filters.item ? (
        <Notice kind="info">
          <p>
            {t('cooperationMatches.filter.itemOnly')}{' '}
            <a href={`/${ctx.lang}/matches`}>{t('cooperationMatches.filter.clear')}</a>
          </p>
        </Notice>
      ) : null}
      <p>{t('cooperationMatches.board.count', { count: matches.length })}</p>
      <nav aria-label={t('cooperationMatches.board.stages')}>
        <ul class="action-list">
          {STAGES.map((stage) => (
            <li>
              <a href={`#stage-${stage}`}>
                {stageLabel(t, stage)} ({matches.filter((m) => m.stage === stage).length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {STAGES.map((stage) => {
        const here = matches.filter((m) => m.stage === stage);
        return (
          <section aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`}>
              {stageLabel(t, stage)} ({here.length})
            </h2>
            {here.length === 0 ? (
              <p class="meta">{t('cooperationMatches.board.empty')}</p>
            ) : (
              <ul class="cards">
                {here.map((match) => (
                  <MatchCard ctx={ctx} match={match} staleness={props.staleness} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}

import { DateTime } from 'luxon';
import { stageLabel } from '../cooperation/index.ts';
import { PageHeading } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { Children, PageContext } from '../web/render.tsx';
import type { Dashboard } from './dashboard.queries.ts';

/** A text in the page's language, or in another one marked with `lang`. */
function TextIn({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  return picked.lang === ctx.lang ? <>{picked.text}</> : <span lang={picked.lang}>{picked.text}</span>;
}

/** A plain string whose language may differ from the page's. */
function Plain({ ctx, text, lang }: { ctx: PageContext; text: string; lang: string }) {
  return lang === ctx.lang ? <>{text}</> : <span lang={lang}>{text}</span>;
}

/** An instant in a zone, in the reader's language, with the zone named. */
export function when(ctx: PageContext, instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(ctx.lang);
  return ctx.t('dashboard.inZone', {
    time: (local.isValid
      ? local
      : DateTime.fromJSDate(instant, { zone: 'UTC' }).setLocale(ctx.lang)
    ).toLocaleString(DateTime.DATETIME_MED),
    zone: local.isValid ? zone : 'UTC',
  });
}

const day = (ctx: PageContext, iso: string) =>
  DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(ctx.lang).toLocaleString(DateTime.DATE_MED);

function Section(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  more: { href: string; label: string };
  children: Children;
}) {
  return (
    <section class="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.count === 0 ? <p>{props.empty}</p> : <ul class="plain-list">{props.children}</ul>}
      <p>
        <a href={props.more.href}>{props.more.label}</a>
      </p>
    </section>
  );
}

export function DashboardPage({
  ctx,
  dashboard,
  now,
}: {
  ctx: PageContext;
  dashboard: Dashboard;
  now: Date;
}) {
  const { t, lang, principal } = ctx;
  const d = dashboard;
  const organisation = principal?.organisationId;
  const today = now.toISOString().slice(0, 10);
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <p class="lead">{t('dashboard.lead', { name: principal?.name ?? '' })}</p>
      <div class="cards">
        <Section
          id="meetings"
          title={t('dashboard.meetings.title')}
          empty={t('dashboard.meetings.empty')}
          count={d.meetings.length}
          more={{ href: `/${lang}/meetings`, label: t('dashboard.meetings.all') }}
        >
          {d.meetings.map((m) => (
            <li>
              <a href={`/${lang}/meetings/${m.id}`}>
                <TextIn ctx={ctx} text={m.title} />
              </a>
              <br />
              <span class="meta">
                {when(ctx, m.startsAt, d.timeZone ?? m.timeZone)} · <TextIn ctx={ctx} text={m.networkName} />
              </span>
            </li>
          ))}
        </Section>
        <Section
          id="actions"
          title={t('dashboard.actions.title')}
          empty={t('dashboard.actions.empty')}
          count={d.actions.length}
          more={{ href: `/${lang}/actions`, label: t('dashboard.actions.all') }}
        >
          {d.actions.map((a) => (
            <li>
              <a href={`/${lang}/actions/${a.id}`}>
                <Plain ctx={ctx} text={a.title} lang={a.language} />
              </a>
              <br />
              <span class="meta">
                {a.dueOn < today
                  ? t('dashboard.actions.overdue', { date: day(ctx, a.dueOn) })
                  : t('dashboard.actions.due', { date: day(ctx, a.dueOn) })}{' '}
                · <TextIn ctx={ctx} text={a.meetingTitle} />
              </span>
            </li>
          ))}
        </Section>
        <Section
          id="questions"
          title={t('dashboard.questions.title')}
          empty={t(d.hasOrganisation ? 'dashboard.questions.empty' : 'dashboard.noOrganisation')}
          count={d.questions.length}
          more={{ href: `/${lang}/questions?status=open`, label: t('dashboard.questions.all') }}
        >
          {d.questions.map((q) => (
            <li>
              <a href={`/${lang}/questions/${q.id}`}>
                <TextIn ctx={ctx} text={q.title} />
              </a>
              <br />
              <span class="meta">
                {t('dashboard.questions.deadline', {
                  deadline: when(ctx, q.deadline, d.timeZone ?? q.timeZone),
                })}{' '}
                · <TextIn ctx={ctx} text={q.organisationName} />
              </span>
            </li>
          ))}
        </Section>
        <Section
          id="offers"
          title={t('dashboard.offers.title')}
          empty={t(d.hasOrganisation ? 'dashboard.offers.empty' : 'dashboard.noOrganisation')}
          count={d.offers.length}
          more={{
            href: organisation ? `/${lang}/offers?organisation=${organisation}` : `/${lang}/offers`,
            label: t('dashboard.offers.all'),
          }}
        >
          {d.offers.map((item) => (
            <li>
              <a href={`/${lang}/offers/${item.id}`}>
                <TextIn ctx={ctx} text={item.title} />
              </a>
            </li>
          ))}
        </Section>
        <Section
          id="demands"
          title={t('dashboard.demands.title')}
          empty={t(d.hasOrganisation ? 'dashboard.demands.empty' : 'dashboard.noOrganisation')}
          count={d.demands.length}
          more={{
            href: organisation ? `/${lang}/demands?organisation=${organisation}` : `/${lang}/demands`,
            label: t('dashboard.demands.all'),
          }}
        >
          {d.demands.map((item) => (
            <li>
              <a href={`/${lang}/demands/${item.id}`}>
                <TextIn ctx={ctx} text={item.title} />
              </a>
            </li>
          ))}
        </Section>
        <Section
          id="matches"
          title={t('dashboard.matches.title')}
          empty={t('dashboard.matches.empty')}
          count={d.matches.length}
          more={{ href: `/${lang}/matches`, label: t('dashboard.matches.all') }}
        >
          {d.matches.map((m) => (
            <li>
              <a href={`/${lang}/matches/${m.id}`}>
                <TextIn ctx={ctx} text={m.demand.title} />
              </a>
              <br />
              <span class="meta">
                {t('dashboard.matches.with', { stage: stageLabel(t, m.stage) })}{' '}
                <TextIn ctx={ctx} text={m.offer.organisationName} />
              </span>
            </li>
          ))}
        </Section>
        <Section
          id="news"
          title={t('dashboard.news.title')}
          empty={t('dashboard.news.empty')}
          count={d.news.length}
          more={{ href: `/${lang}/subscriptions`, label: t('dashboard.news.all') }}
        >
          {d.news.map((n) => (
            <li>
              <a href={n.path}>
                <Plain ctx={ctx} text={n.title} lang={n.titleLang} />
              </a>
              <br />
              <span class="meta">
                {day(ctx, n.date.toISOString().slice(0, 10))}
                {n.context ? ` · ${n.context}` : ''} · {n.subscriptionName}
              </span>
            </li>
          ))}
        </Section>
      </div>
      <p class="open-data">
        <a href="/api/v1/dashboard">{t('dashboard.json')}</a>
      </p>
    </Layout>
  );
}

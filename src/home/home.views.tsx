import { Layout } from '../web/layout.tsx';
import { PageHeading } from '../web/components.tsx';
import type { PageContext } from '../web/render.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';

export interface HomeNetwork {
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  people: string | null;
}

function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  // Content shows its language and falls back visibly.
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>{' '}
      <span class="lang-badge" title={ctx.t('home.fallback', { language: picked.lang.toUpperCase() })}>
        {picked.lang}
      </span>
    </>
  );
}

export function HomePage({ ctx, networks }: { ctx: PageContext; networks: HomeNetwork[] }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('layout.siteName')} description={t('home.lead')}>
      <PageHeading>{t('home.title')}</PageHeading>
      <p class="lead">{t('home.lead')}</p>
      <h2>{t('home.networks')}</h2>
      {networks.length === 0 ? (
        <p>{t('home.noNetworks')}</p>
      ) : (
        <ul class="cards">
          {networks.map((network) => (
            <li class="card">
              <h3>
                <Localized ctx={ctx} text={network.name} />
              </h3>
              <p>
                <Localized ctx={ctx} text={network.description} />
              </p>
              <p class="meta">{t('home.people', { count: Number(network.people ?? 0) })}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('home.forWhom')}</h2>
      <ul class="cards">
        <li class="card">
          <h3>{t('home.secretariat.title')}</h3>
          <p>{t('home.secretariat.body')}</p>
        </li>
        <li class="card">
          <h3>{t('home.members.title')}</h3>
          <p>{t('home.members.body')}</p>
        </li>
        <li class="card">
          <h3>{t('home.migrants.title')}</h3>
          <p>{t('home.migrants.body')}</p>
        </li>
        <li class="card">
          <h3>{t('home.public.title')}</h3>
          <p>
            {t('home.public.body')} <a href={`/${ctx.lang}/api`}>{t('layout.apiDocs')}</a>
          </p>
        </li>
      </ul>
    </Layout>
  );
}

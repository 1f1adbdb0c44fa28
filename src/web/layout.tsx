import type { Children, PageContext } from './render.tsx';
import { LANGUAGES } from './language.ts';
import { translator } from './i18n.ts';
import { CsrfField } from './components.tsx';
import { assetUrl } from './assets.ts';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Atom feeds of what the page lists, announced in the head for feed readers. */
  feeds?: readonly { href: string; title: string }[];
  children: Children;
}

/** The frame of every page: skip link, landmarks, language switcher, account menu. */
export function Layout({ ctx, title, description, feeds, children }: LayoutProps) {
  const { t, lang, principal } = ctx;
  const siteName = t('layout.siteName');
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? siteName : `${title} · ${siteName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={assetUrl('site.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {(feeds ?? []).map((feed) => (
          <link rel="alternate" type="application/atom+xml" href={feed.href} title={feed.title} />
        ))}
        {LANGUAGES.map((other) => (
          <link
            rel="alternate"
            hreflang={other}
            href={`/${other}${ctx.pathWithoutLang === '/' ? '' : ctx.pathWithoutLang}`}
          />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-name" href={`/${lang}`}>
              <span class="site-name__title">{siteName}</span>
              <span class="site-name__tagline">{t('layout.tagline')}</span>
            </a>
            <nav class="language-switcher" aria-label={t('layout.languages')}>
              <ul>
                {LANGUAGES.map((other) => (
                  <li>
                    <a
                      href={`/${other}${ctx.pathWithoutLang === '/' ? '' : ctx.pathWithoutLang}`}
                      hreflang={other}
                      lang={other}
                      aria-current={other === lang ? 'true' : undefined}
                    >
                      {translator(other)('layout.languageName')}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t('layout.mainNav')}>
            <ul>
              <li>
                <a href={`/${lang}`}>{t('layout.home')}</a>
              </li>
              <li>
                <a href={`/${lang}/practices`}>{t('layout.practices')}</a>
              </li>
              <li>
                <a href={`/${lang}/offers`}>{t('layout.offers')}</a>
              </li>
              <li>
                <a href={`/${lang}/demands`}>{t('layout.demands')}</a>
              </li>
              <li>
                <a href={`/${lang}/cooperation`}>{t('layout.cooperation')}</a>
              </li>
              <li>
                <a href={`/${lang}/meetings`}>{t('layout.meetings')}</a>
              </li>
              <li>
                <a href={`/${lang}/updates`}>{t('layout.updates')}</a>
              </li>
              <li>
                <a href={`/${lang}/questions`}>{t('layout.questions')}</a>
              </li>
              <li>
                <a href={`/${lang}/organisations`}>{t('layout.organisations')}</a>
              </li>
              <li>
                <a href={`/${lang}/networks`}>{t('layout.networks')}</a>
              </li>
              <li>
                <a href={`/${lang}/api`}>{t('layout.apiDocs')}</a>
              </li>
              {principal ? null : (
                <li>
                  <a href={`/${lang}/login`}>{t('layout.signIn')}</a>
                </li>
              )}
            </ul>
          </nav>
          {principal ? (
            <nav class="personal-nav" aria-label={t('layout.personalNav')}>
              <ul>
                <li>
                  <a href={`/${lang}/dashboard`}>{t('layout.dashboard')}</a>
                </li>
                <li>
                  <a href={`/${lang}/practices/work`}>{t('layout.work')}</a>
                </li>
                <li>
                  <a href={`/${lang}/matches`}>{t('layout.matches')}</a>
                </li>
                <li>
                  <a href={`/${lang}/actions`}>{t('layout.actions')}</a>
                </li>
                <li>
                  <a href={`/${lang}/subscriptions`}>{t('layout.subscriptions')}</a>
                </li>
                <li>
                  <a href={`/${lang}/account`}>{t('layout.account')}</a>
                </li>
                {principal.isAdmin ? (
                  <>
                    <li>
                      <a href={`/${lang}/admin/users`}>{t('layout.admin')}</a>
                    </li>
                    <li>
                      <a href={`/${lang}/admin/audit`}>{t('layout.audit')}</a>
                    </li>
                    <li>
                      <a href={`/${lang}/admin/jobs`}>{t('layout.jobs')}</a>
                    </li>
                  </>
                ) : null}
                <li>
                  <form method="post" action={`/${lang}/logout`} class="inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link-button">
                      {t('layout.signOut')}
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
          <p>{t('layout.openData')}</p>
        </footer>
      </body>
    </html>
  );
}

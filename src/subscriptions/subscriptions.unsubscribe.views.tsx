import { Notice, PageHeading } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';

/** What an unsubscribe link is, or what using it did. */
export type UnsubscribeState =
  | { kind: 'confirm'; scope: 'all' | 'subscription'; subscriptionName: string | null; token: string }
  | { kind: 'done'; scope: 'all' | 'subscription' }
  | { kind: 'already' }
  | { kind: 'unknown' };

function ManageLink({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <a href={`/${ctx.lang}/subscriptions`}>{ctx.t('subscriptions.unsubscribe.manage')}</a>
    </p>
  );
}

/**
 * The page of an unsubscribe link. Following the link (GET) only shows a button: mail scanners
 * follow links, and must not unsubscribe anyone. The button posts what a mail client's one-click
 * unsubscribe posts (RFC 8058), to the same address.
 */
export function UnsubscribePage({ ctx, state }: { ctx: PageContext; state: UnsubscribeState }) {
  const t = ctx.t;
  switch (state.kind) {
    case 'confirm':
      return (
        <Layout ctx={ctx} title={t('subscriptions.unsubscribe.title')}>
          <PageHeading>{t('subscriptions.unsubscribe.title')}</PageHeading>
          <p>
            {state.scope === 'all'
              ? t('subscriptions.unsubscribe.confirmAll')
              : t('subscriptions.unsubscribe.confirmOne', { name: state.subscriptionName ?? '' })}
          </p>
          <form method="post" action={`/unsubscribe/${state.token}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <input type="hidden" name="lang" value={ctx.lang} />
            <button type="submit">
              {state.scope === 'all'
                ? t('subscriptions.unsubscribe.submitAll')
                : t('subscriptions.unsubscribe.submitOne')}
            </button>
          </form>
          <ManageLink ctx={ctx} />
        </Layout>
      );
    case 'done':
      return (
        <Layout ctx={ctx} title={t('subscriptions.unsubscribe.doneTitle')}>
          <PageHeading>{t('subscriptions.unsubscribe.doneTitle')}</PageHeading>
          <Notice>
            {state.scope === 'all'
              ? t('subscriptions.unsubscribe.doneAll')
              : t('subscriptions.unsubscribe.doneOne')}
          </Notice>
          <ManageLink ctx={ctx} />
        </Layout>
      );
    case 'already':
      return (
        <Layout ctx={ctx} title={t('subscriptions.unsubscribe.alreadyTitle')}>
          <PageHeading>{t('subscriptions.unsubscribe.alreadyTitle')}</PageHeading>
          <Notice kind="info">{t('subscriptions.unsubscribe.already')}</Notice>
          <ManageLink ctx={ctx} />
        </Layout>
      );
    case 'unknown':
      return (
        <Layout ctx={ctx} title={t('subscriptions.unsubscribe.unknownTitle')}>
          <PageHeading>{t('subscriptions.unsubscribe.unknownTitle')}</PageHeading>
          <p>{t('subscriptions.unsubscribe.unknown')}</p>
          <ManageLink ctx={ctx} />
        </Layout>
      );
  }
}

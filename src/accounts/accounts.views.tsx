import type { FieldError } from '../http/problems.ts';
import { CsrfField, DataTable, ErrorSummary, Notice, PageHeading, TextInput } from '../web/components.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';

function formatDate(ctx: PageContext, value: Date | string | null): string {
  if (value === null) return '—';
  return new Intl.DateTimeFormat(ctx.lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(value));
}

export function LoginPage(props: {
  ctx: PageContext;
  email?: string | undefined;
  next?: string | undefined;
  errors?: FieldError[];
  notice?: 'reset' | 'signedOut' | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('accounts.login.title')}>
      <PageHeading>{t('accounts.login.title')}</PageHeading>
      {props.notice === 'reset' ? <Notice>{t('accounts.reset.done')}</Notice> : null}
      {props.notice === 'signedOut' ? <Notice kind="info">{t('accounts.logout.done')}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/${ctx.lang}/login`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextInput
          ctx={ctx}
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={props.email}
          errors={props.errors}
          required
          autocomplete="username"
          maxLength={254}
        />
        <TextInput
          ctx={ctx}
          name="password"
          type="password"
          label={t('accounts.field.password')}
          errors={props.errors}
          required
          autocomplete="current-password"
        />
        <button type="submit">{t('accounts.login.submit')}</button>
      </form>
      <p>
        <a href={`/${ctx.lang}/password/forgot`}>{t('accounts.login.forgot')}</a>
      </p>
    </Layout>
  );
}

/** A new password and its confirmation (password reset, accepted invitation). */
export function NewPasswordFields({ ctx, errors }: { ctx: PageContext; errors?: FieldError[] | undefined }) {
  const t = ctx.t;
  return (
    <>
      <TextInput
        ctx={ctx}
        name="password"
        type="password"
        label={t('accounts.field.newPassword')}
        hint={t('accounts.field.newPasswordHint')}
        errors={errors}
        required
        autocomplete="new-password"
      />
      <TextInput
        ctx={ctx}
        name="confirm"
        type="password"
        label={t('accounts.field.confirmPassword')}
        errors={errors}
        required
        autocomplete="new-password"
      />
    </>
  );
}

export function ForgotPasswordPage(props: {
  ctx: PageContext;
  email?: string | undefined;
  errors?: FieldError[];
  sent?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('accounts.forgot.title')}>
      <PageHeading>{t('accounts.forgot.title')}</PageHeading>
      {props.sent ? (
        <Notice>{t('accounts.forgot.sent')}</Notice>
      ) : (
        <>
          <p class="lead">{t('accounts.forgot.intro')}</p>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          <form method="post" action={`/${ctx.lang}/password/forgot`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <TextInput
              ctx={ctx}
              name="email"
              type="email"
              label={t('accounts.field.email')}
              value={props.email}
              errors={props.errors}
              required
              autocomplete="email"
              maxLength={254}
            />
            <button type="submit">{t('accounts.forgot.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ResetPasswordPage(props: {
  ctx: PageContext;
  token: string;
  errors?: FieldError[];
  expired?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('accounts.reset.title')}>
      <PageHeading>{t('accounts.reset.title')}</PageHeading>
      {props.expired ? (
        <>
          <p class="lead">{t('accounts.reset.expired')}</p>
          <p>
            <a class="button" href={`/${ctx.lang}/password/forgot`}>
              {t('accounts.reset.askAgain')}
            </a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          <form method="post" action={`/${ctx.lang}/password/reset/${props.token}`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <NewPasswordFields ctx={ctx} errors={props.errors} />
            <button type="submit">{t('accounts.reset.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export function AccountPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  newToken?: { name: string; token: string } | undefined;
  revoked?: boolean;
  errors?: FieldError[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  const principal = ctx.principal!;
  return (
    <Layout ctx={ctx} title={t('accounts.account.title')}>
      <PageHeading>{t('accounts.account.title')}</PageHeading>
      <dl class="summary-list">
        <dt>{t('accounts.field.name')}</dt>
        <dd>{principal.name}</dd>
        <dt>{t('accounts.field.email')}</dt>
        <dd>{principal.email}</dd>
      </dl>
      <h2 id="tokens">{t('accounts.tokens.title')}</h2>
      <p>{t('accounts.tokens.intro')}</p>
      {props.newToken ? (
        <Notice>
          <p>{t('accounts.tokens.created', { name: props.newToken.name })}</p>
          <p class="secret">
            <code>{props.newToken.token}</code>
          </p>
        </Notice>
      ) : null}
      {props.revoked ? <Notice kind="info">{t('accounts.tokens.revoked')}</Notice> : null}
      {props.tokens.length > 0 ? (
        <DataTable
          caption={t('accounts.tokens.caption')}
          rows={props.tokens}
          columns={[
            { header: t('accounts.tokens.name'), cell: (token) => token.name },
            { header: t('accounts.tokens.prefix'), cell: (token) => <code>{token.token_prefix}…</code> },
            { header: t('accounts.tokens.createdAt'), cell: (token) => formatDate(ctx, token.created_at) },
            { header: t('accounts.tokens.lastUsedAt'), cell: (token) => formatDate(ctx, token.last_used_at) },
            {
              header: t('accounts.tokens.state'),
              cell: (token) =>
                token.revoked_at ? (
                  t('accounts.tokens.revokedOn', { date: formatDate(ctx, token.revoked_at) })
                ) : (
                  <form
                    method="post"
                    action={`/${ctx.lang}/account/tokens/${token.id}/revoke`}
                    class="inline-form"
                  >
                    <CsrfField ctx={ctx} />
                    <button
                      type="submit"
                      class="button--secondary"
                      aria-label={t('accounts.tokens.revokeNamed', { name: token.name })}
                    >
                      {t('accounts.tokens.revoke')}
                    </button>
                  </form>
                ),
            },
          ]}
        />
      ) : (
        <p>{t('accounts.tokens.none')}</p>
      )}
      <h3>{t('accounts.tokens.new')}</h3>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/${ctx.lang}/account/tokens`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          ctx={ctx}
          name="name"
          label={t('accounts.tokens.name')}
          hint={t('accounts.tokens.nameHint')}
          errors={props.errors}
          required
          maxLength={100}
        />
        <button type="submit">{t('accounts.tokens.create')}</button>
      </form>
    </Layout>
  );
}

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  is_admin: boolean;
  disabled_at: Date | null;
  organisation_name: LocalizedText | null;
  roles: { slug: string; name: LocalizedText; role: string }[];
}

export function AdminUsersPage(props: { ctx: PageContext; rows: AdminUserRow[]; total: number }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('accounts.admin.title')}>
      <PageHeading>{t('accounts.admin.title')}</PageHeading>
      <p>{t('accounts.admin.count', { count: props.total })}</p>
      <DataTable
        caption={t('accounts.admin.caption')}
        rows={props.rows}
        columns={[
          { header: t('accounts.field.name'), cell: (row) => row.name },
          { header: t('accounts.field.email'), cell: (row) => row.email },
          {
            header: t('accounts.admin.organisation'),
            cell: (row) =>
              row.organisation_name ? (pickText(row.organisation_name, ctx.lang)?.text ?? '—') : '—',
          },
          {
            header: t('accounts.admin.roles'),
            cell: (row) =>
              [
                row.is_admin ? t('accounts.role.admin') : null,
                ...row.roles.map(
                  (r) =>
                    `${r.slug}: ${r.role === 'secretariat' ? t('accounts.role.secretariat') : t('accounts.role.member')}`,
                ),
              ]
                .filter(Boolean)
                .join(', ') || '—',
          },
        ]}
      />
    </Layout>
  );
}

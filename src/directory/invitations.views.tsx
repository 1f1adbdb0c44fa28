import type { FieldError } from '../http/problems.ts';
import { NewPasswordFields } from '../accounts/index.ts';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { type LocalizedText, pickText } from '../web/language.ts';
import type { PageContext } from '../web/render.tsx';

interface Option {
  id: string;
  name: LocalizedText;
}

export function NewInvitationPage(props: {
  ctx: PageContext;
  organisations: Option[];
  networks: Option[];
  values?: Record<string, string | undefined>;
  errors?: FieldError[];
  sent?: { email: string; expiresAt: Date } | undefined;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const values = props.values ?? {};
  const nameOf = (option: Option) => pickText(option.name, ctx.lang)?.text ?? option.id;
  const organisationError = errorFor(props.errors, 'organisationId');
  const networkError = errorFor(props.errors, 'networkId');
  return (
    <Layout ctx={ctx} title={t('invitations.new.title')}>
      <PageHeading>{t('invitations.new.title')}</PageHeading>
      {props.sent ? (
        <Notice>
          {t('invitations.new.sent', {
            email: props.sent.email,
            date: new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
              props.sent.expiresAt,
            ),
          })}
        </Notice>
      ) : null}
      <p class="lead">{t('invitations.new.intro')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/${ctx.lang}/invitations`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="organisationId"
          label={t('invitations.field.organisation')}
          error={organisationError}
          required
        >
          <select
            id="field-organisationId"
            name="organisationId"
            required
            aria-invalid={organisationError ? 'true' : undefined}
          >
            <option value="">{t('invitations.field.chooseOrganisation')}</option>
            {props.organisations.map((option) => (
              <option value={option.id} selected={values.organisationId === option.id}>
                {nameOf(option)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          ctx={ctx}
          name="networkId"
          label={t('invitations.field.network')}
          hint={t('invitations.field.networkHint')}
          error={networkError}
        >
          <select id="field-networkId" name="networkId" aria-describedby="field-networkId-hint">
            <option value="">{t('invitations.field.noNetwork')}</option>
            {props.networks.map((option) => (
              <option value={option.id} selected={values.networkId === option.id}>
                {nameOf(option)}
              </option>
            ))}
          </select>
        </Field>
        <TextInput
          ctx={ctx}
          name="name"
          label={t('accounts.field.name')}
          value={values.name}
          errors={props.errors}
          required
          maxLength={200}
        />
        <TextInput
          ctx={ctx}
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={values.email}
          errors={props.errors}
          required
          maxLength={254}
        />
        <button type="submit">{t('invitations.new.submit')}</button>
      </form>
    </Layout>
  );
}

export function AcceptInvitationPage(props: {
  ctx: PageContext;
  token: string;
  invitation: { email: string; name: string; organisationName: LocalizedText } | null;
  values?: { name?: string | undefined };
  errors?: FieldError[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('invitations.accept.title')}>
      <PageHeading>{t('invitations.accept.title')}</PageHeading>
      {props.invitation === null ? (
        <p class="lead">{t('invitations.accept.expired')}</p>
      ) : (
        <>
          <p class="lead">
            {t('invitations.accept.intro', {
              organisation: pickText(props.invitation.organisationName, ctx.lang)?.text ?? '',
              email: props.invitation.email,
            })}
          </p>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          <form method="post" action={`/${ctx.lang}/invitations/${props.token}`} class="form" novalidate>
            <CsrfField ctx={ctx} />
            <TextInput
              ctx={ctx}
              name="name"
              label={t('accounts.field.name')}
              value={props.values?.name ?? props.invitation.name}
              errors={props.errors}
              required
              maxLength={200}
              autocomplete="name"
            />
            <NewPasswordFields ctx={ctx} errors={props.errors} />
            <button type="submit">{t('invitations.accept.submit')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

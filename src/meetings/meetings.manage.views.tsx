import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  PageHeading,
  Select,
  TextInput,
  errorFor,
  Field,
} from '../web/components.tsx';
import type { LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { Localized, TextArea, roleLabel } from './meetings.components.tsx';
import { type Meeting, PARTICIPANT_ROLES } from './meetings.model.ts';
import type { MeetingDetail } from './meetings.queries.ts';

/** The secretariat's pages of a meeting: agenda, documents, invitations, attendance; and the calendar feed. */

type Values = Record<string, string | undefined>;

function Frame(props: {
  ctx: PageContext;
  meeting: Meeting;
  title: string;
  notice?: string | undefined;
  errors?: FieldError[] | undefined;
  children: preact.ComponentChildren;
}) {
  const { ctx, meeting } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <PageHeading>{props.title}</PageHeading>
      <p>
        <a href={`/${ctx.lang}/meetings/${meeting.id}`}>
          <Localized ctx={ctx} text={meeting.title} />
        </a>
      </p>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.children}
    </Layout>
  );
}

function PostButton(props: {
  ctx: PageContext;
  action: string;
  label: string;
  name?: string;
  value?: string;
  hidden?: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField ctx={props.ctx} />
      {props.name ? <input type="hidden" name={props.name} value={props.value} /> : null}
      <button type="submit" class="button button--secondary" aria-label={props.hidden}>
        {props.label}
      </button>
    </form>
  );
}

function AgendaFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors?: FieldError[] | undefined;
}) {
  const t = ctx.t;
  return (
    <>
      <TextInput
        ctx={ctx}
        name="title"
        label={t('meetings.agenda.itemTitle')}
        value={values.title}
        errors={errors}
        required
        maxLength={300}
      />
      <TextArea
        ctx={ctx}
        name="description"
        label={t('meetings.agenda.description')}
        value={values.description}
        errors={errors}
      />
      <TextInput
        ctx={ctx}
        name="presenter"
        label={t('meetings.agenda.presenter')}
        value={values.presenter}
        errors={errors}
        maxLength={300}
      />
      <TextInput
        ctx={ctx}
        name="durationMinutes"
        label={t('meetings.agenda.duration')}
        value={values.durationMinutes}
        errors={errors}
        inputMode="numeric"
        maxLength={4}
      />
    </>
  );
}

export function AgendaPage(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  values?: Values;
  errors?: FieldError[] | undefined;
  notice?: string | undefined;
}) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/meetings/${detail.meeting.id}/agenda`;
  return (
    <Frame
      ctx={ctx}
      meeting={detail.meeting}
      title={t('meetings.agenda.manageTitle')}
      notice={props.notice}
      errors={props.errors}
    >
      <ol class="agenda agenda--manage">
        {detail.agenda.map((item, index) => {
          const label =
            item.title[detail.meeting.originalLanguage as 'en'] ?? Object.values(item.title)[0] ?? '';
          return (
            <li>
              <strong>
                <Localized ctx={ctx} text={item.title} />
              </strong>
              <div class="actions">
                <a
                  href={`${base}/${item.id}/edit`}
                  aria-label={t('meetings.agenda.editOne', { title: label })}
                >
                  {t('meetings.agenda.edit')}
                </a>
                {index > 0 ? (
                  <PostButton
                    ctx={ctx}
                    action={`${base}/${item.id}/move`}
                    name="direction"
                    value="up"
                    label={t('meetings.agenda.up')}
                    hidden={t('meetings.agenda.upOne', { title: label })}
                  />
                ) : null}
                {index < detail.agenda.length - 1 ? (
                  <PostButton
                    ctx={ctx}
                    action={`${base}/${item.id}/move`}
                    name="direction"
                    value="down"
                    label={t('meetings.agenda.down')}
                    hidden={t('meetings.agenda.downOne', { title: label })}
                  />
                ) : null}
                <PostButton
                  ctx={ctx}
                  action={`${base}/${item.id}/delete`}
                  label={t('meetings.agenda.delete')}
                  hidden={t('meetings.agenda.deleteOne', { title: label })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <h2>{t('meetings.agenda.add')}</h2>
      <form method="post" action={base} novalidate>
        <CsrfField ctx={ctx} />
        <AgendaFields ctx={ctx} values={props.values ?? {}} errors={props.errors} />
        <button type="submit" class="button">
          {t('meetings.agenda.addSubmit')}
        </button>
      </form>
    </Frame>
  );
}

export function AgendaItemEditPage(props: {
  ctx: PageContext;
  meeting: Meeting;
  itemId: string;
  values: Values;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, meeting } = props;
  const t = ctx.t;
  return (
    <Frame ctx={ctx} meeting={meeting} title={t('meetings.agenda.editTitle')} errors={props.errors}>
      <form
        method="post"
        action={`/${ctx.lang}/meetings/${meeting.id}/agenda/${props.itemId}/edit`}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <AgendaFields ctx={ctx} values={props.values} errors={props.errors} />
        <button type="submit" class="button">
          {t('meetings.agenda.save')}
        </button>
      </form>
    </Frame>
  );
}

export function DocumentsPage(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  limit: string;
  values?: Values;
  errors?: FieldError[] | undefined;
  notice?: string | undefined;
}) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/meetings/${detail.meeting.id}/documents`;
  const fileError = errorFor(props.errors, 'file');
  return (
    <Frame
      ctx={ctx}
      meeting={detail.meeting}
      title={t('meetings.documents.manageTitle')}
      notice={props.notice}
      errors={props.errors}
    >
      <ul>
        {detail.documents.map((document) => (
          <li>
            <a href={`${base}/${document.id}`}>{document.title}</a>{' '}
            <span class="meta">({document.file_name})</span>{' '}
            <PostButton
              ctx={ctx}
              action={`${base}/${document.id}/delete`}
              label={t('meetings.documents.delete')}
              hidden={t('meetings.documents.deleteOne', { title: document.title })}
            />
          </li>
        ))}
      </ul>
      <h2>{t('meetings.documents.add')}</h2>
      <form method="post" action={base} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          ctx={ctx}
          name="title"
          label={t('meetings.documents.docTitle')}
          value={props.values?.title}
          errors={props.errors}
          maxLength={300}
        />
        <Field
          ctx={ctx}
          name="file"
          label={t('meetings.documents.file')}
          hint={t('meetings.documents.hint', { limit: props.limit })}
          error={fileError}
          required
        >
          <input
            type="file"
            id="field-file"
            name="file"
            required
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={['field-file-hint', fileError ? 'field-file-error' : ''].join(' ').trim()}
          />
        </Field>
        <button type="submit" class="button">
          {t('meetings.documents.upload')}
        </button>
      </form>
    </Frame>
  );
}

const roleOptions = (ctx: PageContext) =>
  PARTICIPANT_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }));

export function InvitationsPage(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  values?: Values;
  errors?: FieldError[] | undefined;
  notice?: string | undefined;
}) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/meetings/${detail.meeting.id}/invitations`;
  return (
    <Frame
      ctx={ctx}
      meeting={detail.meeting}
      title={t('meetings.invitations.title')}
      notice={props.notice}
      errors={props.errors}
    >
      <ul>
        {(detail.invitations ?? []).map((invitation) => (
          <li>
            <Localized ctx={ctx} text={invitation.name} /> — {roleLabel(ctx, invitation.role)}{' '}
            <PostButton
              ctx={ctx}
              action={`${base}/${invitation.id}/delete`}
              label={t('meetings.invitations.remove')}
              hidden={t('meetings.invitations.removeOne', {
                name:
                  typeof invitation.name === 'string'
                    ? invitation.name
                    : (Object.values(invitation.name)[0] ?? ''),
              })}
            />
          </li>
        ))}
      </ul>
      <h2>{t('meetings.invitations.add')}</h2>
      <p>{t('meetings.invitations.explain')}</p>
      <form method="post" action={base} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="organisationId"
          label={t('meetings.invitations.organisation')}
          value={props.values?.organisationId}
          options={detail.memberOrganisations.map((o) => ({ value: o.id, label: nameOf(o.name, ctx) }))}
          errors={props.errors}
          empty={t('meetings.invitations.noOrganisation')}
        />
        <TextInput
          ctx={ctx}
          name="email"
          type="email"
          label={t('meetings.invitations.email')}
          value={props.values?.email}
          errors={props.errors}
          maxLength={320}
        />
        <Select
          ctx={ctx}
          name="role"
          label={t('meetings.invitations.role')}
          value={props.values?.role ?? 'participant'}
          options={roleOptions(ctx)}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t('meetings.invitations.submit')}
        </button>
      </form>
    </Frame>
  );
}

const nameOf = (name: LocalizedText, ctx: PageContext) => name[ctx.lang] ?? Object.values(name)[0] ?? '';

export function AttendancePage(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  people: { id: string; name: string }[];
  values?: Values;
  errors?: FieldError[] | undefined;
  notice?: string | undefined;
}) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const base = `/${ctx.lang}/meetings/${detail.meeting.id}/attendance`;
  const organisations = (detail.invitations ?? []).filter((i) => i.organisationId !== null);
  return (
    <Frame
      ctx={ctx}
      meeting={detail.meeting}
      title={t('meetings.attendance.manageTitle')}
      notice={props.notice}
      errors={props.errors}
    >
      <ul>
        {(detail.attendance ?? []).map((row) => (
          <li>
            <Localized ctx={ctx} text={row.name} /> — {roleLabel(ctx, row.role)}{' '}
            <PostButton
              ctx={ctx}
              action={`${base}/${row.id}/delete`}
              label={t('meetings.attendance.remove')}
              hidden={t('meetings.attendance.removeOne', {
                name: typeof row.name === 'string' ? row.name : nameOf(row.name, ctx),
              })}
            />
          </li>
        ))}
      </ul>
      <h2>{t('meetings.attendance.add')}</h2>
      <p>{t('meetings.attendance.explain')}</p>
      <form method="post" action={base} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="userId"
          label={t('meetings.attendance.person')}
          value={props.values?.userId}
          options={props.people.map((p) => ({ value: p.id, label: p.name }))}
          errors={props.errors}
          empty={t('meetings.attendance.nobody')}
        />
        <Select
          ctx={ctx}
          name="organisationId"
          label={t('meetings.attendance.organisation')}
          value={props.values?.organisationId}
          options={organisations.map((o) => ({
            value: o.organisationId!,
            label: typeof o.name === 'string' ? o.name : nameOf(o.name, ctx),
          }))}
          errors={props.errors}
          empty={t('meetings.attendance.nobody')}
        />
        <TextInput
          ctx={ctx}
          name="name"
          label={t('meetings.attendance.guest')}
          value={props.values?.name}
          errors={props.errors}
          maxLength={300}
        />
        <Select
          ctx={ctx}
          name="role"
          label={t('meetings.invitations.role')}
          value={props.values?.role ?? 'participant'}
          options={roleOptions(ctx)}
          errors={props.errors}
        />
        <button type="submit" class="button">
          {t('meetings.attendance.submit')}
        </button>
      </form>
    </Frame>
  );
}

export function CalendarFeedPage(props: {
  ctx: PageContext;
  createdAt: Date | null;
  feedUrl: string | null;
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('meetings.feed.title')}>
      <PageHeading>{t('meetings.feed.title')}</PageHeading>
      <p>{t('meetings.feed.intro')}</p>
      {props.feedUrl ? (
        <Notice>
          <p>{t('meetings.feed.copy')}</p>
          <p>
            <code class="feed-url">{props.feedUrl}</code>
          </p>
        </Notice>
      ) : props.createdAt ? (
        <p>{t('meetings.feed.exists', { date: props.createdAt })}</p>
      ) : (
        <p>{t('meetings.feed.none')}</p>
      )}
      <form method="post" action={`/${ctx.lang}/meetings/calendar`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="button">
          {props.createdAt ? t('meetings.feed.reset') : t('meetings.feed.create')}
        </button>
      </form>
      {props.createdAt ? <p class="meta">{t('meetings.feed.resetExplain')}</p> : null}
    </Layout>
  );
}

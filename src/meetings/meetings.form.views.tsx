import type { FieldError } from '../http/problems.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  PageHeading,
  Select,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { LANGUAGES } from '../web/language.ts';
import { Field } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { Localized, TextArea, kindLabel } from './meetings.components.tsx';
import { MEETING_KINDS, type Meeting } from './meetings.model.ts';
import { MAX_INTERVAL, MAX_OCCURRENCES } from './meetings.recurrence.ts';
import type { MeetingForm } from './meetings.schemas.ts';
import { TIME_ZONES, utcToLocalInput } from './meetings.time.ts';

/** The meeting form (new and edit), the conflict it may meet, and the cancellation. */

export function formValuesOf(meeting: Meeting): MeetingForm {
  const lang = meeting.originalLanguage as 'en';
  return {
    networkId: meeting.networkId,
    kind: meeting.kind,
    language: meeting.originalLanguage,
    title: meeting.title[lang] ?? Object.values(meeting.title)[0] ?? '',
    description: meeting.description[lang] ?? '',
    timeZone: meeting.timeZone,
    startsAt: utcToLocalInput(meeting.startsAt, meeting.timeZone),
    endsAt: utcToLocalInput(meeting.endsAt, meeting.timeZone),
    place: meeting.place ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    visibility: meeting.visibility,
    version: String(meeting.version),
  };
}

function LocalDateTime(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  errors: FieldError[] | undefined;
}) {
  const error = errorFor(props.errors, props.name);
  return (
    <Field
      ctx={props.ctx}
      name={props.name}
      label={props.label}
      hint={props.ctx.t('meetings.form.localHint')}
      error={error}
      required
    >
      <input
        type="datetime-local"
        id={`field-${props.name}`}
        name={props.name}
        value={props.value}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[`field-${props.name}-hint`, error ? `field-${props.name}-error` : '']
          .join(' ')
          .trim()}
      />
    </Field>
  );
}

export function MeetingFormPage(props: {
  ctx: PageContext;
  mode: 'new' | 'edit';
  meetingId?: string;
  values: MeetingForm;
  errors?: FieldError[] | undefined;
  networks: { id: string; name: Record<string, string> }[];
  /** The meeting as saved now, when someone else changed it since the form was read. */
  conflict?: Meeting | undefined;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = props.mode === 'new' ? t('meetings.form.newTitle') : t('meetings.form.editTitle');
  const action =
    props.mode === 'new' ? `/${ctx.lang}/meetings` : `/${ctx.lang}/meetings/${props.meetingId}/edit`;
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {props.conflict ? (
        <section aria-labelledby="conflict-title" class="conflict">
          <h2 id="conflict-title">{t('meetings.conflict.title')}</h2>
          <p>{t('meetings.conflict.intro')}</p>
          <p>
            <a href={`/${ctx.lang}/meetings/${props.conflict.id}`}>
              {t('meetings.conflict.current')} <Localized ctx={ctx} text={props.conflict.title} />
            </a>
          </p>
        </section>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {props.mode === 'edit' ? <input type="hidden" name="version" value={values.version} /> : null}
        {props.mode === 'new' ? (
          <Select
            ctx={ctx}
            name="networkId"
            label={t('meetings.form.network')}
            value={values.networkId}
            options={props.networks.map((n) => ({
              value: n.id,
              label: n.name[ctx.lang] ?? Object.values(n.name)[0] ?? '',
            }))}
            errors={errors}
            required
          />
        ) : null}
        <Select
          ctx={ctx}
          name="kind"
          label={t('meetings.form.kind')}
          value={values.kind}
          options={MEETING_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
          errors={errors}
          required
        />
        <Select
          ctx={ctx}
          name="language"
          label={t('meetings.form.language')}
          value={values.language ?? ctx.lang}
          options={LANGUAGES.map((l) => ({ value: l, label: t('meetings.language', { lang: l }) }))}
          errors={errors}
          required
        />
        <TextInput
          ctx={ctx}
          name="title"
          label={t('meetings.form.title')}
          value={values.title}
          errors={errors}
          required
          maxLength={300}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('meetings.form.description')}
          value={values.description}
          errors={errors}
          maxLength={10000}
        />
        <Select
          ctx={ctx}
          name="timeZone"
          label={t('meetings.form.timeZone')}
          value={values.timeZone}
          options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
          errors={errors}
          required
        />
        <LocalDateTime
          ctx={ctx}
          name="startsAt"
          label={t('meetings.form.startsAt')}
          value={values.startsAt}
          errors={errors}
        />
        <LocalDateTime
          ctx={ctx}
          name="endsAt"
          label={t('meetings.form.endsAt')}
          value={values.endsAt}
          errors={errors}
        />
        <TextInput
          ctx={ctx}
          name="place"
          label={t('meetings.form.place')}
          value={values.place}
          errors={errors}
          maxLength={500}
        />
        <TextInput
          ctx={ctx}
          name="onlineUrl"
          type="url"
          label={t('meetings.form.onlineUrl')}
          value={values.onlineUrl}
          errors={errors}
          maxLength={2000}
        />
        <Select
          ctx={ctx}
          name="visibility"
          label={t('meetings.form.visibility')}
          value={values.visibility ?? 'network'}
          options={(['network', 'public'] as const).map((v) => ({
            value: v,
            label: t('meetings.visibility', { visibility: v }),
          }))}
          errors={errors}
        />
        {props.mode === 'new' ? (
          <fieldset class="fieldset">
            <legend>{t('meetings.form.recurrence')}</legend>
            <Select
              ctx={ctx}
              name="frequency"
              label={t('meetings.form.frequency')}
              value={values.frequency ?? 'none'}
              options={(['none', 'weekly', 'monthly'] as const).map((f) => ({
                value: f,
                label: t('meetings.frequency', { frequency: f }),
              }))}
              errors={errors}
            />
            <TextInput
              ctx={ctx}
              name="interval"
              label={t('meetings.form.interval', { max: MAX_INTERVAL })}
              value={values.interval}
              errors={errors}
              inputMode="numeric"
              maxLength={2}
            />
            <TextInput
              ctx={ctx}
              name="count"
              label={t('meetings.form.count', { max: MAX_OCCURRENCES })}
              value={values.count}
              errors={errors}
              inputMode="numeric"
              maxLength={3}
            />
            <TextInput
              ctx={ctx}
              name="until"
              type="date"
              label={t('meetings.form.until')}
              value={values.until}
              errors={errors}
            />
          </fieldset>
        ) : null}
        <button type="submit" class="button">
          {props.mode === 'new' ? t('meetings.form.create') : t('meetings.form.save')}
        </button>
      </form>
    </Layout>
  );
}

export function CancelMeetingPage(props: { ctx: PageContext; meeting: Meeting; conflict?: boolean }) {
  const { ctx, meeting } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('meetings.cancel.title')}>
      <PageHeading>{t('meetings.cancel.title')}</PageHeading>
      {props.conflict ? <Notice kind="info">{t('meetings.error.conflict')}</Notice> : null}
      <p>
        <Localized ctx={ctx} text={meeting.title} />
      </p>
      <p>{t('meetings.cancel.explain')}</p>
      <form method="post" action={`/${ctx.lang}/meetings/${meeting.id}/cancel`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(meeting.version)} />
        <button type="submit" class="button button--warning">
          {t('meetings.cancel.submit')}
        </button>{' '}
        <a href={`/${ctx.lang}/meetings/${meeting.id}`}>{t('meetings.cancel.back')}</a>
      </form>
    </Layout>
  );
}

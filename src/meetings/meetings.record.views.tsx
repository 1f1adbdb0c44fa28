import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Notice, PageHeading, Select, TextInput } from '../web/components.tsx';
import { LANGUAGES, type Lang } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { MeetingForRecordAccess } from './meetings.record.access.ts';
import {
  Localized,
  PlainText,
  TextArea,
  actionStatusLabel,
  formatDay,
  formatInstant,
  languageName,
  localizedString,
  minutesStatusLabel,
} from './meetings.record.components.tsx';
import type { DecisionView, MeetingRecord, MinutesView, OwnerChoice } from './meetings.record.queries.ts';
import {
  ACTION_STATUSES,
  DECISION_MAX,
  MINUTES_MAX,
  NOTE_MAX,
  TITLE_MAX,
} from './meetings.record.schemas.ts';
import { type ActionItemView, isOverdue, ownerNameIn } from './meetings.actions.queries.ts';

const meetingUrl = (ctx: PageContext, meetingId: string) => `/${ctx.lang}/meetings/${meetingId}`;
const minutesUrl = (ctx: PageContext, meetingId: string, language: string) =>
  `/${ctx.lang}/meetings/${meetingId}/minutes/${language}`;

function BackToMeeting({ ctx, meeting }: { ctx: PageContext; meeting: MeetingForRecordAccess }) {
  return (
    <p>
      <a href={meetingUrl(ctx, meeting.id)}>
        {ctx.t('meetingsRecord.backToMeeting', { title: localizedString(meeting.title, ctx.lang) })}
      </a>
    </p>
  );
}

/** Links to the minutes in the other languages, and for the secretariat, to write each. */
function MinutesLanguages({
  ctx,
  meetingId,
  minutes,
  current,
  canWrite,
}: {
  ctx: PageContext;
  meetingId: string;
  minutes: MinutesView[];
  current: Lang | null;
  canWrite: boolean;
}) {
  const t = ctx.t;
  const others = minutes.filter((m) => m.language !== current);
  return (
    <>
      {others.length > 0 ? (
        <p>
          {t('meetingsRecord.minutes.otherLanguages')}{' '}
          {others.map((m, index) => (
            <>
              {index > 0 ? ', ' : null}
              <a href={minutesUrl(ctx, meetingId, m.language)} hreflang={m.language}>
                {languageName(m.language, ctx.lang)}
              </a>
              {m.status === 'draft' ? ` (${minutesStatusLabel(t, 'draft')})` : null}
            </>
          ))}
        </p>
      ) : null}
      {canWrite ? (
        <ul class="inline-list">
          {LANGUAGES.map((language) => (
            <li>
              <a href={`${minutesUrl(ctx, meetingId, language)}/edit`}>
                {minutes.some((m) => m.language === language)
                  ? t('meetingsRecord.minutes.editIn', { language: languageName(language, ctx.lang) })
                  : t('meetingsRecord.minutes.writeIn', { language: languageName(language, ctx.lang) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function MinutesMeta({ ctx, minutes }: { ctx: PageContext; minutes: MinutesView }) {
  return (
    <p class="meta">
      {ctx.t('meetingsRecord.minutes.meta', {
        status: minutesStatusLabel(ctx.t, minutes.status),
        author: minutes.updatedBy ?? ctx.t('meetingsRecord.unknownAuthor'),
        date: formatInstant(minutes.updatedAt, ctx.lang),
      })}
    </p>
  );
}

/** The minutes in the page's language, or visibly in another one. */
function MinutesBlock({
  ctx,
  meetingId,
  minutes,
  canWrite,
}: {
  ctx: PageContext;
  meetingId: string;
  minutes: MinutesView[];
  canWrite: boolean;
}) {
  const t = ctx.t;
  const shown = minutes.find((m) => m.language === ctx.lang) ?? minutes[0] ?? null;
  return (
    <section aria-labelledby="record-minutes-title">
      <h2 id="record-minutes-title">{t('meetingsRecord.minutes.title')}</h2>
      {shown === null ? (
        <p>{t('meetingsRecord.minutes.none')}</p>
      ) : (
        <>
          {shown.language !== ctx.lang ? (
            <p class="notice notice--info">
              {t('meetingsRecord.minutes.availableIn', { language: languageName(shown.language, ctx.lang) })}
            </p>
          ) : null}
          <MinutesMeta ctx={ctx} minutes={shown} />
          <PlainText text={shown.body} lang={shown.language === ctx.lang ? undefined : shown.language} />
        </>
      )}
      <MinutesLanguages
        ctx={ctx}
        meetingId={meetingId}
        minutes={minutes}
        current={shown?.language ?? null}
        canWrite={canWrite}
      />
    </section>
  );
}

function DecisionList({ ctx, decisions }: { ctx: PageContext; decisions: DecisionView[] }) {
  return (
    <ol class="decisions">
      {decisions.map((decision) => (
        <li id={`decision-${decision.id}`}>
          <Localized ctx={ctx} text={decision.text} />
        </li>
      ))}
    </ol>
  );
}

/** The action items of a meeting (or a person's), as a table; overdue ones are marked in words. */
export function ActionTable({
  ctx,
  caption,
  items,
  now,
  showMeeting,
}: {
  ctx: PageContext;
  caption: string;
  items: ActionItemView[];
  now: Date;
  showMeeting?: boolean;
}) {
  const t = ctx.t;
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetingsRecord.action.title')}</th>
            {showMeeting ? <th scope="col">{t('meetingsRecord.action.meeting')}</th> : null}
            <th scope="col">{t('meetingsRecord.action.owner')}</th>
            <th scope="col">{t('meetingsRecord.action.dueOn')}</th>
            <th scope="col">{t('meetingsRecord.action.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const overdue = isOverdue(item, now);
            return (
              <tr class={overdue ? 'overdue' : undefined}>
                <td>
                  <a
                    href={`/${ctx.lang}/actions/${item.id}`}
                    lang={item.language === ctx.lang ? undefined : item.language}
                  >
                    {item.title}
                  </a>
                </td>
                {showMeeting ? (
                  <td>
                    <a href={meetingUrl(ctx, item.meetingId)}>
                      <Localized ctx={ctx} text={item.meetingTitle} />
                    </a>
                  </td>
                ) : null}
                <td>{ownerNameIn(item, ctx.lang) || t('meetingsRecord.action.noOwner')}</td>
                <td>
                  {formatDay(item.dueOn, ctx.lang)}
                  {overdue ? (
                    <>
                      {' '}
                      <strong class="badge badge--warning">{t('meetingsRecord.action.overdue')}</strong>
                    </>
                  ) : null}
                </td>
                <td>{actionStatusLabel(t, item.status)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What the meeting left, as a section of the meeting page. */
export function RecordSection({
  ctx,
  meetingId,
  record,
  now,
}: {
  ctx: PageContext;
  meetingId: string;
  record: MeetingRecord;
  now: Date;
}) {
  const meeting = { id: meetingId };
  const t = ctx.t;
  return (
    <div class="meeting-record">
      <MinutesBlock ctx={ctx} meetingId={meeting.id} minutes={record.minutes} canWrite={record.canWrite} />
      <section aria-labelledby="record-decisions-title">
        <h2 id="record-decisions-title">{t('meetingsRecord.decisions.title')}</h2>
        {record.decisions.length === 0 ? (
          <p>{t('meetingsRecord.decisions.none')}</p>
        ) : (
          <DecisionList ctx={ctx} decisions={record.decisions} />
        )}
        {record.canWrite ? (
          <p>
            <a href={`${meetingUrl(ctx, meeting.id)}/decisions`}>{t('meetingsRecord.decisions.manage')}</a>
          </p>
        ) : null}
      </section>
      {record.actionItems !== null ? (
        <section aria-labelledby="record-actions-title">
          <h2 id="record-actions-title">{t('meetingsRecord.actions.title')}</h2>
          {record.actionItems.length === 0 ? (
            <p>{t('meetingsRecord.actions.none')}</p>
          ) : (
            <ActionTable
              ctx={ctx}
              caption={t('meetingsRecord.actions.caption')}
              items={record.actionItems}
              now={now}
            />
          )}
          {record.canWrite ? (
            <p>
              <a href={`${meetingUrl(ctx, meeting.id)}/actions/new`}>{t('meetingsRecord.actions.add')}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

// ---- Minutes -----------------------------------------------------------------------------

/** The minutes of a meeting in one language, to read. */
export function MinutesPage(props: {
  ctx: PageContext;
  meeting: MeetingForRecordAccess;
  minutes: MinutesView;
  all: MinutesView[];
  canWrite: boolean;
  notice?: boolean;
}) {
  const { ctx, meeting, minutes } = props;
  const t = ctx.t;
  const title = t('meetingsRecord.minutes.pageTitle', {
    title: localizedString(meeting.title, ctx.lang),
    language: languageName(minutes.language, ctx.lang),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <BackToMeeting ctx={ctx} meeting={meeting} />
      <PageHeading>{title}</PageHeading>
      {props.notice ? <Notice>{t('meetingsRecord.minutes.saved')}</Notice> : null}
      <MinutesMeta ctx={ctx} minutes={minutes} />
      <PlainText text={minutes.body} lang={minutes.language === ctx.lang ? undefined : minutes.language} />
      <MinutesLanguages
        ctx={ctx}
        meetingId={meeting.id}
        minutes={props.all}
        current={minutes.language}
        canWrite={props.canWrite}
      />
    </Layout>
  );
}

export interface MinutesFormValues {
  body?: string | undefined;
  status?: string | undefined;
  version?: string | undefined;
}

/** The secretariat's editor of the minutes in one language; after a conflict, shows both texts. */
export function MinutesEditPage(props: {
  ctx: PageContext;
  meeting: MeetingForRecordAccess;
  language: Lang;
  current: MinutesView | null;
  values: MinutesFormValues;
  errors?: FieldError[] | undefined;
  conflict?: boolean;
}) {
  const { ctx, meeting, language, current } = props;
  const t = ctx.t;
  const title = t('meetingsRecord.minutes.editTitle', {
    title: localizedString(meeting.title, ctx.lang),
    language: languageName(language, ctx.lang),
  });
  const errors = props.errors?.filter((e) => e.field !== 'version');
  return (
    <Layout ctx={ctx} title={title}>
      <BackToMeeting ctx={ctx} meeting={meeting} />
      <PageHeading>{title}</PageHeading>
      {props.conflict ? (
        <section class="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('meetingsRecord.conflict.title')}</h2>
          <p>
            {current
              ? t('meetingsRecord.conflict.minutes', {
                  author: current.updatedBy ?? t('meetingsRecord.unknownAuthor'),
                  date: formatInstant(current.updatedAt, ctx.lang),
                })
              : t('meetingsRecord.conflict.gone')}
          </p>
          {current ? (
            <>
              <h3>{t('meetingsRecord.conflict.theirs')}</h3>
              <PlainText text={current.body} lang={language === ctx.lang ? undefined : language} />
              <p>{t('meetingsRecord.conflict.yours')}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/${ctx.lang}/meetings/${meeting.id}/minutes/${language}`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(current?.version ?? 0)} />
        <TextArea
          ctx={ctx}
          name="body"
          label={t('meetingsRecord.minutes.body', { language: languageName(language, ctx.lang) })}
          hint={t('meetingsRecord.minutes.bodyHint')}
          value={props.values.body ?? current?.body}
          errors={errors}
          rows={18}
          maxLength={MINUTES_MAX}
          required
          lang={language === ctx.lang ? undefined : language}
        />
        <Select
          ctx={ctx}
          name="status"
          label={t('meetingsRecord.minutes.status')}
          value={props.values.status ?? current?.status ?? 'draft'}
          options={[
            { value: 'draft', label: t('meetingsRecord.minutesStatus.draftHint') },
            { value: 'approved', label: t('meetingsRecord.minutesStatus.approvedHint') },
          ]}
          errors={errors}
          required
        />
        <button type="submit">{t('meetingsRecord.minutes.save')}</button>
      </form>
    </Layout>
  );
}

// ---- Decisions ---------------------------------------------------------------------------

export interface DecisionFormValues {
  text?: string | undefined;
  language?: string | undefined;
}

function languageOptions(ctx: PageContext) {
  return LANGUAGES.map((language) => ({ value: language, label: languageName(language, ctx.lang) }));
}

const DECISION_NOTICES = {
  added: 'meetingsRecord.decisions.notice.added',
  edited: 'meetingsRecord.decisions.notice.edited',
  removed: 'meetingsRecord.decisions.notice.removed',
} as const;

/**
 * The secretariat's page of a meeting's decisions: the list, each with a link to edit it (one
 * language at a time: a correction or a translation) and a button to remove it; below, one form:
 * the decision being edited, or a new one.
 */
export function DecisionsPage(props: {
  ctx: PageContext;
  meeting: MeetingForRecordAccess;
  decisions: DecisionView[];
  editing?: DecisionView | undefined;
  values?: DecisionFormValues | undefined;
  errors?: FieldError[] | undefined;
  notice?: keyof typeof DECISION_NOTICES | undefined;
}) {
  const { ctx, meeting, decisions, editing } = props;
  const t = ctx.t;
  const title = t('meetingsRecord.decisions.pageTitle', { title: localizedString(meeting.title, ctx.lang) });
  const base = `/${ctx.lang}/meetings/${meeting.id}/decisions`;
  const values = props.values ?? {};
  const language =
    values.language ??
    (editing ? (ctx.lang in editing.text ? ctx.lang : editing.originalLanguage) : ctx.lang);
  return (
    <Layout ctx={ctx} title={title}>
      <BackToMeeting ctx={ctx} meeting={meeting} />
      <PageHeading>{title}</PageHeading>
      {props.notice ? <Notice>{t(DECISION_NOTICES[props.notice])}</Notice> : null}
      {decisions.length === 0 ? <p>{t('meetingsRecord.decisions.none')}</p> : null}
      <ol class="decisions">
        {decisions.map((decision, index) => (
          <li id={`decision-${decision.id}`}>
            <p>
              <Localized ctx={ctx} text={decision.text} />
            </p>
            <p class="meta">
              {t('meetingsRecord.decisions.languages', {
                original: languageName(decision.originalLanguage, ctx.lang),
                languages: LANGUAGES.filter((code) => decision.text[code])
                  .map((code) => languageName(code, ctx.lang))
                  .join(', '),
              })}
            </p>
            <form method="post" action={`${base}/${decision.id}/delete`} class="inline-form">
              <CsrfField ctx={ctx} />
              <a href={`${base}?edit=${decision.id}#decision-form-title`}>
                {t('meetingsRecord.decisions.edit', { position: index + 1 })}
              </a>{' '}
              <button type="submit" class="button--secondary">
                {t('meetingsRecord.decisions.remove', { position: index + 1 })}
              </button>
            </form>
          </li>
        ))}
      </ol>
      <section aria-labelledby="decision-form-title">
        <h2 id="decision-form-title">
          {editing
            ? t('meetingsRecord.decisions.editTitle', { position: decisions.indexOf(editing) + 1 })
            : t('meetingsRecord.decisions.add')}
        </h2>
        <ErrorSummary ctx={ctx} errors={props.errors} />
        <form method="post" action={editing ? `${base}/${editing.id}` : base}>
          <CsrfField ctx={ctx} />
          <Select
            ctx={ctx}
            name="language"
            label={t('meetingsRecord.decisions.language')}
            value={language}
            options={languageOptions(ctx)}
            errors={props.errors}
          />
          <TextArea
            ctx={ctx}
            name="text"
            label={t('meetingsRecord.decisions.text')}
            hint={editing ? t('meetingsRecord.decisions.editHint') : undefined}
            value={values.text ?? (editing ? (editing.text[language as Lang] ?? '') : undefined)}
            errors={props.errors}
            maxLength={DECISION_MAX}
            required
          />
          <button type="submit">
            {editing ? t('meetingsRecord.decisions.save') : t('meetingsRecord.decisions.addButton')}
          </button>
          {editing ? (
            <>
              {' '}
              <a href={base}>{t('meetingsRecord.decisions.cancelEdit')}</a>
            </>
          ) : null}
        </form>
      </section>
    </Layout>
  );
}

// ---- Action items ------------------------------------------------------------------------

export interface ActionFormValues {
  title?: string | undefined;
  language?: string | undefined;
  owner?: string | undefined;
  dueOn?: string | undefined;
  status?: string | undefined;
  note?: string | undefined;
  decisionId?: string | undefined;
}

/** The fields of an action item as the secretariat sets them (new, or all of an existing one). */
export function ActionFields(props: {
  ctx: PageContext;
  values: ActionFormValues;
  errors: FieldError[] | undefined;
  choices: OwnerChoice[];
  decisions: DecisionView[];
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <>
      <TextInput
        ctx={ctx}
        name="title"
        label={t('meetingsRecord.action.title')}
        value={values.title}
        errors={errors}
        maxLength={TITLE_MAX}
        required
      />
      <Select
        ctx={ctx}
        name="language"
        label={t('meetingsRecord.action.language')}
        value={values.language ?? ctx.lang}
        options={languageOptions(ctx)}
        errors={errors}
      />
      <Select
        ctx={ctx}
        name="owner"
        label={t('meetingsRecord.action.owner')}
        value={values.owner}
        empty={t('meetingsRecord.action.chooseOwner')}
        options={props.choices.map((choice) => ({
          value: choice.value,
          label:
            choice.kind === 'organisation'
              ? t('meetingsRecord.action.ownerOrganisation', { name: localizedString(choice.name, ctx.lang) })
              : localizedString(choice.name, ctx.lang),
        }))}
        errors={errors}
        required
      />
      <TextInput
        ctx={ctx}
        name="dueOn"
        type="date"
        label={t('meetingsRecord.action.dueOn')}
        hint={t('meetingsRecord.action.dueOnHint')}
        value={values.dueOn}
        errors={errors}
        required
      />
      <Select
        ctx={ctx}
        name="status"
        label={t('meetingsRecord.action.status')}
        value={values.status ?? 'open'}
        options={ACTION_STATUSES.map((status) => ({ value: status, label: actionStatusLabel(t, status) }))}
        errors={errors}
      />
      <Select
        ctx={ctx}
        name="decisionId"
        label={t('meetingsRecord.action.decision')}
        value={values.decisionId ?? ''}
        empty={t('meetingsRecord.action.noDecision')}
        options={props.decisions.map((decision, index) => ({
          value: decision.id,
          label: t('meetingsRecord.action.decisionOption', {
            position: index + 1,
            text: localizedString(decision.text, ctx.lang).slice(0, 80),
          }),
        }))}
        errors={errors}
      />
      <TextArea
        ctx={ctx}
        name="note"
        label={t('meetingsRecord.action.note')}
        value={values.note}
        errors={errors}
        maxLength={NOTE_MAX}
      />
    </>
  );
}

/** The secretariat's form for a new action item of a meeting. */
export function NewActionPage(props: {
  ctx: PageContext;
  meeting: MeetingForRecordAccess;
  choices: OwnerChoice[];
  decisions: DecisionView[];
  values: ActionFormValues;
  errors?: FieldError[] | undefined;
}) {
  const { ctx, meeting } = props;
  const t = ctx.t;
  const title = t('meetingsRecord.actions.newTitle', { title: localizedString(meeting.title, ctx.lang) });
  return (
    <Layout ctx={ctx} title={title}>
      <BackToMeeting ctx={ctx} meeting={meeting} />
      <PageHeading>{title}</PageHeading>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/${ctx.lang}/meetings/${meeting.id}/actions`}>
        <CsrfField ctx={ctx} />
        <ActionFields
          ctx={ctx}
          values={props.values}
          errors={props.errors}
          choices={props.choices}
          decisions={props.decisions}
        />
        <button type="submit">{t('meetingsRecord.actions.create')}</button>
      </form>
    </Layout>
  );
}

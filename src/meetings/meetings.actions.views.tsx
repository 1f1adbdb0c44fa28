import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Notice, PageHeading, Select } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  Localized,
  PlainText,
  TextArea,
  actionStatusLabel,
  formatDay,
  languageName,
} from './meetings.record.components.tsx';
import type { DecisionView, OwnerChoice } from './meetings.record.queries.ts';
import { ACTION_STATUSES, NOTE_MAX } from './meetings.record.schemas.ts';
import { ActionFields, ActionTable, type ActionFormValues } from './meetings.record.views.tsx';
import { type ActionItemView, isOverdue, ownerNameIn } from './meetings.actions.queries.ts';

/** The signed-in person's action items (their own and their organisation's), soonest due first. */
export function MyActionsPage(props: {
  ctx: PageContext;
  items: ActionItemView[];
  includeDone: boolean;
  now: Date;
}) {
  const { ctx, items, now } = props;
  const t = ctx.t;
  const overdue = items.filter((item) => isOverdue(item, now)).length;
  return (
    <Layout ctx={ctx} title={t('meetingsRecord.mine.title')}>
      <PageHeading>{t('meetingsRecord.mine.title')}</PageHeading>
      <p>{t('meetingsRecord.mine.intro')}</p>
      {overdue > 0 ? (
        <p>
          <strong>{t('meetingsRecord.mine.overdueCount', { count: overdue })}</strong>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('meetingsRecord.mine.none')}</p>
      ) : (
        <ActionTable
          ctx={ctx}
          caption={t('meetingsRecord.mine.caption')}
          items={items}
          now={now}
          showMeeting
        />
      )}
      <p>
        {props.includeDone ? (
          <a href={`/${ctx.lang}/actions`}>{t('meetingsRecord.mine.hideDone')}</a>
        ) : (
          <a href={`/${ctx.lang}/actions?includeDone=true`}>{t('meetingsRecord.mine.showDone')}</a>
        )}
      </p>
    </Layout>
  );
}

export interface StatusFormValues {
  status?: string | undefined;
  note?: string | undefined;
}

const NOTICES = {
  created: 'meetingsRecord.action.notice.created',
  updated: 'meetingsRecord.action.notice.updated',
} as const;

/**
 * One action item: what it is, where it comes from; its owner updates the status and note, the
 * secretariat edits it all. After a conflict, says so and shows the current state.
 */
export function ActionItemPage(props: {
  ctx: PageContext;
  item: ActionItemView;
  decision: DecisionView | null;
  canUpdateStatus: boolean;
  canEdit: boolean;
  choices: OwnerChoice[];
  decisions: DecisionView[];
  now: Date;
  statusValues?: StatusFormValues | undefined;
  editValues?: ActionFormValues | undefined;
  /** Which form the errors are about. */
  failedForm?: 'status' | 'edit' | undefined;
  errors?: FieldError[] | undefined;
  conflict?: boolean;
  notice?: keyof typeof NOTICES | undefined;
}) {
  const { ctx, item, now } = props;
  const t = ctx.t;
  const errors = props.errors?.filter((e) => e.field !== 'version');
  const overdue = isOverdue(item, now);
  const itemLang = item.language === ctx.lang ? undefined : item.language;
  const editing = props.canEdit && props.failedForm === 'edit';
  return (
    <Layout ctx={ctx} title={t('meetingsRecord.action.pageTitle', { title: item.title })}>
      <p>
        <a href={`/${ctx.lang}/actions`}>{t('meetingsRecord.action.backToMine')}</a>
      </p>
      <PageHeading>
        <span lang={itemLang}>{item.title}</span>
      </PageHeading>
      {props.notice ? <Notice>{t(NOTICES[props.notice])}</Notice> : null}
      {props.conflict ? (
        <section class="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('meetingsRecord.conflict.title')}</h2>
          <p>{t('meetingsRecord.conflict.action', { status: actionStatusLabel(t, item.status) })}</p>
        </section>
      ) : null}
      <dl class="summary-list">
        <dt>{t('meetingsRecord.action.meeting')}</dt>
        <dd>
          <a href={`/${ctx.lang}/meetings/${item.meetingId}`}>
            <Localized ctx={ctx} text={item.meetingTitle} />
          </a>
        </dd>
        {props.decision ? (
          <>
            <dt>{t('meetingsRecord.action.decision')}</dt>
            <dd>
              <a href={`/${ctx.lang}/meetings/${item.meetingId}#decision-${props.decision.id}`}>
                <Localized ctx={ctx} text={props.decision.text} />
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('meetingsRecord.action.owner')}</dt>
        <dd>{ownerNameIn(item, ctx.lang) || t('meetingsRecord.action.noOwner')}</dd>
        <dt>{t('meetingsRecord.action.dueOn')}</dt>
        <dd>
          {formatDay(item.dueOn, ctx.lang)}
          {overdue ? (
            <>
              {' '}
              <strong class="badge badge--warning">{t('meetingsRecord.action.overdue')}</strong>
            </>
          ) : null}
        </dd>
        <dt>{t('meetingsRecord.action.status')}</dt>
        <dd>{actionStatusLabel(t, item.status)}</dd>
        <dt>{t('meetingsRecord.action.language')}</dt>
        <dd>{languageName(item.language, ctx.lang)}</dd>
        {item.note ? (
          <>
            <dt>{t('meetingsRecord.action.note')}</dt>
            <dd>
              <PlainText text={item.note} />
            </dd>
          </>
        ) : null}
      </dl>
      {props.canUpdateStatus && !props.canEdit ? (
        <section aria-labelledby="status-form-title">
          <h2 id="status-form-title">{t('meetingsRecord.action.updateTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={props.failedForm === 'status' ? errors : undefined} />
          <form method="post" action={`/${ctx.lang}/actions/${item.id}/status`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(item.version)} />
            <Select
              ctx={ctx}
              name="status"
              label={t('meetingsRecord.action.status')}
              value={props.statusValues?.status ?? item.status}
              options={ACTION_STATUSES.map((status) => ({
                value: status,
                label: actionStatusLabel(t, status),
              }))}
              errors={props.failedForm === 'status' ? errors : undefined}
            />
            <TextArea
              ctx={ctx}
              name="note"
              label={t('meetingsRecord.action.note')}
              hint={t('meetingsRecord.action.noteHint')}
              value={props.statusValues?.note ?? item.note ?? ''}
              errors={props.failedForm === 'status' ? errors : undefined}
              maxLength={NOTE_MAX}
            />
            <button type="submit">{t('meetingsRecord.action.update')}</button>
          </form>
        </section>
      ) : null}
      {props.canEdit ? (
        <details open={editing || props.conflict === true}>
          <summary>{t('meetingsRecord.action.editTitle')}</summary>
          <ErrorSummary ctx={ctx} errors={editing ? errors : undefined} />
          <form method="post" action={`/${ctx.lang}/actions/${item.id}`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(item.version)} />
            <ActionFields
              ctx={ctx}
              values={
                props.editValues ?? {
                  title: item.title,
                  language: item.language,
                  owner: item.ownerUserId
                    ? `user:${item.ownerUserId}`
                    : item.ownerOrganisationId
                      ? `organisation:${item.ownerOrganisationId}`
                      : undefined,
                  dueOn: item.dueOn,
                  status: item.status,
                  note: item.note ?? undefined,
                  decisionId: item.decisionId ?? undefined,
                }
              }
              errors={editing ? errors : undefined}
              choices={props.choices}
              decisions={props.decisions}
            />
            <button type="submit">{t('meetingsRecord.action.save')}</button>
          </form>
        </details>
      ) : null}
    </Layout>
  );
}

import type { VNode } from 'preact';
import type { FieldError } from '../http/problems.ts';
import { CsrfField, ErrorSummary, Notice, PageHeading } from '../web/components.tsx';
import type { LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import {
  Localized,
  MeetingTimes,
  Radios,
  TextArea,
  TimeZoneChooser,
  type ViewerZone,
  kindLabel,
  responseLabel,
  roleLabel,
} from './meetings.components.tsx';
import { MEETING_KINDS, type Meeting, RSVP_RESPONSES } from './meetings.model.ts';
import type { MeetingDetail, MeetingListFilters } from './meetings.queries.ts';
import { fromRrule } from './meetings.recurrence.ts';
import { formatRange } from './meetings.time.ts';

type ListedMeeting = Meeting & { networkSlug: string; networkName: LocalizedText };

function listUrl(ctx: PageContext, filters: MeetingListFilters, tz: string | null, page: number) {
  const params = new URLSearchParams();
  if (filters.network) params.set('network', filters.network.slug);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.when === 'past') params.set('when', 'past');
  if (tz) params.set('tz', tz);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/${ctx.lang}/meetings${query ? `?${query}` : ''}`;
}

export function MeetingListPage(props: {
  ctx: PageContext;
  meetings: ListedMeeting[];
  total: number;
  page: number;
  pageSize: number;
  filters: MeetingListFilters;
  networks: { id: string; slug: string; name: LocalizedText }[];
  viewer: ViewerZone;
  canCreate: boolean;
}) {
  const { ctx, filters, viewer } = props;
  const t = ctx.t;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const tz = viewer.source === 'chosen' ? viewer.zone : null;
  return (
    <Layout ctx={ctx} title={t('meetings.list.title')}>
      <PageHeading>{t('meetings.list.title')}</PageHeading>
      <p>{t('meetings.list.intro')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href={`/${ctx.lang}/meetings/new`}>
            {t('meetings.list.new')}
          </a>
        </p>
      ) : null}
      {ctx.principal ? (
        <p>
          <a href={`/${ctx.lang}/meetings/calendar`}>{t('meetings.list.calendarFeed')}</a>
        </p>
      ) : null}
      <form method="get" action={`/${ctx.lang}/meetings`} class="filters">
        <div class="field">
          <label for="filter-network">{t('meetings.list.network')}</label>
          <select id="filter-network" name="network">
            <option value="">{t('meetings.list.allNetworks')}</option>
            {props.networks.map((network) => (
              <option value={network.slug} selected={filters.network?.slug === network.slug}>
                {network.name[ctx.lang] ?? Object.values(network.name)[0] ?? network.slug}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-kind">{t('meetings.list.kind')}</label>
          <select id="filter-kind" name="kind">
            <option value="">{t('meetings.list.allKinds')}</option>
            {MEETING_KINDS.map((kind) => (
              <option value={kind} selected={filters.kind === kind}>
                {kindLabel(ctx, kind)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-when">{t('meetings.list.when')}</label>
          <select id="filter-when" name="when">
            <option value="upcoming" selected={filters.when === 'upcoming'}>
              {t('meetings.list.upcoming')}
            </option>
            <option value="past" selected={filters.when === 'past'}>
              {t('meetings.list.past')}
            </option>
          </select>
        </div>
        {tz ? <input type="hidden" name="tz" value={tz} /> : null}
        <button type="submit" class="button">
          {t('meetings.list.filter')}
        </button>
      </form>
      <h2>{t('meetings.list.count', { count: props.total, when: filters.when })}</h2>
      {props.meetings.length === 0 ? <p>{t('meetings.list.empty')}</p> : null}
      <ul class="meeting-list">
        {props.meetings.map((meeting) => (
          <li class={meeting.status === 'cancelled' ? 'meeting meeting--cancelled' : 'meeting'}>
            <h3>
              <a href={`/${ctx.lang}/meetings/${meeting.id}${tz ? `?tz=${encodeURIComponent(tz)}` : ''}`}>
                <Localized ctx={ctx} text={meeting.title} />
              </a>
              {meeting.status === 'cancelled' ? (
                <span class="badge"> {t('meetings.status.cancelled')}</span>
              ) : null}
            </h3>
            <p class="meta">
              {kindLabel(ctx, meeting.kind)} · <Localized ctx={ctx} text={meeting.networkName} />
              {meeting.seriesId ? <> · {t('meetings.list.inSeries')}</> : null}
            </p>
            <p>
              <MeetingTimes ctx={ctx} meeting={meeting} viewer={viewer} />
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('meetings.pager.label')} class="pager">
          <ul>
            {props.page > 1 ? (
              <li>
                <a href={listUrl(ctx, filters, tz, props.page - 1)} rel="prev">
                  {t('meetings.pager.previous')}
                </a>
              </li>
            ) : null}
            <li aria-current="page">{t('meetings.pager.position', { page: props.page, pages })}</li>
            {props.page < pages ? (
              <li>
                <a href={listUrl(ctx, filters, tz, props.page + 1)} rel="next">
                  {t('meetings.pager.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <TimeZoneChooser ctx={ctx} viewer={viewer} returnTo={listUrl(ctx, filters, null, props.page)} />
    </Layout>
  );
}

export type MeetingNotice = 'created' | 'updated' | 'cancelled' | 'answered' | 'zone-saved';

function RsvpSection(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  values?: { response?: string | undefined; comment?: string | undefined };
  errors?: FieldError[] | undefined;
}) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const mine = detail.myInvitation;
  if (!mine) return null;
  return (
    <section aria-labelledby="rsvp-title" id="rsvp">
      <h2 id="rsvp-title">{t('meetings.rsvp.title')}</h2>
      <p>
        {t('meetings.rsvp.invitedAs', { role: mine.role })}{' '}
        {t('meetings.rsvp.current', { response: mine.response ?? 'none' })}
      </p>
      {detail.meeting.status === 'cancelled' ? (
        <p>{t('meetings.rsvp.cancelled')}</p>
      ) : (
        <form method="post" action={`/${ctx.lang}/meetings/${detail.meeting.id}/rsvp`}>
          <CsrfField ctx={ctx} />
          <Radios
            name="response"
            legend={t('meetings.rsvp.legend')}
            value={props.values?.response ?? mine.response ?? undefined}
            options={RSVP_RESPONSES.map((r) => ({ value: r, label: responseLabel(ctx, r) }))}
            errors={props.errors}
          />
          <TextArea
            ctx={ctx}
            name="comment"
            label={t('meetings.rsvp.comment')}
            value={props.values?.comment ?? mine.comment ?? undefined}
            errors={props.errors}
            maxLength={2000}
          />
          <button type="submit" class="button">
            {t('meetings.rsvp.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

export function MeetingPage(props: {
  ctx: PageContext;
  detail: MeetingDetail;
  viewer: ViewerZone;
  record: VNode | null;
  notice?: MeetingNotice | undefined;
  rsvpValues?: { response?: string | undefined; comment?: string | undefined };
  errors?: FieldError[] | undefined;
}) {
  const { ctx, detail, viewer } = props;
  const { meeting } = detail;
  const t = ctx.t;
  const base = `/${ctx.lang}/meetings/${meeting.id}`;
  const recurrence = meeting.recurrence ? fromRrule(meeting.recurrence) : null;
  const title = meeting.title[ctx.lang] ?? Object.values(meeting.title)[0] ?? '';
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        <Localized ctx={ctx} text={meeting.title} />
      </PageHeading>
      {meeting.status === 'cancelled' ? (
        <Notice kind="info">{t('meetings.page.cancelledNotice')}</Notice>
      ) : null}
      {props.notice ? <Notice>{t('meetings.notice', { notice: props.notice })}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <dl class="summary-list">
        <dt>{t('meetings.page.kind')}</dt>
        <dd>{kindLabel(ctx, meeting.kind)}</dd>
        <dt>{t('meetings.page.network')}</dt>
        <dd>
          <a href={`/${ctx.lang}/networks/${detail.network.slug}`}>
            <Localized ctx={ctx} text={detail.network.name} />
          </a>
        </dd>
        <dt>{t('meetings.page.when')}</dt>
        <dd>
          <MeetingTimes ctx={ctx} meeting={meeting} viewer={viewer} />
        </dd>
        {meeting.place ? (
          <>
            <dt>{t('meetings.page.place')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{t('meetings.page.online')}</dt>
            <dd>
              <a href={meeting.onlineUrl} rel="noopener noreferrer">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('meetings.page.visibility')}</dt>
        <dd>{t('meetings.visibility', { visibility: meeting.visibility })}</dd>
        {recurrence ? (
          <>
            <dt>{t('meetings.page.recurrence')}</dt>
            <dd>
              {t('meetings.recurrence.every', {
                frequency: recurrence.frequency,
                interval: recurrence.interval,
              })}{' '}
              (<a href="#series">{t('meetings.page.seriesLink', { count: detail.series.length })}</a>)
            </dd>
          </>
        ) : null}
      </dl>
      {meeting.description && Object.keys(meeting.description).length > 0 ? (
        <div class="meeting-description">
          <Localized ctx={ctx} text={meeting.description} />
        </div>
      ) : null}
      <ul class="actions">
        <li>
          <a href={`/api/v1/meetings/${meeting.id}/calendar.ics`} download>
            {t('meetings.page.ics')}
          </a>
        </li>
        {meeting.seriesId ? (
          <li>
            <a href={`/api/v1/meetings/${meeting.id}/series.ics`} download>
              {t('meetings.page.seriesIcs')}
            </a>
          </li>
        ) : null}
        {detail.canManage ? (
          <>
            <li>
              <a href={`${base}/edit`}>{t('meetings.page.edit')}</a>
            </li>
            {meeting.status === 'scheduled' ? (
              <li>
                <a href={`${base}/cancel`}>{t('meetings.page.cancel')}</a>
              </li>
            ) : null}
          </>
        ) : null}
      </ul>
      <RsvpSection ctx={ctx} detail={detail} values={props.rsvpValues} errors={props.errors} />
      <section aria-labelledby="agenda-title" id="agenda">
        <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
        {detail.agenda.length === 0 ? <p>{t('meetings.agenda.empty')}</p> : null}
        <ol class="agenda">
          {detail.agenda.map((item) => (
            <li>
              <strong>
                <Localized ctx={ctx} text={item.title} />
              </strong>
              {item.presenter || item.duration_minutes ? (
                <span class="meta">
                  {' '}
                  {t('meetings.agenda.meta', {
                    presenter: item.presenter ?? '',
                    minutes: item.duration_minutes ?? 0,
                  })}
                </span>
              ) : null}
              {Object.keys(item.description).length > 0 ? (
                <p>
                  <Localized ctx={ctx} text={item.description} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        {detail.canManage ? <a href={`${base}/agenda`}>{t('meetings.agenda.manage')}</a> : null}
      </section>
      <section aria-labelledby="documents-title" id="documents">
        <h2 id="documents-title">{t('meetings.documents.title')}</h2>
        {detail.documents.length === 0 ? <p>{t('meetings.documents.empty')}</p> : null}
        <ul>
          {detail.documents.map((document) => (
            <li>
              <a href={`${base}/documents/${document.id}`}>{document.title}</a>{' '}
              <span class="meta">({document.file_name})</span>
            </li>
          ))}
        </ul>
        {detail.canManage ? <a href={`${base}/documents`}>{t('meetings.documents.manage')}</a> : null}
      </section>
      {detail.invitations ? (
        <section aria-labelledby="participants-title" id="participants">
          <h2 id="participants-title">{t('meetings.participants.title')}</h2>
          {detail.invitations.length === 0 ? <p>{t('meetings.participants.empty')}</p> : null}
          <ul>
            {detail.invitations.map((invitation) => (
              <li>
                <Localized ctx={ctx} text={invitation.name} /> — {roleLabel(ctx, invitation.role)}
              </li>
            ))}
          </ul>
          {detail.rsvps && detail.rsvps.length > 0 ? (
            <div class="table-scroll">
              <table>
                <caption>{t('meetings.participants.answers')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meetings.participants.person')}</th>
                    <th scope="col">{t('meetings.participants.answer')}</th>
                    <th scope="col">{t('meetings.participants.comment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.rsvps.map((rsvp) => (
                    <tr>
                      <td>{rsvp.name}</td>
                      <td>{responseLabel(ctx, rsvp.response)}</td>
                      <td>{rsvp.comment ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {detail.canManage ? <a href={`${base}/invitations`}>{t('meetings.participants.manage')}</a> : null}
        </section>
      ) : null}
      {detail.attendance && (detail.attendance.length > 0 || detail.canManage) ? (
        <section aria-labelledby="attendance-title" id="attendance">
          <h2 id="attendance-title">{t('meetings.attendance.title')}</h2>
          {detail.attendance.length === 0 ? <p>{t('meetings.attendance.empty')}</p> : null}
          <ul>
            {detail.attendance.map((row) => (
              <li>
                <Localized ctx={ctx} text={row.name} /> — {roleLabel(ctx, row.role)}
              </li>
            ))}
          </ul>
          {detail.canManage ? <a href={`${base}/attendance`}>{t('meetings.attendance.manage')}</a> : null}
        </section>
      ) : null}
      {props.record}
      {detail.series.length > 0 ? (
        <section aria-labelledby="series-title" id="series">
          <h2 id="series-title">{t('meetings.series.title')}</h2>
          <ol>
            {detail.series.map((occurrence) => (
              <li>
                {occurrence.id === meeting.id ? (
                  <span aria-current="page">
                    {formatRange(occurrence.startsAt, occurrence.startsAt, meeting.timeZone, ctx.lang)}
                  </span>
                ) : (
                  <a href={`/${ctx.lang}/meetings/${occurrence.id}`}>
                    {formatRange(occurrence.startsAt, occurrence.startsAt, meeting.timeZone, ctx.lang)}
                  </a>
                )}
                {occurrence.status === 'cancelled' ? <> ({t('meetings.status.cancelled')})</> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <TimeZoneChooser ctx={ctx} viewer={viewer} returnTo={base} />
    </Layout>
  );
}

import { labelOf } from '../reference/index.ts';
import { CsrfField, DataTable, Notice, PageHeading, Select } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import { LANGUAGES, type Lang, type LocalizedText, pickText } from '../web/language.ts';
import type { Children, PageContext } from '../web/render.tsx';
import type { RecordParty } from './cooperation.records.repository.ts';
import type { RecordPageData, RecordSummary } from './cooperation.records.queries.ts';
import type { RecordFilters } from './cooperation.records.schemas.ts';

/** The pages of cooperation records: the list with its filters, and one record. The form is in .form.tsx. */

export function codeLabel(ctx: PageContext, vocabulary: string, code: string): string {
  const label = labelOf(vocabulary, code, ctx.lang);
  if (label === null) return code;
  return vocabulary === 'gcm-objectives'
    ? ctx.t('cooperationRecords.objective', { number: code, label })
    : label;
}

const STATUS_KEYS: Record<string, string> = {
  planned: 'cooperationRecords.status.planned',
  'under-way': 'cooperationRecords.status.underWay',
  completed: 'cooperationRecords.status.completed',
};

const ROLE_KEYS: Record<string, string> = {
  provider: 'cooperationRecords.role.provider',
  beneficiary: 'cooperationRecords.role.beneficiary',
  funder: 'cooperationRecords.role.funder',
  facilitator: 'cooperationRecords.role.facilitator',
  partner: 'cooperationRecords.role.partner',
};

const LANGUAGE_KEYS: Record<string, string> = {
  fr: 'cooperationRecords.language.fr',
  es: 'cooperationRecords.language.es',
  en: 'cooperationRecords.language.en',
  pt: 'cooperationRecords.language.pt',
};

const FIELD_KEYS = {
  title: 'cooperationRecords.field.title',
  summary: 'cooperationRecords.field.summary',
  activities: 'cooperationRecords.field.activities',
  results: 'cooperationRecords.field.results',
  resources: 'cooperationRecords.field.resources',
  thematicAreas: 'cooperationRecords.field.thematicAreas',
  gcmObjectives: 'cooperationRecords.field.gcmObjectives',
  countries: 'cooperationRecords.field.countries',
} as const;

const FILTER_KEYS = {
  network: 'cooperationRecords.filter.network',
  status: 'cooperationRecords.filter.status',
  modality: 'cooperationRecords.filter.modality',
  country: 'cooperationRecords.filter.country',
  area: 'cooperationRecords.filter.area',
  objective: 'cooperationRecords.filter.objective',
  organisation: 'cooperationRecords.filter.organisation',
} as const;

const NOTICE_KEYS = {
  created: 'cooperationRecords.notice.created',
  saved: 'cooperationRecords.notice.saved',
} as const;

export function statusLabel(ctx: PageContext, status: string): string {
  const key = STATUS_KEYS[status];
  return key ? ctx.t(key) : status;
}

export function roleLabel(ctx: PageContext, role: string): string {
  const key = ROLE_KEYS[role];
  return key ? ctx.t(key) : role;
}

export function languageLabel(ctx: PageContext, lang: string): string {
  const key = LANGUAGE_KEYS[lang];
  return key ? ctx.t(key) : lang;
}

export function fieldLabel(ctx: PageContext, field: keyof typeof FIELD_KEYS): string {
  return ctx.t(FIELD_KEYS[field]);
}

export function formatDate(lang: Lang, value: string | Date | null): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

export function periodText(ctx: PageContext, startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn)
    return ctx.t('cooperationRecords.period.range', {
      start: formatDate(ctx.lang, startsOn),
      end: formatDate(ctx.lang, endsOn),
    });
  if (startsOn) return ctx.t('cooperationRecords.period.from', { start: formatDate(ctx.lang, startsOn) });
  if (endsOn) return ctx.t('cooperationRecords.period.until', { end: formatDate(ctx.lang, endsOn) });
  return '—';
}

/** A text in the page language, or in another one marked with `lang` and a visible badge. */
export function Localized({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return null;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  return (
    <>
      <span lang={picked.lang}>{picked.text}</span>{' '}
      <span
        class="lang-badge"
        title={ctx.t('cooperationRecords.fallback', { language: languageLabel(ctx, picked.lang) })}
      >
        {picked.lang}
      </span>
    </>
  );
}

/** A long text, in paragraphs; in the page language or in another one, said. */
function LongText({ ctx, text, original }: { ctx: PageContext; text: LocalizedText; original: string }) {
  const own = text[ctx.lang];
  const fallbackLang = (text[original as Lang] ? original : LANGUAGES.find((l) => text[l])) as
    Lang | undefined;
  const lang = own ? ctx.lang : fallbackLang;
  if (!lang) return null;
  const paragraphs = (text[lang] ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <>
      {lang !== ctx.lang ? (
        <p class="meta">{ctx.t('cooperationRecords.availableIn', { language: languageLabel(ctx, lang) })}</p>
      ) : null}
      <div class="practice-text" lang={lang === ctx.lang ? undefined : lang}>
        {paragraphs.map((p) => (
          <p>{p.trim()}</p>
        ))}
      </div>
    </>
  );
}

function PartyNames({ ctx, parties }: { ctx: PageContext; parties: RecordParty[] }) {
  return (
    <ul class="plain-list">
      {parties.map((party) => (
        <li>
          <a href={`/${ctx.lang}/organisations/${party.organisationId}`}>
            <Localized ctx={ctx} text={party.name} />
          </a>{' '}
          <span class="meta">({roleLabel(ctx, party.role)})</span>
        </li>
      ))}
    </ul>
  );
}

export function listUrl(lang: Lang, filters: RecordFilters, path = `/${lang}/cooperation`): string {
  const params = new URLSearchParams();
  for (const name of [
    'network',
    'status',
    'modality',
    'country',
    'area',
    'objective',
    'organisation',
  ] as const)
    for (const value of filters[name] ?? []) params.append(name, value);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

export interface FilterChoices {
  networks: { slug: string; name: LocalizedText }[];
  organisations: { id: string; name: LocalizedText }[];
  statuses: string[];
  modalities: string[];
  countries: string[];
  areas: string[];
  objectives: string[];
}

export function RecordsListPage(props: {
  ctx: PageContext;
  filters: RecordFilters;
  result: { items: RecordSummary[]; total: number; page: number; pageSize: number };
  choices: FilterChoices;
  canCreate: boolean;
}) {
  const { ctx, filters, result, choices } = props;
  const t = ctx.t;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const vocabularyOptions = (vocabulary: string, codes: string[]) =>
    codes.map((code) => ({ value: code, label: codeLabel(ctx, vocabulary, code) }));
  const select = (
    filter: 'network' | 'status' | 'modality' | 'country' | 'area' | 'objective' | 'organisation',
    options: { value: string; label: string }[],
  ) => (
    <Select
      ctx={ctx}
      name={filter}
      label={t(FILTER_KEYS[filter])}
      value={filters[filter]?.[0]}
      options={options}
      errors={undefined}
      empty={t('cooperationRecords.filter.any')}
    />
  );
  return (
    <Layout ctx={ctx} title={t('cooperationRecords.list.title')}>
      <PageHeading>{t('cooperationRecords.list.title')}</PageHeading>
      <p class="lead">{t('cooperationRecords.list.intro')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href={`/${ctx.lang}/cooperation/new`}>
            {t('cooperationRecords.create.link')}
          </a>
        </p>
      ) : null}
      <form method="get" action={`/${ctx.lang}/cooperation`} class="filters" role="search">
        {select(
          'network',
          choices.networks.map((n) => ({ value: n.slug, label: pickText(n.name, ctx.lang)?.text ?? n.slug })),
        )}
        {select(
          'status',
          choices.statuses.map((s) => ({ value: s, label: statusLabel(ctx, s) })),
        )}
        {select('modality', vocabularyOptions('cooperation-modalities', choices.modalities))}
        {select('country', vocabularyOptions('countries', choices.countries))}
        {select('area', vocabularyOptions('iom-areas', choices.areas))}
        {select('objective', vocabularyOptions('gcm-objectives', choices.objectives))}
        {select(
          'organisation',
          choices.organisations.map((o) => ({
            value: o.id,
            label: pickText(o.name, ctx.lang)?.text ?? o.id,
          })),
        )}
        <button type="submit">{t('cooperationRecords.filter.submit')}</button>
      </form>
      <h2 id="results">{t('cooperationRecords.list.total', { count: result.total })}</h2>
      <ul class="action-list">
        <li>
          <a href={listUrl(ctx.lang, { ...filters, page: 1 }, '/api/v1/exports/cooperation.csv')} download>
            {t('cooperationRecords.export.csv')}
          </a>
        </li>
        <li>
          <a href={listUrl(ctx.lang, { ...filters, page: 1 }, '/api/v1/exports/cooperation.json')} download>
            {t('cooperationRecords.export.json')}
          </a>
        </li>
      </ul>
      {result.items.length > 0 ? (
        <DataTable
          caption={t('cooperationRecords.list.caption', { page: result.page, pages })}
          rows={result.items}
          columns={[
            {
              header: t('cooperationRecords.field.title'),
              cell: (row) => (
                <a href={`/${ctx.lang}/cooperation/${row.id}`}>
                  <Localized ctx={ctx} text={row.title} />
                </a>
              ),
            },
            {
              header: t('cooperationRecords.field.parties'),
              cell: (row) => <PartyNames ctx={ctx} parties={row.parties} />,
            },
            {
              header: t('cooperationRecords.field.modality'),
              cell: (row) => codeLabel(ctx, 'cooperation-modalities', row.modality),
            },
            { header: t('cooperationRecords.field.status'), cell: (row) => statusLabel(ctx, row.status) },
            {
              header: t('cooperationRecords.field.period'),
              cell: (row) => periodText(ctx, row.startsOn, row.endsOn),
            },
          ]}
        />
      ) : (
        <p>{t('cooperationRecords.list.empty')}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t('cooperationRecords.pager.label')} class="pager">
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={listUrl(ctx.lang, { ...filters, page: result.page - 1 })} rel="prev">
                  {t('cooperationRecords.pager.previous')}
                </a>
              </li>
            ) : null}
            <li aria-current="page">
              {t('cooperationRecords.pager.position', { page: result.page, pages })}
            </li>
            {result.page < pages ? (
              <li>
                <a href={listUrl(ctx.lang, { ...filters, page: result.page + 1 })} rel="next">
                  {t('cooperationRecords.pager.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}

/**
 * The slot where a record's indicators are shown. The indicators engineer fills it (the record's
 * indicators, their progress charts); until then it links to where they are defined and listed.
 */
export function RecordIndicatorsSlot({
  ctx,
  recordId,
  networkSlug,
  canManage,
  children,
}: {
  ctx: PageContext;
  recordId: string;
  networkSlug: string;
  canManage: boolean;
  children?: Children;
}) {
  return (
    <section aria-labelledby="record-indicators" id="indicators">
      <h2 id="record-indicators">{ctx.t('cooperationRecords.indicators.title')}</h2>
      {children ?? <p>{ctx.t('cooperationRecords.indicators.intro')}</p>}
      <ul class="action-list">
        {canManage ? (
          <li>
            <a href={`/${ctx.lang}/indicators/new?record=${recordId}`}>
              {ctx.t('cooperationRecords.indicators.new')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`/${ctx.lang}/networks/${networkSlug}/indicators`}>
            {ctx.t('cooperationRecords.indicators.network')}
          </a>
        </li>
      </ul>
    </section>
  );
}

export type RecordNotice = 'created' | 'saved';

export function RecordPage(props: {
  ctx: PageContext;
  data: RecordPageData;
  notice?: RecordNotice | undefined;
  practiceError?: string | undefined;
  indicators?: Children;
}) {
  const { ctx } = props;
  const { record, canManage, match } = props.data;
  const t = ctx.t;
  const title = pickText(record.title, ctx.lang)?.text ?? '';
  const texts = (['summary', 'activities', 'results', 'resources'] as const).filter((field) =>
    Object.values(record[field]).some(Boolean),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>
        <Localized ctx={ctx} text={record.title} />
      </PageHeading>
      {props.notice ? <Notice>{t(NOTICE_KEYS[props.notice])}</Notice> : null}
      {props.practiceError ? (
        <div class="error-summary" role="alert">
          <p>{props.practiceError}</p>
        </div>
      ) : null}
      <dl class="summary-list">
        <dt>{t('cooperationRecords.field.status')}</dt>
        <dd>{statusLabel(ctx, record.status)}</dd>
        <dt>{t('cooperationRecords.field.network')}</dt>
        <dd>
          <a href={`/${ctx.lang}/networks/${record.networkSlug}`}>
            <Localized ctx={ctx} text={record.networkName} />
          </a>
        </dd>
        <dt>{t('cooperationRecords.field.modality')}</dt>
        <dd>{codeLabel(ctx, 'cooperation-modalities', record.modality)}</dd>
        <dt>{t('cooperationRecords.field.period')}</dt>
        <dd>{periodText(ctx, record.startsOn, record.endsOn)}</dd>
        <dt>{t('cooperationRecords.field.budget')}</dt>
        <dd>
          {record.budgetAmount === null
            ? '—'
            : t('cooperationRecords.budget', {
                amount: record.budgetAmount,
                currency: record.budgetCurrency ?? '',
              })}
        </dd>
        <dt>{t('cooperationRecords.field.originalLanguage')}</dt>
        <dd>{languageLabel(ctx, record.originalLanguage)}</dd>
        {(
          [
            ['thematicAreas', 'iom-areas'],
            ['gcmObjectives', 'gcm-objectives'],
            ['countries', 'countries'],
          ] as const
        ).map(([field, vocabulary]) => (
          <>
            <dt>{fieldLabel(ctx, field)}</dt>
            <dd>
              {record[field].length === 0
                ? '—'
                : record[field].map((code) => codeLabel(ctx, vocabulary, code)).join(' · ')}
            </dd>
          </>
        ))}
      </dl>
      <section aria-labelledby="record-parties">
        <h2 id="record-parties">{t('cooperationRecords.field.parties')}</h2>
        <DataTable
          caption={t('cooperationRecords.parties.caption')}
          rows={record.parties}
          columns={[
            {
              header: t('cooperationRecords.parties.organisation'),
              cell: (party) => (
                <a href={`/${ctx.lang}/organisations/${party.organisationId}`}>
                  <Localized ctx={ctx} text={party.name} />
                </a>
              ),
            },
            { header: t('cooperationRecords.parties.role'), cell: (party) => roleLabel(ctx, party.role) },
          ]}
        />
      </section>
      {texts.map((field) => (
        <section aria-labelledby={`record-${field}`}>
          <h2 id={`record-${field}`}>{fieldLabel(ctx, field)}</h2>
          <LongText ctx={ctx} text={record[field]} original={record.originalLanguage} />
        </section>
      ))}
      <section aria-labelledby="record-practices">
        <h2 id="record-practices">{t('cooperationRecords.field.practices')}</h2>
        {record.practices.length === 0 ? (
          <p>{t('cooperationRecords.practices.none')}</p>
        ) : (
          <ul>
            {record.practices.map((practice) => (
              <li>
                <a href={`/${ctx.lang}/practices/${practice.id}`}>
                  <Localized ctx={ctx} text={practice.title} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {match ? (
        <section aria-labelledby="record-match">
          <h2 id="record-match">{t('cooperationRecords.match.title')}</h2>
          <p>
            <a href={`/${ctx.lang}/matches/${match.id}`}>{t('cooperationRecords.match.link')}</a>
          </p>
        </section>
      ) : null}
      <RecordIndicatorsSlot
        ctx={ctx}
        recordId={record.id}
        networkSlug={record.networkSlug}
        canManage={canManage}
      >
        {props.indicators}
      </RecordIndicatorsSlot>
      {canManage ? (
        <section aria-labelledby="record-actions">
          <h2 id="record-actions">{t('cooperationRecords.actions.title')}</h2>
          <ul class="action-list">
            <li>
              <a class="button" href={`/${ctx.lang}/cooperation/${record.id}/edit`}>
                {t('cooperationRecords.actions.edit')}
              </a>
            </li>
            {record.practiceId ? (
              <li>
                <a href={`/${ctx.lang}/practices/${record.practiceId}/edit`}>
                  {t('cooperationRecords.actions.openPractice')}
                </a>
              </li>
            ) : record.status === 'completed' ? (
              <li>
                <form
                  method="post"
                  action={`/${ctx.lang}/cooperation/${record.id}/practice`}
                  class="inline-form"
                >
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="button--secondary">
                    {t('cooperationRecords.actions.toPractice')}
                  </button>
                </form>
              </li>
            ) : (
              <li class="meta">{t('cooperationRecords.actions.toPracticeLater')}</li>
            )}
          </ul>
        </section>
      ) : null}
      <p class="meta">
        {t('cooperationRecords.updated', { date: formatDate(ctx.lang, record.updatedAt) })}{' '}
        <a href={`/${ctx.lang}/cooperation`}>{t('cooperationRecords.backToList')}</a>
      </p>
    </Layout>
  );
}

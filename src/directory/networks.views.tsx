import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  Select,
  TextInput,
  errorFor,
} from '../web/components.tsx';
import { LANGUAGES, type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import { CountryMap, type MapCountry } from '../web/map.tsx';
import type { PageContext } from '../web/render.tsx';
import type { getNetwork, listNetworks } from './directory.queries.ts';

export type NetworkListRow = Awaited<ReturnType<typeof listNetworks>>[number];
export type NetworkDetail = NonNullable<Awaited<ReturnType<typeof getNetwork>>>;
/** The edit form's fields, flat and as text (`name.fr`, `yearFounded`…), as a browser sends them. */
export type NetworkFormValues = Record<string, string>;

export const TEXT_FIELDS = ['name', 'description', 'objectives', 'meetingCadence', 'fundingNote'] as const;
// Message keys written out, so that the catalogue check sees each one used.
const KIND_LABEL: Record<string, string> = {
  network: 'networks.kind.network',
  coalition: 'networks.kind.coalition',
  'working-group': 'networks.kind.workingGroup',
  platform: 'networks.kind.platform',
};
const FUNDING_LABEL: Record<string, string> = {
  funded: 'networks.funding.funded',
  'partly-funded': 'networks.funding.partlyFunded',
  unfunded: 'networks.funding.unfunded',
};
const ROLE_LABEL: Record<string, string> = {
  coordinator: 'networks.role.coordinator',
  member: 'networks.role.member',
  observer: 'networks.role.observer',
};
const LANGUAGE_LABEL: Record<string, string> = {
  fr: 'networks.language.fr',
  es: 'networks.language.es',
  en: 'networks.language.en',
  pt: 'networks.language.pt',
};
const KINDS = Object.keys(KIND_LABEL);
const FUNDING = Object.keys(FUNDING_LABEL);
const ROLES = Object.keys(ROLE_LABEL);
const label = (ctx: PageContext, labels: Record<string, string>, code: string) =>
  labels[code] ? ctx.t(labels[code]) : code;

/** A text in the page's language, or in another one, marked with its language. */
function Text({ ctx, text }: { ctx: PageContext; text: LocalizedText | null | undefined }) {
  const picked = pickText(text, ctx.lang);
  if (!picked) return <>—</>;
  if (picked.lang === ctx.lang) return <>{picked.text}</>;
  return (
    <span lang={picked.lang}>
      {picked.text} <span class="lang-badge">{picked.lang}</span>
    </span>
  );
}

const plainText = (text: LocalizedText | null | undefined, ctx: PageContext) =>
  pickText(text, ctx.lang)?.text ?? '';

const countryLabel = (ctx: PageContext, code: string) => labelOf('countries', code, ctx.lang) ?? code;
const regionLabel = (ctx: PageContext, code: string | null) =>
  code ? (labelOf('regions', code, ctx.lang) ?? code) : '—';

function FundingStatus({ ctx, status }: { ctx: PageContext; status: string | null }) {
  if (!status) return <>{ctx.t('networks.funding.unknown')}</>;
  return <strong class={`funding funding--${status}`}>{label(ctx, FUNDING_LABEL, status)}</strong>;
}

export function NetworksListPage({ ctx, networks }: { ctx: PageContext; networks: NetworkListRow[] }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('networks.list.title')}>
      <PageHeading>{t('networks.list.title')}</PageHeading>
      <p class="lead">{t('networks.list.intro')}</p>
      <DataTable
        caption={t('networks.list.caption', { count: networks.length })}
        rows={networks}
        columns={[
          {
            header: t('networks.field.name'),
            cell: (n) => (
              <a href={`/${ctx.lang}/networks/${n.slug}`}>
                <Text ctx={ctx} text={n.name} />
              </a>
            ),
          },
          { header: t('networks.field.kind'), cell: (n) => label(ctx, KIND_LABEL, n.kind) },
          { header: t('networks.field.region'), cell: (n) => regionLabel(ctx, n.region) },
          {
            header: t('networks.field.yearFounded'),
            cell: (n) => (n.year_founded ? String(n.year_founded) : '—'),
          },
          {
            header: t('networks.field.fundingStatus'),
            cell: (n) => <FundingStatus ctx={ctx} status={n.funding_status} />,
          },
          { header: t('networks.field.memberCount'), cell: (n) => String(Number(n.members ?? 0)) },
        ]}
      />
    </Layout>
  );
}

/** The members' countries (headquarters and countries served), with how many members in each. */
export function memberCountries(ctx: PageContext, network: NetworkDetail): MapCountry[] {
  const counts = new Map<string, number>();
  for (const member of network.members) {
    const codes = new Set([
      ...(member.headquartersCountry ? [member.headquartersCountry] : []),
      ...member.countriesServed,
    ]);
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, value]) => ({ code, label: countryLabel(ctx, code), value }));
}

export interface NetworkPageProps {
  ctx: PageContext;
  network: NetworkDetail;
  canEdit: boolean;
  saved?: boolean;
  /** For the add-member form (secretariat only): organisations that are not members yet. */
  candidates?: { id: string; name: LocalizedText }[];
  memberValues?: NetworkFormValues;
  errors?: FieldError[];
}

export function NetworkPage(props: NetworkPageProps) {
  const { ctx, network } = props;
  const t = ctx.t;
  const name = plainText(network.name, ctx);
  const nameOf = new Map(network.members.map((m) => [m.id, m.name]));
  const elsewhere = network.members
    .map((member) => ({ member, networks: network.elsewhere.filter((e) => e.organisationId === member.id) }))
    .filter((entry) => entry.networks.length > 0);
  const description = plainText(network.description, ctx);
  return (
    <Layout ctx={ctx} title={name} {...(description ? { description: description.slice(0, 300) } : {})}>
      <PageHeading>
        <Text ctx={ctx} text={network.name} />
      </PageHeading>
      {props.saved ? <Notice>{t('networks.edit.saved')}</Notice> : null}
      <p class="meta">
        {label(ctx, KIND_LABEL, network.kind)}
        {network.region ? ` · ${regionLabel(ctx, network.region)}` : null}
        {network.year_founded ? ` · ${t('networks.founded', { year: network.year_founded })}` : null}
      </p>
      {props.canEdit ? (
        <p>
          <a class="button" href={`/${ctx.lang}/networks/${network.slug}/edit`}>
            {t('networks.edit.link')}
          </a>
        </p>
      ) : null}
      {LANGUAGES.filter((lang) => lang !== ctx.lang && network.name[lang]).length > 0 ? (
        <p>
          {t('networks.otherNames')}{' '}
          {LANGUAGES.filter((lang) => lang !== ctx.lang && network.name[lang]).map((lang, index) => (
            <>
              {index > 0 ? ' · ' : null}
              <span lang={lang}>{network.name[lang]}</span>
            </>
          ))}
        </p>
      ) : null}
      {description ? (
        <p class="lead">
          <Text ctx={ctx} text={network.description} />
        </p>
      ) : null}
      <nav aria-labelledby="network-work-heading" class="network-work">
        <h2 id="network-work-heading">{t('networks.work.heading')}</h2>
        <ul class="action-list">
          <li>
            <a href={`/${ctx.lang}/practices?network=${network.slug}`}>{t('networks.work.practices')}</a>
          </li>
          <li>
            <a href={`/${ctx.lang}/offers?network=${network.slug}`}>{t('networks.work.offers')}</a>
          </li>
          <li>
            <a href={`/${ctx.lang}/demands?network=${network.slug}`}>{t('networks.work.demands')}</a>
          </li>
          <li>
            <a href={`/${ctx.lang}/cooperation?network=${network.slug}`}>{t('networks.work.cooperation')}</a>
          </li>
          <li>
            <a href={`/${ctx.lang}/networks/${network.slug}/indicators`}>{t('networks.work.indicators')}</a>
          </li>
        </ul>
      </nav>
      <dl class="summary-list">
        <dt>{t('networks.field.objectives')}</dt>
        <dd>
          <Text ctx={ctx} text={network.objectives} />
        </dd>
        <dt>{t('networks.field.coordinatingOrganisation')}</dt>
        <dd>
          {network.coordinating_organisation_id ? (
            <a href={`/${ctx.lang}/organisations/${network.coordinating_organisation_id}`}>
              <Text ctx={ctx} text={network.coordinator_name} />
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('networks.field.meetingCadence')}</dt>
        <dd>
          <Text ctx={ctx} text={network.meeting_cadence} />
        </dd>
        <dt>{t('networks.field.fundingStatus')}</dt>
        <dd>
          <FundingStatus ctx={ctx} status={network.funding_status} />
          {network.funding_year ? ` (${network.funding_year})` : null}
          {plainText(network.funding_note, ctx) ? (
            <>
              {' — '}
              <Text ctx={ctx} text={network.funding_note} />
            </>
          ) : null}
        </dd>
        <dt>{t('networks.field.countries')}</dt>
        <dd>
          {network.countries.length > 0
            ? network.countries
                .map((code) => countryLabel(ctx, code))
                .sort((a, b) => a.localeCompare(b, ctx.lang))
                .join(', ')
            : '—'}
        </dd>
      </dl>

      <h2 id="members">{t('networks.members.title')}</h2>
      {network.members.length === 0 ? (
        <p>{t('networks.members.none')}</p>
      ) : (
        <DataTable
          caption={t('networks.members.caption', { count: network.members.length })}
          rows={network.members}
          columns={[
            {
              header: t('networks.field.organisation'),
              cell: (m) => (
                <a href={`/${ctx.lang}/organisations/${m.id}`}>
                  <Text ctx={ctx} text={m.name} />
                </a>
              ),
            },
            { header: t('networks.field.role'), cell: (m) => label(ctx, ROLE_LABEL, m.role) },
            { header: t('networks.field.since'), cell: (m) => m.since ?? '—' },
          ]}
        />
      )}

      <h2 id="map">{t('networks.map.title')}</h2>
      <CountryMap
        ctx={ctx}
        id="members-map"
        title={t('networks.map.caption', { name })}
        countryHeader={t('networks.map.country')}
        valueHeader={t('networks.map.members')}
        countries={memberCountries(ctx, network)}
      />

      <h2 id="elsewhere">{t('networks.elsewhere.title')}</h2>
      <p>{t('networks.elsewhere.intro')}</p>
      {elsewhere.length === 0 ? (
        <p>{t('networks.elsewhere.none')}</p>
      ) : (
        <ul class="elsewhere">
          {elsewhere.map((entry) => (
            <li>
              <Text ctx={ctx} text={nameOf.get(entry.member.id)} />
              {': '}
              {entry.networks.map((other, index) => (
                <>
                  {index > 0 ? ', ' : null}
                  <a href={`/${ctx.lang}/networks/${other.slug}`}>
                    <Text ctx={ctx} text={other.name} />
                  </a>{' '}
                  ({label(ctx, ROLE_LABEL, other.role)})
                </>
              ))}
            </li>
          ))}
        </ul>
      )}

      {props.canEdit && props.candidates ? <AddMemberForm {...props} candidates={props.candidates} /> : null}
    </Layout>
  );
}

function AddMemberForm(props: NetworkPageProps & { candidates: { id: string; name: LocalizedText }[] }) {
  const { ctx, network } = props;
  const t = ctx.t;
  const values = props.memberValues ?? {};
  return (
    <section aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t('networks.addMember.title')}</h2>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/${ctx.lang}/networks/${network.slug}/members`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="organisationId"
          label={t('networks.field.organisation')}
          value={values.organisationId}
          errors={props.errors}
          required
          empty=""
          options={props.candidates
            .map((o) => ({ value: o.id, label: plainText(o.name, ctx) }))
            .sort((a, b) => a.label.localeCompare(b.label, ctx.lang))}
        />
        <Select
          ctx={ctx}
          name="role"
          label={t('networks.field.role')}
          value={values.role ?? 'member'}
          errors={props.errors}
          required
          options={ROLES.map((role) => ({ value: role, label: label(ctx, ROLE_LABEL, role) }))}
        />
        <TextInput
          ctx={ctx}
          name="since"
          label={t('networks.field.since')}
          hint={t('networks.hint.date')}
          value={values.since}
          errors={props.errors}
          maxLength={10}
        />
        <button type="submit">{t('networks.addMember.submit')}</button>
      </form>
    </section>
  );
}

/** The edit form's values for a saved network. */
export function formValuesOf(network: NetworkDetail): NetworkFormValues {
  const values: NetworkFormValues = {
    slug: network.slug,
    kind: network.kind,
    region: network.region ?? '',
    yearFounded: network.year_founded === null ? '' : String(network.year_founded),
    coordinatingOrganisationId: network.coordinating_organisation_id ?? '',
    fundingStatus: network.funding_status ?? '',
    fundingYear: network.funding_year === null ? '' : String(network.funding_year),
    countries: network.countries.join(' '),
    version: String(network.version),
  };
  const texts = {
    name: network.name,
    description: network.description,
    objectives: network.objectives,
    meetingCadence: network.meeting_cadence,
    fundingNote: network.funding_note,
  };
  for (const field of TEXT_FIELDS)
    for (const lang of LANGUAGES) values[`${field}.${lang}`] = texts[field][lang] ?? '';
  return values;
}

function TextArea(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  errors: FieldError[] | undefined;
  lang: string;
}) {
  const error = errorFor(props.errors, props.name);
  return (
    <Field ctx={props.ctx} name={props.name} label={props.label} error={error}>
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        lang={props.lang}
        rows={4}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `field-${props.name}-error` : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

export interface NetworkEditPageProps {
  ctx: PageContext;
  network: NetworkDetail;
  values: NetworkFormValues;
  errors?: FieldError[];
  /** On a conflict: the version saved meanwhile, shown beside the user's values. */
  saved?: NetworkFormValues;
}

export function NetworkEditPage(props: NetworkEditPageProps) {
  const { ctx, network, values } = props;
  const t = ctx.t;
  const title = t('networks.edit.title', { name: plainText(network.name, ctx) });
  const langName = (lang: string) => label(ctx, LANGUAGE_LABEL, lang);
  const changed = props.saved
    ? Object.keys({ ...props.saved, ...values })
        .filter((key) => key !== 'version' && (props.saved![key] ?? '') !== (values[key] ?? ''))
        .sort()
    : [];
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.saved ? (
        <section aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('networks.conflict.title')}</h2>
          <p>{t('networks.conflict.intro')}</p>
          <DataTable
            caption={t('networks.conflict.caption')}
            rows={changed}
            columns={[
              { header: t('networks.conflict.field'), cell: (key) => key },
              { header: t('networks.conflict.yours'), cell: (key) => values[key] || '—' },
              { header: t('networks.conflict.saved'), cell: (key) => props.saved![key] || '—' },
            ]}
          />
        </section>
      ) : null}
      <form method="post" action={`/${ctx.lang}/networks/${network.slug}/edit`} class="form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={values.version} />
        {LANGUAGES.map((lang) => (
          <fieldset>
            <legend>{t('networks.edit.inLanguage', { language: langName(lang) })}</legend>
            <TextInput
              ctx={ctx}
              name={`name.${lang}`}
              label={t('networks.field.name')}
              value={values[`name.${lang}`]}
              errors={props.errors}
              maxLength={300}
            />
            <TextArea
              ctx={ctx}
              lang={lang}
              name={`description.${lang}`}
              label={t('networks.field.description')}
              value={values[`description.${lang}`]}
              errors={props.errors}
            />
            <TextArea
              ctx={ctx}
              lang={lang}
              name={`objectives.${lang}`}
              label={t('networks.field.objectives')}
              value={values[`objectives.${lang}`]}
              errors={props.errors}
            />
            <TextInput
              ctx={ctx}
              name={`meetingCadence.${lang}`}
              label={t('networks.field.meetingCadence')}
              value={values[`meetingCadence.${lang}`]}
              errors={props.errors}
              maxLength={500}
            />
            <TextArea
              ctx={ctx}
              lang={lang}
              name={`fundingNote.${lang}`}
              label={t('networks.field.fundingNote')}
              value={values[`fundingNote.${lang}`]}
              errors={props.errors}
            />
          </fieldset>
        ))}
        <TextInput
          ctx={ctx}
          name="slug"
          label={t('networks.field.slug')}
          hint={t('networks.hint.slug')}
          value={values.slug}
          errors={props.errors}
          required
          maxLength={80}
        />
        <Select
          ctx={ctx}
          name="kind"
          label={t('networks.field.kind')}
          value={values.kind}
          errors={props.errors}
          required
          options={KINDS.map((kind) => ({ value: kind, label: label(ctx, KIND_LABEL, kind) }))}
        />
        <Select
          ctx={ctx}
          name="region"
          label={t('networks.field.region')}
          value={values.region}
          errors={props.errors}
          empty={t('networks.none')}
          options={(getVocabulary('regions') ?? []).map((r) => ({
            value: r.code,
            label: r.labels[ctx.lang] ?? r.code,
          }))}
        />
        <TextInput
          ctx={ctx}
          name="yearFounded"
          label={t('networks.field.yearFounded')}
          value={values.yearFounded}
          errors={props.errors}
          maxLength={4}
        />
        <Select
          ctx={ctx}
          name="coordinatingOrganisationId"
          label={t('networks.field.coordinatingOrganisation')}
          value={values.coordinatingOrganisationId}
          errors={props.errors}
          empty={t('networks.none')}
          options={[
            ...network.members.map((m) => ({ value: m.id, label: plainText(m.name, ctx) })),
            ...(network.coordinating_organisation_id &&
            !network.members.some((m) => m.id === network.coordinating_organisation_id)
              ? [
                  {
                    value: network.coordinating_organisation_id,
                    label: plainText(network.coordinator_name, ctx),
                  },
                ]
              : []),
          ]}
        />
        <Select
          ctx={ctx}
          name="fundingStatus"
          label={t('networks.field.fundingStatus')}
          value={values.fundingStatus}
          errors={props.errors}
          empty={t('networks.funding.unknown')}
          options={FUNDING.map((status) => ({ value: status, label: label(ctx, FUNDING_LABEL, status) }))}
        />
        <TextInput
          ctx={ctx}
          name="fundingYear"
          label={t('networks.field.fundingYear')}
          value={values.fundingYear}
          errors={props.errors}
          maxLength={4}
        />
        <TextInput
          ctx={ctx}
          name="countries"
          label={t('networks.field.countries')}
          hint={t('networks.hint.countries')}
          value={values.countries}
          errors={props.errors}
          maxLength={1500}
        />
        <button type="submit">{t('networks.edit.submit')}</button>{' '}
        <a href={`/${ctx.lang}/networks/${network.slug}`}>{t('networks.edit.cancel')}</a>
      </form>
    </Layout>
  );
}

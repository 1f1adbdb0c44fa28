import type { FieldError } from '../http/problems.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import { ProgressChart } from '../web/chart.tsx';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Notice,
  PageHeading,
  Select,
  errorFor,
  TextInput,
} from '../web/components.tsx';
import { LANGUAGES, type Lang, type LocalizedText, pickText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { IndicatorDetail } from './cooperation.indicators.queries.ts';
import type { IndicatorValue } from './cooperation.indicators.repository.ts';
import { UNIT_TYPES } from './cooperation.indicators.schemas.ts';

/** A form's fields, flat and as text (`name.fr`, `baselineValue`…), as a browser sends them. */
export type FormValues = Record<string, string>;

// Message keys written out, so that the catalogue check sees each one used.
const UNIT_TYPE_LABEL: Record<string, string> = {
  count: 'cooperationIndicators.unitType.count',
  percentage: 'cooperationIndicators.unitType.percentage',
  amount: 'cooperationIndicators.unitType.amount',
  score: 'cooperationIndicators.unitType.score',
};
const UNIT_HINT: Record<string, string> = {
  count: 'cooperationIndicators.hint.count',
  percentage: 'cooperationIndicators.hint.percentage',
  amount: 'cooperationIndicators.hint.amount',
  score: 'cooperationIndicators.hint.score',
};
const LANGUAGE_LABEL: Record<Lang, string> = {
  fr: 'cooperationIndicators.language.fr',
  es: 'cooperationIndicators.language.es',
  en: 'cooperationIndicators.language.en',
  pt: 'cooperationIndicators.language.pt',
};

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

const plain = (ctx: PageContext, text: LocalizedText | null | undefined) =>
  pickText(text, ctx.lang)?.text ?? '';

function formatValue(ctx: PageContext, indicator: IndicatorDetail, value: number): string {
  if (indicator.unitType === 'amount' && indicator.currency)
    return new Intl.NumberFormat(ctx.lang, { style: 'currency', currency: indicator.currency }).format(value);
  const number = new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 2 }).format(value);
  return indicator.unitType === 'percentage' ? `${number} %` : number;
}

function formatDate(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** The progress toward the target in words: "62 % of the way from baseline to target". */
export function progressInWords(ctx: PageContext, indicator: IndicatorDetail): string {
  if (indicator.values.length === 0) return ctx.t('cooperationIndicators.progress.none');
  if (indicator.progress === null) return ctx.t('cooperationIndicators.progress.flat');
  return ctx.t('cooperationIndicators.progress.words', { percent: indicator.progress });
}

function scopeLine(ctx: PageContext, indicator: IndicatorDetail) {
  const t = ctx.t;
  if (indicator.scope === 'record')
    return (
      <>
        {t('cooperationIndicators.scope.record')}{' '}
        <a href={`/${ctx.lang}/cooperation/${indicator.recordId}`}>
          <Text ctx={ctx} text={indicator.recordTitle} />
        </a>
      </>
    );
  if (indicator.scope === 'objective')
    return t('cooperationIndicators.scope.objective', {
      code: indicator.gcmObjective ?? '',
      objective: labelOf('gcm-objectives', indicator.gcmObjective ?? '', ctx.lang) ?? '',
    });
  return t('cooperationIndicators.scope.network');
}

/** The author of a value: a name for the network's members, the organisation for everyone else. */
function authorOf(ctx: PageContext, indicator: IndicatorDetail, value: IndicatorValue): string {
  if (indicator.viewerIsMember && value.authorName) return value.authorName;
  return plain(ctx, value.authorOrganisation) || '—';
}

/** The chart of an indicator's values and, beside it, the same values as a table. */
export function IndicatorProgress({ ctx, indicator }: { ctx: PageContext; indicator: IndicatorDetail }) {
  const t = ctx.t;
  const name = plain(ctx, indicator.name);
  const unit = plain(ctx, indicator.unit) || t(UNIT_TYPE_LABEL[indicator.unitType]!);
  const latest = indicator.values.at(-1);
  const summary = t('cooperationIndicators.chart.summary', {
    baseline: formatValue(ctx, indicator, indicator.baselineValue),
    baselineOn: formatDate(ctx, indicator.baselineOn),
    target: formatValue(ctx, indicator, indicator.targetValue),
    targetOn: formatDate(ctx, indicator.targetOn),
    count: indicator.values.length,
    latest: latest ? formatValue(ctx, indicator, latest.value) : '',
    latestOn: latest ? formatDate(ctx, latest.measuredOn) : '',
  });
  return (
    <div class="indicator-progress">
      <p>
        <strong>{progressInWords(ctx, indicator)}</strong>
      </p>
      <figure class="indicator-progress__chart">
        <ProgressChart
          id={`indicator-${indicator.id}-chart`}
          title={t('cooperationIndicators.chart.title', { name })}
          summary={summary}
          points={indicator.values.map((v) => ({ date: v.measuredOn, value: v.value }))}
          baseline={{ date: indicator.baselineOn, value: indicator.baselineValue }}
          target={{ date: indicator.targetOn, value: indicator.targetValue }}
          labels={{
            baseline: t('cooperationIndicators.chart.baseline'),
            target: t('cooperationIndicators.chart.target'),
            unit,
          }}
          lang={ctx.lang}
        />
      </figure>
      <DataTable
        caption={t('cooperationIndicators.table.caption', { name })}
        rows={indicator.values}
        columns={[
          { header: t('cooperationIndicators.field.measuredOn'), cell: (v) => formatDate(ctx, v.measuredOn) },
          {
            header: t('cooperationIndicators.table.value', { unit }),
            cell: (v) => formatValue(ctx, indicator, v.value),
          },
          { header: t('cooperationIndicators.field.source'), cell: (v) => v.source },
          { header: t('cooperationIndicators.table.author'), cell: (v) => authorOf(ctx, indicator, v) },
        ]}
      />
    </div>
  );
}

function IndicatorFacts({ ctx, indicator }: { ctx: PageContext; indicator: IndicatorDetail }) {
  const t = ctx.t;
  return (
    <dl class="summary-list">
      <dt>{t('cooperationIndicators.field.scope')}</dt>
      <dd>{scopeLine(ctx, indicator)}</dd>
      <dt>{t('cooperationIndicators.field.unitType')}</dt>
      <dd>
        {t(UNIT_TYPE_LABEL[indicator.unitType]!)}
        {indicator.currency ? ` (${indicator.currency})` : ''}
        {plain(ctx, indicator.unit) ? ' — ' : ''}
        {plain(ctx, indicator.unit) ? <Text ctx={ctx} text={indicator.unit} /> : null}
      </dd>
      <dt>{t('cooperationIndicators.detail.baseline')}</dt>
      <dd>
        {t('cooperationIndicators.detail.valueOn', {
          value: formatValue(ctx, indicator, indicator.baselineValue),
          date: formatDate(ctx, indicator.baselineOn),
        })}
      </dd>
      <dt>{t('cooperationIndicators.detail.target')}</dt>
      <dd>
        {t('cooperationIndicators.detail.valueBy', {
          value: formatValue(ctx, indicator, indicator.targetValue),
          date: formatDate(ctx, indicator.targetOn),
        })}
      </dd>
    </dl>
  );
}

export function NetworkIndicatorsPage({
  ctx,
  network,
  indicators,
  canDefine,
}: {
  ctx: PageContext;
  network: { slug: string; name: LocalizedText };
  indicators: IndicatorDetail[];
  canDefine: boolean;
}) {
  const t = ctx.t;
  const title = t('cooperationIndicators.network.title', { network: plain(ctx, network.name) });
  const groups = [
    { scope: 'network', heading: t('cooperationIndicators.section.network') },
    { scope: 'objective', heading: t('cooperationIndicators.section.objective') },
    { scope: 'record', heading: t('cooperationIndicators.section.record') },
  ]
    .map((group) => ({ ...group, items: indicators.filter((i) => i.scope === group.scope) }))
    .filter((group) => group.items.length > 0);
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <p class="lead">{t('cooperationIndicators.network.intro')}</p>
      <p>
        <a href={`/${ctx.lang}/networks/${network.slug}`}>{t('cooperationIndicators.network.back')}</a>
        {canDefine ? (
          <>
            {' · '}
            <a
              class="button"
              href={`/${ctx.lang}/indicators/new?network=${encodeURIComponent(network.slug)}`}
            >
              {t('cooperationIndicators.network.define')}
            </a>
          </>
        ) : null}
      </p>
      {groups.length === 0 ? <p>{t('cooperationIndicators.network.none')}</p> : null}
      {groups.map((group) => (
        <section aria-labelledby={`indicators-${group.scope}`}>
          <h2 id={`indicators-${group.scope}`}>{group.heading}</h2>
          {group.items.map((indicator) => (
            <article class="indicator" aria-labelledby={`indicator-${indicator.id}`}>
              <h3 id={`indicator-${indicator.id}`}>
                <a href={`/${ctx.lang}/indicators/${indicator.id}`}>
                  <Text ctx={ctx} text={indicator.name} />
                </a>
              </h3>
              <IndicatorFacts ctx={ctx} indicator={indicator} />
              <IndicatorProgress ctx={ctx} indicator={indicator} />
            </article>
          ))}
        </section>
      ))}
    </Layout>
  );
}

export function IndicatorPage({
  ctx,
  indicator,
  notice,
  valueValues = {},
  errors,
}: {
  ctx: PageContext;
  indicator: IndicatorDetail;
  notice?: 'saved' | 'valueAdded' | undefined;
  valueValues?: FormValues;
  errors?: FieldError[] | undefined;
}) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={plain(ctx, indicator.name)}>
      {notice === 'saved' ? <Notice>{t('cooperationIndicators.notice.saved')}</Notice> : null}
      {notice === 'valueAdded' ? <Notice>{t('cooperationIndicators.notice.valueAdded')}</Notice> : null}
      <PageHeading>
        <Text ctx={ctx} text={indicator.name} />
      </PageHeading>
      {plain(ctx, indicator.description) ? (
        <p class="lead">
          <Text ctx={ctx} text={indicator.description} />
        </p>
      ) : null}
      <p>
        <a href={`/${ctx.lang}/networks/${indicator.networkSlug}/indicators`}>
          {t('cooperationIndicators.detail.allOfNetwork')}
        </a>
        {indicator.canManage ? (
          <>
            {' · '}
            <a href={`/${ctx.lang}/indicators/${indicator.id}/edit`}>
              {t('cooperationIndicators.detail.edit')}
            </a>
          </>
        ) : null}
      </p>
      <IndicatorFacts ctx={ctx} indicator={indicator} />
      <h2>{t('cooperationIndicators.detail.progress')}</h2>
      <IndicatorProgress ctx={ctx} indicator={indicator} />
      {indicator.canManage ? (
        <ValueForm ctx={ctx} indicator={indicator} values={valueValues} errors={errors} />
      ) : null}
    </Layout>
  );
}

/** A text or date field of the indicator forms, its value read from the form's values; `step` marks a number. */
function Input({
  values,
  step,
  hint,
  ...field
}: {
  ctx: PageContext;
  name: string;
  label: string;
  values: FormValues;
  errors: FieldError[] | undefined;
  type?: 'text' | 'date';
  required?: boolean;
  lang?: string;
  hint?: string;
  step?: string;
}) {
  return (
    <TextInput
      {...field}
      {...(hint ? { hint } : {})}
      value={values[field.name] ?? ''}
      inputMode={step ? 'decimal' : undefined}
    />
  );
}

function ValueForm({
  ctx,
  indicator,
  values,
  errors,
}: {
  ctx: PageContext;
  indicator: IndicatorDetail;
  values: FormValues;
  errors: FieldError[] | undefined;
}) {
  const t = ctx.t;
  return (
    <section aria-labelledby="add-value">
      <h2 id="add-value">{t('cooperationIndicators.value.title')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="form" method="post" action={`/${ctx.lang}/indicators/${indicator.id}/values`} novalidate>
        <CsrfField ctx={ctx} />
        <Input
          ctx={ctx}
          name="value"
          label={t('cooperationIndicators.field.value')}
          hint={t(UNIT_HINT[indicator.unitType]!)}
          values={values}
          errors={errors}
          required
          step="any"
        />
        <Input
          ctx={ctx}
          name="measuredOn"
          type="date"
          label={t('cooperationIndicators.field.measuredOn')}
          values={values}
          errors={errors}
          required
        />
        <Input
          ctx={ctx}
          name="source"
          label={t('cooperationIndicators.field.source')}
          hint={t('cooperationIndicators.hint.source')}
          values={values}
          errors={errors}
          required
        />
        <Input
          ctx={ctx}
          name="note"
          label={t('cooperationIndicators.field.note')}
          values={values}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('cooperationIndicators.value.submit')}
        </button>
      </form>
    </section>
  );
}

/** What the new-indicator form is for: a network (its indicators or an objective's) or a record. */
export type IndicatorOwner =
  | { kind: 'network'; slug: string; name: LocalizedText }
  | { kind: 'record'; id: string; title: LocalizedText }
  | { kind: 'existing'; indicator: IndicatorDetail };

export function IndicatorFormPage({
  ctx,
  owner,
  values,
  errors,
  status,
}: {
  ctx: PageContext;
  owner: IndicatorOwner;
  values: FormValues;
  errors?: FieldError[] | undefined;
  status?: 'conflict';
}) {
  const t = ctx.t;
  const editing = owner.kind === 'existing';
  const title = editing
    ? t('cooperationIndicators.form.editTitle', { name: plain(ctx, owner.indicator.name) })
    : owner.kind === 'network'
      ? t('cooperationIndicators.form.newForNetwork', { network: plain(ctx, owner.name) })
      : t('cooperationIndicators.form.newForRecord', { record: plain(ctx, owner.title) });
  const action = editing ? `/${ctx.lang}/indicators/${owner.indicator.id}/edit` : `/${ctx.lang}/indicators`;
  const scope = editing ? owner.indicator.scope : owner.kind;
  const objectives = (getVocabulary('gcm-objectives') ?? []).map((entry) => ({
    value: entry.code,
    label: `${entry.code}. ${entry.labels[ctx.lang]}`,
  }));
  const languages = LANGUAGES.map((lang) => ({ value: lang, label: t(LANGUAGE_LABEL[lang]) }));
  const textField = (field: 'name' | 'unit', lang: Lang, label: string) => (
    <Input
      ctx={ctx}
      name={`${field}.${lang}`}
      label={t(label, { language: t(LANGUAGE_LABEL[lang]) })}
      values={values}
      errors={errors}
      lang={lang}
    />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      {status === 'conflict' ? (
        <div class="conflict" role="alert">
          <p>{t('cooperationIndicators.form.conflict')}</p>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form class="form" method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {editing ? <input type="hidden" name="version" value={values.version ?? ''} /> : null}
        {owner.kind === 'record' ? (
          <>
            <input type="hidden" name="scope" value="record" />
            <input type="hidden" name="recordId" value={owner.id} />
          </>
        ) : null}
        {owner.kind === 'network' ? <input type="hidden" name="network" value={owner.slug} /> : null}
        {owner.kind === 'network' || scope === 'objective' ? (
          <Select
            ctx={ctx}
            name="gcmObjective"
            label={t('cooperationIndicators.field.gcmObjective')}
            value={values.gcmObjective}
            options={objectives}
            errors={errors}
            {...(scope === 'objective'
              ? { required: true, empty: t('cooperationIndicators.form.chooseObjective') }
              : { empty: t('cooperationIndicators.form.noObjective') })}
          />
        ) : null}
        <Select
          ctx={ctx}
          name="originalLanguage"
          label={t('cooperationIndicators.field.originalLanguage')}
          value={values.originalLanguage ?? ctx.lang}
          options={languages}
          errors={errors}
          required
        />
        <fieldset>
          <legend>{t('cooperationIndicators.field.name')}</legend>
          {LANGUAGES.map((lang) => textField('name', lang, 'cooperationIndicators.field.nameIn'))}
        </fieldset>
        <fieldset>
          <legend>{t('cooperationIndicators.field.description')}</legend>
          {LANGUAGES.map((lang) => {
            const name = `description.${lang}`;
            const error = errorFor(errors, name);
            return (
              <Field
                ctx={ctx}
                name={name}
                label={t('cooperationIndicators.field.descriptionIn', { language: t(LANGUAGE_LABEL[lang]) })}
                error={error}
              >
                <textarea
                  id={`field-${name}`}
                  name={name}
                  rows={3}
                  lang={lang}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `field-${name}-error` : undefined}
                >
                  {values[name] ?? ''}
                </textarea>
              </Field>
            );
          })}
        </fieldset>
        <Select
          ctx={ctx}
          name="unitType"
          label={t('cooperationIndicators.field.unitType')}
          value={values.unitType}
          options={UNIT_TYPES.map((unit) => ({ value: unit, label: t(UNIT_TYPE_LABEL[unit]!) }))}
          errors={errors}
          required
        />
        <fieldset>
          <legend>{t('cooperationIndicators.field.unit')}</legend>
          {LANGUAGES.map((lang) => textField('unit', lang, 'cooperationIndicators.field.unitIn'))}
        </fieldset>
        <Input
          ctx={ctx}
          name="currency"
          label={t('cooperationIndicators.field.currency')}
          hint={t('cooperationIndicators.hint.currency')}
          values={values}
          errors={errors}
        />
        <Input
          ctx={ctx}
          name="baselineValue"
          label={t('cooperationIndicators.field.baselineValue')}
          values={values}
          errors={errors}
          required
          step="any"
        />
        <Input
          ctx={ctx}
          name="baselineOn"
          type="date"
          label={t('cooperationIndicators.field.baselineOn')}
          values={values}
          errors={errors}
          required
        />
        <Input
          ctx={ctx}
          name="targetValue"
          label={t('cooperationIndicators.field.targetValue')}
          values={values}
          errors={errors}
          required
          step="any"
        />
        <Input
          ctx={ctx}
          name="targetOn"
          type="date"
          label={t('cooperationIndicators.field.targetOn')}
          values={values}
          errors={errors}
          required
        />
        <button type="submit" class="button">
          {editing ? t('cooperationIndicators.form.save') : t('cooperationIndicators.form.create')}
        </button>
      </form>
    </Layout>
  );
}

/** Without a network or a record named, what the caller may define indicators for. */
export function ChooseOwnerPage({
  ctx,
  networks,
  records,
}: {
  ctx: PageContext;
  networks: { slug: string; name: LocalizedText }[];
  records: { id: string; title: LocalizedText }[];
}) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('cooperationIndicators.choose.title')}>
      <PageHeading>{t('cooperationIndicators.choose.title')}</PageHeading>
      <p class="lead">{t('cooperationIndicators.choose.intro')}</p>
      {networks.length === 0 && records.length === 0 ? <p>{t('cooperationIndicators.choose.none')}</p> : null}
      {networks.length > 0 ? (
        <>
          <h2>{t('cooperationIndicators.choose.networks')}</h2>
          <ul>
            {networks.map((network) => (
              <li>
                <a href={`/${ctx.lang}/indicators/new?network=${encodeURIComponent(network.slug)}`}>
                  <Text ctx={ctx} text={network.name} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {records.length > 0 ? (
        <>
          <h2>{t('cooperationIndicators.choose.records')}</h2>
          <ul>
            {records.map((record) => (
              <li>
                <a href={`/${ctx.lang}/indicators/new?record=${record.id}`}>
                  <Text ctx={ctx} text={record.title} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

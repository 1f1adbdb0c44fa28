import { DataTable, PageHeading, Select } from '../web/components.tsx';
import type { LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import type { FieldChange } from './practices.diff.ts';
import {
  InlineText,
  VOCABULARY_OF,
  capitalized,
  codeLabel,
  fieldLabel,
  formatDate,
  languageName,
  nameIn,
  periodText,
  roleLabel,
  statusLabel,
} from './practices.pages.components.tsx';
import type { visibleVersions } from './practices.pages.queries.ts';
import type { PracticeView } from './practices.queries.ts';
import type { VersionRow } from './practices.repository.ts';
import type { PracticeContent } from './practices.schemas.ts';

/** The versions of one practice: its history, and what changed from one to another. */

type OrganisationNames = Map<string, { name: LocalizedText; acronym: LocalizedText }>;
export type VisibleVersion = Awaited<ReturnType<typeof visibleVersions>>[number];

const KIND_LABELS: Record<string, string> = {
  revision: 'practicePages.kind.revision',
  translation: 'practicePages.kind.translation',
  import: 'practicePages.kind.import',
};

/** The practice a history or diff page is about, as a link back to it. */
function PracticeLink({ ctx, view }: { ctx: PageContext; view: PracticeView }) {
  const content = view.shown.content;
  return (
    <p class="lead">
      <a href={`/${ctx.lang}/practices/${view.id}`}>
        <InlineText ctx={ctx} text={content.title} original={content.originalLanguage} />
      </a>
    </p>
  );
}

export function PracticeHistoryPage(props: {
  ctx: PageContext;
  view: PracticeView;
  versions: VisibleVersion[];
  showAuthor: boolean;
}) {
  const { ctx, view, versions } = props;
  const t = ctx.t;
  const numbers = versions.map((version) => ({
    value: String(version.number),
    label: String(version.number),
  }));
  return (
    <Layout ctx={ctx} title={t('practicePages.history.title')}>
      <PageHeading>{t('practicePages.history.title')}</PageHeading>
      <PracticeLink ctx={ctx} view={view} />
      <DataTable
        caption={t('practicePages.history.caption')}
        rows={versions}
        columns={[
          { header: t('practicePages.history.number'), cell: (version) => String(version.number) },
          { header: t('practicePages.history.state'), cell: (version) => statusLabel(t, version.state) },
          {
            header: t('practicePages.history.kind'),
            cell: (version) => (KIND_LABELS[version.kind] ? t(KIND_LABELS[version.kind]!) : version.kind),
          },
          {
            header: t('practicePages.history.date'),
            cell: (version) => formatDate(ctx.lang, version.publishedAt ?? version.createdAt),
          },
          {
            header: t('practicePages.completenessLabel'),
            cell: (version) => t('practicePages.percent', { percent: version.completeness }),
          },
          ...(props.showAuthor
            ? [
                {
                  header: t('practicePages.history.author'),
                  cell: (version: VisibleVersion) => version.authorName ?? '—',
                },
              ]
            : []),
        ]}
      />
      {versions.length >= 2 ? (
        <form method="get" action={`/${ctx.lang}/practices/${view.id}/diff`} class="form version-chooser">
          <h2>{t('practicePages.history.compareTitle')}</h2>
          <Select
            ctx={ctx}
            name="from"
            label={t('practicePages.history.from')}
            value={String(versions[1]!.number)}
            options={numbers}
            errors={undefined}
          />
          <Select
            ctx={ctx}
            name="to"
            label={t('practicePages.history.to')}
            value={String(versions[0]!.number)}
            options={numbers}
            errors={undefined}
          />
          <button type="submit">{t('practicePages.history.compare')}</button>
        </form>
      ) : (
        <p>{t('practicePages.history.onlyOne')}</p>
      )}
    </Layout>
  );
}

/** What a value of a list field is called: a code's label, an actor's name and role, a field's label. */
function listValueLabel(
  ctx: PageContext,
  field: string,
  value: string,
  organisations: OrganisationNames,
): string {
  const vocabulary = (VOCABULARY_OF as Record<string, string>)[field];
  if (vocabulary) return codeLabel(ctx, vocabulary, value);
  if (field === 'notCommunicated') return fieldLabel(ctx.t, value);
  if (field === 'actors') {
    const [id = '', role = ''] = value.split(':');
    return `${nameIn(ctx, organisations.get(id)?.name, id)} — ${roleLabel(ctx.t, role)}`;
  }
  return value;
}

function valueLabel(ctx: PageContext, field: string, value: string | null, content: PracticeContent): string {
  if (value === null) return '—';
  switch (field) {
    case 'originalLanguage':
      return capitalized(languageName(ctx.t, value));
    case 'modality':
      return codeLabel(ctx, VOCABULARY_OF.modality, value);
    case 'period':
      return periodText(ctx, content) ?? '—';
    case 'contactFocalPointId':
      return ctx.t('practicePages.diff.contactChanged');
    default:
      return value;
  }
}

function ChangeBody({
  ctx,
  change,
  from,
  to,
  organisations,
}: {
  ctx: PageContext;
  change: FieldChange;
  from: VersionRow;
  to: VersionRow;
  organisations: OrganisationNames;
}) {
  const t = ctx.t;
  if (change.kind === 'text') {
    return (
      <p class="diff-text" lang={change.lang}>
        {change.parts.map((part) =>
          part.change === 'added' ? (
            <ins>{part.text}</ins>
          ) : part.change === 'removed' ? (
            <del>{part.text}</del>
          ) : (
            part.text
          ),
        )}
      </p>
    );
  }
  if (change.kind === 'list') {
    return (
      <dl class="summary-list">
        {change.added.length > 0 ? (
          <>
            <dt>{t('practicePages.diff.added')}</dt>
            <dd>
              <ul class="plain-list">
                {change.added.map((value) => (
                  <li>
                    <ins>{listValueLabel(ctx, change.field, value, organisations)}</ins>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {change.removed.length > 0 ? (
          <>
            <dt>{t('practicePages.diff.removed')}</dt>
            <dd>
              <ul class="plain-list">
                {change.removed.map((value) => (
                  <li>
                    <del>{listValueLabel(ctx, change.field, value, organisations)}</del>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    );
  }
  return (
    <dl class="summary-list">
      <dt>{t('practicePages.diff.before')}</dt>
      <dd>
        <del>{valueLabel(ctx, change.field, change.before, from.content)}</del>
      </dd>
      <dt>{t('practicePages.diff.after')}</dt>
      <dd>
        <ins>{valueLabel(ctx, change.field, change.after, to.content)}</ins>
      </dd>
    </dl>
  );
}

export function PracticeDiffPage(props: {
  ctx: PageContext;
  view: PracticeView;
  from: VersionRow;
  to: VersionRow;
  changes: FieldChange[];
  organisations: OrganisationNames;
}) {
  const { ctx, view, from, to, changes } = props;
  const t = ctx.t;
  const title = t('practicePages.diff.title', { from: from.number, to: to.number });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <PracticeLink ctx={ctx} view={view} />
      <p class="meta">{t('practicePages.diff.legend')}</p>
      {changes.length === 0 ? <p>{t('practicePages.diff.none')}</p> : null}
      {changes.map((change, index) => (
        <section aria-labelledby={`change-${index}`} class="diff-change">
          <h2 id={`change-${index}`}>
            {change.kind === 'text'
              ? t('practicePages.diff.fieldInLanguage', {
                  field: fieldLabel(t, change.field),
                  language: languageName(t, change.lang),
                })
              : fieldLabel(t, change.field)}
          </h2>
          <ChangeBody ctx={ctx} change={change} from={from} to={to} organisations={props.organisations} />
        </section>
      ))}
      <p>
        <a href={`/${ctx.lang}/practices/${view.id}/history`}>{t('practicePages.history.link')}</a>
      </p>
    </Layout>
  );
}

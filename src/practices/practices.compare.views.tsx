import { Notice, PageHeading } from '../web/components.tsx';
import { Layout } from '../web/layout.tsx';
import type { Children, PageContext } from '../web/render.tsx';
import {
  InlineText,
  LongText,
  NotCommunicated,
  VOCABULARY_OF,
  capitalized,
  codeLabel,
  fieldLabel,
  formatDate,
  languageName,
  nameIn,
  periodText,
  roleLabel,
  translationLabel,
} from './practices.pages.components.tsx';
import type { PracticeView } from './practices.queries.ts';

/** Practices side by side, field by field: on screen, and in print on a landscape page. */

/** A cell of the comparison: the value, "information not communicated" when marked, "—" when empty. */
function compareCell(
  ctx: PageContext,
  view: PracticeView,
  field: string,
  filled: boolean,
  value: () => Children,
) {
  if (filled) return value();
  return (view.shown.content.notCommunicated as string[]).includes(field) ? (
    <NotCommunicated ctx={ctx} />
  ) : (
    '—'
  );
}

const COMPARED_TEXTS = ['summary', 'results', 'lessonsLearned', 'challenges', 'replicability'] as const;
const COMPARED_CODES = [
  'migrationStages',
  'targetGroups',
  'gcmObjectives',
  'gcmPrinciples',
  'thematicAreas',
] as const;

export function PracticeComparePage(props: {
  ctx: PageContext;
  views: PracticeView[];
  problem: 'too-few' | 'too-many' | null;
  missing: number;
}) {
  const { ctx, views } = props;
  const t = ctx.t;
  const rows: { label: string; cell: (view: PracticeView) => Children }[] = [
    {
      label: t('practicePages.facet.network'),
      cell: (view) => nameIn(ctx, view.network.name, view.network.slug),
    },
    {
      label: t('practicePages.submittedBy'),
      cell: (view) => (view.organisation ? nameIn(ctx, view.organisation.name, '—') : '—'),
    },
    {
      label: fieldLabel(t, 'countries'),
      cell: (view) =>
        compareCell(ctx, view, 'countries', view.shown.content.countries.length > 0, () =>
          view.shown.content.countries
            .map((code) => codeLabel(ctx, VOCABULARY_OF.countries, code))
            .join(', '),
        ),
    },
    {
      label: fieldLabel(t, 'period'),
      cell: (view) => {
        const period = periodText(ctx, view.shown.content);
        return compareCell(ctx, view, 'period', period !== null, () => period);
      },
    },
    {
      label: fieldLabel(t, 'modality'),
      cell: (view) => {
        const modality = view.shown.content.modality;
        return compareCell(ctx, view, 'modality', modality !== null, () =>
          codeLabel(ctx, VOCABULARY_OF.modality, modality ?? ''),
        );
      },
    },
    ...COMPARED_CODES.map((field) => ({
      label: fieldLabel(t, field),
      cell: (view: PracticeView) =>
        compareCell(ctx, view, field, view.shown.content[field].length > 0, () => (
          <ul class="plain-list">
            {view.shown.content[field].map((code) => (
              <li>{codeLabel(ctx, VOCABULARY_OF[field], code)}</li>
            ))}
          </ul>
        )),
    })),
    {
      label: fieldLabel(t, 'smartPrinciples'),
      cell: (view) =>
        view.principles.length > 0 ? (
          <ul class="plain-list">
            {view.principles.map((principle) => (
              <li>
                {principle.code} — {nameIn(ctx, principle.label, principle.code)}
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    {
      label: fieldLabel(t, 'actors'),
      cell: (view) =>
        compareCell(ctx, view, 'actors', view.shown.content.actors.length > 0, () => (
          <ul class="plain-list">
            {view.shown.content.actors.map((actor) => (
              <li>
                {nameIn(ctx, view.organisations.get(actor.organisationId)?.name, '—')} —{' '}
                {roleLabel(t, actor.role)}
              </li>
            ))}
          </ul>
        )),
    },
    ...COMPARED_TEXTS.map((field) => ({
      label: fieldLabel(t, field),
      cell: (view: PracticeView) =>
        compareCell(ctx, view, field, Object.keys(view.shown.content[field]).length > 0, () => (
          <LongText
            ctx={ctx}
            text={view.shown.content[field]}
            original={view.shown.content.originalLanguage}
          />
        )),
    })),
    {
      label: t('practicePages.translation.title'),
      cell: (view) => (
        <ul class="plain-list">
          {Object.entries(view.translation).map(([lang, status]) => (
            <li>
              {t('practicePages.translation.status', {
                language: capitalized(languageName(t, lang)),
                status: translationLabel(t, status),
              })}
            </li>
          ))}
        </ul>
      ),
    },
    {
      label: t('practicePages.completenessLabel'),
      cell: (view) => t('practicePages.percent', { percent: view.shown.completeness }),
    },
    {
      label: t('practicePages.firstPublished'),
      cell: (view) => formatDate(ctx.lang, view.firstPublishedAt),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('practicePages.compare.title')}>
      <PageHeading>{t('practicePages.compare.title')}</PageHeading>
      {props.missing > 0 ? (
        <Notice kind="info">{t('practicePages.compare.missing', { count: props.missing })}</Notice>
      ) : null}
      {props.problem === 'too-few' ? (
        <Notice kind="info">{t('practicePages.compare.tooFew', { count: views.length })}</Notice>
      ) : null}
      {props.problem === 'too-many' ? (
        <Notice kind="info">{t('practicePages.compare.tooMany')}</Notice>
      ) : null}
      {props.problem === null ? (
        <div class="table-scroll practice-compare">
          <table>
            <caption>{t('practicePages.compare.caption', { count: views.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('practicePages.compare.field')}</th>
                {views.map((view) => (
                  <th scope="col">
                    <a href={`/${ctx.lang}/practices/${view.id}`}>
                      <InlineText
                        ctx={ctx}
                        text={view.shown.content.title}
                        original={view.shown.content.originalLanguage}
                      />
                    </a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  {views.map((view) => (
                    <td>{row.cell(view)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        <a href={`/${ctx.lang}/practices`}>{t('practicePages.compare.back')}</a>
      </p>
    </Layout>
  );
}

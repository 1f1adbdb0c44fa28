import { type FieldError } from '../http/problems.ts';
import { ErrorSummary, Field, PageHeading, errorFor } from '../web/components.tsx';
import type { LocalizedText } from '../web/language.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/render.tsx';
import { plainText } from './cooperation.items.components.tsx';
import { AXES, type Axis, type ConsolidationTable, axisLabel, cellKey } from './cooperation.table.ts';

const AXIS_LABEL: Record<Axis, string> = {
  area: 'cooperationItems.axis.area',
  objective: 'cooperationItems.axis.objective',
  region: 'cooperationItems.axis.region',
  country: 'cooperationItems.axis.country',
  kind: 'cooperationItems.axis.kind',
};

function listLink(lang: string, side: 'offers' | 'demands', params: [string, string][]): string {
  const search = new URLSearchParams(params).toString();
  return `/${lang}/${side}${search ? `?${search}` : ''}`;
}

/** "3 offers", "1 demand": each a link to the list filtered on the cell, or a plain zero. */
function Counts({
  ctx,
  offers,
  demands,
  params,
}: {
  ctx: PageContext;
  offers: number;
  demands: number;
  params: [string, string][];
}) {
  const t = ctx.t;
  return (
    <>
      {offers > 0 ? (
        <a href={listLink(ctx.lang, 'offers', params)}>
          {t('cooperationItems.table.offers', { count: offers })}
        </a>
      ) : (
        <span class="meta">{t('cooperationItems.table.offers', { count: 0 })}</span>
      )}
      <br />
      {demands > 0 ? (
        <a href={listLink(ctx.lang, 'demands', params)}>
          {t('cooperationItems.table.demands', { count: demands })}
        </a>
      ) : (
        <span class="meta">{t('cooperationItems.table.demands', { count: 0 })}</span>
      )}
    </>
  );
}

export function ConsolidationTablePage(props: {
  ctx: PageContext;
  table: ConsolidationTable;
  networks: { slug: string; name: LocalizedText }[];
  errors?: FieldError[] | undefined;
  csvHref: string;
}) {
  const { ctx, table } = props;
  const t = ctx.t;
  const scope: [string, string][] = table.network ? [['network', table.network]] : [];
  const rowsTitle = t(AXIS_LABEL[table.rows]);
  const columnsTitle = t(AXIS_LABEL[table.columns]);
  const axisSelect = (name: 'rows' | 'columns', value: Axis) => (
    <Field
      ctx={ctx}
      name={name}
      label={t(name === 'rows' ? 'cooperationItems.table.rows' : 'cooperationItems.table.columns')}
      error={errorFor(props.errors, name)}
    >
      <select id={`field-${name}`} name={name}>
        {AXES.map((axis) => (
          <option value={axis} selected={axis === value}>
            {t(AXIS_LABEL[axis])}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <Layout ctx={ctx} title={t('cooperationItems.table.title')}>
      <PageHeading>{t('cooperationItems.table.title')}</PageHeading>
      <p>{t('cooperationItems.table.intro')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="get" action={`/${ctx.lang}/cooperation/table`} class="filters">
        {axisSelect('rows', table.rows)}
        {axisSelect('columns', table.columns)}
        <Field ctx={ctx} name="network" label={t('cooperationItems.table.network')}>
          <select id="field-network" name="network">
            <option value="">{t('cooperationItems.table.allNetworks')}</option>
            {props.networks.map((network) => (
              <option value={network.slug} selected={network.slug === table.network}>
                {plainText(network.name, ctx.lang, network.slug)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('cooperationItems.table.submit')}</button>
      </form>
      <p class="meta">
        {t('cooperationItems.table.countNote')}{' '}
        {table.rows === 'region' || table.columns === 'region'
          ? t('cooperationItems.table.regionNote')
          : null}
      </p>
      {table.rowValues.length === 0 ? (
        <p>{t('cooperationItems.table.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="consolidation-table">
            <caption>
              {t('cooperationItems.table.caption', { rows: rowsTitle, columns: columnsTitle })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{`${rowsTitle} \\ ${columnsTitle}`}</th>
                {table.columnValues.map((column) => (
                  <th scope="col">{axisLabel(table.columns, column, ctx.lang)}</th>
                ))}
                <th scope="col">{t('cooperationItems.table.total')}</th>
              </tr>
            </thead>
            <tbody>
              {table.rowValues.map((row) => (
                <tr>
                  <th scope="row">{axisLabel(table.rows, row, ctx.lang)}</th>
                  {table.columnValues.map((column) => {
                    const tally = table.cells.get(cellKey(row, column)) ?? { offers: 0, demands: 0 };
                    const params: [string, string][] =
                      table.rows === table.columns
                        ? [
                            [table.rows, row],
                            ...(row === column ? [] : ([[table.columns, column]] as [string, string][])),
                            ...scope,
                          ]
                        : [[table.rows, row], [table.columns, column], ...scope];
                    return (
                      <td>
                        <Counts ctx={ctx} offers={tally.offers} demands={tally.demands} params={params} />
                      </td>
                    );
                  })}
                  <td>
                    <Counts
                      ctx={ctx}
                      {...(table.rowTotals.get(row) ?? { offers: 0, demands: 0 })}
                      params={[[table.rows, row], ...scope]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('cooperationItems.table.total')}</th>
                {table.columnValues.map((column) => (
                  <td>
                    <Counts
                      ctx={ctx}
                      {...(table.columnTotals.get(column) ?? { offers: 0, demands: 0 })}
                      params={[[table.columns, column], ...scope]}
                    />
                  </td>
                ))}
                <td>
                  <Counts ctx={ctx} {...table.total} params={scope} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {table.leftOut.offers + table.leftOut.demands > 0 ? (
        <p class="meta">
          {t('cooperationItems.table.leftOut', {
            offers: table.leftOut.offers,
            demands: table.leftOut.demands,
          })}
        </p>
      ) : null}
      <section class="open-data" aria-labelledby="table-data">
        <h2 id="table-data">{t('cooperationItems.export.title')}</h2>
        <ul>
          <li>
            <a href={props.csvHref} type="text/csv">
              {t('cooperationItems.table.csv')}
            </a>
          </li>
        </ul>
        <p>{t('cooperationItems.table.print')}</p>
      </section>
    </Layout>
  );
}

import { stringify } from 'csv-stringify/sync';
import { Type, type Static } from 'typebox';
import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import { getVocabulary, labelOf } from '../reference/index.ts';
import type { Lang } from '../web/language.ts';
import { listVisibleItems, regionsOfItem } from './cooperation.items.queries.ts';
import type { CooperationItem } from './cooperation.repository.ts';

/**
 * The consolidation table of seed 004: offers against demands by two axes the user picks. An item
 * counts in every value it names on an axis (an offer about two areas counts in both rows);
 * totals count each item once. On the region axis an item counts in the regions it names, in the
 * regions containing them, and in the M49 regions of its countries (Mexico → Central America,
 * Latin America and the Caribbean, the Americas).
 */

export const AXES = ['area', 'objective', 'region', 'country', 'kind'] as const;
export type Axis = (typeof AXES)[number];

export const VOCABULARY_OF: Record<Axis, string> = {
  area: 'iom-areas',
  objective: 'gcm-objectives',
  region: 'regions',
  country: 'countries',
  kind: 'cooperation-kinds',
};

const HXL_OF: Record<Axis, string> = {
  area: '#sector',
  objective: '#x_gcm_objective',
  region: '#region',
  country: '#country',
  kind: '#x_cooperation_kind',
};

const AxisSchema = Type.Union(
  AXES.map((axis) => Type.Literal(axis)),
  { description: 'area, objective, region, country or kind' },
);

export const TableQuery = Type.Object({
  rows: Type.Optional({ ...AxisSchema, description: 'The axis of the rows (default: area)' }),
  columns: Type.Optional({ ...AxisSchema, description: 'The axis of the columns (default: region)' }),
  network: Type.Optional(
    Type.String({ maxLength: 100, description: 'A network’s slug; all networks if absent' }),
  ),
  status: Type.Optional(
    Type.Array(Type.String({ maxLength: 30 }), { maxItems: 4, description: 'Only items of these statuses' }),
  ),
});
export type TableQuery = Static<typeof TableQuery>;

const Count = Type.Object({ offers: Type.Integer(), demands: Type.Integer() });
const AxisValue = Type.Object({ code: Type.String(), label: Type.String(), ...Count.properties });
export const TableView = Type.Object({
  rows: Type.String(),
  columns: Type.String(),
  network: Type.Union([Type.String(), Type.Null()]),
  rowValues: Type.Array(AxisValue, { description: 'Each row with its totals (each item once)' }),
  columnValues: Type.Array(AxisValue, { description: 'Each column with its totals (each item once)' }),
  cells: Type.Array(Type.Object({ row: Type.String(), column: Type.String(), ...Count.properties })),
  total: Count,
  leftOut: { ...Count, description: 'Items naming no value on one of the axes, so in no cell' },
});

export function valuesOf(item: CooperationItem, axis: Axis): string[] {
  switch (axis) {
    case 'area':
      return item.thematicAreas;
    case 'objective':
      return item.gcmObjectives;
    case 'country':
      return item.countries;
    case 'kind':
      return [item.kind];
    case 'region':
      return regionsOfItem(item);
  }
}

export interface Tally {
  offers: number;
  demands: number;
}

export interface ConsolidationTable {
  rows: Axis;
  columns: Axis;
  network: string | null;
  rowValues: string[];
  columnValues: string[];
  cells: Map<string, Tally>;
  rowTotals: Map<string, Tally>;
  columnTotals: Map<string, Tally>;
  total: Tally;
  leftOut: Tally;
}

export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

/** Vocabulary order, so that objectives read 1 to 23 and regions as M49 lists them. */
function inReferenceOrder(axis: Axis, values: Set<string>): string[] {
  const order = new Map(
    (getVocabulary(VOCABULARY_OF[axis]) ?? []).map((entry, index) => [entry.code, index]),
  );
  return [...values].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
}

export function consolidate(
  items: CooperationItem[],
  rows: Axis,
  columns: Axis,
  network: string | null = null,
) {
  const table: ConsolidationTable = {
    rows,
    columns,
    network,
    rowValues: [],
    columnValues: [],
    cells: new Map(),
    rowTotals: new Map(),
    columnTotals: new Map(),
    total: { offers: 0, demands: 0 },
    leftOut: { offers: 0, demands: 0 },
  };
  const bump = (map: Map<string, Tally>, key: string, item: CooperationItem) => {
    const tally = map.get(key) ?? { offers: 0, demands: 0 };
    if (item.side === 'offer') tally.offers++;
    else tally.demands++;
    map.set(key, tally);
  };
  const rowSet = new Set<string>();
  const columnSet = new Set<string>();
  for (const item of items) {
    const rowCodes = [...new Set(valuesOf(item, rows))];
    const columnCodes = [...new Set(valuesOf(item, columns))];
    const counted = item.side === 'offer' ? 'offers' : 'demands';
    if (rowCodes.length === 0 || columnCodes.length === 0) {
      table.leftOut[counted]++;
      continue;
    }
    table.total[counted]++;
    for (const row of rowCodes) {
      rowSet.add(row);
      bump(table.rowTotals, row, item);
      for (const column of columnCodes) bump(table.cells, cellKey(row, column), item);
    }
    for (const column of columnCodes) {
      columnSet.add(column);
      bump(table.columnTotals, column, item);
    }
  }
  table.rowValues = inReferenceOrder(rows, rowSet);
  table.columnValues = inReferenceOrder(columns, columnSet);
  return table;
}

/** The table of the offers and demands the caller may see, for a network or all. */
export async function consolidationTable(
  db: Executor,
  actor: Principal | null,
  query: TableQuery,
): Promise<ConsolidationTable> {
  const rows = query.rows ?? 'area';
  const columns = query.columns ?? 'region';
  const items = await listVisibleItems(db, actor, null, {
    ...(query.network ? { network: [query.network] } : {}),
    ...(query.status?.length ? { status: query.status } : {}),
  });
  return consolidate(items, rows, columns, query.network ?? null);
}

export const axisLabel = (axis: Axis, code: string, lang: Lang) =>
  labelOf(VOCABULARY_OF[axis], code, lang) ?? code;

const ZERO: Tally = { offers: 0, demands: 0 };

/** The API shape of a table, labelled in `lang`. */
export function tableView(table: ConsolidationTable, lang: Lang): Static<typeof TableView> {
  return {
    rows: table.rows,
    columns: table.columns,
    network: table.network,
    rowValues: table.rowValues.map((code) => ({
      code,
      label: axisLabel(table.rows, code, lang),
      ...(table.rowTotals.get(code) ?? ZERO),
    })),
    columnValues: table.columnValues.map((code) => ({
      code,
      label: axisLabel(table.columns, code, lang),
      ...(table.columnTotals.get(code) ?? ZERO),
    })),
    cells: table.rowValues.flatMap((row) =>
      table.columnValues.map((column) => ({
        row,
        column,
        ...(table.cells.get(cellKey(row, column)) ?? ZERO),
      })),
    ),
    total: table.total,
    leftOut: table.leftOut,
  };
}

/** One row per cell (zeros included), a header row then the HXL hashtag row; labels in `lang`. */
export function tableToCsv(table: ConsolidationTable, lang: Lang): string {
  const header = ['row_code', 'row_label', 'column_code', 'column_label', 'offers', 'demands'];
  const hxl = [
    `${HXL_OF[table.rows]} +code +row`,
    `${HXL_OF[table.rows]} +name +row +i_${lang}`,
    `${HXL_OF[table.columns]} +code +col`,
    `${HXL_OF[table.columns]} +name +col +i_${lang}`,
    '#indicator +num +offers',
    '#indicator +num +demands',
  ];
  const records = table.rowValues.flatMap((row) =>
    table.columnValues.map((column) => {
      const tally = table.cells.get(cellKey(row, column)) ?? ZERO;
      return [
        row,
        axisLabel(table.rows, row, lang),
        column,
        axisLabel(table.columns, column, lang),
        String(tally.offers),
        String(tally.demands),
      ];
    }),
  );
  return stringify([header, hxl, ...records], { record_delimiter: 'windows' });
}

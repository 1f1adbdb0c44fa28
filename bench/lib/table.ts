/**
 * The shared printer: side-by-side tables as Markdown (readable in a terminal, pasteable
 * into a README), numbers right-aligned.
 */

export interface Column {
  header: string;
  /** Right-align (numbers). Default: left. */
  right?: boolean;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: string[][];
  /** Lines printed under the table. */
  notes?: string[];
}

export function formatTable(table: Table): string {
  const widths = table.columns.map((column, index) =>
    Math.max(3, column.header.length, ...table.rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: string[]) =>
    '| ' +
    table.columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 3;
        return column.right ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ') +
    ' |';
  const rule =
    '| ' +
    table.columns
      .map((column, index) => {
        const width = widths[index] ?? 3;
        return column.right ? '-'.repeat(width - 1) + ':' : '-'.repeat(width);
      })
      .join(' | ') +
    ' |';
  const out = [`### ${table.title}`, '', line(table.columns.map((column) => column.header)), rule];
  for (const row of table.rows) out.push(line(row));
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes);
  return out.join('\n');
}

/** Integer with thousands separators: 12,345. */
export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Fixed decimals: fixed(1.234, 2) = "1.23". */
export function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** Seconds from milliseconds, two decimals: "1.23". */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

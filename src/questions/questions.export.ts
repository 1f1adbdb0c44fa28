import { stringify } from 'csv-stringify/sync';
import { labelOf } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { type Lang, pickText } from '../web/language.ts';
import type { Comparison, QuestionDetail } from './questions.queries.ts';
import { valueLabel } from './questions.components.tsx';

/**
 * The comparison table as CSV (RFC 4180, CRLF): a header row, the HXL hashtag row, one answering
 * organisation per row. Each item gives two columns: the value as stored (`yes`, `no`, a number,
 * a text, the option's number) tagged `#x_value +item_N`, and its label in the reader's language.
 */
export function comparisonToCsv(
  question: QuestionDetail,
  comparison: Comparison,
  lang: Lang,
  t: Translate,
): string {
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, lang)?.text ?? '';
  const header = ['country_code', 'country', 'organisation_id', 'organisation', 'language', 'submitted_at'];
  const hxl = [
    '#country +code',
    '#country +name',
    '#org +id',
    '#org +name',
    '#meta +lang',
    '#date +reported',
  ];
  for (const item of question.items) {
    header.push(`item_${item.position}`, `item_${item.position}_label`);
    hxl.push(`#x_value +item_${item.position}`, `#x_value +item_${item.position} +label`);
  }
  const rows = comparison.rows.map((row) => [
    row.country ?? '',
    row.country ? (labelOf('countries', row.country, lang) ?? row.country) : '',
    row.organisationId,
    text(row.organisationName),
    row.language,
    row.submittedAt.toISOString(),
    ...question.items.flatMap((item) => {
      const value = row.values.get(item.id);
      return [value ?? '', valueLabel({ t, lang }, item, value)];
    }),
  ]);
  return stringify([header, hxl, ...rows], { record_delimiter: 'windows' });
}

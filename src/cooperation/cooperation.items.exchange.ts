import { stringify } from 'csv-stringify/sync';
import { LANGUAGES } from '../web/language.ts';
import type { ItemWithNames } from './cooperation.items.queries.ts';
import type { ItemView } from './cooperation.items.schemas.ts';
import { collectionOf } from './cooperation.items.components.tsx';

/**
 * Open data of offers and demands: the API shape (JSON exports are arrays of it) and CSV with an
 * HXL hashtag row under the header (HXL 1.1; `+i_xx` for a text's language, `;`-separated lists).
 */

export const LIST_SEPARATOR = ';';

/** The API shape of an item; `url` is its page in English, the language-neutral address being the API's. */
export function itemView(item: ItemWithNames, baseUrl: string): ItemView {
  return {
    id: item.id,
    side: item.side,
    url: `${baseUrl}/en/${collectionOf(item.side)}/${item.id}`,
    networkId: item.networkId,
    network: item.networkSlug,
    organisationId: item.organisationId,
    organisationName: item.organisationName,
    originalLanguage: item.originalLanguage,
    title: item.title,
    description: item.description,
    kind: item.kind,
    thematicAreas: item.thematicAreas,
    gcmObjectives: item.gcmObjectives,
    countries: item.countries,
    regions: item.regions,
    workingLanguages: item.workingLanguages,
    startsOn: item.startsOn,
    endsOn: item.endsOn,
    capacity: item.capacity,
    budgetAmount: item.budgetAmount,
    budgetCurrency: item.budgetCurrency,
    status: item.status,
    visibility: item.visibility,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}

interface Column {
  name: string;
  hxl: string;
  value: (item: ItemView) => string;
}

const list = (values: string[]) => values.join(LIST_SEPARATOR);

export const ITEM_COLUMNS: readonly Column[] = [
  { name: 'id', hxl: '#activity +id', value: (i) => i.id },
  { name: 'url', hxl: '#meta +url', value: (i) => i.url },
  { name: 'side', hxl: '#activity +type', value: (i) => i.side },
  { name: 'network', hxl: '#group +code', value: (i) => i.network },
  { name: 'organisation_id', hxl: '#org +id', value: (i) => i.organisationId },
  ...LANGUAGES.map((lang) => ({
    name: `organisation_name_${lang}`,
    hxl: `#org +name +i_${lang}`,
    value: (i: ItemView) => i.organisationName[lang] ?? '',
  })),
  { name: 'original_language', hxl: '#meta +lang', value: (i) => i.originalLanguage },
  ...LANGUAGES.map((lang) => ({
    name: `title_${lang}`,
    hxl: `#activity +name +i_${lang}`,
    value: (i: ItemView) => i.title[lang] ?? '',
  })),
  ...LANGUAGES.map((lang) => ({
    name: `description_${lang}`,
    hxl: `#activity +description +i_${lang}`,
    value: (i: ItemView) => i.description[lang] ?? '',
  })),
  { name: 'kind', hxl: '#x_cooperation_kind +code', value: (i) => i.kind },
  { name: 'thematic_areas', hxl: '#sector +code +list', value: (i) => list(i.thematicAreas) },
  { name: 'gcm_objectives', hxl: '#x_gcm_objective +code +list', value: (i) => list(i.gcmObjectives) },
  { name: 'countries', hxl: '#country +code +list', value: (i) => list(i.countries) },
  { name: 'regions', hxl: '#region +code +list', value: (i) => list(i.regions) },
  { name: 'working_languages', hxl: '#meta +lang +working +list', value: (i) => list(i.workingLanguages) },
  { name: 'starts_on', hxl: '#date +start', value: (i) => i.startsOn ?? '' },
  { name: 'ends_on', hxl: '#date +end', value: (i) => i.endsOn ?? '' },
  { name: 'capacity', hxl: '#capacity +description', value: (i) => i.capacity ?? '' },
  {
    name: 'budget_amount',
    hxl: '#value +budget',
    value: (i) => (i.budgetAmount === null ? '' : String(i.budgetAmount)),
  },
  { name: 'budget_currency', hxl: '#currency +budget', value: (i) => i.budgetCurrency ?? '' },
  { name: 'status', hxl: '#status', value: (i) => i.status },
  { name: 'visibility', hxl: '#meta +visibility', value: (i) => i.visibility },
  { name: 'updated_at', hxl: '#date +updated', value: (i) => i.updatedAt },
];

/** RFC 4180 CSV (CRLF, quoted where needed), UTF-8: header row, HXL row, one item per row. */
export function itemsToCsv(items: ItemView[]): string {
  return stringify(
    [
      ITEM_COLUMNS.map((c) => c.name),
      ITEM_COLUMNS.map((c) => c.hxl),
      ...items.map((item) => ITEM_COLUMNS.map((c) => c.value(item))),
    ],
    { record_delimiter: 'windows' },
  );
}

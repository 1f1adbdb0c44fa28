import { CONTENT_LANGUAGES } from './practices.languages.ts';
import { TEXT_FIELDS, type PracticeContent, type TextField } from './practices.schemas.ts';

/**
 * The columns of the practices' CSV, in file order: a header row, then the HXL hashtag row
 * (HXL 1.1: core hashtags where one fits, `#x_` extensions for the GCM and Puente's own
 * vocabularies, `+i_xx` for the language of a text). Texts have one column per content
 * language; lists are `;`-separated codes; links are one per line, the URL then its label.
 */
export interface Column {
  name: string;
  hxl: string;
}

export const LIST_SEPARATOR = ';';

const TEXT_HXL: Record<TextField, string> = {
  title: '#activity +name',
  summary: '#activity +description +summary',
  description: '#activity +description',
  context: '#activity +description +context',
  resources: '#activity +description +resources',
  results: '#activity +description +results',
  evaluation: '#activity +description +evaluation',
  challenges: '#activity +description +challenges',
  lessonsLearned: '#activity +description +lessons',
  replicability: '#activity +description +replicability',
};

/** `lessonsLearned` → `lessons_learned`. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export const textColumn = (field: TextField, lang: string) => `${snakeCase(field)}_${lang}`;

/** The list fields of a practice, each a column of `;`-separated codes. */
export const LIST_FIELDS = [
  ['countries', '#country +code +list'],
  ['migrationStages', '#x_migration_stage +code +list'],
  ['targetGroups', '#x_target_group +code +list'],
  ['gcmObjectives', '#x_gcm_objective +code +list'],
  ['gcmPrinciples', '#x_gcm_principle +code +list'],
  ['thematicAreas', '#sector +code +list'],
  ['smartPrinciples', '#x_smart_principle +code +list'],
] as const;

export const PRACTICE_COLUMNS: readonly Column[] = [
  { name: 'id', hxl: '#meta +id' },
  { name: 'url', hxl: '#meta +url' },
  { name: 'network', hxl: '#group +code' },
  { name: 'organisation_id', hxl: '#org +id' },
  { name: 'organisation_name', hxl: '#org +name' },
  { name: 'original_language', hxl: '#meta +lang' },
  { name: 'status', hxl: '#status' },
  { name: 'published_at', hxl: '#date +published' },
  ...TEXT_FIELDS.flatMap((field) =>
    CONTENT_LANGUAGES.map((lang) => ({
      name: textColumn(field, lang),
      hxl: `${TEXT_HXL[field]} +i_${lang}`,
    })),
  ),
  { name: 'actors', hxl: '#org +id +role +list' },
  { name: 'period_start', hxl: '#date +start' },
  { name: 'period_end', hxl: '#date +end' },
  { name: 'ongoing', hxl: '#status +ongoing' },
  { name: 'modality', hxl: '#activity +modality +code' },
  ...LIST_FIELDS.map(([field, hxl]) => ({ name: snakeCase(field), hxl })),
  { name: 'links', hxl: '#meta +url +links +list' },
  { name: 'not_communicated', hxl: '#meta +not_communicated +list' },
  { name: 'completeness', hxl: '#meta +completeness' },
];

// An import reads past id, url, organisation_name and completeness: they describe the exported
// practice, not its content (an imported practice gets a new id).
export const REQUIRED_COLUMNS = ['network', 'organisation_id', 'original_language'] as const;

/** What an export knows of a published practice. */
export interface ExportedPractice {
  id: string;
  url: string;
  network: string;
  organisationId: string | null;
  organisationName: string;
  status: string;
  publishedAt: Date;
  completeness: number;
  content: PracticeContent;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One practice as a CSV record, in the order of PRACTICE_COLUMNS. */
export function practiceToRecord(practice: ExportedPractice): string[] {
  const { content } = practice;
  const cells: Record<string, string> = {
    id: practice.id,
    url: practice.url,
    network: practice.network,
    organisation_id: practice.organisationId ?? '',
    organisation_name: practice.organisationName,
    original_language: content.originalLanguage,
    status: practice.status,
    published_at: practice.publishedAt.toISOString(),
    actors: content.actors.map((actor) => `${actor.role}:${actor.organisationId}`).join(LIST_SEPARATOR),
    period_start: content.periodStart ?? '',
    period_end: content.periodEnd ?? '',
    ongoing: content.ongoing ? 'true' : 'false',
    modality: content.modality ?? '',
    links: content.links
      .map((link) => (link.label ? `${link.url} ${oneLine(link.label)}` : link.url))
      .join('\n'),
    not_communicated: content.notCommunicated.join(LIST_SEPARATOR),
    completeness: String(practice.completeness),
  };
  for (const field of TEXT_FIELDS)
    for (const lang of CONTENT_LANGUAGES) cells[textColumn(field, lang)] = content[field][lang] ?? '';
  for (const [field] of LIST_FIELDS) cells[snakeCase(field)] = content[field].join(LIST_SEPARATOR);
  return PRACTICE_COLUMNS.map((column) => cells[column.name] ?? '');
}

/** One practice as a JSON object: PracticeInput's shape (it re-imports as it is) with what describes it. */
export function practiceToJson(practice: ExportedPractice) {
  const { content } = practice;
  return {
    id: practice.id,
    url: practice.url,
    network: practice.network,
    organisationId: practice.organisationId,
    status: practice.status,
    publishedAt: practice.publishedAt.toISOString(),
    completeness: practice.completeness,
    originalLanguage: content.originalLanguage,
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, content[field]])),
    actors: content.actors,
    countries: content.countries,
    periodStart: content.periodStart,
    periodEnd: content.periodEnd,
    ongoing: content.ongoing,
    modality: content.modality,
    migrationStages: content.migrationStages,
    targetGroups: content.targetGroups,
    gcmObjectives: content.gcmObjectives,
    gcmPrinciples: content.gcmPrinciples,
    thematicAreas: content.thematicAreas,
    smartPrinciples: content.smartPrinciples,
    links: content.links,
    // The contact is a person: never in open data.
    notCommunicated: content.notCommunicated,
  };
}

const list = (cell: string | undefined, upper = false) =>
  (cell ?? '')
    .split(LIST_SEPARATOR)
    .map((item) => (upper ? item.trim().toUpperCase() : item.trim()))
    .filter((item) => item !== '');

const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  1: true,
  false: false,
  no: false,
  0: false,
};

/**
 * One CSV record as an import item: PracticeInput's fields (absent when their column is), its
 * status and publication date. Values are passed on as written where they are wrong, for the
 * validator to name them.
 */
export function practiceFromCells(cells: Map<string, string>): {
  input: Record<string, unknown>;
  status: string;
  publishedAt: string;
} {
  const cell = (name: string) => (cells.get(name) ?? '').trim();
  const input: Record<string, unknown> = {
    network: cell('network'),
    organisationId: cell('organisation_id').toLowerCase(),
    originalLanguage: cell('original_language').toLowerCase(),
  };
  for (const field of TEXT_FIELDS) {
    const text: Record<string, string> = {};
    for (const lang of CONTENT_LANGUAGES) {
      const value = cell(textColumn(field, lang));
      if (value) text[lang] = value;
    }
    if (field === 'title' || Object.keys(text).length > 0) input[field] = text;
  }
  if (cells.has('actors'))
    input.actors = list(cell('actors')).map((item) => {
      const colon = item.indexOf(':');
      return colon < 0
        ? { role: item, organisationId: '' }
        : {
            role: item.slice(0, colon).trim().toLowerCase(),
            organisationId: item
              .slice(colon + 1)
              .trim()
              .toLowerCase(),
          };
    });
  for (const [field] of LIST_FIELDS)
    if (cells.has(snakeCase(field))) input[field] = list(cell(snakeCase(field)), field === 'countries');
  if (cells.has('period_start')) input.periodStart = cell('period_start') || null;
  if (cells.has('period_end')) input.periodEnd = cell('period_end') || null;
  const ongoing = cell('ongoing').toLowerCase();
  if (ongoing !== '') input.ongoing = BOOLEANS[ongoing] ?? ongoing;
  if (cells.has('modality')) input.modality = cell('modality') || null;
  if (cells.has('links'))
    input.links = cell('links')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => {
        const space = line.search(/\s/);
        return space < 0 ? { url: line } : { url: line.slice(0, space), label: line.slice(space + 1).trim() };
      });
  if (cells.has('not_communicated')) input.notCommunicated = list(cell('not_communicated'));
  return { input, status: cell('status'), publishedAt: cell('published_at') };
}

const FIELD_COLUMNS: Record<string, string> = {
  body: 'file',
  periodStart: 'period_start',
  periodEnd: 'period_end',
  organisationId: 'organisation_id',
  originalLanguage: 'original_language',
  notCommunicated: 'not_communicated',
  status: 'status',
  publishedAt: 'published_at',
};

/** The CSV column of a PracticeInput field: `title.fr` → title_fr, `countries.3` → countries, `links.0.url` → links. */
export function csvColumnOf(field: string): string {
  const [head = '', rest] = field.split('.', 2);
  if ((TEXT_FIELDS as readonly string[]).includes(head))
    return rest && CONTENT_LANGUAGES.includes(rest) ? textColumn(head as TextField, rest) : snakeCase(head);
  return FIELD_COLUMNS[head] ?? snakeCase(head);
}

import { Type } from 'typebox';
import type { FieldError } from '../http/problems.ts';
import { isCode } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { CONTENT_LANGUAGES, isContentLanguage } from './practices.languages.ts';
import {
  ACTOR_ROLES,
  DISCLOSABLE_FIELDS,
  TEXT_FIELDS,
  TEXT_LIMITS,
  type DisclosableField,
  type PracticeContent,
  type PracticeContentInput,
  type TextField,
} from './practices.schemas.ts';

/**
 * The practice form as the browser sends it (flat names: `title.fr`, `actors.0.organisationId`,
 * repeated names for checkboxes) and its translation into the shape the commands take. The form's
 * own checks give messages a person understands next to the right control; the command then
 * applies the domain's rules.
 */

/** Rows the form can carry: the schemas' limits (50 actors, 30 links). */
export const MAX_ACTOR_ROWS = 50;
export const MAX_LINK_ROWS = 30;
const FORM_TEXT_LIMIT = 100_000;

/** The code lists of the form: field → reference vocabulary. */
export const CODE_FIELDS = [
  ['migrationStages', 'migration-stages'],
  ['targetGroups', 'target-groups'],
  ['gcmObjectives', 'gcm-objectives'],
  ['gcmPrinciples', 'gcm-principles'],
  ['thematicAreas', 'iom-areas'],
] as const;
export type CodeField = (typeof CODE_FIELDS)[number][0];

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const list = (maxItems: number) => Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems }));

/**
 * Every name the form may send. Texts are bounded loosely here (the form's check gives the exact
 * limit of each field in words); unknown names are removed by the validator.
 */
export const PracticeForm = Type.Object({
  network: text(80),
  organisationId: text(100),
  callId: text(100),
  originalLanguage: text(10),
  version: text(12),
  ...Object.fromEntries(
    TEXT_FIELDS.flatMap((field) =>
      CONTENT_LANGUAGES.map((lang) => [`${field}.${lang}`, text(FORM_TEXT_LIMIT)]),
    ),
  ),
  ...Object.fromEntries(
    Array.from({ length: MAX_ACTOR_ROWS }, (_, i) => [
      [`actors.${i}.organisationId`, text(100)],
      [`actors.${i}.role`, text(40)],
    ]).flat(),
  ),
  countries: list(300),
  periodStart: text(40),
  periodEnd: text(40),
  ongoing: text(10),
  modality: text(60),
  migrationStages: list(40),
  targetGroups: list(40),
  gcmObjectives: list(40),
  gcmPrinciples: list(40),
  thematicAreas: list(40),
  smartPrinciples: list(60),
  ...Object.fromEntries(
    Array.from({ length: MAX_LINK_ROWS }, (_, i) => [
      [`links.${i}.url`, text(2000)],
      [`links.${i}.label`, text(1000)],
    ]).flat(),
  ),
  contactFocalPointId: text(100),
  notCommunicated: list(40),
});
export type PracticeFormBody = Record<string, string | string[] | undefined>;

/** What the form shows: the person's entries as typed, so that nothing is lost on an error. */
export interface PracticeFormValues {
  network: string;
  organisationId: string;
  callId: string;
  originalLanguage: string;
  texts: Record<TextField, Record<string, string>>;
  actors: { organisationId: string; role: string }[];
  countries: string[];
  periodStart: string;
  periodEnd: string;
  ongoing: boolean;
  modality: string;
  codes: Record<CodeField, string[]>;
  smartPrinciples: string[];
  links: { url: string; label: string }[];
  contactFocalPointId: string;
  notCommunicated: string[];
}

/** What the form's choices allow, known from the database before the form is read. */
export interface FormRules {
  /** The network's smart-practice principles. */
  principles: ReadonlySet<string>;
  /** The focal points of the submitting organisation. */
  focalPoints: ReadonlySet<string>;
  /** The calls that may be answered (a new practice only). */
  calls: ReadonlySet<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const one = (value: string | string[] | undefined): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '';
const many = (value: string | string[] | undefined): string[] => {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
};
const length = (value: string) => [...value].length;

function isDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isWebAddress(value: string): boolean {
  if (length(value) > 1000 || !/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The last row that holds anything, so that the form shows back every row typed, and no more. */
function rowsTyped<T>(rows: T[], isEmpty: (row: T) => boolean): T[] {
  let last = rows.length - 1;
  while (last >= 0 && isEmpty(rows[last]!)) last--;
  return rows.slice(0, last + 1);
}

export function emptyValues(originalLanguage: string): PracticeFormValues {
  return {
    network: '',
    organisationId: '',
    callId: '',
    originalLanguage,
    texts: Object.fromEntries(TEXT_FIELDS.map((field) => [field, {}])) as PracticeFormValues['texts'],
    actors: [],
    countries: [],
    periodStart: '',
    periodEnd: '',
    ongoing: false,
    modality: '',
    codes: Object.fromEntries(
      CODE_FIELDS.map(([field]) => [field, []]),
    ) as unknown as PracticeFormValues['codes'],
    smartPrinciples: [],
    links: [],
    contactFocalPointId: '',
    notCommunicated: [],
  };
}

/** A saved version's content as the form shows it. */
export function valuesFromContent(content: PracticeContent): PracticeFormValues {
  const values = emptyValues(content.originalLanguage);
  for (const field of TEXT_FIELDS) values.texts[field] = { ...content[field] };
  values.actors = content.actors.map((actor) => ({ ...actor }));
  values.countries = [...content.countries];
  values.periodStart = content.periodStart ?? '';
  values.periodEnd = content.periodEnd ?? '';
  values.ongoing = content.ongoing;
  values.modality = content.modality ?? '';
  for (const [field] of CODE_FIELDS) values.codes[field] = [...content[field]];
  values.smartPrinciples = [...content.smartPrinciples];
  values.links = content.links.map((link) => ({ url: link.url, label: link.label ?? '' }));
  values.contactFocalPointId = content.contactFocalPointId ?? '';
  values.notCommunicated = [...content.notCommunicated];
  return values;
}

export interface FormReading {
  values: PracticeFormValues;
  /** The content input for the command, from the entries that passed the form's checks. */
  content: PracticeContentInput;
  /** Errors already pointed at the form's controls. */
  errors: FieldError[];
  /** For each actor and link sent to the command, the form row it came from. */
  actorRows: number[];
  linkRows: number[];
  version: number | null;
}

/** Reads the flat form body, checks what the form alone can check, and builds the command's input. */
export function readPracticeForm(body: PracticeFormBody, rules: FormRules, t: Translate): FormReading {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => {
    if (!errors.some((error) => error.field === field)) errors.push({ field, message });
  };
  const values = emptyValues(one(body.originalLanguage).trim());
  values.network = one(body.network).trim();
  values.organisationId = one(body.organisationId).trim();
  values.callId = one(body.callId).trim();
  const originalLanguage = isContentLanguage(values.originalLanguage) ? values.originalLanguage : null;
  if (originalLanguage === null) fail('originalLanguage', t('practiceForm.error.choose'));

  const content: PracticeContentInput = {
    originalLanguage: originalLanguage ?? CONTENT_LANGUAGES[0]!,
    title: {},
  };
  for (const field of TEXT_FIELDS) {
    const texts: Record<string, string> = {};
    for (const lang of CONTENT_LANGUAGES) {
      const value = one(body[`${field}.${lang}`]);
      if (value.trim() === '') continue;
      values.texts[field][lang] = value;
      if (length(value.trim()) > TEXT_LIMITS[field])
        fail(`${field}.${lang}`, t('practices.error.tooLong', { max: TEXT_LIMITS[field] }));
      else texts[lang] = value.trim();
    }
    content[field] = texts;
  }

  const actorRows: number[] = [];
  const actors: { organisationId: string; role: string }[] = [];
  for (let row = 0; row < MAX_ACTOR_ROWS; row++) {
    const organisationId = one(body[`actors.${row}.organisationId`]).trim();
    const role = one(body[`actors.${row}.role`]).trim();
    actors.push({ organisationId, role });
    if (organisationId === '' && role === '') continue;
    let valid = true;
    if (organisationId === '') {
      fail(`actors.${row}.organisationId`, t('practiceForm.error.actorOrganisation'));
      valid = false;
    } else if (!UUID.test(organisationId)) {
      fail(`actors.${row}.organisationId`, t('practices.error.unknownOrganisation'));
      valid = false;
    }
    if (role === '') {
      fail(`actors.${row}.role`, t('practiceForm.error.actorRole'));
      valid = false;
    } else if (!(ACTOR_ROLES as readonly string[]).includes(role)) {
      fail(`actors.${row}.role`, t('practiceForm.error.choose'));
      valid = false;
    }
    if (valid) {
      actorRows.push(row);
      (content.actors ??= []).push({ organisationId, role: role as (typeof ACTOR_ROLES)[number] });
    }
  }
  values.actors = rowsTyped(actors, (actor) => actor.organisationId === '' && actor.role === '');

  const codes = (field: string, vocabulary: string, chosen: string[]): string[] => {
    const known = chosen.filter((code) => isCode(vocabulary, code));
    const unknown = chosen.find((code) => !isCode(vocabulary, code));
    if (unknown !== undefined) fail(field, t('practices.error.unknownCode', { code: unknown }));
    return known;
  };
  values.countries = many(body.countries);
  content.countries = codes('countries', 'countries', values.countries);
  for (const [field, vocabulary] of CODE_FIELDS) {
    values.codes[field] = many(body[field]);
    content[field] = codes(field, vocabulary, values.codes[field]);
  }
  values.smartPrinciples = many(body.smartPrinciples);
  content.smartPrinciples = values.smartPrinciples.filter((code) => rules.principles.has(code));
  const strayPrinciple = values.smartPrinciples.find((code) => !rules.principles.has(code));
  if (strayPrinciple !== undefined)
    fail('smartPrinciples', t('practices.error.unknownCode', { code: strayPrinciple }));

  values.periodStart = one(body.periodStart).trim();
  values.periodEnd = one(body.periodEnd).trim();
  values.ongoing = one(body.ongoing).trim() !== '';
  content.ongoing = values.ongoing;
  for (const field of ['periodStart', 'periodEnd'] as const) {
    if (values[field] === '') content[field] = null;
    else if (isDate(values[field])) content[field] = values[field];
    else {
      fail(field, t('practiceForm.error.date'));
      content[field] = null;
    }
  }

  values.modality = one(body.modality).trim();
  content.modality = null;
  if (values.modality !== '') {
    if (isCode('cooperation-modalities', values.modality)) content.modality = values.modality;
    else fail('modality', t('practices.error.unknownCode', { code: values.modality }));
  }

  const linkRows: number[] = [];
  const links: { url: string; label: string }[] = [];
  for (let row = 0; row < MAX_LINK_ROWS; row++) {
    const url = one(body[`links.${row}.url`]).trim();
    const label = one(body[`links.${row}.label`]).trim();
    links.push({ url, label });
    if (url === '' && label === '') continue;
    let valid = true;
    if (!isWebAddress(url)) {
      fail(`links.${row}.url`, t('practiceForm.error.url'));
      valid = false;
    }
    if (length(label) > 300) {
      fail(`links.${row}.label`, t('practices.error.tooLong', { max: 300 }));
      valid = false;
    }
    if (valid) {
      linkRows.push(row);
      (content.links ??= []).push(label ? { url, label } : { url });
    }
  }
  values.links = rowsTyped(links, (link) => link.url === '' && link.label === '');

  values.contactFocalPointId = one(body.contactFocalPointId).trim();
  content.contactFocalPointId = null;
  if (values.contactFocalPointId !== '') {
    if (rules.focalPoints.has(values.contactFocalPointId))
      content.contactFocalPointId = values.contactFocalPointId;
    else fail('contactFocalPointId', t('practiceForm.error.contact'));
  }

  // Only the form's own boxes count; anything else in this list is not a field of a practice.
  values.notCommunicated = many(body.notCommunicated).filter((field) =>
    (DISCLOSABLE_FIELDS as readonly string[]).includes(field),
  );
  content.notCommunicated = values.notCommunicated as DisclosableField[];

  if (values.callId !== '' && !rules.calls.has(values.callId))
    fail('callId', t('practices.error.unknownCall'));

  const rawVersion = one(body.version).trim();
  const version = /^[1-9][0-9]{0,8}$/.test(rawVersion) ? Number(rawVersion) : null;

  return { values, content, errors, actorRows, linkRows, version };
}

/**
 * Points an error of the form, the schema or the command at the control that shows it: `title`
 * at the title in the original language, `gcmObjectives.2` at the objectives, `actors.0.role` at
 * the row it came from, a field marked "not communicated" but filled at its box; anything else at
 * the form as a whole.
 */
export function displayField(
  field: string,
  reading: Pick<FormReading, 'values' | 'actorRows' | 'linkRows'>,
  fromCommand: boolean,
): string {
  const { values } = reading;
  const marked = (name: string) => values.notCommunicated.includes(name);
  const parts = field.split('.');
  const [head = '', second, third] = parts;
  const original = isContentLanguage(values.originalLanguage)
    ? values.originalLanguage
    : CONTENT_LANGUAGES[0];
  if ((TEXT_FIELDS as readonly string[]).includes(head)) {
    if (parts.length === 1) return marked(head) ? `notCommunicated.${head}` : `${head}.${original}`;
    if (parts.length === 2 && isContentLanguage(second!)) return field;
    return `${head}.${original}`;
  }
  if (head === 'actors' || head === 'links') {
    if (parts.length === 1) return marked(head) ? `notCommunicated.${head}` : head;
    const rows = head === 'actors' ? reading.actorRows : reading.linkRows;
    const index = Number(second);
    const row = fromCommand ? rows[index] : index;
    if (row === undefined || !Number.isInteger(row)) return head;
    const sub =
      head === 'actors'
        ? third === 'role'
          ? 'role'
          : 'organisationId'
        : third === 'label'
          ? 'label'
          : 'url';
    return `${head}.${row}.${sub}`;
  }
  switch (head) {
    case 'countries':
    case 'migrationStages':
    case 'targetGroups':
    case 'modality':
      return parts.length === 1 && marked(head) ? `notCommunicated.${head}` : head;
    case 'gcmObjectives':
    case 'gcmPrinciples':
    case 'thematicAreas':
    case 'smartPrinciples':
      return head;
    case 'period':
      return marked('period') ? 'notCommunicated.period' : 'periodStart';
    case 'contact':
      return marked('contact') ? 'notCommunicated.contact' : 'contactFocalPointId';
    case 'periodStart':
    case 'periodEnd':
    case 'ongoing':
    case 'contactFocalPointId':
    case 'network':
    case 'organisationId':
    case 'callId':
    case 'originalLanguage':
    case 'version':
    case 'file':
      return head;
    case 'notCommunicated':
      return 'body';
    default:
      return 'body';
  }
}

/** Errors pointed at controls, one per control, the form's own first. */
export function formErrorsFor(
  reading: Pick<FormReading, 'values' | 'actorRows' | 'linkRows'>,
  own: FieldError[],
  others: FieldError[],
  fromCommand: boolean,
): FieldError[] {
  const result: FieldError[] = [];
  const seen = new Set<string>();
  for (const [list, command] of [
    [own, false],
    [others, fromCommand],
  ] as const) {
    for (const error of list) {
      const field = displayField(error.field, reading, command);
      if (seen.has(field)) continue;
      seen.add(field);
      result.push({ field, message: error.message });
    }
  }
  return result;
}

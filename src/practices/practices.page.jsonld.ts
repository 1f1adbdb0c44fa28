import { labelOf } from '../reference/index.ts';
import { type Lang, type LocalizedText, pickText } from '../web/language.ts';
import { VOCABULARY_OF } from './practices.pages.components.tsx';
import { type PracticeView, textIn } from './practices.queries.ts';

/** Text safe inside a script element: nothing in it can close the element or start markup. */
const escapeJson = (json: string) =>
  json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** schema.org CreativeWork of the published version, as JSON text safe inside a script element. */
export function practiceJsonLd(view: PracticeView, baseUrl: string, lang: Lang): string {
  const content = view.shown.content;
  const text = (field: Record<string, string>) => textIn(field, lang, content.originalLanguage)?.text;
  const organisation = (id: string, name: LocalizedText) => ({
    '@type': 'Organization',
    name: pickText(name, lang)?.text,
    url: `${baseUrl}/${lang}/organisations/${id}`,
  });
  const published = view.shown.publishedAt ?? view.firstPublishedAt;
  const contributors = content.actors
    .filter(
      (actor) =>
        actor.organisationId !== view.organisation?.id && view.organisations.has(actor.organisationId),
    )
    .map((actor) => organisation(actor.organisationId, view.organisations.get(actor.organisationId)!.name));
  const data = {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': `${baseUrl}/${lang}/practices/${view.id}`,
    url: `${baseUrl}/${lang}/practices/${view.id}`,
    name: text(content.title),
    ...(text(content.summary) ? { description: text(content.summary) } : {}),
    inLanguage: Object.entries(view.translation)
      .filter(([, status]) => status !== 'missing')
      .map(([code]) => code),
    ...(published ? { datePublished: new Date(published).toISOString().slice(0, 10) } : {}),
    version: view.shown.number,
    ...(content.countries.length > 0
      ? {
          spatialCoverage: content.countries.map((code) => ({
            '@type': 'Country',
            name: labelOf(VOCABULARY_OF.countries, code, lang) ?? code,
            identifier: code,
          })),
        }
      : {}),
    ...(content.thematicAreas.length > 0
      ? {
          about: content.thematicAreas.map((code) => ({
            '@type': 'Thing',
            name: labelOf(VOCABULARY_OF.thematicAreas, code, lang) ?? code,
          })),
        }
      : {}),
    ...(view.organisation ? { author: organisation(view.organisation.id, view.organisation.name) } : {}),
    ...(contributors.length > 0 ? { contributor: contributors } : {}),
    isPartOf: {
      '@type': 'Collection',
      name: pickText(view.network.name, lang)?.text ?? view.network.slug,
      url: `${baseUrl}/${lang}/practices?network=${encodeURIComponent(view.network.slug)}`,
    },
  };
  return escapeJson(JSON.stringify(data));
}

import type { Children, PageContext } from '../web/render.tsx';
import { isFilled } from './practices.content.ts';
import {
  CodeList,
  LocalizedName,
  VOCABULARY_OF,
  codeLabel,
  periodText,
  roleLabel,
} from './practices.pages.components.tsx';
import type { PracticeView } from './practices.queries.ts';

/**
 * The lines of the details list, in the order of the form: each shown when filled, as "information
 * not communicated" when marked so, and left out when simply empty.
 */
export function practiceDetails(ctx: PageContext, view: PracticeView, base: string) {
  const t = ctx.t;
  const content = view.shown.content;
  const codes = (vocabulary: string, list: string[]) => () => (
    <CodeList ctx={ctx} vocabulary={vocabulary} codes={list} />
  );
  const lines: { field: string; filled: boolean; render: () => Children }[] = [
    {
      field: 'actors',
      filled: isFilled(content, 'actors'),
      render: () => (
        <ul class="plain-list">
          {content.actors.map((actor) => (
            <li>
              <a href={`/${ctx.lang}/organisations/${actor.organisationId}`}>
                <LocalizedName ctx={ctx} text={view.organisations.get(actor.organisationId)?.name ?? {}} />
              </a>{' '}
              — {roleLabel(t, actor.role)}
            </li>
          ))}
        </ul>
      ),
    },
    {
      field: 'countries',
      filled: isFilled(content, 'countries'),
      render: () => content.countries.map((code) => codeLabel(ctx, VOCABULARY_OF.countries, code)).join(', '),
    },
    { field: 'period', filled: isFilled(content, 'period'), render: () => periodText(ctx, content) },
    {
      field: 'modality',
      filled: content.modality !== null,
      render: () => codeLabel(ctx, VOCABULARY_OF.modality, content.modality ?? ''),
    },
    {
      field: 'migrationStages',
      filled: content.migrationStages.length > 0,
      render: codes(VOCABULARY_OF.migrationStages, content.migrationStages),
    },
    {
      field: 'targetGroups',
      filled: content.targetGroups.length > 0,
      render: codes(VOCABULARY_OF.targetGroups, content.targetGroups),
    },
    {
      field: 'gcmObjectives',
      filled: content.gcmObjectives.length > 0,
      render: codes(VOCABULARY_OF.gcmObjectives, content.gcmObjectives),
    },
    {
      field: 'gcmPrinciples',
      filled: content.gcmPrinciples.length > 0,
      render: codes(VOCABULARY_OF.gcmPrinciples, content.gcmPrinciples),
    },
    {
      field: 'thematicAreas',
      filled: content.thematicAreas.length > 0,
      render: codes(VOCABULARY_OF.thematicAreas, content.thematicAreas),
    },
    {
      field: 'links',
      filled: content.links.length > 0,
      render: () => (
        <ul class="plain-list">
          {content.links.map((link) => (
            <li>
              <a href={link.url} rel="noopener noreferrer">
                {link.label || link.url}
              </a>
            </li>
          ))}
        </ul>
      ),
    },
    {
      field: 'contact',
      filled: view.contact !== null,
      render: () =>
        view.contact ? (
          <>
            {view.contact.name}
            {view.contact.title ? `, ${view.contact.title}` : null}
            {view.contact.email ? (
              <>
                {' — '}
                <a href={`mailto:${view.contact.email}`}>{view.contact.email}</a>
              </>
            ) : ctx.principal === null ? (
              <span class="meta">
                {' — '}
                <a href={`/${ctx.lang}/login?next=${encodeURIComponent(base)}`}>
                  {t('practicePages.contact.signIn')}
                </a>
              </span>
            ) : null}
          </>
        ) : null,
    },
  ];
  const marked = content.notCommunicated as string[];
  return lines.filter((line) => line.filled || marked.includes(line.field));
}

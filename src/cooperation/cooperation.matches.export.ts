import { stringify } from 'csv-stringify/sync';
import { type Lang, pickText } from '../web/language.ts';
import type { MatchSummary } from './cooperation.matches.repository.ts';

/**
 * The columns of the matches' CSV, in file order, each with its HXL 1.1 hashtag: core hashtags
 * (`#activity`, `#org`, `#status`, `#date`) with `+demand` / `+offer` attributes for the two sides,
 * `#x_` for what the dictionary lacks. Facilitation notes and reasons of moves are not exported
 * (the match page shows them); the reason a match was dropped is.
 */
export const MATCH_COLUMNS = [
  { name: 'id', hxl: '#meta +id' },
  { name: 'url', hxl: '#meta +url' },
  { name: 'network', hxl: '#group +code' },
  { name: 'stage', hxl: '#status +code' },
  { name: 'demand_id', hxl: '#activity +demand +id' },
  { name: 'demand_title', hxl: '#activity +demand +name' },
  { name: 'demand_organisation_id', hxl: '#org +demand +id' },
  { name: 'demand_organisation_name', hxl: '#org +demand +name' },
  { name: 'offer_id', hxl: '#activity +offer +id' },
  { name: 'offer_title', hxl: '#activity +offer +name' },
  { name: 'offer_organisation_id', hxl: '#org +offer +id' },
  { name: 'offer_organisation_name', hxl: '#org +offer +name' },
  { name: 'score', hxl: '#x_match_score' },
  { name: 'dropped_reason', hxl: '#description +dropped' },
  { name: 'proposed_at', hxl: '#date +proposed' },
  { name: 'last_moved_at', hxl: '#date +last_moved' },
] as const;

/** RFC 4180 CSV (CRLF), header row, HXL row, one match per row; texts in `lang` or their first language. */
export function matchesToCsv(matches: MatchSummary[], lang: Lang, baseUrl: string): string {
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, lang)?.text ?? '';
  const records = matches.map((m) => [
    m.id,
    `${baseUrl}/${lang}/matches/${m.id}`,
    m.networkSlug,
    m.stage,
    m.demand.id,
    text(m.demand.title),
    m.demand.organisationId,
    text(m.demand.organisationName),
    m.offer.id,
    text(m.offer.title),
    m.offer.organisationId,
    text(m.offer.organisationName),
    m.score === null ? '' : String(m.score),
    m.droppedReason ?? '',
    m.proposedAt.toISOString(),
    m.lastMovedAt.toISOString(),
  ]);
  return stringify([MATCH_COLUMNS.map((c) => c.name), MATCH_COLUMNS.map((c) => c.hxl), ...records], {
    record_delimiter: 'windows',
  });
}

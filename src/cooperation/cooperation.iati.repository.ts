import type { Executor } from '../db/schema.ts';
import type { Principal } from '../http/access.ts';
import type { LocalizedText } from '../web/language.ts';
import { memberNetworkIds } from './cooperation.access.ts';
import { type CooperationRecord, toRecord } from './cooperation.repository.ts';
import {
  type Indicator,
  listIndicatorRows,
  valuesOfIndicators,
} from './cooperation.indicators.repository.ts';
import type { IndicatorValue } from './cooperation.indicators.repository.ts';
import type { PartyRole } from './cooperation.tables.ts';

/** A cooperation record with everything its IATI activity says: network, parties, indicators and values. */
export interface IatiRecord extends CooperationRecord {
  network: { slug: string; name: LocalizedText };
  parties: { organisationId: string; role: PartyRole; name: LocalizedText; stakeholderGroup: string }[];
  indicators: (Indicator & { values: IndicatorValue[] })[];
}

/**
 * The cooperation records the viewer may see (the access rules of cooperation.access.ts, as SQL):
 * completed ones for everyone; all of a network's for its members; those their organisation is a
 * party to; all for admins. `recordId` narrows to one.
 */
export async function visibleRecordsForIati(
  db: Executor,
  viewer: Principal | null,
  recordId?: string,
): Promise<IatiRecord[]> {
  const networks = viewer?.isAdmin ? null : [...(await memberNetworkIds(db, viewer))];
  let query = db
    .selectFrom('cooperation_records as r')
    .innerJoin('networks as n', 'n.id', 'r.network_id')
    .selectAll('r')
    .select(['n.slug as network_slug', 'n.name as network_name']);
  if (recordId !== undefined) query = query.where('r.id', '=', recordId);
  if (networks !== null)
    query = query.where((eb) =>
      eb.or([
        eb('r.status', '=', 'completed'),
        ...(networks.length > 0 ? [eb('r.network_id', 'in', networks)] : []),
        ...(viewer?.organisationId
          ? [
              eb(
                'r.id',
                'in',
                eb
                  .selectFrom('cooperation_record_parties')
                  .select('record_id')
                  .where('organisation_id', '=', viewer.organisationId),
              ),
            ]
          : []),
      ]),
    );
  const rows = await query.orderBy('r.created_at').orderBy('r.id').limit(5000).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const parties = await db
    .selectFrom('cooperation_record_parties as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.record_id', 'p.organisation_id', 'p.role', 'o.name', 'o.stakeholder_group'])
    .where('p.record_id', 'in', ids)
    .orderBy('p.role')
    .execute();
  const indicators = await listIndicatorRows(db, { recordIds: ids });
  const values = await valuesOfIndicators(
    db,
    indicators.map((indicator) => indicator.id),
  );
  return rows.map((row) => ({
    ...toRecord(row),
    network: { slug: row.network_slug, name: row.network_name as LocalizedText },
    parties: parties
      .filter((party) => party.record_id === row.id)
      .map((party) => ({
        organisationId: party.organisation_id,
        role: party.role,
        name: party.name as LocalizedText,
        stakeholderGroup: party.stakeholder_group,
      })),
    indicators: indicators
      .filter((indicator) => indicator.recordId === row.id)
      .map((indicator) => ({ ...indicator, values: values.get(indicator.id) ?? [] })),
  }));
}

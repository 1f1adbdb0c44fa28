import type { Executor } from '../db/schema.ts';
import { type Principal, isSecretariat } from '../http/access.ts';
import { HttpProblem } from '../http/problems.ts';
import type { LocalizedText } from '../web/language.ts';
import { canManageRecord, canViewRecord, isNetworkMember, memberNetworkIds } from './cooperation.access.ts';
import { canManageIndicator } from './cooperation.indicators.commands.ts';
import {
  type Indicator,
  type IndicatorFilter,
  type IndicatorValue,
  findIndicator,
  findRecordForIndicators,
  listIndicatorRows,
  partiesOfRecords,
  titlesOfRecords,
  valuesOfIndicators,
} from './cooperation.indicators.repository.ts';

/** An indicator with its values, how far it has come, and what the viewer may do with it. */
export interface IndicatorDetail extends Indicator {
  values: IndicatorValue[];
  /** Percent of the way from baseline to target of the latest value; null without a value or when baseline = target. */
  progress: number | null;
  recordTitle: LocalizedText | null;
  /** Whether the viewer is a member of the indicator's network (sees authors' names). */
  viewerIsMember: boolean;
  canManage: boolean;
}

/** How far `latest` has gone from the baseline toward the target, in percent (may pass 100 or go below 0). */
export function progressOf(
  indicator: Pick<Indicator, 'baselineValue' | 'targetValue'>,
  values: readonly Pick<IndicatorValue, 'value'>[],
): number | null {
  const latest = values.at(-1);
  if (latest === undefined || indicator.targetValue === indicator.baselineValue) return null;
  return (
    Math.round(
      ((latest.value - indicator.baselineValue) / (indicator.targetValue - indicator.baselineValue)) * 1000,
    ) / 10
  );
}

/**
 * The indicators matching the filter that the viewer may see: a network's and an objective's are
 * public; a record's follow the record (completed: public; otherwise the network's members and the
 * record's parties).
 */
export async function listVisibleIndicators(
  db: Executor,
  viewer: Principal | null,
  filter: IndicatorFilter,
): Promise<IndicatorDetail[]> {
  const rows = await listIndicatorRows(db, filter);
  const memberOf = viewer?.isAdmin ? null : await memberNetworkIds(db, viewer);
  const isMemberOf = (networkId: string) => memberOf === null || memberOf.has(networkId);
  const recordIds = [...new Set(rows.flatMap((row) => (row.recordId ? [row.recordId] : [])))];
  const parties = await partiesOfRecords(db, recordIds);
  const visible = rows.filter((row) => {
    if (row.recordId === null || row.recordStatus === 'completed' || isMemberOf(row.networkId)) return true;
    const recordParties = parties.get(row.recordId) ?? [];
    return viewer?.organisationId != null && recordParties.includes(viewer.organisationId);
  });
  const values = await valuesOfIndicators(
    db,
    visible.map((row) => row.id),
  );
  const titles = await titlesOfRecords(db, recordIds);
  const details: IndicatorDetail[] = [];
  for (const row of visible) {
    const own = values.get(row.id) ?? [];
    details.push({
      ...row,
      values: own,
      progress: progressOf(row, own),
      recordTitle: row.recordId ? (titles.get(row.recordId) ?? null) : null,
      viewerIsMember: isMemberOf(row.networkId),
      canManage: canManageListed(viewer, row, parties),
    });
  }
  return details;
}

function canManageListed(viewer: Principal | null, row: Indicator, parties: Map<string, string[]>): boolean {
  if (viewer === null) return false;
  if (row.recordId === null) return isSecretariat(viewer, row.networkId);
  return canManageRecord(viewer, {
    networkId: row.networkId,
    partyOrganisationIds: parties.get(row.recordId) ?? [],
  });
}

/** One indicator the viewer may see, with its values; not found otherwise (a private record's stays unknown). */
export async function getVisibleIndicator(
  db: Executor,
  viewer: Principal | null,
  id: string,
): Promise<IndicatorDetail> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new HttpProblem('not-found');
  let recordTitle: LocalizedText | null = null;
  if (indicator.recordId !== null) {
    const record = await findRecordForIndicators(db, indicator.recordId);
    if (!record || !(await canViewRecord(db, viewer, record))) throw new HttpProblem('not-found');
    recordTitle = record.title;
  }
  const values = (await valuesOfIndicators(db, [id])).get(id) ?? [];
  return {
    ...indicator,
    values,
    progress: progressOf(indicator, values),
    recordTitle,
    viewerIsMember: await isNetworkMember(db, viewer, indicator.networkId),
    canManage: await canManageIndicator(db, viewer, indicator),
  };
}

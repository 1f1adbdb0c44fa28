import type { Executor } from '../db/schema.ts';

export function insertAuditEntry(
  db: Executor,
  entry: {
    actorUserId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    details: Record<string, unknown>;
  },
) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

export function listAuditEntries(
  db: Executor,
  filter: { subjectType?: string; subjectId?: string },
  limit: number,
  offset: number,
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.details',
      'users.name as actor_name',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset);
  if (filter.subjectType) query = query.where('audit_log.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('audit_log.subject_id', '=', filter.subjectId);
  return query.execute();
}

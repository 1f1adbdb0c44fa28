import type { FastifyInstance } from 'fastify';
import type { Executor } from '../db/schema.ts';
import { auditRoutes } from './audit.routes.tsx';
import { insertAuditEntry } from './audit.repository.ts';

export { listAuditEntries } from './audit.repository.ts';

/**
 * Records a change to accounts or to personal data. Call it inside the transaction of the change,
 * so that the change and its record land together or not at all. Details name fields, not values.
 */
export function recordAudit(
  db: Executor,
  entry: {
    actorUserId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    details?: Record<string, unknown>;
  },
) {
  return insertAuditEntry(db, { ...entry, details: entry.details ?? {} });
}

/** The audit log's pages and API, for admins. */
export async function auditPlugin(app: FastifyInstance): Promise<void> {
  await auditRoutes(app);
}

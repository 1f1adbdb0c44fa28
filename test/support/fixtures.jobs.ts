import type { Db } from '../../src/db/schema.ts';
import type { MatrixFixture } from './matrix-env.ts';

/** A job that used up its attempts: a mail whose SMTP server refused it. */
export async function buildFailedJob(
  db: Db,
  overrides: { kind?: string; subject?: string; attempts?: number } = {},
): Promise<string> {
  const attempts = overrides.attempts ?? 3;
  const row = await db
    .insertInto('jobs')
    .values({
      kind: overrides.kind ?? 'mail.send',
      payload: JSON.stringify({
        to: 'someone@example.org',
        subject: overrides.subject ?? 'Puente: a failed mail',
        text: 'The secret text of the mail',
      }),
      status: 'failed',
      attempts,
      max_attempts: attempts,
      last_error: 'Error [ECONNREFUSED] connect ECONNREFUSED 127.0.0.1:1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The authorization matrix's fixtures for the jobs routes (named in their `harness.params`). */
export const jobsFixtures: Record<string, MatrixFixture> = {
  failedJob: (_actor, env) => buildFailedJob(env.db),
};

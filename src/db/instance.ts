import crypto from 'node:crypto';
import type { Db, Executor } from './schema.ts';

/**
 * The instance secret signs cookies and keys throttling hashes. `PUENTE_SECRET` wins; otherwise
 * one is made on first start and kept in the database, so that every app instance in front of
 * the same database shares it and nobody has to configure anything.
 */
export async function instanceSecret(db: Db, configured: string | null): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('settings')
    .values({ key: 'secret', value: crypto.randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'secret')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
  return (
    (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null
  );
}

export async function setSetting(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

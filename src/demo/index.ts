import type { Db } from '../db/schema.ts';
import { getSetting, setSetting } from '../db/instance.ts';
import { grantNetworkRole, hashPassword, insertUser } from '../accounts/index.ts';
import { insertNetwork, insertOrganisation } from '../directory/index.ts';
import { DEMO_NETWORKS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo.data.ts';

export interface DemoAccount {
  email: string;
  role: string;
  password: string;
}

/** Loads the demo network once, on the first start of an empty instance. */
export async function loadDemoOnFirstStart(db: Db): Promise<DemoAccount[] | null> {
  if ((await getSetting(db, 'demo_loaded_at')) !== null) return null;
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  return loadDemo(db);
}

/** Loads the demo network in one transaction: all of it or nothing. */
export async function loadDemo(db: Db): Promise<DemoAccount[]> {
  // One hash for the shared demo password: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const networkIds = new Map<string, string>();
    for (const network of DEMO_NETWORKS) networkIds.set(network.slug, (await insertNetwork(tx, network)).id);
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      organisationIds.set(
        organisation.key,
        (
          await insertOrganisation(tx, {
            name: organisation.name,
            acronym: organisation.acronym ? { en: organisation.acronym } : {},
          })
        ).id,
      );
    }
    for (const user of DEMO_USERS) {
      const { id } = await insertUser(tx, {
        email: user.email,
        name: user.name,
        locale: user.locale,
        passwordHash,
        isAdmin: user.isAdmin ?? false,
        organisationId: user.organisation ? (organisationIds.get(user.organisation) ?? null) : null,
      });
      for (const grant of user.grants ?? [])
        await grantNetworkRole(tx, id, networkIds.get(grant.network)!, grant.role);
    }
    await setSetting(tx, 'demo_loaded_at', new Date().toISOString());
  });
  return DEMO_USERS.map((user) => ({ email: user.email, role: user.role, password: DEMO_PASSWORD }));
}

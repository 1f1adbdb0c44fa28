import type { Executor } from '../db/schema.ts';
import type { NetworkLifeIds } from './demo.ids.ts';

/** The demo's subscriptions (network life, seeds 003 and 004). */
export async function loadDemoSubscriptions(tx: Executor, ids: NetworkLifeIds): Promise<void> {
  void tx;
  void ids;
}

import type { Executor } from '../db/schema.ts';
import type { NetworkLifeIds } from './demo.ids.ts';

interface DemoSubscription {
  source: 'updates' | 'practices' | 'offers' | 'demands';
  name: string;
  /** As the list page's query string takes them. */
  filters: Record<string, string | string[]>;
}

/** Who follows what in the demo, and how often their digest comes (seeds 003 and 004). */
export const DEMO_SUBSCRIPTIONS: {
  user: string;
  frequency: 'daily' | 'weekly' | 'never';
  subscriptions: DemoSubscription[];
}[] = [
  {
    user: 'focal.cruzroja@demo.puente.example',
    frequency: 'weekly',
    subscriptions: [
      {
        source: 'updates',
        name: 'Rutas migratorias en Centroamérica',
        filters: { category: ['migration-routes'], country: ['GT', 'HN', 'SV', 'NI', 'CR', 'PA', 'MX'] },
      },
      { source: 'practices', name: 'Trata de personas', filters: { q: 'trata' } },
      { source: 'demands', name: 'Demandas en México', filters: { country: ['MX'] } },
    ],
  },
  {
    user: 'perco@demo.puente.example',
    frequency: 'daily',
    subscriptions: [
      { source: 'updates', name: 'Fil de PERCO', filters: { network: ['perco'] } },
      {
        source: 'updates',
        name: 'Retour et financement (Amériques)',
        filters: { category: ['return', 'funding'], network: ['americas-mwg'] },
      },
      { source: 'offers', name: 'Offres de formation', filters: { kind: ['training'] } },
    ],
  },
  {
    user: 'secretariat@demo.puente.example',
    frequency: 'weekly',
    subscriptions: [
      { source: 'updates', name: 'Novedades de la RICOMI', filters: { network: ['ricomi'] } },
      { source: 'practices', name: 'Prácticas de la RICOMI', filters: { network: ['ricomi'] } },
    ],
  },
  {
    user: 'member@demo.puente.example',
    frequency: 'never',
    subscriptions: [{ source: 'updates', name: 'Retorno e reintegração', filters: { category: ['return'] } }],
  },
];

/** The demo's subscriptions (network life, seeds 003 and 004). */
export async function loadDemoSubscriptions(tx: Executor, ids: NetworkLifeIds): Promise<void> {
  for (const person of DEMO_SUBSCRIPTIONS) {
    const userId = ids.user(person.user);
    for (const subscription of person.subscriptions) {
      await tx
        .insertInto('subscriptions')
        .values({
          user_id: userId,
          source: subscription.source,
          name: subscription.name,
          filters: JSON.stringify(subscription.filters),
        })
        .execute();
    }
    await tx.insertInto('digest_settings').values({ user_id: userId, frequency: person.frequency }).execute();
  }
}

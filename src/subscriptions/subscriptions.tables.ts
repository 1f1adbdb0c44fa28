import type { ColumnType, Generated } from 'kysely';

export type SubscriptionSource = 'updates' | 'practices' | 'offers' | 'demands' | 'meetings';
export type DigestFrequency = 'daily' | 'weekly' | 'never';

export interface SubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  source: SubscriptionSource;
  name: string | null;
  /** The filters, as the source's list page takes them in its query string. */
  filters: ColumnType<
    Record<string, string | string[]>,
    Record<string, string | string[]> | string | undefined,
    Record<string, string | string[]> | string
  >;
  created_at: Generated<Date>;
}

export interface DigestSettingsTable {
  user_id: string;
  frequency: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>;
  last_sent_at: Date | null;
  updated_at: Generated<Date>;
}

export interface UnsubscribeTokensTable {
  token_hash: string;
  user_id: string;
  /** 'all': the link turns digests off; 'subscription': it ends `subscription_id`. */
  scope: ColumnType<'all' | 'subscription', 'all' | 'subscription' | undefined, 'all' | 'subscription'>;
  /** The subscription a 'subscription' link ends; null once it is gone. */
  subscription_id: string | null;
  created_at: Generated<Date>;
  used_at: Date | null;
}

export interface SubscriptionsTables {
  subscriptions: SubscriptionsTable;
  digest_settings: DigestSettingsTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
}

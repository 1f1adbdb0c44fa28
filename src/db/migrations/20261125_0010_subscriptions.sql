-- Subscriptions and email digests. A subscription follows feed posts (by category, country,
-- network) or a saved search of practices, offers or demands (its query string).
CREATE TABLE subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('updates', 'practices', 'offers', 'demands', 'meetings')),
  name text,
  filters jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_user_idx ON subscriptions (user_id);

-- One row per user who receives digests: how often, and up to when they have been sent.
CREATE TABLE digest_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  frequency text NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('daily', 'weekly', 'never')),
  last_sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Unsubscribe links are single-use tokens (only the hash is kept). `scope` 'all' turns digests off;
-- 'subscription' ends one subscription. The token outlives that subscription (SET NULL), so that a
-- link followed again says "already unsubscribed" rather than "unknown link".
CREATE TABLE unsubscribe_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scope text NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'subscription')),
  subscription_id uuid REFERENCES subscriptions (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX unsubscribe_tokens_user_idx ON unsubscribe_tokens (user_id);

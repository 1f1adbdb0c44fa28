-- Cooperation exchange (seed 004): offers and demands of cooperation, the matches the secretariat
-- facilitates from proposal to outcome, the cooperation records that result, and the indicators
-- that verify the effects of cooperation. Codes (kinds, areas, objectives, countries, regions,
-- languages) come from src/reference and are checked by the application.

-- An offer or a demand of cooperation, one table for both: they share every field, and matching
-- and the consolidation table read them side by side.
CREATE TABLE cooperation_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  side text NOT NULL CHECK (side IN ('offer', 'demand')),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  original_language text NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}'::jsonb,
  kind text NOT NULL,
  thematic_areas text[] NOT NULL DEFAULT '{}',
  gcm_objectives text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  working_languages text[] NOT NULL DEFAULT '{}',
  starts_on date,
  ends_on date,
  -- Capacity in words (places, experts, days…) and a budget in a currency (ISO 4217).
  capacity text,
  budget_amount numeric(14, 2) CHECK (budget_amount >= 0),
  budget_currency text CHECK (budget_currency ~ '^[A-Z]{3}$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-discussion', 'matched', 'closed')),
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'network')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
);
CREATE INDEX cooperation_items_network_idx ON cooperation_items (network_id, side, status);
CREATE INDEX cooperation_items_organisation_idx ON cooperation_items (organisation_id);

-- The weight of each named component of the matching score, tuned per network by its secretariat.
-- A network without a row uses the defaults of src/cooperation/matching.ts.
CREATE TABLE matching_weights (
  network_id uuid PRIMARY KEY REFERENCES networks (id) ON DELETE CASCADE,
  weights jsonb NOT NULL,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A match between a demand and an offer, facilitated from proposal to outcome.
CREATE TABLE cooperation_matches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  demand_id uuid NOT NULL REFERENCES cooperation_items (id) ON DELETE CASCADE,
  offer_id uuid NOT NULL REFERENCES cooperation_items (id) ON DELETE CASCADE,
  stage text NOT NULL DEFAULT 'proposed' CHECK (stage IN (
    'proposed', 'contacted', 'meeting-held', 'agreement-drafted', 'agreement-signed', 'under-way',
    'completed', 'dropped')),
  -- The score and its explanation when proposed, kept as they were then.
  score real,
  explanation jsonb NOT NULL DEFAULT '[]'::jsonb,
  dropped_reason text,
  proposed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  last_moved_at timestamptz NOT NULL DEFAULT now(),
  -- When the last "no move for N days" reminder went out; claimed atomically, so two instances
  -- never both send it.
  reminded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (demand_id, offer_id),
  CHECK (demand_id <> offer_id)
);
CREATE INDEX cooperation_matches_network_idx ON cooperation_matches (network_id, stage);
CREATE INDEX cooperation_matches_offer_idx ON cooperation_matches (offer_id);

-- Each move of a match from one stage to another: date, note, author.
CREATE TABLE cooperation_match_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  match_id uuid NOT NULL REFERENCES cooperation_matches (id) ON DELETE CASCADE,
  from_stage text,
  to_stage text NOT NULL,
  occurred_on date NOT NULL,
  note text,
  reason text,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cooperation_match_moves_match_idx ON cooperation_match_moves (match_id, at);

-- Cooperation that took place (or is under way): parties, modality, period, what was done.
CREATE TABLE cooperation_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  match_id uuid UNIQUE REFERENCES cooperation_matches (id) ON DELETE SET NULL,
  original_language text NOT NULL,
  title jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  activities jsonb NOT NULL DEFAULT '{}'::jsonb,
  results jsonb NOT NULL DEFAULT '{}'::jsonb,
  resources jsonb NOT NULL DEFAULT '{}'::jsonb,
  modality text NOT NULL,
  thematic_areas text[] NOT NULL DEFAULT '{}',
  gcm_objectives text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  starts_on date,
  ends_on date,
  budget_amount numeric(14, 2) CHECK (budget_amount >= 0),
  budget_currency text CHECK (budget_currency ~ '^[A-Z]{3}$'),
  status text NOT NULL DEFAULT 'under-way' CHECK (status IN ('planned', 'under-way', 'completed')),
  -- The practice draft this record was turned into, once.
  practice_id uuid REFERENCES practices (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
);
CREATE INDEX cooperation_records_network_idx ON cooperation_records (network_id, status);

CREATE TABLE cooperation_record_parties (
  record_id uuid NOT NULL REFERENCES cooperation_records (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('provider', 'beneficiary', 'funder', 'facilitator', 'partner')),
  PRIMARY KEY (record_id, organisation_id, role)
);
CREATE INDEX cooperation_record_parties_org_idx ON cooperation_record_parties (organisation_id);

CREATE TABLE cooperation_record_practices (
  record_id uuid NOT NULL REFERENCES cooperation_records (id) ON DELETE CASCADE,
  practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  PRIMARY KEY (record_id, practice_id)
);

-- An indicator that verifies the effects of cooperation, defined for a network, a cooperation
-- record or a GCM objective (within a network). `unit_type` says what a value may be: a count is
-- a whole number ≥ 0, a percentage 0–100, an amount ≥ 0 in `currency`, a score any number.
CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('network', 'record', 'objective')),
  record_id uuid REFERENCES cooperation_records (id) ON DELETE CASCADE,
  gcm_objective text,
  original_language text NOT NULL,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}'::jsonb,
  unit_type text NOT NULL CHECK (unit_type IN ('count', 'percentage', 'amount', 'score')),
  unit jsonb NOT NULL DEFAULT '{}'::jsonb,
  currency text CHECK (currency ~ '^[A-Z]{3}$'),
  baseline_value numeric NOT NULL,
  baseline_on date NOT NULL,
  target_value numeric NOT NULL,
  target_on date NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (target_on >= baseline_on),
  CHECK ((scope = 'record') = (record_id IS NOT NULL)),
  CHECK ((scope = 'objective') = (gcm_objective IS NOT NULL)),
  CHECK ((unit_type = 'amount') = (currency IS NOT NULL))
);
CREATE INDEX indicators_network_idx ON indicators (network_id, scope);
CREATE INDEX indicators_record_idx ON indicators (record_id);

CREATE TABLE indicator_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  value numeric NOT NULL,
  measured_on date NOT NULL,
  source text NOT NULL,
  note text,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_values_indicator_idx ON indicator_values (indicator_id, measured_on);

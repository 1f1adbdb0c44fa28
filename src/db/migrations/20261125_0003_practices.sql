-- Practices: smart practices and cooperation experiences, submitted by an organisation to a
-- network, reviewed by peers, published; every version kept. Codes (objectives, areas, countries)
-- come from src/reference and are checked by the application.

-- Members who translate practices, into these languages.
ALTER TABLE users ADD COLUMN translator_languages text[] NOT NULL DEFAULT '{}';

-- The smart-practice principles a network tags its practices with (seed 000: P1 at design, P4 at
-- implementation).
CREATE TABLE smart_principles (
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9.-]{1,20}$'),
  stage text NOT NULL CHECK (stage IN ('design', 'implementation')),
  label jsonb NOT NULL,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (network_id, code)
);

-- A thematic call for practices opened by a network's secretariat.
CREATE TABLE practice_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}'::jsonb,
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  gcm_objectives text[] NOT NULL DEFAULT '{}',
  thematic_areas text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX practice_calls_network_idx ON practice_calls (network_id, closes_on);

-- `status` is the practice's public life: before its first publication it follows its working
-- version (draft, submitted, in-review, returned); once published it stays published while the
-- next revision is drafted and reviewed, until withdrawn or archived.
CREATE TABLE practices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  call_id uuid REFERENCES practice_calls (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'in-review', 'returned', 'published', 'withdrawn', 'archived')),
  published_version_id uuid,
  working_version_id uuid,
  first_published_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX practices_network_idx ON practices (network_id, status);
CREATE INDEX practices_organisation_idx ON practices (organisation_id);
CREATE INDEX practices_call_idx ON practices (call_id);

-- Every version of a practice, whole: `content` is the practice as its author saw it (texts per
-- language, tags, period, actors, "information not communicated" marks).
CREATE TABLE practice_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  state text NOT NULL
    CHECK (state IN ('draft', 'submitted', 'in-review', 'returned', 'published', 'superseded')),
  kind text NOT NULL DEFAULT 'revision' CHECK (kind IN ('revision', 'translation', 'import')),
  original_language text NOT NULL,
  content jsonb NOT NULL,
  completeness smallint NOT NULL CHECK (completeness BETWEEN 0 AND 100),
  note text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  published_at timestamptz,
  UNIQUE (practice_id, number)
);

ALTER TABLE practices
  ADD CONSTRAINT practices_published_version_fk FOREIGN KEY (published_version_id)
    REFERENCES practice_versions (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  ADD CONSTRAINT practices_working_version_fk FOREIGN KEY (working_version_id)
    REFERENCES practice_versions (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

-- What happened to a practice and when: submitted, returned with comments, published, withdrawn…
CREATE TABLE practice_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  version_id uuid REFERENCES practice_versions (id) ON DELETE CASCADE,
  kind text NOT NULL,
  comment text,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_events_practice_idx ON practice_events (practice_id, at);

-- Peer review of one version: one reviewer of the secretariat, two of member institutions.
CREATE TABLE practice_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES practice_versions (id) ON DELETE CASCADE,
  reviewer_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  seat text NOT NULL CHECK (seat IN ('secretariat', 'member')),
  assigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  relevance smallint CHECK (relevance BETWEEN 1 AND 5),
  effectiveness smallint CHECK (effectiveness BETWEEN 1 AND 5),
  replicability smallint CHECK (replicability BETWEEN 1 AND 5),
  sustainability smallint CHECK (sustainability BETWEEN 1 AND 5),
  recommendation text CHECK (recommendation IN ('publish', 'revise', 'reject')),
  comments text,
  submitted_at timestamptz,
  UNIQUE (version_id, reviewer_id)
);
CREATE INDEX practice_reviews_reviewer_idx ON practice_reviews (reviewer_id, submitted_at);

-- Attachments (PDF and images), kept in the database so that a backup holds everything.
CREATE TABLE practice_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  data bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_attachments_practice_idx ON practice_attachments (practice_id);

-- The search index: one row per published practice, rebuilt from its published version. Narrow on
-- purpose: the facets are small arrays beside the document, so that counting them reads no text.
CREATE TABLE practice_search (
  practice_id uuid PRIMARY KEY REFERENCES practices (id) ON DELETE CASCADE,
  network_id uuid NOT NULL,
  published_at timestamptz NOT NULL,
  year smallint,
  modality text,
  languages text[] NOT NULL DEFAULT '{}',
  gcm_objectives text[] NOT NULL DEFAULT '{}',
  gcm_principles text[] NOT NULL DEFAULT '{}',
  thematic_areas text[] NOT NULL DEFAULT '{}',
  countries text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  stages text[] NOT NULL DEFAULT '{}',
  organisations uuid[] NOT NULL DEFAULT '{}',
  document tsvector NOT NULL
);
CREATE INDEX practice_search_document_idx ON practice_search USING gin (document);
CREATE INDEX practice_search_published_idx ON practice_search (published_at DESC);

-- Words of published titles and summaries, for "did you mean" (trigram similarity).
CREATE TABLE practice_lexicon (
  word text PRIMARY KEY
);
CREATE INDEX practice_lexicon_trgm_idx ON practice_lexicon USING gin (word gin_trgm_ops);

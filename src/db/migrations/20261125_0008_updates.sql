-- The information-exchange feed: short posts by members on migration routes, return, funding…
CREATE TABLE updates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  category text NOT NULL CHECK (category IN ('migration-routes', 'return', 'funding', 'civil-society', 'legislation', 'events', 'publications', 'other')),
  countries text[] NOT NULL DEFAULT '{}',
  language text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network')),
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
  published_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX updates_published_idx ON updates (published_at DESC);
CREATE INDEX updates_network_idx ON updates (network_id, published_at DESC);
CREATE INDEX updates_countries_idx ON updates USING gin (countries);

CREATE TABLE update_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  update_id uuid NOT NULL REFERENCES updates (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  data bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX update_attachments_update_idx ON update_attachments (update_id);

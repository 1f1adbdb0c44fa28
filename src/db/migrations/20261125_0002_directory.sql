-- Directory: organisations typed by stakeholder group, with countries, thematic areas,
-- accreditations, focal points and relationships; networks with their kind, region, funding and
-- members; invitations of focal points. Codes (stakeholder groups, countries, areas, kinds) come
-- from src/reference and are checked by the application.

ALTER TABLE organisations
  ALTER COLUMN acronym TYPE jsonb USING CASE WHEN acronym IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('en', acronym) END;
ALTER TABLE organisations ALTER COLUMN acronym SET DEFAULT '{}'::jsonb;
UPDATE organisations SET acronym = '{}'::jsonb WHERE acronym IS NULL;
ALTER TABLE organisations ALTER COLUMN acronym SET NOT NULL;
ALTER TABLE organisations
  ADD COLUMN stakeholder_group text NOT NULL DEFAULT 'civil-society',
  ADD COLUMN headquarters_country text CHECK (headquarters_country ~ '^[A-Z]{2}$'),
  ADD COLUMN countries_served text[] NOT NULL DEFAULT '{}',
  ADD COLUMN thematic_areas text[] NOT NULL DEFAULT '{}',
  ADD COLUMN website text,
  ADD COLUMN description jsonb NOT NULL DEFAULT '{}'::jsonb;
CREATE INDEX organisations_stakeholder_group_idx ON organisations (stakeholder_group);
CREATE INDEX organisations_countries_idx ON organisations USING gin (countries_served);
CREATE INDEX organisations_areas_idx ON organisations USING gin (thematic_areas);

CREATE TABLE organisation_accreditations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The body that grants it: an organisation of the directory, or a name when it is not one.
  accrediting_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  accrediting_body text,
  kind text NOT NULL,
  granted_on date,
  note text,
  CHECK (accrediting_organisation_id IS NOT NULL OR accrediting_body IS NOT NULL)
);
CREATE INDEX organisation_accreditations_org_idx ON organisation_accreditations (organisation_id);

CREATE TABLE focal_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  name text NOT NULL,
  title text,
  email text,
  phone text,
  languages text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX focal_points_org_idx ON focal_points (organisation_id);

-- "organisation_id is <kind> of related_organisation_id": an NGO is a service provider of IOM.
CREATE TABLE organisation_relationships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  related_organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL,
  since date,
  note text,
  CHECK (organisation_id <> related_organisation_id),
  UNIQUE (organisation_id, related_organisation_id, kind)
);
CREATE INDEX organisation_relationships_related_idx ON organisation_relationships (related_organisation_id);

ALTER TABLE networks
  ADD COLUMN kind text NOT NULL DEFAULT 'network' CHECK (kind IN ('network', 'coalition', 'working-group', 'platform')),
  ADD COLUMN region text,
  ADD COLUMN year_founded integer CHECK (year_founded BETWEEN 1800 AND 2200),
  ADD COLUMN objectives jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN coordinating_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  ADD COLUMN meeting_cadence jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN funding_status text CHECK (funding_status IN ('funded', 'partly-funded', 'unfunded')),
  ADD COLUMN funding_note jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN funding_year integer CHECK (funding_year BETWEEN 1800 AND 2200),
  ADD COLUMN countries text[] NOT NULL DEFAULT '{}';

CREATE TABLE network_memberships (
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('coordinator', 'member', 'observer')),
  since date,
  PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX network_memberships_org_idx ON network_memberships (organisation_id);

CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  network_id uuid REFERENCES networks (id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX invitations_org_idx ON invitations (organisation_id);

-- Network life: meetings with their agenda, documents, invitations, answers, attendance, minutes,
-- decisions and action items. Times are stored in UTC (timestamptz); `time_zone` is the
-- organiser's IANA zone, shown beside the viewer's.
ALTER TABLE users ADD COLUMN time_zone text;

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('teleconference', 'annual-meeting', 'workshop', 'high-level-meeting', 'webinar')),
  original_language text NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  place text,
  online_url text,
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network')),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  -- The occurrences of a recurring meeting share a series; `recurrence` is its RFC 5545 RRULE.
  series_id uuid,
  recurrence text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_network_idx ON meetings (network_id, starts_at);
CREATE INDEX meetings_starts_idx ON meetings (starts_at);
CREATE INDEX meetings_series_idx ON meetings (series_id);

CREATE TABLE meeting_agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}'::jsonb,
  presenter text,
  duration_minutes integer CHECK (duration_minutes > 0)
);
CREATE INDEX meeting_agenda_items_meeting_idx ON meeting_agenda_items (meeting_id, position);

CREATE TABLE meeting_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  title text NOT NULL,
  language text,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  data bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_documents_meeting_idx ON meeting_documents (meeting_id);

-- An invitation names an organisation (all its focal points' accounts are invited) or a person.
CREATE TABLE meeting_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'participant' CHECK (role IN ('participant', 'observer', 'speaker')),
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  reminded_at timestamptz,
  CHECK ((organisation_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX meeting_invitations_organisation_idx ON meeting_invitations (meeting_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_invitations_user_idx ON meeting_invitations (meeting_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX meeting_invitations_user_lookup_idx ON meeting_invitations (user_id);
CREATE INDEX meeting_invitations_organisation_lookup_idx ON meeting_invitations (organisation_id);

CREATE TABLE meeting_rsvps (
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  response text NOT NULL CHECK (response IN ('yes', 'no', 'maybe')),
  comment text,
  responded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, user_id)
);

-- Who was there: a person with an account, or an organisation (and a name, for guests).
CREATE TABLE meeting_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  name text,
  role text NOT NULL DEFAULT 'participant' CHECK (role IN ('participant', 'observer', 'speaker')),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NOT NULL OR organisation_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX meeting_attendance_meeting_idx ON meeting_attendance (meeting_id);

CREATE TABLE meeting_minutes (
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  language text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (meeting_id, language)
);

CREATE TABLE meeting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  original_language text NOT NULL,
  text jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_decisions_meeting_idx ON meeting_decisions (meeting_id, position);

CREATE TABLE action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  decision_id uuid REFERENCES meeting_decisions (id) ON DELETE SET NULL,
  title text NOT NULL,
  language text NOT NULL,
  owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  owner_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),
  note text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  reminded_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX action_items_meeting_idx ON action_items (meeting_id);
CREATE INDEX action_items_owner_idx ON action_items (owner_user_id, status, due_on);
CREATE INDEX action_items_owner_organisation_idx ON action_items (owner_organisation_id, status, due_on);

-- A personal calendar feed: the URL carries a secret token, of which only the hash is kept.
CREATE TABLE calendar_feeds (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

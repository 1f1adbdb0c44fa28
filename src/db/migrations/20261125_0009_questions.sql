-- Questions to the network (like the European Migration Network's ad-hoc queries): a member
-- institution asks structured questions with a deadline; each member organisation answers once.
CREATE TABLE network_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  asked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  original_language text NOT NULL,
  title jsonb NOT NULL,
  background jsonb NOT NULL DEFAULT '{}'::jsonb,
  deadline timestamptz NOT NULL,
  -- The IANA time zone the asker set the deadline in; pages show the deadline in it and in UTC.
  deadline_time_zone text NOT NULL DEFAULT 'UTC',
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX network_questions_network_idx ON network_questions (network_id, created_at DESC);

CREATE TABLE network_question_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  question_id uuid NOT NULL REFERENCES network_questions (id) ON DELETE CASCADE,
  position integer NOT NULL,
  text jsonb NOT NULL,
  answer_type text NOT NULL CHECK (answer_type IN ('text', 'yes-no', 'number', 'choice')),
  choices jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (question_id, position)
);

CREATE TABLE network_question_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  question_id uuid NOT NULL REFERENCES network_questions (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  country text,
  language text NOT NULL,
  answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (question_id, organisation_id)
);

CREATE TABLE network_question_answer_values (
  answer_id uuid NOT NULL REFERENCES network_question_answers (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES network_question_items (id) ON DELETE CASCADE,
  value text NOT NULL,
  PRIMARY KEY (answer_id, item_id)
);

-- Background work: a queue claimed with FOR UPDATE SKIP LOCKED, so that several instances (or the
-- server and a cron `puente` command) never run the same job twice. A job with an idempotency key
-- is enqueued at most once: a second enqueue of the same key is a no-op.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  idempotency_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_failed_idx ON jobs (updated_at DESC) WHERE status = 'failed';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE status = 'done';

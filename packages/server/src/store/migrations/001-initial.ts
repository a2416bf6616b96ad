/**
 * PostgreSQL schema version 1: everything SQLite's migrations 1–5 built, in one step (a
 * PostgreSQL database starts at this version). Bytes are bytea, JSON is jsonb, times are
 * milliseconds since the epoch (bigint). The append-only tables refuse UPDATE and DELETE with a
 * trigger, like SQLite's.
 */
export const name = 'initial schema';

export const sql = `
CREATE TABLE tasks (
  id text PRIMARY KEY,
  name text NOT NULL,
  spec jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'stopped')),
  status_reason text NOT NULL DEFAULT '',
  awaiting_approval boolean NOT NULL DEFAULT false,
  model_version integer NOT NULL DEFAULT 0,
  final_eval_done boolean NOT NULL DEFAULT false,
  optimizer_state bytea,
  -- The privacy accountant's own serialization, kept byte for byte.
  privacy_state text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE model_versions (
  task_id text NOT NULL REFERENCES tasks(id),
  version integer NOT NULL,
  weights bytea NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (task_id, version)
);

CREATE TABLE rounds (
  id bigserial PRIMARY KEY,
  task_id text NOT NULL REFERENCES tasks(id),
  round integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('train', 'evaluate')),
  status text NOT NULL CHECK (status IN ('committed', 'aborted')),
  model_version_in integer NOT NULL,
  model_version_out integer,
  reason text NOT NULL DEFAULT '',
  metrics jsonb,
  started_at bigint NOT NULL,
  ended_at bigint NOT NULL
);
-- A round number commits at most once per task, whichever coordinator node tries.
CREATE UNIQUE INDEX rounds_committed ON rounds (task_id, round) WHERE status = 'committed';
CREATE INDEX rounds_by_task ON rounds (task_id, id);

CREATE TABLE participation (
  task_id text NOT NULL,
  round integer NOT NULL,
  device_id text NOT NULL,
  num_examples integer NOT NULL,
  PRIMARY KEY (task_id, round, device_id)
);
CREATE INDEX participation_by_device ON participation (device_id);

CREATE TABLE devices (
  id text PRIMARY KEY,
  first_seen bigint NOT NULL,
  last_seen bigint NOT NULL,
  public_key bytea,
  enrolled_at bigint,
  revoked_at bigint,
  revoked_reason text NOT NULL DEFAULT ''
);

CREATE TABLE enrollment_tokens (
  token_hash text PRIMARY KEY,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  device_id text
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  at bigint NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE TABLE device_refs (
  device_id text PRIMARY KEY,
  ref text NOT NULL UNIQUE
);

CREATE TABLE task_approvals (
  leaf_index integer PRIMARY KEY,
  task_id text NOT NULL UNIQUE REFERENCES tasks(id),
  approval jsonb NOT NULL,
  approved_at bigint NOT NULL
);

CREATE TABLE log_heads (
  size integer PRIMARY KEY,
  head jsonb NOT NULL
);

-- What the enrollment authority signed, relayed to devices (SQLite keeps these in trust.db).
CREATE TABLE device_certificates (
  device_id text PRIMARY KEY,
  certificate jsonb NOT NULL,
  expires_at bigint NOT NULL,
  stored_at bigint NOT NULL
);

CREATE TABLE revocation_lists (
  authority_key text PRIMARY KEY,
  sequence bigint NOT NULL,
  digest text NOT NULL,
  list jsonb NOT NULL,
  stored_at bigint NOT NULL
);

CREATE FUNCTION conclave_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION conclave_append_only();
CREATE TRIGGER task_approvals_append_only BEFORE UPDATE OR DELETE ON task_approvals FOR EACH ROW EXECUTE FUNCTION conclave_append_only();
CREATE TRIGGER log_heads_append_only BEFORE UPDATE OR DELETE ON log_heads FOR EACH ROW EXECUTE FUNCTION conclave_append_only();
`;
